/**
 * Wrangling on the web (/wrangling) and the admins' page of wranglers (/admin/wranglers). Who may wrangle what is
 * the services' to say (services/tags/wrangler-scope.ts): a guest is sent to sign in, anyone else who may not is
 * answered 403.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { TAG_TYPES } from "../../domain/tags/tag-type.js";
import { readWranglingQueue, wrangleTags, type BulkAction, type QueueRequest } from "../../services/tags/wrangling-desk.js";
import { assignWrangler, listWranglersForAdmin, unassignWrangler } from "../../services/tags/wranglers.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { schemaProblems, validationProblems, type FormProblems } from "../form-problems.js";
import { parseId } from "../request.js";
import { pageUrl } from "../views/pagination.js";
import { queueParams, WranglingPage, type WranglingPageProps } from "../views/wrangling-page.js";
import { WranglersPage } from "../views/wranglers-page.js";

const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const tagType = z.enum(TAG_TYPES).nullable().catch(null);
const optionalName = z.string().trim().max(300).transform((s) => s || null).nullable().catch(null);
const id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const bulkForm = z.object({
  tag: oneOrMany(id),
  action: z.enum(["canonical", "merge", "parent"]).optional(),
  into: z.string().max(300).default(""),
  parent: z.string().max(300).default(""),
  /** A suggestion's button: "tag id:canonical tag id". */
  accept: z.string().regex(/^[0-9]{1,15}:[0-9]{1,15}$/u, "That suggestion could not be read.").optional(),
  type: tagType.default(null),
  fandom: optionalName.default(null),
  page: pageNumber.default(1),
});
const wranglerForm = z.object({ login: z.string().trim().max(100).default(""), fandom: z.string().trim().max(300).default("") });

function queueRequest(c: Context<WebEnv>): QueueRequest {
  return { type: tagType.parse(c.req.query("type") ?? null), fandom: optionalName.parse(c.req.query("fandom") ?? null), page: pageNumber.parse(c.req.query("page")) };
}

/** The tags and action the form asks for: a suggestion's button acts on its own tag alone. */
function bulkRequest(form: z.infer<typeof bulkForm>): { tagIds: number[]; action: BulkAction } | { problems: FormProblems } {
  if (form.accept) {
    const [tagId = 0, canonicalId = 0] = form.accept.split(":").map(Number);
    return { tagIds: [tagId], action: { action: "merge", into: { id: canonicalId } } };
  }
  switch (form.action) {
    case "canonical": return { tagIds: form.tag, action: { action: "canonical" } };
    case "merge": return { tagIds: form.tag, action: { action: "merge", into: { name: form.into } } };
    case "parent": return { tagIds: form.tag, action: { action: "parent", fandom: form.parent.trim() } };
    case undefined: return { problems: { action: "Choose what to do with the chosen tags." } };
  }
}

export function wranglingRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  const showQueue = async (c: Context<WebEnv>, request: QueueRequest, options: { problems?: FormProblems; form?: WranglingPageProps["form"] } = {}) => {
    const queue = await readWranglingQueue(deps.db, c.get("page").viewer, request);
    const done = Number(c.req.query("done") ?? Number.NaN);
    const notice = Number.isSafeInteger(done) && done >= 0 ? `${done === 1 ? "1 tag" : `${done} tags`} wrangled; searches show the change now.` : null;
    return c.html(
      <WranglingPage page={c.get("page")} queue={queue} notice={options.problems ? null : notice} problems={options.problems ?? null}
        form={options.form ?? { tags: [], action: "", into: "", parent: "" }} />,
      options.problems ? 400 : 200,
    );
  };

  app.get("/wrangling", (c) => showQueue(c, queueRequest(c)));

  app.post("/wrangling", async (c) => {
    const parsed = bulkForm.safeParse(await c.req.parseBody({ all: true }));
    if (!parsed.success) return showQueue(c, queueRequest(c), { problems: schemaProblems(parsed.error) });
    const form = parsed.data;
    const back: QueueRequest = { type: form.type, fandom: form.fandom, page: form.page };
    const shown = { tags: form.tag, action: form.action ?? "", into: form.into, parent: form.parent };
    const request = bulkRequest(form);
    if ("problems" in request) return showQueue(c, back, { problems: request.problems, form: shown });
    let changed = 0;
    const problems = await validationProblems(async () => {
      ({ changed } = await wrangleTags(deps, c.get("page").viewer, request.tagIds, request.action));
    });
    if (problems) return showQueue(c, back, { problems, form: shown });
    const params = queueParams({ type: back.type, fandom: back.fandom === null ? null : { name: back.fandom } });
    params.set("done", String(changed));
    return c.redirect(pageUrl("/wrangling", params, back.page), 303);
  });

  const showWranglers = async (c: Context<WebEnv>, options: { problems?: FormProblems; form?: { login: string; fandom: string } } = {}) => {
    const assignments = await listWranglersForAdmin(deps.db, c.get("page").viewer);
    const saved = c.req.query("saved");
    const notice = options.problems ? null : saved === "assigned" ? "The wrangler is assigned." : saved === "unassigned" ? "The wrangler is unassigned." : null;
    return c.html(<WranglersPage page={c.get("page")} assignments={assignments} notice={notice} problems={options.problems ?? null} form={options.form ?? { login: "", fandom: "" }} />,
      options.problems ? 400 : 200);
  };

  app.get("/admin/wranglers", (c) => showWranglers(c));

  app.post("/admin/wranglers", async (c) => {
    const parsed = wranglerForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showWranglers(c, { problems: schemaProblems(parsed.error) });
    const { login, fandom } = parsed.data;
    const problems = await validationProblems(() => assignWrangler(deps, c.get("page").viewer, login, fandom, deps.now().toISOString()));
    if (problems) return showWranglers(c, { problems, form: { login, fandom } });
    return c.redirect("/admin/wranglers?saved=assigned", 303);
  });

  app.post("/admin/wranglers/:userId{[0-9]+}/:fandomId{[0-9]+}/delete", async (c) => {
    await unassignWrangler(deps, c.get("page").viewer, parseId(c.req.param("userId"), "User"), parseId(c.req.param("fandomId"), "Fandom"), deps.now().toISOString());
    return c.redirect("/admin/wranglers?saved=unassigned", 303);
  });

  return app;
}

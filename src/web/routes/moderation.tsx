/**
 * Reports and the moderators' pages. Reporting is open to anyone who can read the work (guests too, limited per
 * address; accounts per account); every /moderation page and action is for moderators and admins, each action
 * posting a reason that the moderators' log keeps.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import { REPORT_CATEGORIES, type ReportTarget } from "../../domain/moderation.js";
import { setCommentHiddenByModerator } from "../../services/moderation/comment-moderation.js";
import { readModerationLog } from "../../services/moderation/log.js";
import { readReportQueue } from "../../services/moderation/queue.js";
import { fileReport, readReportTarget } from "../../services/moderation/reports.js";
import { resolveReportWithNote } from "../../services/moderation/resolve-report.js";
import { readUserModeration, suspendUser, unsuspendUser, warnUser } from "../../services/moderation/user-moderation.js";
import { setWorkHiddenByModerator } from "../../services/moderation/work-moderation.js";
import { createRateLimiter } from "../../services/rate-limit.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { clientAddress, localReturnPath, parseId } from "../request.js";
import { LogPage } from "../views/moderation-log-page.js";
import { QueuePage } from "../views/moderation-queue-page.js";
import { reportPath, ReportPage, ReportSentPage } from "../views/moderation-report-page.js";
import { UserModerationPage } from "../views/moderation-user-page.js";

const HOUR_MS = 3600 * 1000;
/** Reports a guest's address may send in an hour, and an account: enough for a reader who found a nest of spam. */
export const GUEST_REPORTS_PER_HOUR = 5;
export const ACCOUNT_REPORTS_PER_HOUR = 20;

/** Long enough for any reason the forms allow; the services hold the real limits and say what they are. */
const text = z.string().max(20_000).default("");
const reportForm = z.object({ category: z.enum(REPORT_CATEGORIES), reason: text });
const reasonForm = z.object({ reason: text, return: z.string().optional() });
const noteForm = z.object({ note: text, return: z.string().optional() });
const warnForm = z.object({ message: text, return: z.string().optional() });
const suspendForm = z.object({ reason: text, days: z.string().default(""), indefinite: z.literal("on").optional(), return: z.string().optional() });
const pageQuery = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** The form's fields, read as the schema says. @throws ValidationError naming what could not be read */
async function readForm<T extends z.ZodType>(c: Context<WebEnv>, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "form", i.message])));
  return parsed.data;
}

/** After an action, back to the page the form was on (the queue, a user's page, a work), else the queue. */
function backTo(c: Context<WebEnv>, returnPath: string | undefined) {
  const path = localReturnPath(returnPath);
  return c.redirect(path === "/" ? "/moderation" : path, 303);
}

export function moderationRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const guestReports = createRateLimiter({ max: GUEST_REPORTS_PER_HOUR, windowMs: HOUR_MS }, "Too many reports from this address: wait an hour and report again.");
  const accountReports = createRateLimiter({ max: ACCOUNT_REPORTS_PER_HOUR, windowMs: HOUR_MS }, "Too many reports from this account: wait an hour and report again.");

  const reportRoutes = (type: ReportTarget, segment: string) => {
    const targetOf = (c: Context<WebEnv>) => ({ type, id: parseId(c.req.param("id") ?? "", type === "work" ? "Work" : "Comment") });
    app.get(`/${segment}/:id{[0-9]+}/report`, async (c) => {
      const page = c.get("page");
      const target = await readReportTarget(deps.db, targetOf(c), page.viewer);
      if (c.req.query("sent") === "1") return c.html(<ReportSentPage page={page} target={target} />);
      return c.html(<ReportPage page={page} target={target} form={{}} problems={null} />);
    });
    app.post(`/${segment}/:id{[0-9]+}/report`, async (c) => {
      const page = c.get("page");
      const target = targetOf(c);
      const body = await c.req.parseBody();
      const parsed = reportForm.safeParse(body);
      const typed = typeof body.reason === "string" ? body.reason : "";
      try {
        if (!parsed.success) throw new ValidationError({ category: "Choose what the report is about." });
        const now = deps.now();
        if (page.viewer) accountReports.hit(`account:${page.viewer.id}`, now.getTime());
        else guestReports.hit(`address:${clientAddress(c)}`, now.getTime());
        await fileReport(deps.db, page.viewer, target, parsed.data, now);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reportable = await readReportTarget(deps.db, target, page.viewer);
        c.status(400);
        return c.html(<ReportPage page={page} target={reportable} form={{ ...(parsed.success ? { category: parsed.data.category } : {}), reason: typed }} problems={Object.values(error.fields)} />);
      }
      return c.redirect(`${reportPath(target)}?sent=1`, 303);
    });
  };
  reportRoutes("work", "works");
  reportRoutes("comment", "comments");

  app.get("/moderation", async (c) => {
    const page = c.get("page");
    return c.html(<QueuePage page={page} queue={await readReportQueue(deps.db, page.viewer, pageQuery.parse(c.req.query("page")), deps.now())} />);
  });

  app.get("/moderation/log", async (c) => {
    const page = c.get("page");
    return c.html(<LogPage page={page} log={await readModerationLog(deps.db, page.viewer, pageQuery.parse(c.req.query("page")))} />);
  });

  app.get("/moderation/users/:id{[0-9]+}", async (c) => {
    const page = c.get("page");
    return c.html(<UserModerationPage page={page} moderation={await readUserModeration(deps.db, page.viewer, parseId(c.req.param("id"), "User"), deps.now())} />);
  });

  app.post("/moderation/reports/:id{[0-9]+}/resolve", async (c) => {
    const form = await readForm(c, noteForm);
    await resolveReportWithNote(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Report"), form.note, deps.now());
    return backTo(c, form.return);
  });

  for (const [action, hidden] of [["hide", true], ["unhide", false]] as const) {
    app.post(`/moderation/works/:id{[0-9]+}/${action}`, async (c) => {
      const form = await readForm(c, reasonForm);
      await setWorkHiddenByModerator(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Work"), hidden, form.reason, deps.now());
      return backTo(c, form.return);
    });
    app.post(`/moderation/comments/:id{[0-9]+}/${action}`, async (c) => {
      const form = await readForm(c, reasonForm);
      await setCommentHiddenByModerator(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Comment"), hidden, form.reason, deps.now());
      return backTo(c, form.return);
    });
  }

  app.post("/moderation/users/:id{[0-9]+}/warn", async (c) => {
    const form = await readForm(c, warnForm);
    await warnUser(deps, c.get("page").viewer, parseId(c.req.param("id"), "User"), form.message, deps.now());
    return backTo(c, form.return);
  });

  app.post("/moderation/users/:id{[0-9]+}/suspend", async (c) => {
    const form = await readForm(c, suspendForm);
    // An empty field is no number of days (Number("") would read it as 0).
    const days = form.indefinite === "on" ? null : form.days.trim() === "" ? Number.NaN : Number(form.days);
    await suspendUser(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "User"), days, form.reason, deps.now());
    return backTo(c, form.return);
  });

  app.post("/moderation/users/:id{[0-9]+}/unsuspend", async (c) => {
    const form = await readForm(c, reasonForm);
    await unsuspendUser(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "User"), form.reason, deps.now());
    return backTo(c, form.return);
  });

  return app;
}

/**
 * Collections on the web: the index and its name search, a new collection, a collection's works (the listing with
 * the usual filters and sorts, over it and its sub-collections), its management page (settings, maintainers, the
 * queue), and the work's side: "Add to collection", answering an invitation, taking a work out. Every form posts
 * with the page's CSRF token (the app's middleware checks it); the services decide who may do what.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { COLLECTION_STATES } from "../../domain/collections/collection.js";
import { SignInRequiredError, ValidationError } from "../../domain/errors.js";
import {
  addWorkToCollection, decideCollectionItem, listMyCollectionInvitations, parseDecision, readCollectionQueue, removeWorkFromCollection,
} from "../../services/collections/collection-items.js";
import {
  createCollection, listCollectionsPage, readCollection, readMaintainers, removeCollectionMaintainer, setCollectionMaintainer, updateCollection, type SettingsInput,
} from "../../services/collections/manage-collections.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import {
  CollectionIndexPage, CollectionIntro, CollectionInvitationsPage, collectionPath, EMPTY_SETTINGS, ManageCollectionPage, NewCollectionPage, type SettingsValues,
} from "../views/collection-pages.js";
import type { FieldProblems } from "../views/account-fields.js";
import { pageNumber, readForm } from "./community-form.js";
import { renderListing } from "./works.js";

const settingsForm = z.object({
  name: z.string().max(400).default(""),
  title: z.string().max(2_000).default(""),
  description: z.string().max(40_000).default(""),
  parent: z.string().max(400).default(""),
  state: z.enum(COLLECTION_STATES, { error: "Choose who may add works." }).default("open"),
  anonymous: z.string().optional(),
  unrevealed: z.string().optional(),
});

function settingsValues(form: z.infer<typeof settingsForm>): SettingsValues & SettingsInput {
  return { ...form, anonymous: form.anonymous !== undefined, unrevealed: form.unrevealed !== undefined };
}

const maintainerForm = z.object({ login: z.string().max(200).default(""), role: z.enum(["owner", "moderator"]).default("moderator") });
const decisionForm = z.object({ decision: z.string().max(20) });
const workForm = z.object({ work: z.string().regex(/^\s*[0-9]{1,12}\s*$/u, "Give the work's number.") });
const collectionNameForm = z.object({ collection: z.string().max(400).default("") });

const NOTICES: Record<string, string> = {
  settings: "The settings are saved.",
  maintainers: "The maintainers are changed.",
  approved: "The work is approved.",
  rejected: "The work is rejected.",
  invited: "The work is invited: its creators must accept.",
  accepted: "The work is in the collection.",
  declined: "The invitation is declined.",
};

export function collectionRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.get("/collections", async (c) => {
    const page = c.get("page");
    const query = c.req.query("q") ?? "";
    return c.html(<CollectionIndexPage page={page} query={query} result={await listCollectionsPage(deps.db, page.audience, query, pageNumber(c))} />);
  });

  app.get("/collections/new", (c) => {
    if (!c.get("page").viewer) throw new SignInRequiredError("Sign in to make a collection.");
    return c.html(<NewCollectionPage page={c.get("page")} values={EMPTY_SETTINGS} problems={null} />);
  });

  app.post("/collections/new", async (c) => {
    const values = settingsValues(await readForm(c, settingsForm));
    try {
      const name = await createCollection(deps, c.get("page").viewer, values, deps.now());
      return c.redirect(collectionPath(name), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return c.html(<NewCollectionPage page={c.get("page")} values={values} problems={error.fields} />, 400);
    }
  });

  app.get("/collections/:name", async (c) => {
    const view = await readCollection(deps.db, c.get("page").viewer, c.req.param("name"));
    return renderListing(c, deps, { heading: view.collection.title, collections: view.treeIds, intro: <CollectionIntro view={view} /> });
  });

  const manage = async (c: Context<WebEnv>, state: { values?: SettingsValues; problems?: FieldProblems } = {}) => {
    const page = c.get("page");
    const name = c.req.param("name") ?? "";
    const queue = await readCollectionQueue(deps.db, page.viewer, name);
    const { maintainers } = await readMaintainers(deps.db, page.viewer, name);
    const { collection } = queue;
    const parent = collection.parentId === null ? "" : (await readCollection(deps.db, page.viewer, collection.name)).parent?.name ?? "";
    const values = state.values ?? {
      name: collection.name, title: collection.title, description: collection.description ?? "", parent, state: collection.state, anonymous: collection.anonymous, unrevealed: collection.unrevealed,
    };
    const notice = NOTICES[c.req.query("saved") ?? ""] ?? null;
    return c.html(<ManageCollectionPage page={page} queue={queue} maintainers={maintainers} values={values} problems={state.problems ?? null} notice={notice} />, state.problems ? 400 : 200);
  };

  app.get("/collections/:name/manage", (c) => manage(c));

  const backToManage = (c: Context<WebEnv>, saved: string) => c.redirect(collectionPath(c.req.param("name") ?? "", `/manage?saved=${saved}`), 303);

  app.post("/collections/:name/settings", async (c) => {
    const values = settingsValues(await readForm(c, settingsForm));
    try {
      await updateCollection(deps, c.get("page").viewer, c.req.param("name"), values, deps.now());
      return backToManage(c, "settings");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return manage(c, { values: { ...values, name: c.req.param("name") }, problems: error.fields });
    }
  });

  app.post("/collections/:name/maintainers", async (c) => {
    const form = await readForm(c, maintainerForm);
    try {
      await setCollectionMaintainer(deps, c.get("page").viewer, c.req.param("name"), form.login, form.role, deps.now());
      return backToManage(c, "maintainers");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return manage(c, { problems: error.fields });
    }
  });

  app.post("/collections/:name/maintainers/:user{[0-9]+}/delete", async (c) => {
    try {
      await removeCollectionMaintainer(deps, c.get("page").viewer, c.req.param("name"), parseId(c.req.param("user"), "User"), deps.now());
      return backToManage(c, "maintainers");
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return manage(c, { problems: error.fields });
    }
  });

  app.post("/collections/:name/works/:id{[0-9]+}/decide", async (c) => {
    const decision = parseDecision((await readForm(c, decisionForm)).decision);
    const status = await decideCollectionItem(deps, c.get("page").viewer, c.req.param("name"), parseId(c.req.param("id"), "Work"), decision, deps.now());
    return backToManage(c, status);
  });

  app.post("/collections/:name/invite", async (c) => {
    const workId = parseId((await readForm(c, workForm)).work.trim(), "Work");
    const status = await addWorkToCollection(deps, c.get("page").viewer, c.req.param("name"), workId, deps.now());
    return backToManage(c, status === "invited" ? "invited" : "approved");
  });

  app.post("/works/:id{[0-9]+}/collections", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const { collection } = await readForm(c, collectionNameForm);
    await addWorkToCollection(deps, c.get("page").viewer, collection.trim(), workId, deps.now());
    return c.redirect(`/works/${workId}#work-collections-heading`, 303);
  });

  app.post("/works/:id{[0-9]+}/collections/:name/decide", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const decision = parseDecision((await readForm(c, decisionForm)).decision);
    await decideCollectionItem(deps, c.get("page").viewer, c.req.param("name"), workId, decision, deps.now());
    return c.redirect(`/works/${workId}#work-collections-heading`, 303);
  });

  app.post("/works/:id{[0-9]+}/collections/:name/remove", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    await removeWorkFromCollection(deps, c.get("page").viewer, c.req.param("name"), workId, deps.now());
    return c.redirect(`/works/${workId}#work-collections-heading`, 303);
  });

  app.get("/account/collection-invitations", async (c) => {
    const page = c.get("page");
    return c.html(<CollectionInvitationsPage page={page} invitations={await listMyCollectionInvitations(deps.db, page.viewer)} notice={null} />);
  });

  return app;
}

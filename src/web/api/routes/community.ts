/**
 * Kudos, comments and bookmarks through the API, each by the service its page's form calls: the same gates (the
 * work is there for the caller; suspended accounts only read; no kudos on one's own work), the same limits
 * (comments a minute, notes and tags) and the same sanitizing.
 */
import { createRoute, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { readAudience } from "../../../services/accounts/audience.js";
import { readWorkPreface } from "../../../services/archive/read-work.js";
import { saveBookmarkOf } from "../../../services/community/bookmarks.js";
import { giveKudos } from "../../../services/community/kudos.js";
import { postComment } from "../../../services/community/post-comment.js";
import type { Visitor } from "../../../services/community/visitor.js";
import { clientAddress, parseId } from "../../request.js";
import { requireWriter } from "../caller.js";
import type { RouteDeps } from "../../env.js";
import type { ApiEnv } from "../env.js";
import { json, jsonBody, WorkIdParam, WRITE_PROBLEMS, WRITE_SECURITY } from "../route-parts.js";
import { apiRouter } from "../router.js";
import { BookmarkInput, BookmarkSaved, CommentCreated, CommentInput, KudosResult } from "../schemas.js";

/** The caller as the community's services know them: a writer's account, from the client's address. */
function writer(c: Context<ApiEnv>): Visitor & { viewer: NonNullable<Visitor["viewer"]> } {
  return { viewer: requireWriter(c), address: clientAddress(c) };
}

export function communityRoutes(deps: RouteDeps) {
  const app = apiRouter();

  app.openapi(createRoute({
    method: "post", path: "/works/{id}/kudos", tags: ["community"], summary: "Leave kudos", security: WRITE_SECURITY,
    description: "Once per account: kudos left already change nothing (200 rather than 201). Never on one's own work.",
    request: { params: WorkIdParam },
    responses: { 201: json(KudosResult, "Kudos left."), 200: json(KudosResult, "Kudos had been left already."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const visitor = writer(c);
    const workId = parseId(c.req.valid("param").id, "Work");
    const added = await giveKudos(deps, workId, visitor);
    const { kudos } = await readWorkPreface(deps.db, workId, visitor.viewer);
    return added ? c.json({ workId, added, kudos }, 201) : c.json({ workId, added, kudos }, 200);
  });

  app.openapi(createRoute({
    method: "post", path: "/works/{id}/comments", tags: ["community"], summary: "Comment on a work or a chapter", security: WRITE_SECURITY,
    description: "As the caller's default pseud. Where the work's creators approve comments first, the comment waits (`pending`).",
    request: { params: WorkIdParam, body: jsonBody(CommentInput) },
    responses: { 201: json(CommentCreated, "The comment."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const visitor = writer(c);
    const workId = parseId(c.req.valid("param").id, "Work");
    const input = c.req.valid("json");
    const posted = await postComment(deps, workId, input.chapter ?? null, visitor, { text: input.text, guest: { name: "", email: "" } });
    const created: z.infer<typeof CommentCreated> = { id: posted.id, status: posted.status === "published" ? "published" : "pending", url: `/comments/${posted.id}` };
    return c.json(created, 201);
  });

  app.openapi(createRoute({
    method: "post", path: "/works/{id}/bookmarks", tags: ["community"], summary: "Bookmark a work", security: WRITE_SECURITY,
    description: "Makes the caller's bookmark of the work, or replaces what their bookmark of it holds.",
    request: { params: WorkIdParam, body: jsonBody(BookmarkInput) },
    responses: { 200: json(BookmarkSaved, "The bookmark."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const { viewer } = writer(c);
    const workId = parseId(c.req.valid("param").id, "Work");
    const input = c.req.valid("json");
    const id = await saveBookmarkOf(deps, { kind: "work", id: workId }, viewer, await readAudience(deps.db, viewer), { ...input, tags: input.tags.join(", ") });
    return c.json({ id, workId }, 200);
  });

  return app;
}

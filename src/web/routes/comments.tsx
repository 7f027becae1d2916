/**
 * Comments: posting on a work or chapter, the reply and edit pages (forms that need no script), one comment's
 * own page, delete, approve and freeze. A form with something wrong comes back filled in, with the reasons (400).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import { readWorkPreface } from "../../services/archive/read-work.js";
import { approveComment, deleteComment, editComment, freezeThread } from "../../services/community/manage-comments.js";
import { postComment, replyToComment, type CommentDeps, type PostedComment } from "../../services/community/post-comment.js";
import { readCommentPage, readCommentToEdit } from "../../services/community/read-comments.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import { commentInPlaceUrl, commentPlaceUrl, withFragment } from "../views/community-links.js";
import { CommentPermalinkPage, EditCommentPage, NewCommentPage, ReplyPage, type CommentFormValues } from "../views/comments.js";
import { readForm, returnPath, visitorOf } from "./community-form.js";

const commentForm = z.object({ text: z.string().default(""), name: z.string().default(""), email: z.string().default("") });
const editForm = z.object({ text: z.string().default("") });
const returnForm = z.object({ return: z.string().optional() });
const freezeForm = z.object({ frozen: z.enum(["0", "1"]), return: z.string().optional() });

/** A published comment in its place; one waiting for approval on its own page, which says so. */
function afterPosting(c: Context<WebEnv>, posted: PostedComment) {
  return c.redirect(posted.status === "published" ? commentInPlaceUrl(posted) : `/comments/${posted.id}`, 303);
}

function commentValues(form: z.infer<typeof commentForm>): CommentFormValues {
  return { text: form.text, name: form.name, email: form.email };
}

/** Runs `save`; a ValidationError it throws comes back as `problems` for the form to show. */
async function orProblems<T>(save: () => Promise<T>): Promise<{ saved: T } | { problems: Readonly<Record<string, string>> }> {
  try {
    return { saved: await save() };
  } catch (error) {
    if (error instanceof ValidationError) return { problems: error.fields };
    throw error;
  }
}

export function commentRoutes(deps: RouteDeps & Pick<CommentDeps, "commentLimiter">) {
  const app = new Hono<WebEnv>();

  app.post("/works/:id{[0-9]+}/comments", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const chapter = c.req.query("chapter");
    const chapterPosition = chapter === undefined ? null : parseId(chapter, "Chapter");
    const form = await readForm(c, commentForm);
    const result = await orProblems(() => postComment(deps, workId, chapterPosition, visitorOf(c), { text: form.text, guest: { name: form.name, email: form.email } }));
    if ("saved" in result) return afterPosting(c, result.saved);
    const page = c.get("page");
    const work = await readWorkPreface(deps.db, workId, page.viewer);
    c.status(400);
    return c.html(<NewCommentPage page={page} workId={workId} workTitle={work.title} action={c.req.path + (chapter === undefined ? "" : `?chapter=${chapterPosition}`)} pseud={null} values={commentValues(form)} problems={result.problems} />);
  });

  app.get("/comments/:id{[0-9]+}", async (c) => {
    const page = c.get("page");
    const view = await readCommentPage(deps.db, parseId(c.req.param("id"), "Comment"), page.viewer, page.audience);
    if (!view.node && view.comment.status !== "pending") return c.notFound();
    return c.html(<CommentPermalinkPage page={page} view={view} />);
  });

  app.get("/comments/:id{[0-9]+}/reply", async (c) => {
    const page = c.get("page");
    const view = await readCommentPage(deps.db, parseId(c.req.param("id"), "Comment"), page.viewer, page.audience);
    if (!view.node) return c.notFound();
    return c.html(<ReplyPage page={page} view={view} pseud={view.pseud} />);
  });

  app.post("/comments/:id{[0-9]+}/reply", async (c) => {
    const commentId = parseId(c.req.param("id"), "Comment");
    const form = await readForm(c, commentForm);
    const result = await orProblems(() => replyToComment(deps, commentId, visitorOf(c), { text: form.text, guest: { name: form.name, email: form.email } }));
    if ("saved" in result) return afterPosting(c, result.saved);
    const page = c.get("page");
    const view = await readCommentPage(deps.db, commentId, page.viewer, page.audience);
    c.status(400);
    return c.html(<ReplyPage page={page} view={view} pseud={view.pseud} values={commentValues(form)} problems={result.problems} />);
  });

  app.get("/comments/:id{[0-9]+}/edit", async (c) => {
    const page = c.get("page");
    const comment = await readCommentToEdit(deps.db, parseId(c.req.param("id"), "Comment"), page.viewer, page.audience);
    return c.html(<EditCommentPage page={page} comment={comment} text={comment.html} problems={null} />);
  });

  app.post("/comments/:id{[0-9]+}/edit", async (c) => {
    const commentId = parseId(c.req.param("id"), "Comment");
    const form = await readForm(c, editForm);
    const page = c.get("page");
    const result = await orProblems(() => editComment(deps, commentId, page.viewer, form.text));
    if ("saved" in result) return c.redirect(commentInPlaceUrl(result.saved), 303);
    const comment = await readCommentToEdit(deps.db, commentId, page.viewer, page.audience);
    c.status(400);
    return c.html(<EditCommentPage page={page} comment={comment} text={form.text} problems={result.problems} />);
  });

  app.post("/comments/:id{[0-9]+}/delete", async (c) => {
    const form = await readForm(c, returnForm);
    const comment = await deleteComment(deps, parseId(c.req.param("id"), "Comment"), c.get("page").viewer);
    return c.redirect(returnPath(form.return, withFragment(commentPlaceUrl(comment), "comments")), 303);
  });

  app.post("/comments/:id{[0-9]+}/approve", async (c) => {
    const form = await readForm(c, returnForm);
    const comment = await approveComment(deps, parseId(c.req.param("id"), "Comment"), c.get("page").viewer);
    return c.redirect(returnPath(form.return, commentInPlaceUrl(comment)), 303);
  });

  app.post("/comments/:id{[0-9]+}/freeze", async (c) => {
    const form = await readForm(c, freezeForm);
    const comment = await freezeThread(deps, parseId(c.req.param("id"), "Comment"), c.get("page").viewer, form.frozen === "1");
    return c.redirect(returnPath(form.return, commentInPlaceUrl(comment)), 303);
  });

  return app;
}

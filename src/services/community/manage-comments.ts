/**
 * What happens to a comment after it is posted: its commenter edits it; its commenter or the work's creators
 * delete it (a comment with replies stays as a placeholder, so the replies keep their place); the creators
 * approve it when the work moderates comments, freeze its thread, and set who may comment at all.
 */
import type { Kysely } from "kysely";
import {
  blankComment, deleteCommentRow, findComment, hasReplies, recountWorkComments, setCommentStatus, setThreadFrozen, updateCommentHtml, updateCommentSettings,
  type CommentSettings, type StoredComment,
} from "../../db/repositories/comments.js";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import type { Database } from "../../db/schema.js";
import { canEditWork, isCreator, type Viewer, type WorkAccess } from "../../domain/account.js";
import { commentActions, commentAppearance, type CommentActions } from "../../domain/comments.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import { requireActiveAccount, requireWorkToActOn } from "./acting.js";
import { commentHtml } from "./comment-text.js";
import { commenterName, replyNotice } from "./post-comment.js";

export interface ManageDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/**
 * The comment and its work's access facts, when the viewer may do `action` to it.
 * @throws NotFoundError when the comment or its work is not there for the viewer; SignInRequiredError for a
 *   guest; ForbiddenError for a suspended account or a viewer the action is not for.
 */
async function requireCommentAction(db: Kysely<Database>, commentId: number, viewer: Viewer, action: keyof CommentActions): Promise<{ comment: StoredComment; access: WorkAccess }> {
  const account = requireActiveAccount(viewer, "Sign in to manage comments.");
  const comment = await findComment(db, commentId);
  if (!comment) throw new NotFoundError(`Comment ${commentId}`);
  const access = await requireWorkToActOn(db, comment.workId, account);
  const creator = isCreator(account, access);
  const appearance = commentAppearance(comment, { viewerId: account.id, isCreator: creator, mutedUsers: [] });
  if (appearance.kind === "placeholder") throw new NotFoundError(`Comment ${commentId}`);
  if (!commentActions(comment, appearance, { viewer: account, isCreator: creator, refusal: null })[action]) {
    throw new ForbiddenError(ACTION_REFUSALS[action]);
  }
  return { comment, access };
}

const ACTION_REFUSALS: Record<keyof CommentActions, string> = {
  reply: "This comment takes no replies.",
  edit: "Only its commenter can edit a comment.",
  delete: "Only its commenter or the work's creators can delete a comment.",
  approve: "Only the work's creators approve comments, and this one needs no approval.",
  freeze: "Only the work's creators freeze threads, from a thread's first comment.",
};

/** @throws as requireCommentAction; ValidationError for text that cannot be a comment. */
export async function editComment({ db, now }: ManageDeps, commentId: number, viewer: Viewer, text: string): Promise<StoredComment> {
  const { comment } = await requireCommentAction(db, commentId, viewer, "edit");
  await updateCommentHtml(db, comment.id, commentHtml(text), now().toISOString());
  return comment;
}

/**
 * Deletes the comment: a comment with replies keeps its place as "(Previous comment deleted.)"; one without
 * goes, and so do deleted comments above it left with no replies. @throws as requireCommentAction.
 */
export async function deleteComment({ db }: ManageDeps, commentId: number, viewer: Viewer): Promise<StoredComment> {
  const { comment } = await requireCommentAction(db, commentId, viewer, "delete");
  await db.transaction().execute(async (trx) => {
    if (await hasReplies(trx, comment.id)) {
      await blankComment(trx, comment.id);
    } else {
      await deleteCommentRow(trx, comment.id);
      let parentId = comment.parentId;
      while (parentId !== null) {
        const parent = await findComment(trx, parentId);
        if (!parent || parent.status !== "deleted" || (await hasReplies(trx, parent.id))) break;
        await deleteCommentRow(trx, parent.id);
        parentId = parent.parentId;
      }
    }
    await recountWorkComments(trx, comment.workId);
  });
  return comment;
}

/** Publishes a comment that waited for approval; a reply's commenter-replied-to hears of it now. @throws as requireCommentAction. */
export async function approveComment({ db, now }: ManageDeps, commentId: number, viewer: Viewer): Promise<StoredComment> {
  const { comment, access } = await requireCommentAction(db, commentId, viewer, "approve");
  const parent = comment.parentId === null ? undefined : await findComment(db, comment.parentId);
  await db.transaction().execute(async (trx) => {
    await setCommentStatus(trx, comment.id, "published");
    await recountWorkComments(trx, comment.workId);
    if (!parent) return;
    const notices = await replyNotice(trx, parent, comment.userId, commenterName(comment), access.creatorUserIds);
    await insertInboxItems(trx, notices.map((n) => ({ ...n, workId: comment.workId, chapterId: comment.chapterId, commentId: comment.id })), now().toISOString());
  });
  return comment;
}

/** Freezes the thread the comment starts (no more replies), or thaws it. @throws as requireCommentAction. */
export async function freezeThread({ db }: ManageDeps, commentId: number, viewer: Viewer, frozen: boolean): Promise<StoredComment> {
  const { comment } = await requireCommentAction(db, commentId, viewer, "freeze");
  await setThreadFrozen(db, comment.threadId, frozen);
  return comment;
}

/**
 * Who may comment on the work, and whether new comments wait for approval.
 * @throws NotFoundError, SignInRequiredError (see requireReadableWork); ForbiddenError for anyone but the work's
 *   active creators.
 */
export async function setCommentSettings({ db }: ManageDeps, workId: number, viewer: Viewer, settings: CommentSettings): Promise<void> {
  const account = requireActiveAccount(viewer, "Sign in to change a work's comment settings.");
  const access = await requireWorkToActOn(db, workId, account);
  if (!canEditWork(account, access)) throw new ForbiddenError("Only the work's creators can change its comment settings.");
  await updateCommentSettings(db, workId, settings);
}

/** Comments as a reader sees them: the threads under a work or chapter, or one comment with the replies below it. */
import type { Kysely } from "kysely";
import { findComment, findCommentSettings, findDefaultPseud, listThreadComments, type CommentPlace, type CommentSettings, type StoredComment } from "../../db/repositories/comments.js";
import type { Database } from "../../db/schema.js";
import { isCreator, type Audience, type Viewer, type WorkAccess } from "../../domain/account.js";
import { buildCommentThreads, commentActions, commentRefusal, findCommentNode, type CommentActionContext, type CommentNode } from "../../domain/comments.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import { requireReadableWork } from "../archive/work-access.js";
import { requireActiveAccount } from "./acting.js";

export type { CommentPlace, CommentSettings, StoredComment };

/** Threads, with what the reader may do (commentActions decides each comment's buttons from this context). */
export interface CommentThreads {
  threads: CommentNode<StoredComment>[];
  context: CommentActionContext;
}

/** The threads of the comments given, as the viewer sees them. */
export function threadsFor(comments: readonly StoredComment[], viewer: Viewer, audience: Audience, access: WorkAccess, settings: CommentSettings): CommentThreads {
  const creator = isCreator(viewer, access);
  return {
    threads: buildCommentThreads(comments, { viewerId: viewer?.id ?? null, isCreator: creator, mutedUsers: audience.mutedUsers }),
    context: { viewer, isCreator: creator, refusal: commentRefusal(settings.policy, viewer) },
  };
}

export interface CommentPage extends CommentThreads {
  comment: StoredComment;
  /** The pseud a signed-in viewer comments as. */
  pseud: string | null;
  /** The comment with its replies, as the viewer sees it; undefined when they are shown nothing of it. */
  node: CommentNode<StoredComment> | undefined;
}

/**
 * One comment and the replies below it (a permalink, the reply and edit forms' pages).
 * @throws NotFoundError when there is no such comment or its work is not there for the viewer;
 *   SignInRequiredError (see requireReadableWork).
 */
export async function readCommentPage(db: Kysely<Database>, commentId: number, viewer: Viewer, audience: Audience): Promise<CommentPage> {
  const comment = await findComment(db, commentId);
  if (!comment) throw new NotFoundError(`Comment ${commentId}`);
  const [access, settings, thread, pseud] = await Promise.all([
    requireReadableWork(db, comment.workId, viewer),
    findCommentSettings(db, comment.workId),
    listThreadComments(db, comment.threadId),
    viewer ? findDefaultPseud(db, viewer.id) : undefined,
  ]);
  if (!settings) throw new NotFoundError(`Comment ${commentId}`);
  const threads = threadsFor(thread, viewer, audience, access, settings);
  return { ...threads, comment, pseud: pseud?.name ?? null, node: findCommentNode(threads.threads, commentId) };
}

/**
 * The comment, for its commenter to edit.
 * @throws as readCommentPage; SignInRequiredError for a guest; ForbiddenError for a suspended account or anyone
 *   but its commenter.
 */
export async function readCommentToEdit(db: Kysely<Database>, commentId: number, viewer: Viewer, audience: Audience): Promise<StoredComment> {
  const account = requireActiveAccount(viewer, "Sign in to edit your comments.");
  const view = await readCommentPage(db, commentId, account, audience);
  if (!view.node || !commentActions(view.comment, view.node.appearance, view.context).edit) throw new ForbiddenError("Only its commenter can edit a comment.");
  return view.comment;
}

/**
 * Posting a comment on a work or a chapter, or a reply in a thread: the work's policy decides who may, its
 * moderation whether the comment waits for approval; each commenter is held to a few comments a minute. The
 * work's creators hear of every new comment in their inbox, and a signed-in commenter of each reply to theirs.
 */
import type { Kysely } from "kysely";
import { findChapterId, findComment, findCommentSettings, findDefaultPseud, insertComment, recountWorkComments, type CommentPlace, type NewComment, type StoredComment } from "../../db/repositories/comments.js";
import { insertInboxItems, type NewInboxItem } from "../../db/repositories/inbox.js";
import { listMutedUserIds } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { isCreator, type CommentPolicy, type CommentStatus, type Viewer, type WorkAccess } from "../../domain/account.js";
import { commentActions, commentAppearance, commentRefusal, replyPlacement } from "../../domain/comments.js";
import { ForbiddenError, NotFoundError, SignInRequiredError } from "../../domain/errors.js";
import type { RateLimiter } from "../rate-limit.js";
import { requireWorkToActOn } from "./acting.js";
import { checkGuestDetails, commentHtml, type GuestDetails } from "./comment-text.js";
import { guestKey, type Visitor } from "./visitor.js";

export interface CommentDeps {
  db: Kysely<Database>;
  siteSecret: string;
  now: () => Date;
  /** Comments per account, or per guest address. */
  commentLimiter: RateLimiter;
}

export interface CommentInput {
  text: string;
  /** A guest's name and e-mail address; ignored for a signed-in commenter, who comments as their default pseud. */
  guest: GuestDetails;
}

export interface PostedComment extends CommentPlace {
  id: number;
  /** Published, or pending the creators' approval. */
  status: CommentStatus;
}

/**
 * A comment on the chapter at `chapterPosition`, or on the work as a whole when it is null.
 * @throws NotFoundError (no such work or chapter for this visitor), SignInRequiredError (a guest, where only
 *   signed-in users may comment), ForbiddenError (comments closed; a suspended account), ValidationError,
 *   RateLimitedError.
 */
export async function postComment(deps: CommentDeps, workId: number, chapterPosition: number | null, visitor: Visitor, input: CommentInput): Promise<PostedComment> {
  const access = await requireWorkToActOn(deps.db, workId, visitor.viewer);
  const [settings, chapterId] = await Promise.all([
    findCommentSettings(deps.db, workId),
    chapterPosition === null ? Promise.resolve(null) : findChapterId(deps.db, workId, chapterPosition),
  ]);
  if (!settings || chapterId === undefined) throw new NotFoundError(chapterPosition === null ? `Work ${workId}` : `Chapter ${chapterPosition} of work ${workId}`);
  refuseByPolicy(settings.policy, visitor.viewer);
  return storeComment(deps, access, visitor, input, {
    workId, chapterId, chapterPosition, workChapterCount: settings.chapterCount, workTitle: settings.title, reply: null, moderated: settings.moderated, parent: null,
  });
}

/**
 * A reply to the comment (beside it, when it is as deep as a thread goes).
 * @throws as postComment; NotFoundError too when the comment is not there for this visitor; ForbiddenError when
 *   its thread is frozen or it takes no replies (not yet approved).
 */
export async function replyToComment(deps: CommentDeps, commentId: number, visitor: Visitor, input: CommentInput): Promise<PostedComment> {
  const parent = await findComment(deps.db, commentId);
  if (!parent) throw new NotFoundError(`Comment ${commentId}`);
  const access = await requireWorkToActOn(deps.db, parent.workId, visitor.viewer);
  const settings = await findCommentSettings(deps.db, parent.workId);
  if (!settings) throw new NotFoundError(`Comment ${commentId}`);
  const creator = isCreator(visitor.viewer, access);
  const muted = visitor.viewer ? await listMutedUserIds(deps.db, visitor.viewer.id) : [];
  const appearance = commentAppearance(parent, { viewerId: visitor.viewer?.id ?? null, isCreator: creator, mutedUsers: muted });
  if (appearance.kind === "placeholder") throw new NotFoundError(`Comment ${commentId}`);
  refuseByPolicy(settings.policy, visitor.viewer);
  if (parent.threadFrozen) throw new ForbiddenError("This thread is frozen: it takes no more replies.");
  if (!commentActions(parent, appearance, { viewer: visitor.viewer, isCreator: creator, refusal: null }).reply) {
    throw new ForbiddenError("This comment takes no replies until the work's creators approve it.");
  }
  return storeComment(deps, access, visitor, input, { ...parent, reply: replyPlacement(parent), moderated: settings.moderated, parent });
}

/** @throws ForbiddenError when comments are closed; SignInRequiredError for a guest where only accounts may comment. */
function refuseByPolicy(policy: CommentPolicy, viewer: Viewer): void {
  const refusal = commentRefusal(policy, viewer);
  if (refusal === "closed") throw new ForbiddenError("This work does not take comments.");
  if (refusal === "sign-in") throw new SignInRequiredError("This work takes comments from signed-in users only. Sign in to comment.");
}

interface Placement extends CommentPlace {
  workTitle: string;
  chapterId: number | null;
  reply: NewComment["reply"];
  moderated: boolean;
  /** The comment replied to. */
  parent: StoredComment | null;
}

async function storeComment(deps: CommentDeps, access: WorkAccess, visitor: Visitor, input: CommentInput, place: Placement): Promise<PostedComment> {
  const { db } = deps;
  const html = commentHtml(input.text);
  const viewer = visitor.viewer;
  const creator = isCreator(viewer, access);
  let commenter: NewComment["commenter"];
  let who: string;
  if (viewer) {
    const pseud = await findDefaultPseud(db, viewer.id);
    commenter = { userId: viewer.id, authorId: pseud?.id ?? null };
    who = pseud?.name ?? viewer.login;
  } else {
    const guest = checkGuestDetails(input.guest);
    commenter = { guestName: guest.name, guestEmail: guest.email };
    who = `${guest.name} (guest)`;
  }
  const now = deps.now();
  deps.commentLimiter.hit(viewer ? `user:${viewer.id}` : `guest:${guestKey(deps.siteSecret, visitor.address)}`, now.getTime());
  const status: CommentStatus = place.moderated && !creator ? "pending" : "published";
  const at = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, { workId: place.workId, chapterId: place.chapterId, reply: place.reply, commenter, html, status, now: at });
    if (status === "published") await recountWorkComments(trx, place.workId);
    await insertInboxItems(trx, await newCommentNotices(trx, access, viewer, { id, workId: place.workId, workTitle: place.workTitle, chapterId: place.chapterId, status, who }, place.parent), at);
    return id;
  });
  return { id, status, workId: place.workId, chapterPosition: place.chapterPosition, workChapterCount: place.workChapterCount };
}

interface NoticeComment {
  id: number;
  workId: number;
  workTitle: string;
  chapterId: number | null;
  status: CommentStatus;
  who: string;
}

/**
 * Who hears of a new comment: every creator of the work but its commenter; and, for a published reply, the
 * commenter replied to when they are signed in, are not the replier, have not heard already as a creator, and
 * have not muted the replier.
 */
async function newCommentNotices(db: Kysely<Database>, access: WorkAccess, viewer: Viewer, comment: NoticeComment, parent: StoredComment | null): Promise<NewInboxItem[]> {
  const title = comment.workTitle;
  const base = { workId: comment.workId, chapterId: comment.chapterId, commentId: comment.id };
  const creators = access.creatorUserIds.filter((id) => id !== viewer?.id);
  const waiting = comment.status === "pending" ? " It waits for your approval." : "";
  const notices: NewInboxItem[] = creators.map((userId) => ({ ...base, userId, kind: "comment", message: `${comment.who} commented on “${title}”.${waiting}` }));
  if (comment.status === "published" && parent) notices.push(...(await replyNotice(db, parent, viewer?.id ?? null, comment.who, creators)).map((n) => ({ ...n, ...base })));
  return notices;
}

/** The name a comment was posted under: the pseud, or the guest's name marked as a guest's. */
export function commenterName(comment: Pick<StoredComment, "pseud" | "guestName">): string {
  return comment.pseud ?? (comment.guestName === null ? "Someone" : `${comment.guestName} (guest)`);
}

/** The notice to the commenter replied to, if they are to hear of it (see newCommentNotices). */
export async function replyNotice(db: Kysely<Database>, parent: StoredComment, replierId: number | null, who: string, alreadyTold: readonly number[]): Promise<Pick<NewInboxItem, "userId" | "kind" | "message">[]> {
  const userId = parent.userId;
  if (userId === null || userId === replierId || alreadyTold.includes(userId)) return [];
  if (replierId !== null && (await listMutedUserIds(db, userId)).includes(replierId)) return [];
  return [{ userId, kind: "reply", message: `${who} replied to your comment on “${parent.workTitle}”.` }];
}

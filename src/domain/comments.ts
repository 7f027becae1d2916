/**
 * The rules of comment threads: who may comment under a work's policy, where a reply goes once a thread is as
 * deep as it may be, and how each comment of a thread appears to one reader — in full, or as a placeholder that
 * keeps the replies below it in place (a deleted comment, one hidden by a moderator, one by a user the reader
 * muted, one still waiting for the creators' approval). Pure: the store supplies the comments.
 */
import type { CommentPolicy, CommentStatus, Viewer } from "./account.js";

/** The most characters a comment may have, as typed. */
export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_GUEST_NAME_LENGTH = 100;
/** Five levels: a comment on the work or chapter (depth 0) and four levels of replies below it. */
export const MAX_COMMENT_DEPTH = 4;

/** Why the viewer may not comment: comments are closed, or the work takes them from signed-in users only. */
export type CommentRefusal = "closed" | "sign-in";

/** @returns null when the viewer may comment under the policy. */
export function commentRefusal(policy: CommentPolicy, viewer: Viewer): CommentRefusal | null {
  if (policy === "closed") return "closed";
  if (policy === "registered" && viewer === null) return "sign-in";
  return null;
}

/** What a reply needs to know of the comment it answers. */
export interface ReplyTarget {
  id: number;
  parentId: number | null;
  threadId: number;
  depth: number;
}

/**
 * Where a reply goes: under the comment it answers, or — when that comment is at the deepest level — beside it,
 * under the same parent, so the thread never grows deeper than MAX_COMMENT_DEPTH.
 * @example replyPlacement({ id: 9, parentId: 7, threadId: 1, depth: 4 }) // { parentId: 7, threadId: 1, depth: 4 }
 */
export function replyPlacement(target: ReplyTarget): { parentId: number; threadId: number; depth: number } {
  if (target.depth < MAX_COMMENT_DEPTH || target.parentId === null) return { parentId: target.id, threadId: target.threadId, depth: target.depth + 1 };
  return { parentId: target.parentId, threadId: target.threadId, depth: target.depth };
}

/** The facts about a comment that decide how it appears. */
export interface ThreadedComment {
  id: number;
  parentId: number | null;
  /** The commenter's account; null for a guest. */
  userId: number | null;
  status: CommentStatus;
}

/** Who is reading the thread. */
export interface CommentReader {
  viewerId: number | null;
  /** The reader is one of the work's creators: they see comments waiting for approval. */
  isCreator: boolean;
  mutedUsers: readonly number[];
}

export type PlaceholderReason = "deleted" | "hidden" | "muted" | "pending";

/** In full (`pending`: not yet approved, which only its creators and its commenter see), or as a placeholder. */
export type CommentAppearance = { kind: "full"; pending: boolean } | { kind: "placeholder"; reason: PlaceholderReason };

export function commentAppearance(comment: ThreadedComment, reader: CommentReader): CommentAppearance {
  if (comment.status === "deleted") return { kind: "placeholder", reason: "deleted" };
  if (comment.status === "hidden") return { kind: "placeholder", reason: "hidden" };
  if (comment.userId !== null && reader.mutedUsers.includes(comment.userId)) return { kind: "placeholder", reason: "muted" };
  if (comment.status === "pending") {
    const own = reader.viewerId !== null && comment.userId === reader.viewerId;
    return reader.isCreator || own ? { kind: "full", pending: true } : { kind: "placeholder", reason: "pending" };
  }
  return { kind: "full", pending: false };
}

export interface CommentNode<T extends ThreadedComment> {
  comment: T;
  appearance: CommentAppearance;
  replies: CommentNode<T>[];
}

/**
 * The comments as threads, oldest first at every level, as the reader sees them: a placeholder stays only while
 * something below it is shown; a reply whose parent is not among the comments given starts a thread of its own.
 */
export function buildCommentThreads<T extends ThreadedComment>(comments: readonly T[], reader: CommentReader): CommentNode<T>[] {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<number | null, T[]>();
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const grow = (parent: number | null): CommentNode<T>[] => (children.get(parent) ?? []).flatMap((comment) => {
    const replies = grow(comment.id);
    const appearance = commentAppearance(comment, reader);
    return appearance.kind === "placeholder" && replies.length === 0 ? [] : [{ comment, appearance, replies }];
  });
  return grow(null);
}

/** The node of the comment among the threads, wherever it sits, or undefined when the reader is shown nothing of it. */
export function findCommentNode<T extends ThreadedComment>(threads: readonly CommentNode<T>[], id: number): CommentNode<T> | undefined {
  for (const node of threads) {
    if (node.comment.id === id) return node;
    const found = findCommentNode(node.replies, id);
    if (found) return found;
  }
  return undefined;
}

/** What a reader may do to one comment, as the page offers it and the services allow it. */
export interface CommentActions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  approve: boolean;
  /** Freeze or unfreeze its thread: on a thread's first comment. */
  freeze: boolean;
}

export interface CommentActionContext {
  viewer: Viewer;
  /** The viewer is one of the work's creators. */
  isCreator: boolean;
  /** Why the work's policy refuses this viewer's comments, or null. */
  refusal: CommentRefusal | null;
}

const NO_ACTIONS: CommentActions = { reply: false, edit: false, delete: false, approve: false, freeze: false };

/**
 * Replies go to published comments in threads that are not frozen, from whoever the policy lets comment;
 * commenters edit their own comments; commenters and the work's creators delete them; creators approve and
 * freeze. A suspended account does none of it, and nobody acts on a placeholder.
 */
export function commentActions(comment: ThreadedComment & { depth: number; threadFrozen: boolean }, appearance: CommentAppearance, context: CommentActionContext): CommentActions {
  const { viewer, isCreator, refusal } = context;
  if (appearance.kind === "placeholder" || (viewer !== null && viewer.suspended)) return NO_ACTIONS;
  const own = viewer !== null && comment.userId === viewer.id;
  const creator = viewer !== null && isCreator;
  return {
    reply: refusal === null && !comment.threadFrozen && comment.status === "published",
    edit: own,
    delete: own || creator,
    approve: creator && comment.status === "pending",
    freeze: creator && comment.depth === 0,
  };
}

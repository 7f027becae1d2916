import { describe, expect, it } from "vitest";
import type { Account } from "./account.js";
import { buildCommentThreads, commentActions, commentRefusal, findCommentNode, MAX_COMMENT_DEPTH, replyPlacement, type CommentReader, type ThreadedComment } from "./comments.js";

const reader: Account = { id: 7, login: "reader", role: "reader", suspended: false, suspendedUntil: null };
const guestReader: CommentReader = { viewerId: null, isCreator: false, mutedUsers: [] };

function comment(id: number, parentId: number | null, extra: Partial<ThreadedComment> = {}): ThreadedComment {
  return { id, parentId, userId: null, status: "published", ...extra };
}

/** The threads as nested ids, with a placeholder's reason in place of its id. */
function shape(nodes: ReturnType<typeof buildCommentThreads>): unknown[] {
  return nodes.map((n) => [n.appearance.kind === "full" ? n.comment.id : n.appearance.reason, ...(n.replies.length > 0 ? [shape(n.replies)] : [])]);
}

describe("commentRefusal", () => {
  it("lets anyone comment on an open work, signed-in users on a registered-only one, and nobody on a closed one", () => {
    expect(commentRefusal("open", null)).toBeNull();
    expect(commentRefusal("registered", null)).toBe("sign-in");
    expect(commentRefusal("registered", reader)).toBeNull();
    expect(commentRefusal("closed", reader)).toBe("closed");
    expect(commentRefusal("closed", null)).toBe("closed");
  });
});

describe("replyPlacement", () => {
  it("puts a reply one level below the comment it answers", () => {
    expect(replyPlacement({ id: 5, parentId: null, threadId: 5, depth: 0 })).toEqual({ parentId: 5, threadId: 5, depth: 1 });
  });

  it("puts a reply to a comment at the deepest level beside it, under the same parent", () => {
    expect(replyPlacement({ id: 9, parentId: 8, threadId: 1, depth: MAX_COMMENT_DEPTH })).toEqual({ parentId: 8, threadId: 1, depth: MAX_COMMENT_DEPTH });
    expect(replyPlacement({ id: 8, parentId: 7, threadId: 1, depth: MAX_COMMENT_DEPTH - 1 })).toEqual({ parentId: 8, threadId: 1, depth: MAX_COMMENT_DEPTH });
  });
});

describe("buildCommentThreads", () => {
  it("nests replies under their parents, oldest first at every level", () => {
    const threads = buildCommentThreads([comment(4, 1), comment(1, null), comment(3, null), comment(2, 1), comment(5, 2)], guestReader);
    expect(shape(threads)).toEqual([[1, [[2, [[5]]], [4]]], [3]]);
  });

  it("keeps a deleted comment as a placeholder while it has replies, and drops it when it has none", () => {
    const threads = buildCommentThreads([comment(1, null, { status: "deleted" }), comment(2, 1), comment(3, null, { status: "deleted" })], guestReader);
    expect(shape(threads)).toEqual([["deleted", [[2]]]]);
  });

  it("shows a comment waiting for approval to the work's creators and its commenter only", () => {
    const comments = [comment(1, null, { status: "pending", userId: 7 })];
    expect(shape(buildCommentThreads(comments, guestReader))).toEqual([]);
    expect(shape(buildCommentThreads(comments, { viewerId: 8, isCreator: false, mutedUsers: [] }))).toEqual([]);
    expect(buildCommentThreads(comments, { viewerId: 7, isCreator: false, mutedUsers: [] })[0]?.appearance).toEqual({ kind: "full", pending: true });
    expect(buildCommentThreads(comments, { viewerId: 9, isCreator: true, mutedUsers: [] })[0]?.appearance).toEqual({ kind: "full", pending: true });
  });

  it("leaves out the comments of a user the reader muted, keeping the replies of others in place", () => {
    const comments = [comment(1, null, { userId: 3 }), comment(2, 1, { userId: 4 }), comment(3, null, { userId: 3 })];
    expect(shape(buildCommentThreads(comments, { viewerId: 7, isCreator: false, mutedUsers: [3] }))).toEqual([["muted", [[2]]]]);
  });

  it("starts a thread at a reply whose parent was not given, and finds any comment in the threads", () => {
    const threads = buildCommentThreads([comment(5, 2), comment(6, 5)], guestReader);
    expect(shape(threads)).toEqual([[5, [[6]]]]);
    expect(findCommentNode(threads, 6)?.comment.id).toBe(6);
    expect(findCommentNode(threads, 2)).toBeUndefined();
  });
});

describe("commentActions", () => {
  const published = { ...comment(1, null, { userId: 7 }), depth: 0, threadFrozen: false };
  const full = { kind: "full", pending: false } as const;

  it("lets the commenter edit and delete, the creators delete, freeze and approve, and others only reply", () => {
    expect(commentActions(published, full, { viewer: reader, isCreator: false, refusal: null })).toEqual({ reply: true, edit: true, delete: true, approve: false, freeze: false });
    const creator: Account = { id: 2, login: "creator", role: "author", suspended: false, suspendedUntil: null };
    expect(commentActions(published, full, { viewer: creator, isCreator: true, refusal: null })).toEqual({ reply: true, edit: false, delete: true, approve: false, freeze: true });
    expect(commentActions({ ...published, status: "pending" }, { kind: "full", pending: true }, { viewer: creator, isCreator: true, refusal: null }).approve).toBe(true);
    expect(commentActions(published, full, { viewer: null, isCreator: false, refusal: null })).toEqual({ reply: true, edit: false, delete: false, approve: false, freeze: false });
  });

  it("refuses replies in a frozen thread, under a policy that refuses the viewer, and to a comment not yet approved", () => {
    expect(commentActions({ ...published, threadFrozen: true }, full, { viewer: reader, isCreator: false, refusal: null }).reply).toBe(false);
    expect(commentActions(published, full, { viewer: null, isCreator: false, refusal: "sign-in" }).reply).toBe(false);
    expect(commentActions({ ...published, status: "pending" }, { kind: "full", pending: true }, { viewer: reader, isCreator: false, refusal: null }).reply).toBe(false);
  });

  it("offers a suspended account nothing, and nobody anything on a placeholder", () => {
    const none = { reply: false, edit: false, delete: false, approve: false, freeze: false };
    expect(commentActions(published, full, { viewer: { ...reader, suspended: true }, isCreator: false, refusal: null })).toEqual(none);
    expect(commentActions(published, { kind: "placeholder", reason: "deleted" }, { viewer: reader, isCreator: false, refusal: null })).toEqual(none);
  });
});

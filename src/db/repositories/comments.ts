/**
 * Comments on a work or one of its chapters, in threads: each row knows its parent, its thread (the first
 * comment's id) and its depth. The guest's e-mail address is written here and never read back by anything.
 */
import type { Kysely } from "kysely";
import type { CommentPolicy, CommentStatus } from "../../domain/account.js";
import { storedSafeHtml, type SafeHtml } from "../../domain/safe-html.js";
import type { Database } from "../schema.js";

/** Where a comment is read: on a chapter's page, or with the whole work. */
export interface CommentPlace {
  workId: number;
  /** Null: a comment on the work as a whole. */
  chapterPosition: number | null;
  workChapterCount: number;
}

export interface StoredComment extends CommentPlace {
  id: number;
  workTitle: string;
  chapterId: number | null;
  parentId: number | null;
  threadId: number;
  depth: number;
  userId: number | null;
  /** The pseud a signed-in commenter commented as. */
  pseud: string | null;
  guestName: string | null;
  html: SafeHtml;
  status: CommentStatus;
  /** The thread this comment is in takes no more replies. */
  threadFrozen: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface NewComment {
  workId: number;
  chapterId: number | null;
  /** Null for a first comment, which starts a thread of its own. */
  reply: { parentId: number; threadId: number; depth: number } | null;
  commenter: { userId: number; authorId: number | null } | { guestName: string; guestEmail: string };
  html: SafeHtml;
  status: CommentStatus;
  now: string;
}

function commentsQuery(db: Kysely<Database>) {
  return db.selectFrom("comments as c")
    .innerJoin("works as w", "w.id", "c.work_id")
    .leftJoin("chapters as ch", "ch.id", "c.chapter_id")
    .leftJoin("authors as a", "a.id", "c.author_id")
    .leftJoin("comments as t", "t.id", "c.thread_id")
    .select(["c.id", "c.work_id", "c.chapter_id", "ch.position", "c.parent_id", "c.thread_id", "c.depth", "c.user_id", "a.name as pseud", "c.guest_name", "c.html", "c.status", "t.frozen", "c.created_at", "c.edited_at", "w.title", "w.chapter_count"]);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsQuery>["execute"]>>[number];

function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    workId: row.work_id,
    workTitle: row.title,
    workChapterCount: row.chapter_count,
    chapterId: row.chapter_id,
    chapterPosition: row.position,
    parentId: row.parent_id,
    threadId: row.thread_id ?? row.id,
    depth: row.depth,
    userId: row.user_id,
    pseud: row.pseud,
    guestName: row.guest_name,
    html: storedSafeHtml(row.html),
    status: row.status,
    threadFrozen: row.frozen === 1,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

export async function findComment(db: Kysely<Database>, id: number): Promise<StoredComment | undefined> {
  const row = await commentsQuery(db).where("c.id", "=", id).executeTakeFirst();
  return row && toComment(row);
}

/** The work's comments, oldest first: on the chapter at one position, or every one (on the work and all its chapters). */
export async function listWorkComments(db: Kysely<Database>, workId: number, chapterPosition: number | "all"): Promise<StoredComment[]> {
  const query = commentsQuery(db).where("c.work_id", "=", workId);
  const rows = await (chapterPosition === "all" ? query : query.where("ch.position", "=", chapterPosition)).orderBy("c.id").execute();
  return rows.map(toComment);
}

export async function listThreadComments(db: Kysely<Database>, threadId: number): Promise<StoredComment[]> {
  const rows = await commentsQuery(db).where("c.thread_id", "=", threadId).orderBy("c.id").execute();
  return rows.map(toComment);
}

/** Stores the comment; a first comment becomes its own thread. @returns its id. */
export async function insertComment(db: Kysely<Database>, comment: NewComment): Promise<number> {
  const { commenter, reply } = comment;
  const { id } = await db.insertInto("comments").values({
    work_id: comment.workId,
    chapter_id: comment.chapterId,
    parent_id: reply?.parentId ?? null,
    thread_id: reply?.threadId ?? null,
    depth: reply?.depth ?? 0,
    user_id: "userId" in commenter ? commenter.userId : null,
    author_id: "userId" in commenter ? commenter.authorId : null,
    guest_name: "guestName" in commenter ? commenter.guestName : null,
    guest_email: "guestEmail" in commenter ? commenter.guestEmail : null,
    html: comment.html,
    status: comment.status,
    created_at: comment.now,
    edited_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  if (!reply) await db.updateTable("comments").set({ thread_id: id }).where("id", "=", id).execute();
  return id;
}

export async function updateCommentHtml(db: Kysely<Database>, id: number, html: SafeHtml, now: string): Promise<void> {
  await db.updateTable("comments").set({ html, edited_at: now }).where("id", "=", id).execute();
}

export async function setCommentStatus(db: Kysely<Database>, id: number, status: CommentStatus): Promise<void> {
  await db.updateTable("comments").set({ status }).where("id", "=", id).execute();
}

/** Keeps the comment's place for its replies, and nothing of what it said or who said it. */
export async function blankComment(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable("comments").set({ status: "deleted", html: "", guest_name: null, guest_email: null }).where("id", "=", id).execute();
}

export async function deleteCommentRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("comments").where("id", "=", id).execute();
}

export async function hasReplies(db: Kysely<Database>, id: number): Promise<boolean> {
  const reply = await db.selectFrom("comments").select("id").where("parent_id", "=", id).limit(1).executeTakeFirst();
  return reply !== undefined;
}

export async function setThreadFrozen(db: Kysely<Database>, threadId: number, frozen: boolean): Promise<void> {
  await db.updateTable("comments").set({ frozen: frozen ? 1 : 0 }).where("id", "=", threadId).execute();
}

/**
 * Sets the work's comment count to its published comments: call it in the transaction that changed them. The
 * work's row is locked first, by an update that changes nothing, and counted by a second statement: on PostgreSQL
 * (READ COMMITTED) a count made in the locking statement itself would use that statement's snapshot, taken before
 * a concurrent comment's transaction committed, and leave the count one short.
 */
export async function recountWorkComments(db: Kysely<Database>, workId: number): Promise<void> {
  await db.updateTable("works").set((eb) => ({ comments: eb.ref("comments") })).where("id", "=", workId).execute();
  await db.updateTable("works")
    .set((eb) => ({ comments: eb.selectFrom("comments").select((s) => s.fn.countAll<number>().as("n")).where("work_id", "=", workId).where("status", "=", "published") }))
    .where("id", "=", workId)
    .execute();
}

export async function findChapterId(db: Kysely<Database>, workId: number, position: number): Promise<number | undefined> {
  const row = await db.selectFrom("chapters").select("id").where("work_id", "=", workId).where("position", "=", position).executeTakeFirst();
  return row?.id;
}

export interface CommentSettings {
  policy: CommentPolicy;
  /** New comments wait for the creators' approval. */
  moderated: boolean;
}

/** The work's comment settings, with its title and number of chapters. */
export async function findCommentSettings(db: Kysely<Database>, workId: number): Promise<(CommentSettings & { title: string; chapterCount: number }) | undefined> {
  const row = await db.selectFrom("works").select(["comment_policy", "moderate_comments", "title", "chapter_count"]).where("id", "=", workId).executeTakeFirst();
  return row && { policy: row.comment_policy, moderated: row.moderate_comments === 1, title: row.title, chapterCount: row.chapter_count };
}

export async function updateCommentSettings(db: Kysely<Database>, workId: number, settings: CommentSettings): Promise<void> {
  await db.updateTable("works").set({ comment_policy: settings.policy, moderate_comments: settings.moderated ? 1 : 0 }).where("id", "=", workId).execute();
}

/** The pseud the user comments and bookmarks as: their default one. */
export async function findDefaultPseud(db: Kysely<Database>, userId: number): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom("users as u").innerJoin("authors as a", "a.id", "u.default_author_id").select(["a.id", "a.name"]).where("u.id", "=", userId).executeTakeFirst();
}

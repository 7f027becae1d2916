/** Each user's inbox: news of works they follow, comments on their works, replies to their comments. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface NewInboxItem {
  userId: number;
  /** "new-work", "new-chapter", "comment", "reply"… */
  kind: string;
  workId: number | null;
  chapterId: number | null;
  commentId: number | null;
  /** Plain text. */
  message: string;
}

export async function insertInboxItems(db: Kysely<Database>, items: readonly NewInboxItem[], now: string): Promise<void> {
  if (items.length === 0) return;
  await db.insertInto("inbox_items").values(items.map((item) => ({
    user_id: item.userId, kind: item.kind, work_id: item.workId, chapter_id: item.chapterId, comment_id: item.commentId, message: item.message, created_at: now, read_at: null,
  }))).execute();
}

export interface InboxItem {
  id: number;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
  workId: number | null;
  workTitle: string | null;
  chapterPosition: number | null;
  commentId: number | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  unread: number;
}

/** A page of the user's items, the newest first, with how many there are and how many are unread. */
export async function listInboxItems(db: Kysely<Database>, userId: number, page: number, perPage: number): Promise<InboxPage> {
  const [rows, counts] = await Promise.all([
    db.selectFrom("inbox_items as i")
      .leftJoin("works as w", "w.id", "i.work_id")
      .leftJoin("chapters as ch", "ch.id", "i.chapter_id")
      .select(["i.id", "i.kind", "i.message", "i.created_at", "i.read_at", "i.work_id", "w.title", "ch.position", "i.comment_id"])
      .where("i.user_id", "=", userId)
      .orderBy("i.id", "desc")
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    db.selectFrom("inbox_items")
      .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("read_at").as("read")])
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  const total = Number(counts.total);
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, message: r.message, createdAt: r.created_at, readAt: r.read_at, workId: r.work_id, workTitle: r.title, chapterPosition: r.position, commentId: r.comment_id,
    })),
    total,
    unread: total - Number(counts.read),
  };
}

/** Marks the user's items read: those with the ids given (others' ids are passed over), or all. */
export async function markInboxItemsRead(db: Kysely<Database>, userId: number, ids: readonly number[] | "all", now: string): Promise<void> {
  if (ids !== "all" && ids.length === 0) return;
  const query = db.updateTable("inbox_items").set({ read_at: now }).where("user_id", "=", userId).where("read_at", "is", null);
  await (ids === "all" ? query : query.where("id", "in", [...ids])).execute();
}

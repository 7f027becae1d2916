/**
 * What moderators act on, read and changed directly: a work's hidden flag, a comment's status, a user's
 * suspension, and the warning left in a user's inbox. Callers run the changes in the transaction that also
 * writes the moderators' log.
 */
import type { Kysely } from "kysely";
import type { CommentStatus, Role } from "../../domain/account.js";
import type { Database } from "../schema.js";
import { touchWork } from "./works.js";

export interface ModeratedUser {
  id: number;
  login: string;
  role: Role;
  email: string;
  /** As stored: a past date, or null, means not suspended. */
  suspendedUntil: string | null;
}

export async function findModeratedUsers(db: Kysely<Database>, userIds: readonly number[]): Promise<ModeratedUser[]> {
  if (userIds.length === 0) return [];
  const rows = await db.selectFrom("users").select(["id", "login", "role", "email", "suspended_until"]).where("id", "in", [...userIds]).orderBy("login").execute();
  return rows.map((r) => ({ id: r.id, login: r.login, role: r.role, email: r.email, suspendedUntil: r.suspended_until }));
}

export async function setUserSuspendedUntil(db: Kysely<Database>, userId: number, until: string | null): Promise<void> {
  await db.updateTable("users").set({ suspended_until: until }).where("id", "=", userId).execute();
}

export interface WorkTitle {
  id: number;
  title: string;
}

export async function findWorkTitles(db: Kysely<Database>, workIds: readonly number[]): Promise<WorkTitle[]> {
  if (workIds.length === 0) return [];
  return db.selectFrom("works").select(["id", "title"]).where("id", "in", [...workIds]).execute();
}

/**
 * Hides or shows the work, and marks it changed now: the library's change stamp moves, so kept searches (the
 * home page, listings) are searched again without it.
 */
export async function setWorkHidden(db: Kysely<Database>, workId: number, hidden: boolean, now: string): Promise<void> {
  await db.updateTable("works").set({ hidden_by_moderator: hidden ? 1 : 0 }).where("id", "=", workId).execute();
  await touchWork(db, workId, now);
}

export interface ModeratedComment {
  id: number;
  workId: number;
  /** Sanitized HTML. */
  html: string;
  status: CommentStatus;
  userId: number | null;
  /** The pseud it was posted as, or the guest's name. */
  byline: string | null;
}

export async function findModeratedComments(db: Kysely<Database>, commentIds: readonly number[]): Promise<ModeratedComment[]> {
  if (commentIds.length === 0) return [];
  const rows = await db.selectFrom("comments as c").leftJoin("authors as a", "a.id", "c.author_id")
    .select(["c.id", "c.work_id", "c.html", "c.status", "c.user_id", "c.guest_name", "a.name"]).where("c.id", "in", [...commentIds]).execute();
  return rows.map((r) => ({ id: r.id, workId: r.work_id, html: r.html, status: r.status, userId: r.user_id, byline: r.name ?? r.guest_name }));
}

export async function setCommentStatus(db: Kysely<Database>, commentId: number, status: CommentStatus): Promise<void> {
  await db.updateTable("comments").set({ status }).where("id", "=", commentId).execute();
}

/** A moderator's warning in the user's inbox: plain text, as every inbox message. */
export async function insertModeratorWarning(db: Kysely<Database>, userId: number, message: string, now: string): Promise<void> {
  await db.insertInto("inbox_items").values({
    user_id: userId, kind: "moderator-warning", work_id: null, chapter_id: null, comment_id: null, message, created_at: now, read_at: null,
  }).execute();
}

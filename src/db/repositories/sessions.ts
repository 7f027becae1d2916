/** Signed-in browsers. A session is found by the digest of its cookie's token, never by the token itself. */
import type { Kysely } from "kysely";
import type { Database, UserRow } from "../schema.js";

export async function insertSession(db: Kysely<Database>, session: { id: string; userId: number; now: string; expiresAt: string }): Promise<void> {
  await db.insertInto("sessions").values({ id: session.id, user_id: session.userId, created_at: session.now, last_seen_at: session.now, expires_at: session.expiresAt }).execute();
}

export interface SessionWithUser {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: Pick<UserRow, "id" | "login" | "role" | "suspended_until" | "password_changed_at" | "prefs" | "history_enabled" | "default_author_id">;
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionWithUser | undefined> {
  const row = await db.selectFrom("sessions as s").innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.created_at", "s.last_seen_at", "s.expires_at", "u.id", "u.login", "u.role", "u.suspended_until", "u.password_changed_at", "u.prefs", "u.history_enabled", "u.default_author_id"])
    .where("s.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const { created_at, last_seen_at, expires_at, ...user } = row;
  return { createdAt: created_at, lastSeenAt: last_seen_at, expiresAt: expires_at, user };
}

export async function extendSession(db: Kysely<Database>, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Signs the user out everywhere, except the session `keep` (the one that changed the password, say). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, keep: string | null = null): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keep !== null) query = query.where("id", "<>", keep);
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

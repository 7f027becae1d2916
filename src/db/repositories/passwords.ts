/** Passwords and the links that reset them: a reset is found by the digest of its token, never by the token. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Stores the new hash; sessions begun before `now` stop counting (sessions.ts compares with password_changed_at). */
export async function updatePasswordHash(db: Kysely<Database>, userId: number, passwordHash: string, now: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, password_changed_at: now }).where("id", "=", userId).execute();
}

export async function insertPasswordReset(db: Kysely<Database>, reset: { id: string; userId: number; expiresAt: string }): Promise<void> {
  await db.insertInto("password_resets").values({ id: reset.id, user_id: reset.userId, expires_at: reset.expiresAt, used_at: null }).execute();
}

/** The user a reset belongs to while it is unused and unexpired. */
export async function findUsablePasswordReset(db: Kysely<Database>, id: string, now: string): Promise<number | undefined> {
  const row = await db.selectFrom("password_resets").select("user_id").where("id", "=", id).where("used_at", "is", null).where("expires_at", ">", now).executeTakeFirst();
  return row?.user_id;
}

/**
 * Marks the reset used, if it is still usable, and returns its user: of two requests with one token, only one
 * gets a user back.
 */
export async function claimPasswordReset(db: Kysely<Database>, id: string, now: string): Promise<number | undefined> {
  const row = await db.updateTable("password_resets").set({ used_at: now })
    .where("id", "=", id).where("used_at", "is", null).where("expires_at", ">", now)
    .returning("user_id").executeTakeFirst();
  return row?.user_id;
}

/** Voids the user's other reset links (one was just used, or the password changed) and drops expired ones. */
export async function closePasswordResets(db: Kysely<Database>, userId: number, now: string): Promise<void> {
  await db.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", userId).where("used_at", "is", null).execute();
  await db.deleteFrom("password_resets").where("expires_at", "<=", now).execute();
}

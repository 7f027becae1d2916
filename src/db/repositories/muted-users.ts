/** The users each user muted: their works leave that user's listings and counts (db/audience.ts). */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Mutes the user for this user; muting twice changes nothing. */
export async function insertMutedUser(db: Kysely<Database>, userId: number, mutedUserId: number): Promise<void> {
  await db.insertInto("muted_users").values({ user_id: userId, muted_user_id: mutedUserId })
    .onConflict((oc) => oc.columns(["user_id", "muted_user_id"]).doNothing()).execute();
}

export async function deleteMutedUser(db: Kysely<Database>, userId: number, mutedUserId: number): Promise<void> {
  await db.deleteFrom("muted_users").where("user_id", "=", userId).where("muted_user_id", "=", mutedUserId).execute();
}

/** The users this user muted, by login. */
export async function listMutedUsers(db: Kysely<Database>, userId: number): Promise<{ id: number; login: string }[]> {
  return db.selectFrom("muted_users as m").innerJoin("users as u", "u.id", "m.muted_user_id")
    .select(["u.id", "u.login"]).where("m.user_id", "=", userId).orderBy("u.login_key").execute();
}

/** What a user changes on their account (address, preferences, history) and what an admin changes (role). */
import type { Kysely } from "kysely";
import type { Role } from "../../domain/account.js";
import type { Database, UserRow } from "../schema.js";

export async function updateUserEmail(db: Kysely<Database>, userId: number, email: string, emailKey: string): Promise<void> {
  await db.updateTable("users").set({ email, email_key: emailKey }).where("id", "=", userId).execute();
}

/** Keeps the reader preferences (JSON) and, when given, whether history is kept. */
export async function updateReadingSettings(db: Kysely<Database>, userId: number, settings: { prefsJson: string; historyEnabled?: boolean }): Promise<void> {
  await db.updateTable("users").set({
    prefs: settings.prefsJson, ...(settings.historyEnabled === undefined ? {} : { history_enabled: settings.historyEnabled ? 1 : 0 }),
  }).where("id", "=", userId).execute();
}

export async function updateUserRole(db: Kysely<Database>, userId: number, role: Role): Promise<void> {
  await db.updateTable("users").set({ role }).where("id", "=", userId).execute();
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number | string>().as("n")).where("role", "=", "admin").executeTakeFirstOrThrow();
  return Number(row.n);
}

export type UserListRow = Pick<UserRow, "id" | "login" | "email" | "role" | "suspended_until" | "created_at">;

/** One page of users by login, with the number of all users. */
export async function listUsers(db: Kysely<Database>, page: { offset: number; limit: number }): Promise<{ total: number; users: UserListRow[] }> {
  const [count, users] = await Promise.all([
    db.selectFrom("users").select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("users").select(["id", "login", "email", "role", "suspended_until", "created_at"]).orderBy("login_key").offset(page.offset).limit(page.limit).execute(),
  ]);
  return { total: Number(count.n), users };
}

/** The user whose login, folded, is this. */
export function findUserByLoginKey(db: Kysely<Database>, loginKey: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("login_key", "=", loginKey).executeTakeFirst();
}

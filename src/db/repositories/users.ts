/** Accounts and their pseuds: the rows behind sign-up, sign-in and every "who is this" question. */
import type { Kysely } from "kysely";
import type { Account, Role } from "../../domain/account.js";
import type { Database, UserRow } from "../schema.js";

export interface NewUser {
  login: string;
  loginKey: string;
  email: string;
  emailKey: string;
  passwordHash: string;
  role: Role;
}

/**
 * Stores the user and their first pseud (an author of the login's name) as its default, in the caller's
 * transaction. @returns the user's id and the pseud's.
 */
export async function insertUser(db: Kysely<Database>, user: NewUser, now: string): Promise<{ userId: number; authorId: number }> {
  const { id: userId } = await db.insertInto("users").values({
    login: user.login, login_key: user.loginKey, email: user.email, email_key: user.emailKey, password_hash: user.passwordHash,
    role: user.role, suspended_until: null, default_author_id: null, created_at: now, password_changed_at: now,
  }).returning("id").executeTakeFirstOrThrow();
  const { id: authorId } = await db.insertInto("authors").values({ name: user.login, name_key: user.loginKey, user_id: userId }).returning("id").executeTakeFirstOrThrow();
  await db.updateTable("users").set({ default_author_id: authorId }).where("id", "=", userId).execute();
  return { userId, authorId };
}

export function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The user whose login or e-mail address, folded, is this. */
export function findUserByLoginOrEmail(db: Kysely<Database>, key: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where((eb) => eb.or([eb("login_key", "=", key), eb("email_key", "=", key)])).executeTakeFirst();
}

/** Is the name taken, by an account or by any author (a pseud, or a name from imported files)? */
export async function isNameTaken(db: Kysely<Database>, nameKey: string): Promise<boolean> {
  const [user, author] = await Promise.all([
    db.selectFrom("users").select("id").where("login_key", "=", nameKey).executeTakeFirst(),
    db.selectFrom("authors").select("id").where("name_key", "=", nameKey).executeTakeFirst(),
  ]);
  return user !== undefined || author !== undefined;
}

export function isEmailTaken(db: Kysely<Database>, emailKey: string): Promise<boolean> {
  return db.selectFrom("users").select("id").where("email_key", "=", emailKey).executeTakeFirst().then((row) => row !== undefined);
}

/** The row as a request's account: suspended while `suspended_until` lies ahead of `now`. */
export function toAccount(row: Pick<UserRow, "id" | "login" | "role" | "suspended_until">, now: string): Account {
  const suspended = row.suspended_until !== null && row.suspended_until > now;
  return { id: row.id, login: row.login, role: row.role, suspended, suspendedUntil: suspended ? row.suspended_until : null };
}

/** The users this user muted: their works and comments are left out of what this user sees. */
export async function listMutedUserIds(db: Kysely<Database>, userId: number): Promise<number[]> {
  const rows = await db.selectFrom("muted_users").select("muted_user_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.muted_user_id);
}

/** The logins of the accounts, by id; an id no account has is left out. */
export async function findLogins(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "login"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.login]));
}

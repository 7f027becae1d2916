/** API tokens, found by the digest of the token a request brings, never by the token itself. */
import type { Kysely } from "kysely";
import type { ApiTokenScope } from "../../domain/account.js";
import type { Database, UserRow } from "../schema.js";

export interface StoredApiToken {
  id: number;
  name: string;
  scope: ApiTokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenWithUser {
  id: number;
  scope: ApiTokenScope;
  lastUsedAt: string | null;
  user: Pick<UserRow, "id" | "login" | "role" | "suspended_until" | "prefs" | "history_enabled" | "default_author_id">;
}

export async function insertApiToken(db: Kysely<Database>, token: { userId: number; name: string; digest: string; scope: ApiTokenScope; now: string }): Promise<number> {
  const { id } = await db.insertInto("api_tokens").values({
    user_id: token.userId, name: token.name, digest: token.digest, scope: token.scope, created_at: token.now, last_used_at: null, revoked_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** The unrevoked token with this digest and its user, or undefined. */
export async function findActiveApiToken(db: Kysely<Database>, digest: string): Promise<ApiTokenWithUser | undefined> {
  const row = await db.selectFrom("api_tokens as t").innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id as tokenId", "t.scope", "t.last_used_at", "u.id", "u.login", "u.role", "u.suspended_until", "u.prefs", "u.history_enabled", "u.default_author_id"])
    .where("t.digest", "=", digest).where("t.revoked_at", "is", null).executeTakeFirst();
  if (!row) return undefined;
  const { tokenId, scope, last_used_at, ...user } = row;
  return { id: tokenId, scope, lastUsedAt: last_used_at, user };
}

export async function touchApiToken(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

/** The user's tokens, revoked ones too, newest first. */
export async function listApiTokens(db: Kysely<Database>, userId: number): Promise<StoredApiToken[]> {
  const rows = await db.selectFrom("api_tokens").select(["id", "name", "scope", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId).orderBy("id", "desc").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/** Revokes the user's token if it is theirs and not yet revoked. @returns whether a token of theirs had that id. */
export async function revokeApiToken(db: Kysely<Database>, userId: number, id: number, now: string): Promise<boolean> {
  const owned = await db.selectFrom("api_tokens").select("revoked_at").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (!owned) return false;
  if (owned.revoked_at === null) await db.updateTable("api_tokens").set({ revoked_at: now }).where("id", "=", id).execute();
  return true;
}

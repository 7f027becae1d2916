/**
 * API tokens: a signed-in user makes one with a name and a scope, sees it once, and may revoke it; a request to
 * /api/v1 that brings it acts as that user (a suspended user's token reads, as the suspended user does on the
 * pages). Like a session's, a token is 256 random bits stored only as a digest; its `quire_` prefix lets secret
 * scanners and people tell it from other keys.
 */
import type { Kysely } from "kysely";
import { findActiveApiToken, insertApiToken, listApiTokens, revokeApiToken, touchApiToken, type StoredApiToken } from "../../db/repositories/api-tokens.js";
import { toAccount } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import type { ApiTokenScope, Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireSignedIn } from "./roles.js";
import type { SignedIn } from "./sessions.js";
import { newToken, tokenDigest } from "./secrets.js";

export type { StoredApiToken };

const API_TOKEN_PREFIX = "quire_";
const TOKEN_SHAPE = /^quire_[\w-]{43}$/u;
export const MAX_API_TOKEN_NAME_LENGTH = 100;
/** Unrevoked tokens one account may hold: enough for every device and script a person runs, and a bound on rows. */
export const MAX_ACTIVE_API_TOKENS = 50;
/** last_used_at moves on at most this often, so reading through the API does not write on every request. */
const TOUCH_AFTER_MS = 60_000;

/** A request's caller as a token names them, signed in as a session would sign them in (preferences too). */
export interface ApiCaller extends SignedIn {
  scope: ApiTokenScope;
}

/**
 * Makes a token for the viewer. @returns the token itself, which is never stored and cannot be shown again, and
 *   its name as kept.
 * @throws SignInRequiredError for a guest; ValidationError for a name that is empty or too long, or when the
 *   account already holds MAX_ACTIVE_API_TOKENS.
 */
export async function createApiToken(db: Kysely<Database>, viewer: Viewer, input: { name: string; scope: ApiTokenScope }, now: Date): Promise<{ id: number; name: string; token: string }> {
  const account = requireSignedIn(viewer, "Sign in to make an API token.");
  const name = input.name.replace(/\s+/gu, " ").trim();
  if (name.length === 0) throw new ValidationError({ name: "Name the token, so that you know it again (“e-reader sync”)." });
  if (name.length > MAX_API_TOKEN_NAME_LENGTH) throw new ValidationError({ name: `A token's name has at most ${MAX_API_TOKEN_NAME_LENGTH} characters.` });
  const active = (await listApiTokens(db, account.id)).filter((t) => t.revokedAt === null).length;
  if (active >= MAX_ACTIVE_API_TOKENS) throw new ValidationError({ name: `You hold ${MAX_ACTIVE_API_TOKENS} tokens already: revoke one you no longer use first.` });
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  const id = await insertApiToken(db, { userId: account.id, name, digest: tokenDigest(token), scope: input.scope, now: now.toISOString() });
  return { id, name, token };
}

/** The viewer's tokens, revoked ones too, newest first. @throws SignInRequiredError for a guest. */
export function listApiTokensOf(db: Kysely<Database>, viewer: Viewer): Promise<StoredApiToken[]> {
  return listApiTokens(db, requireSignedIn(viewer, "Sign in to see your API tokens.").id);
}

/**
 * Revokes one of the viewer's tokens (again: nothing changes).
 * @throws SignInRequiredError for a guest; NotFoundError when the viewer has no token of that id.
 */
export async function revokeApiTokenOf(db: Kysely<Database>, viewer: Viewer, tokenId: number, now: Date): Promise<void> {
  const account = requireSignedIn(viewer, "Sign in to revoke an API token.");
  if (!(await revokeApiToken(db, account.id, tokenId, now.toISOString()))) throw new NotFoundError(`API token ${tokenId}`);
}

/** The caller a token names, or null when it is malformed, unknown or revoked. */
export async function authenticateApiToken(db: Kysely<Database>, token: string, now: Date): Promise<ApiCaller | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const found = await findActiveApiToken(db, tokenDigest(token));
  if (!found) return null;
  const at = now.toISOString();
  if (found.lastUsedAt === null || now.getTime() - Date.parse(found.lastUsedAt) > TOUCH_AFTER_MS) await touchApiToken(db, found.id, at);
  const { user } = found;
  return {
    scope: found.scope, account: toAccount(user, at),
    prefs: user.prefs, historyEnabled: user.history_enabled === 1, defaultAuthorId: user.default_author_id,
  };
}

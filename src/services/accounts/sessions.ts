/**
 * Sessions: begun at sign-in with a fresh token (never one the browser brought, so a planted session id is
 * worthless), valid for 30 days after the last visit, ended at sign-out, and void once the password changes.
 */
import type { Kysely } from "kysely";
import type { Account } from "../../domain/account.js";
import { deleteSession, extendSession, findSession, insertSession } from "../../db/repositories/sessions.js";
import { toAccount } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { newToken, tokenDigest } from "./secrets.js";

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** A session's expiry moves on at most this often, so reading pages does not write on every request. */
const EXTEND_AFTER_MS = 3600 * 1000;

export interface SignedIn {
  account: Account;
  /** JSON of the reader preferences kept on the account. */
  prefs: string;
  historyEnabled: boolean;
  defaultAuthorId: number | null;
}

/** @returns the token for the browser's cookie. */
export async function startSession(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await insertSession(db, { id: tokenDigest(token), userId, now: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString() });
  return token;
}

/** The account a session token belongs to, or null when it is unknown, expired, or older than the password. */
export async function readSession(db: Kysely<Database>, token: string, now: Date): Promise<SignedIn | null> {
  const id = tokenDigest(token);
  const session = await findSession(db, id);
  const at = now.toISOString();
  if (!session || session.expiresAt <= at || session.createdAt < session.user.password_changed_at) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) > EXTEND_AFTER_MS) {
    await extendSession(db, id, at, new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString());
  }
  return { account: toAccount(session.user, at), prefs: session.user.prefs, historyEnabled: session.user.history_enabled === 1, defaultAuthorId: session.user.default_author_id };
}

export function endSession(db: Kysely<Database>, token: string): Promise<void> {
  return deleteSession(db, tokenDigest(token));
}

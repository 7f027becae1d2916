/**
 * The signed-in account of a request, from its session cookie, and the two moments a session changes hands:
 * sign-in (a fresh session and CSRF token, the old session ended, so a fixed session id gains an attacker
 * nothing) and sign-out.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { endSession, readSession, SESSION_DAYS, startSession, type SignedIn } from "../services/accounts/sessions.js";
import { renewCsrfToken } from "./csrf.js";
import type { WebDeps, WebEnv } from "./env.js";
import { setSiteCookie } from "./request.js";

export const SESSION_COOKIE = "quire_session";

export async function readSignedIn(c: Context<WebEnv>, db: WebDeps["db"], now: Date): Promise<SignedIn | null> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? readSession(db, token, now) : null;
}

export async function signIn(c: Context<WebEnv>, db: WebDeps["db"], userId: number, now: Date): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await endSession(db, old);
  setSiteCookie(c, SESSION_COOKIE, await startSession(db, userId, now), SESSION_DAYS * 24 * 3600);
  renewCsrfToken(c);
}

export async function signOut(c: Context<WebEnv>, db: WebDeps["db"]): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await endSession(db, token);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  renewCsrfToken(c);
}

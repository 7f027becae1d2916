/**
 * CSRF tokens on top of the origin check: every form carries a token that must match the browser's CSRF cookie
 * (HttpOnly, SameSite=Lax, random per browser and replaced at sign-in and sign-out). A page on another site can
 * neither read the cookie nor guess the token, so a forged POST fails even from a browser that sends no Origin
 * header. Script-sent requests put the token in the X-CSRF-Token header instead of the body.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { newToken, sameSecret } from "../services/accounts/secrets.js";
import type { WebEnv } from "./env.js";
import { isFormBody, setSiteCookie } from "./request.js";

export const CSRF_COOKIE = "quire_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** The browser's token, made (and its cookie set) when it has none. */
export function ensureCsrfToken(c: Context<WebEnv>): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[\w-]{43}$/u.test(existing)) return existing;
  return renewCsrfToken(c);
}

/** A new token for this browser: at sign-in and sign-out, so a token seen before then is worth nothing after. */
export function renewCsrfToken(c: Context<WebEnv>): string {
  const token = newToken();
  setSiteCookie(c, CSRF_COOKIE, token);
  return token;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses (403) a state-changing request whose token is missing or not the browser's. */
export function csrfTokens(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const expected = getCookie(c, CSRF_COOKIE);
      const offered = c.req.header(CSRF_HEADER) ?? (await bodyToken(c));
      if (!expected || !offered || !sameSecret(expected, offered)) {
        throw new HTTPException(403, { message: "This form has expired or was sent from another site. Go back, reload the page and send it again." });
      }
    }
    await next();
  };
}

async function bodyToken(c: Context<WebEnv>): Promise<string | undefined> {
  if (!isFormBody(c)) return undefined;
  const value = (await c.req.parseBody())[CSRF_FIELD];
  return typeof value === "string" ? value : undefined;
}

/**
 * E-reader apps (KOReader, Thorium, Moon+ Reader…) and feed readers keep no cookies and cannot fill in a sign-in
 * form: they send HTTP Basic credentials. On the addresses such apps fetch (the OPDS catalog, the Atom feeds,
 * downloads and covers) Quire takes an API token of the account as the Basic password (the user name is not
 * read). Never the account's password: checking one costs a deliberate third of a second, an app fetches dozens of
 * feeds, and a token kept in an app can be revoked alone. A token is 256 random bits found by its digest, so
 * guessing needs no rate limit here.
 *
 * Only reads are signed in this way: a POST with Basic credentials stays a guest's, so a browser that remembers them
 * cannot be made to act by another site.
 */
import type { MiddlewareHandler } from "hono";
import { authenticateApiToken } from "../services/accounts/api-tokens.js";
import type { WebDeps, WebEnv } from "./env.js";

/** The challenge on a reader app's address that needs an account. */
export const READER_APP_CHALLENGE = 'Basic realm="Quire", charset="UTF-8"';

const READER_APP_PATH = /^\/(?:opds(?:\/|$)|downloads\/|works\/\d+\/cover\.svg$)|\.atom$/u;

/** The addresses reader apps fetch, where Basic credentials sign in and a missing sign-in asks for them. */
export function isReaderAppPath(path: string): boolean {
  return READER_APP_PATH.test(path);
}

/** The password of an `Authorization: Basic …` header, or null when there is none or it is malformed. */
export function basicPassword(header: string | undefined): string | null {
  const encoded = header === undefined ? undefined : /^Basic +([A-Za-z0-9+/]+={0,2}) *$/iu.exec(header)?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * Marks a request to a reader app's address (`readerApp`), signing in its GET by the token it brings, or answers
 * 401 with the challenge when the credentials open nothing, so the app asks its user again rather than showing a
 * guest's catalog.
 */
export function readerAppSignIn(deps: Pick<WebDeps, "db" | "now">): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    c.set("readerApp", null);
    if (!isReaderAppPath(c.req.path)) return next();
    const reads = c.req.method === "GET" || c.req.method === "HEAD";
    const password = reads ? basicPassword(c.req.header("Authorization")) : null;
    const signedIn = password === null ? null : await authenticateApiToken(deps.db, password, deps.now());
    if (password !== null && !signedIn) {
      return c.text("Those credentials open nothing here: give your user name and, as the password, an API token (Account, API tokens).", 401, { "WWW-Authenticate": READER_APP_CHALLENGE });
    }
    c.set("readerApp", { signedIn });
    await next();
    c.header("Vary", "Authorization", { append: true });
  };
}

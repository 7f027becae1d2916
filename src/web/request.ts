/**
 * What the routes read off a request the same way everywhere: ids in paths, whether the reader came over HTTPS
 * (directly, or through a TLS proxy the server was told to trust), the site's own origin (configured, or as the
 * request names it), cookies set with the right flags, and return addresses that must stay on the site.
 */
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { setCookie } from "hono/cookie";
import { NotFoundError } from "../domain/errors.js";
import { addressKey } from "./address-key.js";
import type { WebEnv } from "./env.js";
import { MAX_ID } from "../domain/row-id.js";

export const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The request body's media type as Hono's body parser and validator compare it: parameters dropped, lower case.
 * @example mediaTypeOf(c) // "application/x-www-form-urlencoded" for "Application/X-WWW-Form-Urlencoded; charset=UTF-8"
 */
export function mediaTypeOf(c: Context): string {
  return (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Whether the body is a form, as a browser sends one. */
export function isFormBody(c: Context): boolean {
  const type = mediaTypeOf(c);
  return type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
}

/** @throws NotFoundError for a number no row can have. */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new NotFoundError(`${what} ${value}`);
  return id;
}

/** What the address helpers need of a request's context (the pages' or the API's): whether to believe a proxy. */
export interface ProxyAwareEnv {
  Variables: Pick<WebEnv["Variables"], "trustProxy" | "publicOrigin">;
}

/**
 * The origin the request itself names: its Host, or behind a trusted proxy the first X-Forwarded-Proto and
 * X-Forwarded-Host. The client writes these (a proxy passes on an X-Forwarded-Host it did not set), so this is
 * only for what answers the same requester: whether they came over TLS. Anything kept, cached or sent to someone
 * else takes siteOrigin or the configured origin instead.
 */
export function requestOrigin<E extends ProxyAwareEnv>(c: Context<E>): string {
  const url = new URL(c.req.url);
  if (!c.get("trustProxy")) return url.origin;
  const proto = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim();
  const host = c.req.header("X-Forwarded-Host")?.split(",")[0]?.trim();
  return `${proto === "https" || proto === "http" ? proto : url.protocol.slice(0, -1)}://${host || url.host}`;
}

/**
 * The site's origin for this response's absolute addresses (feeds, the catalog, the sitemap, downloads) and for
 * the forms' origin check: the configured `--origin` when there is one. Without one, the request's own origin:
 * the listen address would be wrong for a reader who came by another name (a LAN address, a proxy's host), and
 * these answers go only to that requester, uncached by any shared cache (pages are `private`), so a forged header
 * misleads no one else. Mail never takes this: it uses the public origin as it is (WebDeps.publicOrigin).
 */
export function siteOrigin<E extends ProxyAwareEnv>(c: Context<E>): string {
  const configured = c.get("publicOrigin");
  return configured.configured ? configured.url : requestOrigin(c);
}

/**
 * Whether the reader is on HTTPS: they came over TLS, or the archive's configured address is https (then a proxy
 * that does not say X-Forwarded-Proto still gets Secure cookies and HSTS; a browser on plain http ignores both).
 */
export function onHttps<E extends ProxyAwareEnv>(c: Context<E>): boolean {
  const configured = c.get("publicOrigin");
  return requestOrigin(c).startsWith("https:") || (configured.configured && configured.url.startsWith("https:"));
}

/** A cookie for the whole site, HttpOnly and SameSite=Lax, Secure whenever the reader is on HTTPS. */
export function setSiteCookie(c: Context<WebEnv>, name: string, value: string, maxAge?: number): void {
  setCookie(c, name, value, {
    path: "/", httpOnly: true, sameSite: "Lax", secure: onHttps(c), ...(maxAge === undefined ? {} : { maxAge }),
  });
}

/**
 * The path to send a reader back to: a path and query on this site, or "/". Resolved as a browser would, so
 * `//evil.example`, `/\evil.example` and `/%09/evil.example` (a tab, which browsers drop) all fail.
 */
export function localReturnPath(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused here
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/u.test(value)) return "/";
  const base = "http://quire.invalid";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

/**
 * The client's address, for rate limits and guests' one-a-day counts: behind a trusted proxy, the last
 * X-Forwarded-For hop, else the socket's peer; "local" in process (tests call the app without a socket). An IPv6
 * address counts as its /64 network (address-key.ts).
 *
 * The last hop, not the first: a proxy appends the address it saw to whatever header the client sent (nginx's
 * $proxy_add_x_forwarded_for, HAProxy's forwardfor), so every hop before its own is the client's to write, and a
 * client that chose a new one per request would escape every per-address limit. A proxy that replaces the header
 * sends its one hop, which is the same address. (Behind a chain of proxies, the last hop is the nearest proxy's
 * client: the limits then count that proxy's address.)
 */
export function clientAddress<E extends ProxyAwareEnv>(c: Context<E>): string {
  if (c.get("trustProxy")) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
    if (forwarded) return addressKey(forwarded);
  }
  try {
    return addressKey(getConnInfo(c).remote.address ?? "local");
  } catch {
    return "local";
  }
}

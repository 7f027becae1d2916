/**
 * The security headers of every answer: a strict Content-Security-Policy and the rest of Hono's secureHeaders set
 * (nosniff, frame options, referrer and cross-origin policies). HSTS is not among them: app.tsx adds it over TLS
 * alone. The server (server.ts) sends the same ones with the refusals Node makes before the app sees a request.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    // Images may come from any https host, as on the Archive: authors embed them in chapters (user-html.ts gives
    // each one referrerpolicy=no-referrer). Scripts, styles, frames and forms stay on this site.
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", "data:", "https:"],
      connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'self'"], objectSrc: ["'none'"],
    },
    referrerPolicy: "same-origin",
    // Set by app.tsx, and only over TLS: a browser ignores HSTS over plain http, and a site reached by http alone
    // (on a home network, say) must not be told to insist on https.
    strictTransportSecurity: false,
  });
}

/**
 * The same headers as raw header lines (`Name: value\r\n` each), for an answer written to a socket by hand. Read
 * off an empty answer of the middleware itself, so that the two cannot drift apart.
 */
export function securityHeaderLines(): Promise<string> {
  // Read once per process: `quire serve` starts a server per port it tries.
  headerLines ??= (async () => {
    const probe = new Hono().use(securityHeaders()).all("*", (c) => c.body(null, 204));
    const answer = await probe.request("http://localhost/");
    return [...answer.headers].map(([name, value]) => `${name}: ${value}\r\n`).join("");
  })();
  return headerLines;
}

let headerLines: Promise<string> | undefined;

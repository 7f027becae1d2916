/**
 * `quire serve [--port N] [--host H] [--origin URL] [--trust-proxy] [--request-limit N] [--mail WHERE] [--db TARGET]`: the archive on the web until
 * Ctrl-C (or SIGTERM), which refuses new connections and lets requests in flight finish (for up to DRAIN_MS, then
 * cuts them) before the library closes. Prints the address, the owner's sign-in link (provenance and the other
 * owner's views), where mail goes and the address its links give, and how to make the first admin while there is
 * none. `--origin` (or QUIRE_ORIGIN) is the archive's public address (`https://archive.example`): mailed links
 * always use it, or with none the address listened on, never a request's Host header, which the client writes (a
 * reset link asked for in a victim's name would carry its token to the attacker's host); given, forms must come
 * from it and feeds, the catalog and the sitemap link to it. `--trust-proxy` believes a TLS proxy's
 * X-Forwarded-Proto and X-Forwarded-Host, so cookies are Secure and, without --origin, the forms' origin check
 * sees the address readers use. `--mail` (or QUIRE_MAIL) is console, a
 * folder for .eml files, or an smtp:// or smtps:// URL. `--request-limit` is the requests a minute one client
 * address may make (0: no limit; web/request-limits.tsx says why the default is what it is).
 */
import { once } from "node:events";
import { openQuire } from "../../composition.js";
import { countAdminAccounts } from "../../services/accounts/roles.js";
import { createMailer } from "../../services/mail/mailer.js";
import { ensureOwnerKey, ensureSiteSecret } from "../../services/site-secrets.js";
import { loadAssets } from "../../web/assets.js";
import { DRAIN_MS, startServer, type ListenOptions, type RunningServer, type ServerDeps } from "../../web/server.js";
import type { PublicOrigin } from "../../web/env.js";
import { DEFAULT_LIMITS, DEFAULT_REQUESTS_PER_MINUTE } from "../../web/request-limits.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger, publicOriginFrom } from "../args.js";
import { UsageError, type Io } from "../io.js";
import { describeMailSetting, mailTransport, parseMailSetting } from "../mail-option.js";

const USAGE = "quire serve [--port N] [--host ADDRESS] [--origin URL] [--trust-proxy] [--request-limit PER_MINUTE] [--mail console|DIR|smtp://…] [--db TARGET]";
const DEFAULT_PORT = 3000;
/** With no port asked for, the next few are tried when the default is taken (another app on 3000 is common). */
const PORTS_TRIED = 10;

const OPTIONS = { ...DB_OPTION, port: { type: "string" }, host: { type: "string", default: "127.0.0.1" }, origin: { type: "string" }, "trust-proxy": { type: "boolean", default: false }, "request-limit": { type: "string" }, mail: { type: "string" } } as const;

export async function runServe(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (positionals.length > 0) throw new UsageError(`quire serve takes no file names (usage: ${USAGE})`);
  // An empty PORT (as `PORT= npm start` leaves it) asks for nothing.
  const askedPort = values.port ?? (process.env.PORT?.trim() || undefined);
  const port = askedPort === undefined ? DEFAULT_PORT : positiveInteger("--port", askedPort, 65_535, 0);
  const requestsPerMinute = values["request-limit"] === undefined ? DEFAULT_REQUESTS_PER_MINUTE : positiveInteger("--request-limit", values["request-limit"], 1_000_000, 0);
  const mail = parseMailSetting(values.mail, process.env.QUIRE_MAIL);
  const origin = publicOriginFrom(values.origin);
  const quire = await openQuire(databaseFrom(values.db));
  let server: RunningServer | undefined;
  try {
    const deps: ServerDeps = {
      db: quire.library.db, engine: quire.library.engine, searchIndex: quire.searchIndex, assets: loadAssets(), ownerKey: await ensureOwnerKey(quire.library.db),
      now: () => new Date(), trustProxy: values["trust-proxy"], mailer: createMailer(mailTransport(mail, io.out)), siteSecret: await ensureSiteSecret(quire.library.db),
      limits: { ...DEFAULT_LIMITS, requestsPerMinute },
    };
    server = await listen(deps, { port, host: values.host, ...(origin === null ? {} : { origin }) }, askedPort === undefined);
    io.out(`Quire is serving the archive at ${server.url}\n`);
    io.out(`Owner sign-in (shows where each work came from): ${server.url}owner?key=${deps.ownerKey ?? ""}\n`);
    io.out(`The OPDS catalog for e-reader apps: ${server.url}opds; the JSON API: ${server.url}api/v1/openapi.json\n`);
    io.out(`Mail (password resets, invitations, notifications) is ${describeMailSetting(mail)}.\n`);
    io.out(`Links in mail point to ${describeMailOrigin(server.publicOrigin)}.\n`);
    if ((await countAdminAccounts(deps.db)) === 0) {
      io.out("No admin account yet: make one with `quire users add NAME --email ADDRESS --role admin`.\n");
    }
    io.out("Press Ctrl-C to stop.\n");
    const stop = new AbortController();
    // An aborted wait rejects: that is the end of it, not an error.
    await Promise.race(["SIGINT", "SIGTERM"].map((signal) => once(process, signal, { signal: stop.signal }).catch(() => undefined)));
    // The other signal's listener goes, so a second Ctrl-C during a slow shutdown ends the process as usual.
    stop.abort();
    io.out("Stopping: finishing the requests in flight…\n");
  } finally {
    const cut = (await server?.close()) ?? 0;
    if (cut > 0) io.err(`${cut} request${cut === 1 ? " was" : "s were"} still running after ${DRAIN_MS / 1000} s and cut off.\n`);
    await quire.close();
  }
  return 0;
}

/** Where mailed links point, and how to change it while it is only the address listened on. */
function describeMailOrigin(origin: PublicOrigin): string {
  if (origin.configured) return `${origin.url} (--origin)`;
  return `${origin.url}, the address this server listens on: if readers reach the archive by another (a domain name, a proxy), `
    + "start with --origin https://… (or QUIRE_ORIGIN) giving that address";
}

async function listen(deps: ServerDeps, options: ListenOptions, tryOthers: boolean): Promise<RunningServer> {
  const { port, host } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await startServer(deps, { ...options, port: port + attempt });
    } catch (error) {
      const code = error instanceof Error && "code" in error ? error.code : undefined;
      if (code === "EADDRINUSE" && tryOthers && attempt + 1 < PORTS_TRIED) continue;
      if (code === "EADDRINUSE") throw new UsageError(`port ${port + attempt} on ${host} is taken: choose another with --port`);
      throw error;
    }
  }
}

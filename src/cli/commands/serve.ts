/**
 * `quire serve [--port N] [--host H] [--trust-proxy] [--request-limit N] [--mail WHERE] [--db TARGET]`: the archive on the web until
 * Ctrl-C (or SIGTERM), which refuses new connections and lets requests in flight finish (for up to DRAIN_MS, then
 * cuts them) before the library closes. Prints the address, the owner's sign-in link (provenance and the other
 * owner's views), where mail goes, and how to make the first admin while there is none. `--trust-proxy` believes a TLS proxy's X-Forwarded-Proto and X-Forwarded-Host, so cookies
 * are Secure and the forms' origin check sees the address readers use. `--mail` (or QUIRE_MAIL) is console, a
 * folder for .eml files, or an smtp:// or smtps:// URL. `--request-limit` is the requests a minute one client
 * address may make (0: no limit; web/request-limits.tsx says why the default is what it is).
 */
import { once } from "node:events";
import { openQuire } from "../../composition.js";
import { countAdminAccounts } from "../../services/accounts/roles.js";
import { createMailer } from "../../services/mail/mailer.js";
import { ensureOwnerKey, ensureSiteSecret } from "../../services/site-secrets.js";
import { loadAssets } from "../../web/assets.js";
import { DRAIN_MS, startServer, type RunningServer } from "../../web/server.js";
import type { WebDeps } from "../../web/env.js";
import { DEFAULT_LIMITS, DEFAULT_REQUESTS_PER_MINUTE } from "../../web/request-limits.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger } from "../args.js";
import { UsageError, type Io } from "../io.js";
import { describeMailSetting, mailTransport, parseMailSetting } from "../mail-option.js";

const USAGE = "quire serve [--port N] [--host ADDRESS] [--trust-proxy] [--request-limit PER_MINUTE] [--mail console|DIR|smtp://…] [--db TARGET]";
const DEFAULT_PORT = 3000;
/** With no port asked for, the next few are tried when the default is taken (another app on 3000 is common). */
const PORTS_TRIED = 10;

const OPTIONS = { ...DB_OPTION, port: { type: "string" }, host: { type: "string", default: "127.0.0.1" }, "trust-proxy": { type: "boolean", default: false }, "request-limit": { type: "string" }, mail: { type: "string" } } as const;

export async function runServe(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (positionals.length > 0) throw new UsageError(`quire serve takes no file names (usage: ${USAGE})`);
  // An empty PORT (as `PORT= npm start` leaves it) asks for nothing.
  const askedPort = values.port ?? (process.env.PORT?.trim() || undefined);
  const port = askedPort === undefined ? DEFAULT_PORT : positiveInteger("--port", askedPort, 65_535, 0);
  const requestsPerMinute = values["request-limit"] === undefined ? DEFAULT_REQUESTS_PER_MINUTE : positiveInteger("--request-limit", values["request-limit"], 1_000_000, 0);
  const mail = parseMailSetting(values.mail, process.env.QUIRE_MAIL);
  const quire = await openQuire(databaseFrom(values.db));
  let server: RunningServer | undefined;
  try {
    const deps: WebDeps = {
      db: quire.library.db, engine: quire.library.engine, searchIndex: quire.searchIndex, assets: loadAssets(), ownerKey: await ensureOwnerKey(quire.library.db),
      now: () => new Date(), trustProxy: values["trust-proxy"], mailer: createMailer(mailTransport(mail, io.out)), siteSecret: await ensureSiteSecret(quire.library.db),
      limits: { ...DEFAULT_LIMITS, requestsPerMinute },
    };
    server = await listen(deps, port, values.host, askedPort === undefined);
    io.out(`Quire is serving the archive at ${server.url}\n`);
    io.out(`Owner sign-in (shows where each work came from): ${server.url}owner?key=${deps.ownerKey ?? ""}\n`);
    io.out(`The OPDS catalog for e-reader apps: ${server.url}opds; the JSON API: ${server.url}api/v1/openapi.json\n`);
    io.out(`Mail (password resets, invitations, notifications) is ${describeMailSetting(mail)}.\n`);
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

async function listen(deps: WebDeps, port: number, host: string, tryOthers: boolean): Promise<RunningServer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startServer(deps, { port: port + attempt, host });
    } catch (error) {
      const code = error instanceof Error && "code" in error ? error.code : undefined;
      if (code === "EADDRINUSE" && tryOthers && attempt + 1 < PORTS_TRIED) continue;
      if (code === "EADDRINUSE") throw new UsageError(`port ${port + attempt} on ${host} is taken: choose another with --port`);
      throw error;
    }
  }
}

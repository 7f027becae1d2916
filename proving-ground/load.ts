/**
 * The load part of the proving ground: autocannon against `quire serve` with a reader's mix of traffic, then a
 * count of every write it was told had succeeded.
 *
 * `runLoad` fills a fresh library with generated works (bench/synthetic-library.ts), makes one account per
 * connection, starts `quire serve` (one process, or several behind proving-ground/round-robin-proxy.ts, each with
 * --trust-proxy), signs every account in through the sign-in form, and lets each connection be one signed-in
 * reader from an address of its own (X-Forwarded-For, in 198.18.0.0/15, the range kept for benchmarks):
 * 70% work pages (past the adult interstitial by its cookie), 20% filtered listings (a fandom and a rating
 * included, a freeform excluded, four sort orders), 10% writes through the pages' own forms (kudos, a comment,
 * a bookmark in turn, each on a work the reader has not written to before; comments and bookmark notes carry a
 * unique marker). Afterwards it checks that nothing failed, that every status was the expected one (200 for a
 * page, 303 to the right place for a form), that every acknowledged write is in the library exactly once, and
 * that the works' kudos, comment and bookmark counts agree with the rows.
 *
 * The writes go through the page forms (session cookie and CSRF token) rather than the JSON API with tokens:
 * that is what readers' browsers send, and it runs what the API would skip (the origin and CSRF checks, the
 * session lookup on every page, the form parsing, the redirect), so the load is the one a public archive gets.
 *
 * Security stays on: each reader is a separate account from a separate address, at a pace under the limits
 * (CONNECTION_RATE), so no limit is hit and none had to be switched off. The pace means the run measures the
 * latency of a planned load (connections × CONNECTION_RATE requests a second) rather than the most the server
 * can answer: req/s below the plan says the server fell behind.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { percentile, wholeNumberFlag } from "../bench/machine.js";
import { EXCLUDED_FREEFORMS } from "../bench/sampled-pages.js";
import { cpuSeconds } from "../bench/process-memory.js";
import { serveQuire } from "../bench/quire-command.js";
import { withScratchDatabase } from "../bench/scratch-postgres.js";
import { stop } from "../bench/server-process.js";
import { buildLibrary } from "../bench/synthetic-library.js";
import { openQuire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { createRandom } from "../src/corpus/random.js";
import { CSRF_COOKIE, CSRF_FIELD } from "../src/web/csrf.js";
import { COMMENTS_PER_MINUTE } from "../src/web/routes/community.js";
import { SESSION_COOKIE } from "../src/web/session.js";
import { insertAccounts } from "./accounts.js";
import { printPartHeader } from "./part.js";
import { startRoundRobinProxy } from "./round-robin-proxy.js";

const SEED = 9;
/** Story words kept per work: pages the size of a long chapter's first part, and a library that builds quickly. */
const MAX_WORDS = 1000;
const PASSWORD = "a reader's load-test passphrase";
const LOAD_LISTINGS = 24;
const SORTS = ["kudos", "hits", "updated", "words"] as const;
const SIGN_INS_AT_ONCE = 8;

type ReadKind = "work" | "search";
type WriteKind = "kudos" | "comment" | "bookmark";
export type Kind = ReadKind | WriteKind;
export const KINDS: readonly Kind[] = ["work", "search", "kudos", "comment", "bookmark"];
const WRITE_KINDS: readonly WriteKind[] = ["kudos", "comment", "bookmark"];

/** What each connection asks for, over and over: 7 work pages, 2 listings and a write in every 10 requests. */
const CYCLE: readonly (ReadKind | "write")[] = ["work", "work", "search", "work", "write", "work", "work", "search", "work", "work"];

/**
 * Requests a second per connection: the fastest pace at which a reader keeps under the comment limit with one
 * comment to spare (a comment is every third write, so every 30th request: 2 a second is 4 comments a minute
 * against COMMENTS_PER_MINUTE's 5), and far under any per-address request limit of several a second.
 */
export const CONNECTION_RATE = Math.floor(((COMMENTS_PER_MINUTE - 1) * CYCLE.length * WRITE_KINDS.length) / 60);

export interface LoadOptions {
  /** A fresh, migrated, empty library: runLoad fills it and serves it. */
  library: DatabaseTarget;
  /** `quire serve` processes; more than one are put behind a round-robin proxy (for PostgreSQL). */
  servers: number;
  connections: number;
  durationSeconds: number;
  works: number;
  /** Requests a second per connection: CONNECTION_RATE unless given; above it the comment limit would be met. */
  connectionRate?: number;
  log?: (line: string) => void;
}

export interface KindFigures {
  kind: Kind;
  requests: number;
  p50: number;
  p99: number;
  unexpected: number;
}

export interface WriteCheck {
  acknowledged: number;
  /** Acknowledged writes found in the library exactly once. */
  found: number;
  /** Writes in the library that were sent but not acknowledged (cut off when the run ended): allowed. */
  unacknowledgedFound: number;
  /** One line for each acknowledged write that is missing, stored twice, or stored otherwise than acknowledged. */
  problems: string[];
}

export interface LoadReport {
  engine: DatabaseTarget["engine"];
  servers: number;
  connections: number;
  durationSeconds: number;
  works: number;
  /** Requests a second the connections would send if every answer came at once. */
  plannedRate: number;
  /** Requests answered, of every kind and status. */
  requests: number;
  /** Answers a second, averaged over the run's seconds (autocannon's figure). */
  requestsPerSecond: number;
  /** Milliseconds, over every answer. */
  p50: number;
  p99: number;
  /** Socket errors and timeouts, as autocannon counts them. */
  errors: number;
  timeouts: number;
  kinds: KindFigures[];
  /** A few of the unexpected answers, as `kind status path → location`. */
  unexpectedSamples: string[];
  writes: Record<WriteKind, WriteCheck>;
  /** Works whose kudos, comment or bookmark count disagrees with the rows. */
  counterProblems: string[];
  /** How many requests the proxy sent each server (empty with one server). */
  perServer: readonly number[];
  /**
   * CPU seconds the `quire serve` processes used during the timed run, together (null off Linux): with the
   * requests answered, the cost of a request whatever else the machine was doing.
   */
  serverCpuSeconds: number | null;
  /** Each server's exit code after SIGTERM. */
  exitCodes: (number | null)[];
  passed: boolean;
}

interface Reader {
  index: number;
  userId: number;
  login: string;
  /** The reader's address, sent as X-Forwarded-For. */
  address: string;
  cookie: string;
  csrf: string;
}

interface Acknowledged {
  kind: WriteKind;
  userId: number;
  workId: number;
  /** The comment's or bookmark's marker; "" for kudos. */
  marker: string;
  /** The comment's id, from the address the form sent the reader to; null for the others. */
  commentId: number | null;
}

interface Scene {
  workIds: number[];
  listings: string[];
  kudosBefore: Map<number, number>;
  readers: Omit<Reader, "cookie" | "csrf">[];
}

function addressOf(index: number): string {
  return `198.18.${index >> 8}.${index & 255}`;
}

/** The works, some listings drawn from their tags, the counts before the run, and one account per connection. */
async function prepareScene(library: DatabaseTarget, options: LoadOptions): Promise<Scene> {
  const quire = await openQuire(library);
  try {
    const { db } = quire.library;
    const works = await db.selectFrom("works").select(["id", "kudos"]).orderBy("id").execute();
    const random = createRandom([SEED, options.works, 1]);
    const listings = new Set<string>();
    // A small library may not hold LOAD_LISTINGS different ones: the draws are bounded, and any found will do.
    for (let draw = 0; listings.size < LOAD_LISTINGS && draw < LOAD_LISTINGS * 20; draw++) {
      const workId = random.pick(works).id;
      const tags = await db.selectFrom("work_tags").innerJoin("tags", "tags.id", "work_tags.tag_id").select(["tags.type", "tags.name"]).where("work_tags.work_id", "=", workId).execute();
      const fandom = tags.find((t) => t.type === "Fandom")?.name;
      const rating = tags.find((t) => t.type === "Rating")?.name;
      const exclude = EXCLUDED_FREEFORMS.find((name) => !tags.some((t) => t.name === name));
      if (!fandom || !rating || !exclude) continue;
      const query = new URLSearchParams({ fandom, rating, "exclude-freeform": exclude, sort: SORTS[listings.size % SORTS.length] ?? "kudos" });
      listings.add(`/works?${query.toString()}`);
    }
    if (listings.size === 0) throw new Error("no work of the library has a fandom and a rating to list by");
    // Made a minute back: a session started before an account's password was set signs no one in.
    const accounts = await insertAccounts(db, { loginPrefix: "loadreader", count: options.connections, password: PASSWORD, role: "reader", createdAt: new Date(Date.now() - 60_000).toISOString() });
    const readers: Scene["readers"] = accounts.map(({ userId, login }, index) => ({ index, userId, login, address: addressOf(index) }));
    return { workIds: works.map((w) => w.id), listings: [...listings], kudosBefore: new Map(works.map((w) => [w.id, w.kudos])), readers };
  } finally {
    await quire.close();
  }
}

function cookieFrom(setCookies: readonly string[], name: string): string {
  const value = setCookies.map((c) => new RegExp(`^${name}=([^;]+)`, "u").exec(c)?.[1]).find((v) => v !== undefined);
  if (!value) throw new Error(`the sign-in set no ${name} cookie`);
  return value;
}

/** Signs the reader in as a browser does: the form (its CSRF token), then the POST, which answers 303. */
async function signIn(front: string, reader: Scene["readers"][number]): Promise<Reader> {
  const headers = { "X-Forwarded-For": reader.address };
  const page = await fetch(new URL("login", front), { headers });
  const html = await page.text();
  const token = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`, "u").exec(html)?.[1];
  if (page.status !== 200 || !token) throw new Error(`the sign-in form answered ${page.status} without a CSRF token`);
  const response = await fetch(new URL("login", front), {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, Origin: new URL(front).origin, Cookie: `${CSRF_COOKIE}=${cookieFrom(page.headers.getSetCookie(), CSRF_COOKIE)}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name: reader.login, password: PASSWORD, [CSRF_FIELD]: token }),
  });
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`signing ${reader.login} in answered ${response.status}`);
  const set = response.headers.getSetCookie();
  const csrf = cookieFrom(set, CSRF_COOKIE);
  return { ...reader, csrf, cookie: `${SESSION_COOKIE}=${cookieFrom(set, SESSION_COOKIE)}; ${CSRF_COOKIE}=${csrf}; view_adult=true` };
}

async function signInAll(front: string, readers: Scene["readers"]): Promise<Reader[]> {
  const signedIn: Reader[] = [];
  for (let start = 0; start < readers.length; start += SIGN_INS_AT_ONCE) {
    signedIn.push(...(await Promise.all(readers.slice(start, start + SIGN_INS_AT_ONCE).map((reader) => signIn(front, reader)))));
  }
  return signedIn;
}

/** What the run records as it goes: latencies and unexpected answers by kind, and the acknowledged writes. */
class Tally {
  readonly latencies = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  readonly unexpected = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  readonly samples: string[] = [];
  readonly acknowledged: Acknowledged[] = [];

  answerWasUnexpected(kind: Kind, status: number, path: string, location: string): void {
    this.unexpected.set(kind, (this.unexpected.get(kind) ?? 0) + 1);
    if (this.samples.length < 10) this.samples.push(`${kind} ${status} ${path}${location ? ` → ${location}` : ""}`);
  }
}

function headerOf(headers: Record<string, string | string[] | undefined> | undefined, name: string): string {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] === undefined ? "" : String(entry[1]);
}

/** Where a form's 303 must send the reader: the comment's id is read off its address. */
function checkRedirect(kind: WriteKind, workId: number, location: string): { ok: boolean; commentId: number | null } {
  const path = location.replace(/^https?:\/\/[^/]+/u, "");
  if (kind === "kudos") return { ok: path === `/works/${workId}#kudos`, commentId: null };
  if (kind === "bookmark") return { ok: path === `/works/${workId}`, commentId: null };
  const id = new RegExp(`^/works/${workId}(?:\\?[^#]*)?#comment-(\\d+)$`, "u").exec(path)?.[1];
  return { ok: id !== undefined, commentId: id === undefined ? null : Number(id) };
}

/** One connection's requests: a reader's cycle of pages, listings and writes, each built as it is sent. */
function readerRequests(reader: Reader, scene: Scene, origin: string, runId: string, tally: Tally): { requests: autocannon.Request[]; lastKind: () => Kind } {
  const random = createRandom([SEED, reader.index, 2]);
  const firstWritten = random.below(scene.workIds.length);
  let writes = 0;
  let last: Kind = "work";
  const common = { cookie: reader.cookie, "x-forwarded-for": reader.address };
  // Readers are at different points of the cycle, and begin with different kinds of write, so that even a run
  // of a few seconds writes every kind and the writes do not come all at once.
  const cycle = [...CYCLE.slice(reader.index % CYCLE.length), ...CYCLE.slice(0, reader.index % CYCLE.length)];
  const requests = cycle.map((slot): autocannon.Request => {
    if (slot !== "write") {
      let path = "";
      return {
        method: "GET",
        setupRequest: (request) => {
          path = slot === "work" ? `/works/${random.pick(scene.workIds)}` : random.pick(scene.listings);
          return { ...request, path, headers: common };
        },
        onResponse: (status, _body, _context, headers) => {
          last = slot;
          if (status !== 200) tally.answerWasUnexpected(slot, status, path, headerOf(headers, "location"));
        },
      };
    }
    let pending: Omit<Acknowledged, "commentId"> = { kind: "kudos", userId: reader.userId, workId: 0, marker: "" };
    let path = "";
    return {
      method: "POST",
      setupRequest: (request) => {
        const kind = WRITE_KINDS[(reader.index + writes) % WRITE_KINDS.length] ?? "kudos";
        // Each write of a reader is on a work it has not written to before: kudos and bookmarks are one a reader.
        const workId = scene.workIds[(firstWritten + writes) % scene.workIds.length] ?? 0;
        const marker = kind === "kudos" ? "" : `loadmark-${runId}-${reader.index}-${writes}`;
        writes += 1;
        pending = { kind, userId: reader.userId, workId, marker };
        const fields: Record<string, string> =
          kind === "kudos" ? {} : kind === "comment" ? { text: `Reading this on the train, and it carried me all the way home. (${marker})` } : { notes: `To read again in winter. (${marker})`, tags: "comfort read" };
        path = kind === "kudos" ? `/works/${workId}/kudos` : kind === "comment" ? `/works/${workId}/comments` : `/works/${workId}/bookmark`;
        return {
          ...request, path,
          headers: { ...common, origin, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ ...fields, [CSRF_FIELD]: reader.csrf }).toString(),
        };
      },
      onResponse: (status, _body, _context, headers) => {
        last = pending.kind;
        const location = headerOf(headers, "location");
        const redirect = checkRedirect(pending.kind, pending.workId, location);
        if (status === 303 && redirect.ok) tally.acknowledged.push({ ...pending, commentId: redirect.commentId });
        else tally.answerWasUnexpected(pending.kind, status, path, location);
      },
    };
  });
  return { requests, lastKind: () => last };
}

/** autocannon's run: each connection one reader, at a set pace; every answer's latency kept by its kind. */
async function drive(front: string, readers: readonly Reader[], scene: Scene, timing: { durationSeconds: number; connectionRate: number }, tally: Tally): Promise<autocannon.Result> {
  const runId = Date.now().toString(36);
  const origin = new URL(front).origin;
  let clients = 0;
  const instance = autocannon({
    url: front,
    connections: readers.length,
    duration: timing.durationSeconds,
    connectionRate: timing.connectionRate,
    setupClient: (client) => {
      const reader = readers[clients % readers.length];
      clients += 1;
      if (!reader) return;
      const { requests, lastKind } = readerRequests(reader, scene, origin, runId, tally);
      client.setRequests(requests);
      // autocannon calls a request's onResponse just before it emits the response with its time taken.
      client.on("response", (_status: number, _bytes: number, milliseconds: number) => tally.latencies.get(lastKind())?.push(milliseconds));
    },
  });
  return instance;
}

function emptyCheck(): WriteCheck {
  return { acknowledged: 0, found: 0, unacknowledgedFound: 0, problems: [] };
}

/**
 * Reads back every row the readers wrote. Each acknowledged write must be there exactly once (a comment with the
 * id its redirect named); a write sent but not acknowledged, cut off when the run stopped, may be there or not,
 * but no write may be there twice. The works' counts must agree with the rows: kudos add one to a work's count
 * (so the count grew by the rows), comments and bookmarks recount theirs (so the count is the rows).
 */
async function checkWrites(library: DatabaseTarget, scene: Scene, acknowledged: readonly Acknowledged[]): Promise<{ writes: Record<WriteKind, WriteCheck>; counterProblems: string[] }> {
  const writes: Record<WriteKind, WriteCheck> = { kudos: emptyCheck(), comment: emptyCheck(), bookmark: emptyCheck() };
  const quire = await openQuire(library);
  try {
    const { db } = quire.library;
    const userIds = scene.readers.map((r) => r.userId);
    const kudos = await db.selectFrom("kudos").select(["work_id", "user_id"]).where("user_id", "in", userIds).execute();
    const comments = await db.selectFrom("comments").select(["id", "work_id", "user_id", "html", "status"]).where("user_id", "in", userIds).execute();
    const bookmarks = await db.selectFrom("bookmarks").select(["work_id", "user_id", "notes", "private"]).where("user_id", "in", userIds).execute();
    const rowsOf: Record<WriteKind, { key: string; detail: string }[]> = {
      kudos: kudos.map((k) => ({ key: `${k.user_id}/${k.work_id}/`, detail: "" })),
      comment: comments.map((c) => ({ key: `${c.user_id}/${c.work_id}/${/loadmark-[\w-]+/u.exec(c.html)?.[0] ?? ""}`, detail: String(c.id) })),
      bookmark: bookmarks.map((b) => ({ key: `${b.user_id}/${b.work_id}/${/loadmark-[\w-]+/u.exec(b.notes ?? "")?.[0] ?? ""}`, detail: "" })),
    };
    for (const kind of WRITE_KINDS) {
      const check = writes[kind];
      const stored = new Map<string, string[]>();
      for (const row of rowsOf[kind]) stored.set(row.key, [...(stored.get(row.key) ?? []), row.detail]);
      const acknowledgedKeys = new Set<string>();
      for (const write of acknowledged.filter((w) => w.kind === kind)) {
        const key = `${write.userId}/${write.workId}/${write.marker}`;
        acknowledgedKeys.add(key);
        check.acknowledged += 1;
        const found = stored.get(key) ?? [];
        if (found.length === 0) check.problems.push(`${kind} ${key}: acknowledged, not in the library`);
        else if (found.length > 1) check.problems.push(`${kind} ${key}: stored ${found.length} times`);
        else if (write.commentId !== null && found[0] !== String(write.commentId)) check.problems.push(`${kind} ${key}: stored as comment ${found[0]}, acknowledged as ${write.commentId}`);
        else check.found += 1;
      }
      for (const [key, found] of stored) {
        if (acknowledgedKeys.has(key)) continue;
        check.unacknowledgedFound += found.length;
        if (found.length > 1) check.problems.push(`${kind} ${key}: not acknowledged, stored ${found.length} times`);
      }
    }
    // Only the works a reader wrote to: the others keep the generated counts they were built with.
    const expected = { kudos: new Map<number, number>(), comments: new Map<number, number>(), bookmarks: new Map<number, number>() };
    const count = (counts: Map<number, number>, workId: number | null, counted: boolean, start = 0) => {
      if (workId !== null) counts.set(workId, (counts.get(workId) ?? start) + (counted ? 1 : 0));
    };
    for (const k of kudos) count(expected.kudos, k.work_id, true, scene.kudosBefore.get(k.work_id) ?? 0);
    for (const c of comments) count(expected.comments, c.work_id, c.status === "published");
    for (const b of bookmarks) count(expected.bookmarks, b.work_id, b.private === 0);
    const counterProblems: string[] = [];
    for (const field of ["kudos", "comments", "bookmarks"] as const) {
      const ids = [...expected[field].keys()];
      for (let start = 0; start < ids.length; start += 1000) {
        const works = await db.selectFrom("works").select(["id", field]).where("id", "in", ids.slice(start, start + 1000)).execute();
        for (const work of works) {
          const rows = expected[field].get(work.id);
          if (work[field] !== rows) counterProblems.push(`work ${work.id}: ${field} ${work[field]}, rows say ${rows}`);
        }
      }
    }
    return { writes, counterProblems };
  } finally {
    await quire.close();
  }
}

/** The servers' CPU seconds together, or null when any cannot be read. */
function serversCpuSeconds(servers: readonly { pid?: number | undefined }[]): number | null {
  const each = servers.map((server) => cpuSeconds(server.pid));
  return each.every((seconds) => seconds !== null) ? each.reduce<number>((sum, seconds) => sum + (seconds ?? 0), 0) : null;
}

function kindFigures(tally: Tally): KindFigures[] {
  return KINDS.map((kind) => {
    const sorted = [...(tally.latencies.get(kind) ?? [])].sort((a, b) => a - b);
    return { kind, requests: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), unexpected: tally.unexpected.get(kind) ?? 0 };
  });
}

/**
 * Fills the library, serves it, drives the mixed traffic and checks the writes (module comment). The servers
 * are stopped with SIGTERM, and whether each exited 0 is part of the report.
 * @throws when the scene cannot be set (a server does not start, a reader cannot sign in).
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const connectionRate = options.connectionRate ?? CONNECTION_RATE;
  if (connectionRate > CONNECTION_RATE) throw new Error(`${connectionRate} requests a second per connection would meet the comment limit; at most ${CONNECTION_RATE}`);
  const { library } = options;
  log(`filling the ${library.engine} library with ${options.works.toLocaleString("en")} generated works`);
  await buildLibrary(library, { works: options.works, seed: SEED, maxWords: MAX_WORDS }, log);
  const scene = await prepareScene(library, options);
  const servers: ChildProcess[] = [];
  const exitCodes: (number | null)[] = [];
  const tally = new Tally();
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | null = null;
  let result: autocannon.Result;
  let serverCpuSeconds: number | null;
  try {
    const urls: string[] = [];
    for (let i = 0; i < options.servers; i++) {
      const { child, url } = await serveQuire(library, ["--trust-proxy"]);
      servers.push(child);
      urls.push(url);
    }
    proxy = urls.length > 1 ? await startRoundRobinProxy(urls) : null;
    const front = proxy?.url ?? urls[0] ?? "";
    log(`signing ${scene.readers.length} readers in through the sign-in form at ${front}`);
    const readers = await signInAll(front, scene.readers);
    log(`${readers.length} connections at ${connectionRate} requests/s each for ${options.durationSeconds} s`);
    const cpuBefore = serversCpuSeconds(servers);
    result = await drive(front, readers, scene, { durationSeconds: options.durationSeconds, connectionRate }, tally);
    const cpuAfter = serversCpuSeconds(servers);
    serverCpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  } finally {
    await proxy?.close();
    for (const server of servers) exitCodes.push(await stop(server));
  }
  const { writes, counterProblems } = await checkWrites(library, scene, tally.acknowledged);
  const kinds = kindFigures(tally);
  // Not autocannon's own latency figures: they leave out every answer but a 2xx (so every form's 303), and at a
  // set rate add made-up samples for coordinated omission that pull the percentiles down.
  const everyLatency = [...tally.latencies.values()].flat().sort((a, b) => a - b);
  const errors = result.errors;
  const passed = errors === 0 && result.timeouts === 0 && kinds.every((k) => k.unexpected === 0) && WRITE_KINDS.every((k) => writes[k].problems.length === 0 && writes[k].acknowledged > 0)
    && counterProblems.length === 0 && exitCodes.every((code) => code === 0);
  return {
    engine: library.engine, servers: options.servers, connections: options.connections, durationSeconds: options.durationSeconds, works: options.works,
    plannedRate: options.connections * connectionRate, requests: everyLatency.length, requestsPerSecond: result.requests.average,
    p50: percentile(everyLatency, 50), p99: percentile(everyLatency, 99), errors, timeouts: result.timeouts, kinds, unexpectedSamples: tally.samples, writes, counterProblems,
    perServer: proxy?.forwarded ?? [], serverCpuSeconds, exitCodes, passed,
  };
}

/** The report as printed: the run, the figures by kind, the writes, and what failed if anything did. */
export function formatLoadReport(report: LoadReport): string[] {
  const setup = `${report.engine === "sqlite" ? "SQLite" : "PostgreSQL"}, ${report.servers} quire serve process${report.servers === 1 ? "" : "es"}${report.servers > 1 ? " behind the round-robin proxy" : ""}`;
  const lines = [
    `${setup}: ${report.works.toLocaleString("en")} works, ${report.connections} connections (one signed-in reader and address each) for ${report.durationSeconds} s, planned ${report.plannedRate} req/s`,
    `  ${report.requests.toLocaleString("en")} requests, ${report.requestsPerSecond.toFixed(0)} req/s, p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms, ${report.errors} errors, ${report.timeouts} timeouts`,
    `  ${"kind".padEnd(10)}${"requests".padStart(10)}${"share".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"unexpected".padStart(12)}`,
  ];
  const answered = report.kinds.reduce((sum, k) => sum + k.requests, 0);
  for (const k of report.kinds) {
    lines.push(`  ${k.kind.padEnd(10)}${String(k.requests).padStart(10)}${`${((100 * k.requests) / Math.max(1, answered)).toFixed(1)}%`.padStart(8)}${k.p50.toFixed(1).padStart(9)}${k.p99.toFixed(1).padStart(9)}${String(k.unexpected).padStart(12)}`);
  }
  const writes = WRITE_KINDS.map((kind) => `${kind} ${report.writes[kind].found}/${report.writes[kind].acknowledged}`).join(", ");
  const cut = WRITE_KINDS.reduce((sum, kind) => sum + report.writes[kind].unacknowledgedFound, 0);
  lines.push(`  writes acknowledged and found exactly once: ${writes}; ${cut} sent as the run ended and stored unacknowledged; counts agree with rows: ${report.counterProblems.length === 0 ? "yes" : "NO"}`);
  if (report.serverCpuSeconds !== null) {
    lines.push(`  quire serve used ${report.serverCpuSeconds.toFixed(1)} CPU s over the run: ${((1000 * report.serverCpuSeconds) / Math.max(1, report.requests)).toFixed(1)} ms of CPU a request answered (PostgreSQL's own processes not counted)`);
  }
  if (report.perServer.length > 0) lines.push(`  requests per server through the proxy: ${report.perServer.join(", ")}`);
  lines.push(`  servers stopped by SIGTERM, exit codes: ${report.exitCodes.join(", ")}`);
  const problems = [...report.unexpectedSamples.map((s) => `unexpected: ${s}`), ...WRITE_KINDS.flatMap((kind) => report.writes[kind].problems), ...report.counterProblems];
  for (const problem of problems.slice(0, 20)) lines.push(`  ! ${problem}`);
  lines.push(`  ${report.passed ? "passed" : "FAILED"}`);
  return lines;
}

/**
 * `npm run proving-ground -- --only load [--works N --connections N --duration S --rate R]`: the full-sized
 * run, 200 connections at CONNECTION_RATE for 60 s on 10,000 works, on SQLite with one process and then on PostgreSQL with two behind the
 * proxy. Prints the report; returns whether both passed.
 */
export async function main(argv: readonly string[]): Promise<boolean> {
  const size = {
    works: wholeNumberFlag("works", 10_000, argv), connections: wholeNumberFlag("connections", 200, argv), durationSeconds: wholeNumberFlag("duration", 60, argv),
    connectionRate: wholeNumberFlag("rate", CONNECTION_RATE, argv),
  };
  printPartHeader("load", "mixed traffic: 70% work pages, 20% filtered listings, 10% writes through the forms (kudos, comments, bookmarks); autocannon in this process, on the same machine as the servers");
  const log = (line: string) => console.log(`  ${line}`);
  const folder = mkdtempSync(join(tmpdir(), "quire-load-"));
  let passed = true;
  try {
    const sqlite = await runLoad({ ...size, library: { engine: "sqlite", path: join(folder, "library.db") }, servers: 1, log });
    for (const line of formatLoadReport(sqlite)) console.log(line);
    passed &&= sqlite.passed;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const postgres = await withScratchDatabase(`quire_load_${process.pid}_${Date.now()}`, (library) => runLoad({ ...size, library, servers: 2, log }));
  if (typeof postgres === "string") {
    console.log(`PostgreSQL run not done: ${postgres}`);
    return false;
  }
  for (const line of formatLoadReport(postgres)) console.log(line);
  return passed && postgres.passed;
}

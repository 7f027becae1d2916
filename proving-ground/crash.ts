/**
 * Crash safety: `quire import` and `quire serve` killed with SIGKILL at random (seeded) moments, again and again,
 * then run on; afterwards the library must pass its integrity checks (the engine's own and the derived counts,
 * db/dialects/derived-data.ts), hold every file imported exactly once, and hold every write a client was told
 * succeeded, once — on SQLite and PostgreSQL alike.
 *
 * The cores (`killImports`, `killServers`) take their sizes as parameters and return what they found, problems as
 * lines; test/proving-ground/crash.test.ts runs them small, `main` runs them full-sized and prints the figures.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { writeCorpus } from "../bench/corpus.js";
import { flag, wholeNumberFlag } from "../bench/machine.js";
import { databaseArgument, QUIRE_BIN, serveQuire } from "../bench/quire-command.js";
import { killHard } from "../bench/server-process.js";
import { createScratchDatabase } from "../bench/scratch-postgres.js";
import { EXIT_SOME_FAILED } from "../src/cli/io.js";
import { openQuire, type Quire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import type { ManifestEntry } from "../src/corpus/generate-corpus.js";
import { createRandom, type Random } from "../src/corpus/random.js";
import { createApiToken } from "../src/services/accounts/api-tokens.js";
import { insertAccounts } from "./accounts.js";
import { printPartHeader } from "./part.js";

function countRows(quire: Quire, table: "works" | "work_sources"): Promise<number> {
  return quire.library.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((row) => Number(row.n));
}

/**
 * The import run to its end, with its report on stdout. It exits EXIT_SOME_FAILED when files failed, which
 * execFile counts as an error: the report is there all the same.
 */
async function importToTheEnd(corpus: CrashCorpus, target: DatabaseTarget): Promise<{ stdout: string; stderr: string; code: number | string }> {
  try {
    return { ...(await promisify(execFile)(process.execPath, [QUIRE_BIN, "import", corpus.folder, "--db", databaseArgument(target), "--json"], { maxBuffer: 256 * 2 ** 20 })), code: 0 };
  } catch (error) {
    if (error instanceof Error && "stdout" in error && "stderr" in error && "code" in error) return { stdout: String(error.stdout), stderr: String(error.stderr), code: String(error.code) };
    throw error;
  }
}

/** How often the storing kills look at the library's work count, and the most they wait once it is reached. */
const STORING_POLL_MS = 10;
const STORING_JITTER_MS = 20;


// ---------------------------------------------------------------------------------------------------------------
// Imports

/** A generated corpus on disk, with the truth about each file. */
export interface CrashCorpus {
  folder: string;
  manifest: ManifestEntry[];
  remove(): Promise<void>;
}

/** Writes a generated corpus of `files` files (a few duplicates and broken files among them) to a new folder. */
export async function writeCrashCorpus(files: number, seed: number): Promise<CrashCorpus> {
  const folder = await mkdtemp(join(tmpdir(), "quire-crash-corpus-"));
  const manifest = await writeCorpus(folder, { works: files, seed, duplicateRate: 0.03, brokenRate: 0.01 });
  return { folder, manifest, remove: () => rm(folder, { recursive: true, force: true }) };
}

export interface ImportKillOptions {
  /** A library (migrated or not: it is opened, and migrated, first). */
  target: DatabaseTarget;
  corpus: CrashCorpus;
  kills: number;
  seed: number;
  /**
   * Once the library holds every story but one, each kill comes at a moment drawn uniformly from 0 to this many ms
   * after its run begins to read the files (start-up, loading code, is no test of the database).
   */
  latestKillMs: number;
  /**
   * The killed runs store this many works a transaction (`quire import --batch`): a small corpus in batches of
   * the default size is stored in one or two commits, with no middle for a kill to land in.
   */
  batchWorks: number;
}

export interface ImportKillResult {
  kills: number;
  /** Kills that came after their run had stored works and before the library held them all. */
  midImport: number;
  /** Runs that finished before their kill came (a run of files already imported is short). */
  finishedRuns: number;
  /** Each kill's moment (ms after its start) and the works stored after it, to replay a failure. */
  history: string[];
  /** What was wrong afterwards, one line each; empty when all was well. */
  problems: string[];
}

interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  duplicates: unknown[];
  failed: { file: string }[];
}

/** Reads the import's stderr to the end; `reading` resolves when it says it begins to read its files. */
function watchImport(child: ChildProcess): { reading: Promise<void>; printed: () => string } {
  let printed = "";
  const reading = new Promise<void>((resolve) => {
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      printed += d;
      if (printed.includes("importing ")) resolve();
    });
  });
  return { reading, printed: () => printed };
}

/**
 * Starts `quire import` on the corpus and kills it at random moments until it has been killed `kills` times, then
 * runs it to the end and checks the library: every story stored once as a work, every duplicate recorded once
 * against it, the broken files reported as failed, and the integrity checks passing.
 */
export async function killImports(options: ImportKillOptions): Promise<ImportKillResult> {
  const { target, corpus, kills, latestKillMs } = options;
  const random = createRandom([options.seed, 1]);
  const works = corpus.manifest.filter((m) => m.expect === "work");
  const duplicates = corpus.manifest.filter((m) => m.expect === "duplicate");
  const failed = corpus.manifest.filter((m) => m.expect === "failed");
  // Opened before the first import, so the library is migrated and holds its vocabulary before anything is
  // killed: a kill during start-up then lands in the import's own start-up, not in a migration.
  const watcher = await openQuire(target);
  const result: ImportKillResult = { kills: 0, midImport: 0, finishedRuns: 0, history: [], problems: [] };
  try {
    let stored = await countRows(watcher, "works");
    // A run that has everything stored only reads and compares its files, which a fast machine does well within
    // latestKillMs: the latest kill moment shrinks to under the shortest run seen to finish by itself, so that
    // the kills keep landing in a running import whatever the machine's speed.
    let latest = latestKillMs;
    // Runs that finish by themselves do not count; the bound only stops a loop that never gets to kill.
    for (let run = 0; result.kills < kills && run < kills * 4; run += 1) {
      // While two stories or more remain to be stored, the kill is anchored on the writing itself: it comes just
      // after the library holds a random number more works, up to a quarter of those left, and a random few ms later,
      // so it lands in the middle of the run's writing (between two works, or inside one's transaction) whatever
      // the machine's speed. A kill at a moment after the run starts would let a fast machine store everything
      // before it, and the later kills would find nothing left to write (cc5f3ff, 0ea3aba).
      const remaining = works.length - stored;
      const storingTarget = remaining >= 2 ? stored + random.between(1, Math.ceil(remaining / 4)) : null;
      const moment = random.between(0, storingTarget === null ? latest : STORING_JITTER_MS);
      // Without --json the import says on stderr when it has opened the library and begins to read the files. One
      // parser thread: a killed run pays its start-up again and again, and the writer a kill tests is one thread
      // whatever the number of parsers.
      const child = spawn(process.execPath, [QUIRE_BIN, "import", corpus.folder, "--jobs", "1", "--batch", String(options.batchWorks), "--db", databaseArgument(target)], { stdio: ["ignore", "ignore", "pipe"] });
      let exited = false;
      const exit = once(child, "exit").then(() => (exited = true));
      const watch = watchImport(child);
      await Promise.race([exit, watch.reading]);
      const readingAt = performance.now();
      const before = stored;
      while (storingTarget !== null && !exited && (await countRows(watcher, "works")) < storingTarget) await sleep(STORING_POLL_MS);
      await Promise.race([exit, sleep(moment)]);
      if (exited) {
        // Broken files in the corpus make a whole run exit EXIT_SOME_FAILED; anything else is a run that failed.
        if (child.exitCode !== 0 && child.exitCode !== EXIT_SOME_FAILED) result.problems.push(`a run after ${result.kills} kills ended with ${child.signalCode ?? child.exitCode}: ${watch.printed().slice(-1000)}`);
        result.finishedRuns += 1;
        stored = await countRows(watcher, "works");
        if (storingTarget === null) latest = Math.min(latest, Math.floor((performance.now() - readingAt) * 0.8));
        continue;
      }
      await killHard(child);
      result.kills += 1;
      stored = await countRows(watcher, "works");
      if (stored > before && stored < works.length) result.midImport += 1;
      result.history.push(storingTarget === null ? `${moment} ms after reading: ${stored} works` : `${moment} ms after ${storingTarget} works: ${stored} works`);
    }
    if (result.kills < kills) result.problems.push(`only ${result.kills} of ${kills} runs were still going when their kill came`);

    const final = await importToTheEnd(corpus, target);
    let report: ImportReport;
    try {
      report = JSON.parse(final.stdout) as ImportReport;
    } catch {
      result.problems.push(`the last import printed no report (exit ${final.code}): ${final.stderr.slice(0, 500)}`);
      return result;
    }
    const expect = (what: string, found: number, wanted: number) => {
      if (found !== wanted) result.problems.push(`${what}: ${found}, expected ${wanted}`);
    };
    expect("works imported or found unchanged by the last run", report.imported + report.unchanged, works.length);
    expect("works updated by the last run", report.updated, 0);
    expect("duplicates reported by the last run", report.duplicates.length, duplicates.length);
    const failedFiles = new Set(report.failed.map((f) => f.file));
    for (const entry of failed) if (!failedFiles.has(join(corpus.folder, entry.file))) result.problems.push(`${entry.file} is broken but was not reported as failed`);
    expect("files reported as failed", failedFiles.size, failed.length);

    result.problems.push(...(await watcher.library.engine.checkIntegrity(watcher.library.db)));
    expect("works stored", await countRows(watcher, "works"), works.length);
    expect("sources stored", await countRows(watcher, "work_sources"), works.length + duplicates.length);
    const roles = new Map((await watcher.library.db.selectFrom("work_sources").select(["path", "role"]).execute()).map((r) => [r.path, r.role]));
    for (const entry of [...works, ...duplicates]) {
      const wanted = entry.expect === "work" ? "primary" : "duplicate";
      const role = roles.get(join(corpus.folder, entry.file));
      if (role !== wanted) result.problems.push(`${entry.file} is stored as ${role ?? "nothing"}, expected ${wanted}`);
    }
    return result;
  } finally {
    await watcher.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The server

export type WriteKind = "work" | "chapter" | "kudos" | "comment" | "bookmark";
export const WRITE_KINDS: readonly WriteKind[] = ["work", "chapter", "kudos", "comment", "bookmark"];

/**
 * One write a client sent. `acknowledged`: a 2xx came back, so it must be stored, once. `unanswered`: the server
 * died first, so it may be stored or not, but never twice. `refused`: a 4xx (a rate limit), so it must not be stored.
 */
interface Attempt {
  kind: WriteKind;
  /** Unique to the attempt and written into what it stores (the title, the text, the notes); "" for kudos. */
  marker: string;
  client: number;
  userId: number;
  workId: number;
  outcome: "acknowledged" | "unanswered" | "refused";
  /** What the answer said was made: the work's id, the comment's id, the chapter's position. */
  madeId: number | null;
}

export interface ServerKillOptions {
  /** A library (it is opened, migrated and given its vocabulary first). */
  target: DatabaseTarget;
  kills: number;
  seed: number;
  /** Concurrent clients, each an account of its own with an API token. */
  clients: number;
  /** Each server lives a random time up to this many ms after it first answers a client, then is killed. */
  longestLifeMs: number;
}

export interface ServerKillResult {
  /** Servers killed while still running. */
  kills: number;
  acknowledged: Record<WriteKind, number>;
  unanswered: number;
  refused: number;
  lost: number;
  duplicated: number;
  problems: string[];
}

/** How long a server that has started may take to answer its first request before that counts as a failure. */
const FIRST_ANSWER_MS = 60_000;

/** The accounts the clients write as, with a write token each, made straight in the library before it is served. */
async function makeWriters(quire: Quire, count: number): Promise<{ userId: number; token: string }[]> {
  const now = new Date();
  const accounts = await insertAccounts(quire.library.db, { loginPrefix: "crash_writer_", count, password: "crash-safety-password", role: "author", createdAt: now.toISOString() });
  const writers: { userId: number; token: string }[] = [];
  for (const { userId, login } of accounts) {
    const { token } = await createApiToken(quire.library.db, { id: userId, login, role: "author", suspended: false, suspendedUntil: null }, { name: "crash test", scope: "write" }, now);
    writers.push({ userId, token });
  }
  return writers;
}

/** What all the clients know: the works acknowledged so far, which kudos, comments and bookmarks go to. */
interface Scene {
  works: { id: number; userId: number }[];
  attempts: Attempt[];
  /** Answers that were neither a success nor a refusal: a 5xx, or a 4xx where none was due. */
  errors: string[];
  /** Answers of any kind so far. */
  answers: number;
}

/** One account sending writes one after another until told to stop. Its state outlives each server. */
class Client {
  private sequence = 0;
  private readonly kudosGiven = new Set<number>();
  private readonly sent: Record<WriteKind, number> = { work: 0, chapter: 0, kudos: 0, comment: 0, bookmark: 0 };

  constructor(
    private readonly index: number,
    private readonly writer: { userId: number; token: string },
    private readonly random: Random,
    private readonly scene: Scene,
  ) {}

  async run(address: string, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      await this.step(address);
      // A modest pace, as a person or a sync app writes, which stays under the per-account limits.
      await sleep(this.random.between(10, 60));
    }
  }

  private async step(address: string): Promise<void> {
    const others = this.scene.works.filter((w) => w.userId !== this.writer.userId);
    const mine = this.scene.works.filter((w) => w.userId === this.writer.userId);
    const unkudosed = others.filter((w) => !this.kudosGiven.has(w.id));
    const possible: WriteKind[] = ["work", ...(mine.length > 0 ? ["chapter" as const] : []), ...(unkudosed.length > 0 ? ["kudos" as const] : []), ...(others.length > 0 ? ["comment" as const, "bookmark" as const] : [])];
    // The kind this client has sent least so far: every kind is written however few requests a slow machine
    // lets through before a kill. Which work, and when the kill comes, stay random.
    const fewest = Math.min(...possible.map((kind) => this.sent[kind]));
    const kind = this.random.pick(possible.filter((k) => this.sent[k] === fewest));
    this.sent[kind] += 1;
    const marker = `crashmark-${this.index}-${(this.sequence += 1)}`;
    switch (kind) {
      case "work":
        return this.send(address, kind, marker, 0, "/works", {
          title: `Lanterns ${marker}`, rating: "General Audiences", warnings: ["No Archive Warnings Apply"], fandoms: ["Harbour Lights (Original)"],
          chapters: [{ text: `The ferry left at dusk, ${marker}, and the harbour lamps came on behind it one by one.`, format: "text" }],
        });
      case "chapter": {
        const own = this.random.pick(mine);
        return this.send(address, kind, marker, own.id, `/works/${own.id}/chapters`, { title: "Further Out", text: `Past the breakwater the water changed colour, ${marker}.`, format: "text" });
      }
      case "kudos": {
        const other = this.random.pick(unkudosed);
        this.kudosGiven.add(other.id);
        return this.send(address, kind, "", other.id, `/works/${other.id}/kudos`, {});
      }
      case "comment": {
        const other = this.random.pick(others);
        return this.send(address, kind, marker, other.id, `/works/${other.id}/comments`, { text: `The lamps in the last scene stayed with me (${marker}).` });
      }
      case "bookmark": {
        const other = this.random.pick(others);
        return this.send(address, kind, marker, other.id, `/works/${other.id}/bookmarks`, { notes: `Read again in winter, ${marker}.`, tags: ["harbour"], private: false, rec: false });
      }
    }
  }

  private async send(address: string, kind: WriteKind, marker: string, workId: number, path: string, body: unknown): Promise<void> {
    const attempt: Attempt = { kind, marker, client: this.index, userId: this.writer.userId, workId, outcome: "unanswered", madeId: null };
    this.scene.attempts.push(attempt);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${address}api/v1${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.writer.token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      text = await response.text();
      this.scene.answers += 1;
    } catch {
      // The server died with the request in flight (or before it was sent): its fate is unknown.
      return;
    }
    if (response.status === 429) {
      attempt.outcome = "refused";
      return;
    }
    if (!response.ok) {
      attempt.outcome = "refused";
      this.scene.errors.push(`${kind} ${path}: ${response.status} ${text.slice(0, 300)}`);
      return;
    }
    attempt.outcome = "acknowledged";
    const answer = JSON.parse(text) as { id?: number; position?: number };
    attempt.madeId = kind === "chapter" ? (answer.position ?? null) : (answer.id ?? null);
    if (kind === "work" && answer.id !== undefined) this.scene.works.push({ id: answer.id, userId: this.writer.userId });
  }
}

/**
 * Serves the library, lets `clients` accounts write to it concurrently through the JSON API (works, chapters,
 * kudos, comments, bookmarks), kills the server with SIGKILL at a random moment, starts it again on the same
 * library, and so on `kills` times; then checks the library against what the clients were told.
 */
export async function killServers(options: ServerKillOptions): Promise<ServerKillResult> {
  const random = createRandom([options.seed, 2]);
  const setup = await openQuire(options.target);
  let writers: { userId: number; token: string }[];
  try {
    writers = await makeWriters(setup, options.clients);
  } finally {
    await setup.close();
  }
  const scene: Scene = { works: [], attempts: [], errors: [], answers: 0 };
  const clients = writers.map((writer, i) => new Client(i, writer, createRandom([options.seed, 3, i]), scene));
  const problems: string[] = [];
  let kills = 0;
  for (let life = 0; life < options.kills; life += 1) {
    let served: { child: ChildProcess; url: string };
    try {
      served = await serveQuire(options.target);
    } catch (error) {
      problems.push(`after ${life} kills the server would not start again: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    let stopped = false;
    const running = clients.map((client) => client.run(served.url, () => stopped));
    // The life is counted from the server's first answer, so that it is killed while it works, not while it warms
    // up, however slow the machine.
    const answers = scene.answers;
    const since = performance.now();
    while (scene.answers === answers && served.child.exitCode === null && performance.now() - since < FIRST_ANSWER_MS) await sleep(20);
    await sleep(random.between(0, options.longestLifeMs));
    const alive = served.child.exitCode === null && served.child.signalCode === null;
    await killHard(served.child);
    stopped = true;
    await Promise.all(running);
    if (!alive) problems.push(`in life ${life + 1} the server exited by itself (${served.child.signalCode ?? served.child.exitCode})`);
    else kills += 1;
    if (alive && scene.answers === answers) problems.push(`in life ${life + 1} the server answered nothing in ${FIRST_ANSWER_MS / 1000} s`);
  }
  problems.push(...scene.errors);
  const audit = await auditWrites(options.target, scene.attempts);
  problems.push(...audit.problems);
  const acknowledged = Object.fromEntries(WRITE_KINDS.map((kind) => [kind, scene.attempts.filter((a) => a.kind === kind && a.outcome === "acknowledged").length])) as Record<WriteKind, number>;
  return {
    kills, acknowledged, unanswered: scene.attempts.filter((a) => a.outcome === "unanswered").length,
    refused: scene.attempts.filter((a) => a.outcome === "refused").length, lost: audit.lost, duplicated: audit.duplicated, problems,
  };
}

const MARKER = /crashmark-\d+-\d+/gu;

/** How often each marker occurs in the texts given, with the row it occurs in. */
function markersIn(rows: readonly { text: string | null; row: string }[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { text, row } of rows) for (const [marker] of (text ?? "").matchAll(MARKER)) found.set(marker, [...(found.get(marker) ?? []), row]);
  return found;
}

/** Holds every attempt to account: acknowledged writes stored once, unanswered ones at most once, refused ones not. */
async function auditWrites(target: DatabaseTarget, attempts: readonly Attempt[]): Promise<{ lost: number; duplicated: number; problems: string[] }> {
  const quire = await openQuire(target, { starterVocabulary: false });
  try {
    const { db, engine } = quire.library;
    const problems = await engine.checkIntegrity(db);
    const stored: Record<Exclude<WriteKind, "kudos">, Map<string, string[]>> = {
      work: markersIn((await db.selectFrom("works").select(["id", "title"]).execute()).map((r) => ({ text: r.title, row: String(r.id) }))),
      // Only chapters after the first: a first chapter carries its work's marker.
      chapter: markersIn((await db.selectFrom("chapters").select(["work_id", "position", "text"]).where("position", ">", 1).execute()).map((r) => ({ text: r.text, row: `${r.work_id}/${r.position}` }))),
      comment: markersIn((await db.selectFrom("comments").select(["id", "html"]).execute()).map((r) => ({ text: r.html, row: String(r.id) }))),
      bookmark: markersIn((await db.selectFrom("bookmarks").select(["user_id", "work_id", "notes"]).execute()).map((r) => ({ text: r.notes, row: `${r.user_id}/${r.work_id ?? ""}` }))),
    };
    const kudos = new Set((await db.selectFrom("kudos").select(["user_id", "work_id"]).execute()).map((r) => `${r.user_id ?? ""}/${r.work_id}`));
    let lost = 0;
    let duplicated = 0;
    for (const attempt of attempts) {
      if (attempt.kind === "kudos") {
        if (attempt.outcome === "acknowledged" && !kudos.has(`${attempt.userId}/${attempt.workId}`)) {
          lost += 1;
          problems.push(`acknowledged kudos from user ${attempt.userId} on work ${attempt.workId} are missing`);
        }
        continue;
      }
      const rows = stored[attempt.kind].get(attempt.marker) ?? [];
      if (rows.length > 1) {
        duplicated += 1;
        problems.push(`${attempt.kind} ${attempt.marker} (${attempt.outcome}) is stored ${rows.length} times: ${rows.join(", ")}`);
      } else if (attempt.outcome === "refused" && rows.length > 0) {
        problems.push(`refused ${attempt.kind} ${attempt.marker} is stored`);
      } else if (attempt.outcome === "acknowledged" && !acknowledgedIsStored(attempt, rows, attempts, stored.bookmark)) {
        lost += 1;
        problems.push(`acknowledged ${attempt.kind} ${attempt.marker} is not stored as answered (found: ${rows.join(", ") || "nothing"})`);
      }
    }
    return { lost, duplicated, problems };
  } finally {
    await quire.close();
  }
}

/** The acknowledged write is in the library where its answer said (a bookmark may since have been replaced by a later one). */
function acknowledgedIsStored(attempt: Attempt, rows: readonly string[], attempts: readonly Attempt[], bookmarks: Map<string, string[]>): boolean {
  switch (attempt.kind) {
    case "work":
    case "comment":
      return rows.length === 1 && rows[0] === String(attempt.madeId);
    case "chapter":
      return rows.length === 1 && rows[0] === `${attempt.workId}/${attempt.madeId ?? ""}`;
    case "bookmark": {
      // Saving a bookmark replaces the account's bookmark of the work: this one's notes, or those of a later save of
      // the same work by the same client that was not refused.
      const place = `${attempt.userId}/${attempt.workId}`;
      const later = attempts.slice(attempts.indexOf(attempt));
      return later.some((a) => a.kind === "bookmark" && a.client === attempt.client && a.workId === attempt.workId && a.outcome !== "refused" && (bookmarks.get(a.marker) ?? []).includes(place));
    }
    case "kudos":
      return true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The full run

/** A new, empty PostgreSQL database for one part of the run, or null (with the reason printed) without one. */
async function scratchPostgres(name: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> } | null> {
  const scratch = await createScratchDatabase(name);
  if (typeof scratch !== "string") return scratch;
  console.log(`PostgreSQL skipped: ${scratch}`);
  return null;
}

/**
 * `npm run proving-ground -- --only crash [--import-kills N] [--server-kills N] [--files N] [--batch N] [--clients N] [--seed S]
 * [--engines sqlite,postgres]`: the full-sized run, 100 import kills and 100 server kills per engine by default.
 */
export async function main(argv: readonly string[]): Promise<boolean> {
  const importKills = wholeNumberFlag("import-kills", 100, argv, 0);
  const serverKills = wholeNumberFlag("server-kills", 100, argv, 0);
  const files = wholeNumberFlag("files", 400, argv);
  const batchWorks = wholeNumberFlag("batch", 20, argv);
  const clients = wholeNumberFlag("clients", 6, argv);
  const seed = wholeNumberFlag("seed", 20261130, argv, 0);
  const engines = flag("engines", "sqlite,postgres", argv).split(",");
  printPartHeader("crash safety, quire import and quire serve killed with SIGKILL",
    `seed ${seed}; ${importKills} import kills on a corpus of ${files} files stored ${batchWorks} a transaction; ${serverKills} server kills with ${clients} clients writing`);
  const corpus = await writeCrashCorpus(files, seed);
  const scratch = await mkdtemp(join(tmpdir(), "quire-crash-"));
  let passed = true;
  try {
    for (const engine of engines) {
      const library = async (part: string) => (engine === "sqlite" ? { target: { engine: "sqlite", path: join(scratch, `${part}.db`) } as const, drop: async () => undefined } : scratchPostgres(`quire_proving_crash_${part}`));
      const forImport = await library("import");
      if (forImport) {
        const started = performance.now();
        const result = await killImports({ target: forImport.target, corpus, kills: importKills, seed, latestKillMs: 3000, batchWorks });
        await forImport.drop();
        console.log(`${engine} import: ${result.kills} kills (${result.midImport} after the run had stored works and before all were; ${result.finishedRuns} runs finished before their kill), `
          + `then a full run: ${result.problems.length === 0 ? "every file once, duplicates once, integrity ok" : "FAILED"} — ${Math.round((performance.now() - started) / 1000)} s`);
        for (const problem of result.problems) console.log(`  ${problem}`);
        passed &&= result.problems.length === 0;
      }
      const forServer = await library("serve");
      if (forServer) {
        const started = performance.now();
        const result = await killServers({ target: forServer.target, kills: serverKills, seed, clients, longestLifeMs: 3000 });
        await forServer.drop();
        const acknowledged = WRITE_KINDS.map((kind) => `${result.acknowledged[kind]} ${kind === "kudos" ? kind : `${kind}s`}`).join(", ");
        console.log(`${engine} serve: ${result.kills} kills; acknowledged ${acknowledged}; ${result.unanswered} unanswered, ${result.refused} refused; `
          + `lost ${result.lost}, duplicated ${result.duplicated}, integrity ${result.problems.length === 0 ? "ok" : "FAILED"} — ${Math.round((performance.now() - started) / 1000)} s`);
        for (const problem of result.problems) console.log(`  ${problem}`);
        passed &&= result.problems.length === 0;
      }
    }
  } finally {
    await corpus.remove();
    await rm(scratch, { recursive: true, force: true });
  }
  return passed;
}

/**
 * Crash safety, for real: `quire import` is started on a generated corpus and killed with SIGKILL at random
 * moments, several times, then run to the end. Every file must end up imported exactly once, every duplicate
 * recorded once, and the database must pass its integrity checks, on every engine.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { openQuire } from "../src/composition.js";
import { openLibrary, type Library } from "../src/db/connect.js";
import type { DatabaseTarget } from "../src/config.js";
import { generateCorpus, type ManifestEntry } from "../src/corpus/generate-corpus.js";
import { runBin } from "./support/run-cli.js";
import { TEST_ENGINES } from "./support/databases.js";

const BIN = join(import.meta.dirname, "..", "bin", "quire.js");
const FILES = 600;

let corpus = "";
const manifest: ManifestEntry[] = [];

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), "quire-crash-"));
  for (const file of generateCorpus({ works: FILES, seed: 20261130, duplicateRate: 0.03, brokenRate: 0.01 })) {
    await mkdir(dirname(join(corpus, file.path)), { recursive: true });
    await writeFile(join(corpus, file.path), file.bytes);
    manifest.push(file.manifest);
  }
});

function dbFlag(target: DatabaseTarget): string {
  return target.engine === "sqlite" ? `sqlite:${target.path}` : target.url;
}

/** Counts the works the imports have committed, through a connection of the test's own. */
async function countWorks(watcher: Library): Promise<number> {
  return Number((await watcher.db.selectFrom("works").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

/**
 * Starts an import, waits until it has committed something more (so that the kill lands in the middle of real
 * work, not during start-up), then kills it `ms` later: in a batch being written, between batches, or while files
 * are read. Returns whether it was still running when killed.
 */
async function importAndKill(target: DatabaseTarget, watcher: Library, before: number, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, "import", corpus, "--db", dbFlag(target), "--json"], { stdio: "ignore" });
  let exited = false;
  const exit = once(child, "exit").then(() => (exited = true));
  while (!exited && (await countWorks(watcher)) <= before) await sleep(50);
  await Promise.race([exit, sleep(ms)]);
  if (exited) return false;
  child.kill("SIGKILL");
  await exit;
  return true;
}

describe.each(TEST_ENGINES)("an import killed with SIGKILL at random moments, on $name", (engine) => {
  it.skipIf(engine.unavailable)("finishes on the next run with every file imported exactly once", async () => {
    const target = await engine.createTarget();
    // The library exists and is migrated before the first import starts, so the watcher can count from the start.
    const watcher = await openLibrary(target);
    try {
      // Random moments, written down so that a failure can be replayed.
      const moments: number[] = [];
      const progress: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const ms = Math.round(Math.random() * 400);
        moments.push(ms);
        if (!(await importAndKill(target, watcher, progress.at(-1) ?? 0, ms))) break;
        progress.push(await countWorks(watcher));
      }
      const final = await runBin(["import", corpus, "--db", dbFlag(target), "--json"], 300_000);
      const report = JSON.parse(final.stdout) as { imported: number; updated: number; unchanged: number; duplicates: unknown[]; failed: { file: string }[] };

      const works = manifest.filter((m) => m.expect === "work");
      const duplicates = manifest.filter((m) => m.expect === "duplicate");
      const failed = manifest.filter((m) => m.expect === "failed");
      // Three kills or more, each after a commit; at least two of them before every work was stored (a batch holds
      // at most 200 works), so the reruns had a job to finish.
      const partial = progress.filter((stored) => stored > 0 && stored < works.length);
      const history = `killed at ${moments.join(", ")} ms after a commit, with ${progress.join(", ")} works stored`;
      expect(progress.length, history).toBeGreaterThanOrEqual(3);
      expect(partial.length, history).toBeGreaterThanOrEqual(2);
      expect(report.imported + report.unchanged).toBe(works.length);
      expect(report.updated).toBe(0);
      expect(report.duplicates).toHaveLength(duplicates.length);
      expect(report.failed.map((f) => f.file).sort()).toEqual(failed.map((m) => join(corpus, m.file)).sort());

      const quire = await openQuire(target);
      try {
        const { db, engine: sqlEngine } = quire.library;
        expect(await sqlEngine.checkIntegrity(db)).toEqual([]);
        const count = async (table: "works" | "work_sources") => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
        expect(await count("works")).toBe(works.length);
        expect(await count("work_sources")).toBe(works.length + duplicates.length);
        const roles = await db.selectFrom("work_sources").select(["path", "role"]).execute();
        const byPath = new Map(roles.map((r) => [r.path, r.role]));
        for (const entry of [...works, ...duplicates]) expect(byPath.get(join(corpus, entry.file)), entry.file).toBe(entry.expect === "work" ? "primary" : "duplicate");
        // Each work whole: its chapters all there, in order.
        const chapters = await db
          .selectFrom("works as w")
          .leftJoin("chapters as c", "c.work_id", "w.id")
          .select((eb) => ["w.id", "w.chapter_count", eb.fn.count<number>("c.id").as("stored"), eb.fn.max("c.position").as("last")])
          .groupBy(["w.id", "w.chapter_count"])
          .execute();
        for (const w of chapters) expect([Number(w.stored), Number(w.last)]).toEqual([w.chapter_count, w.chapter_count]);
      } finally {
        await quire.close();
      }
    } finally {
      await watcher.close();
      await engine.dropTarget(target);
    }
    // Up to seven real imports of 600 files in child processes, each tagging every work; PostgreSQL alone takes
    // about 50 s on two cores, so the suite's default bound is too tight when other files run beside it.
  }, 240_000);
});

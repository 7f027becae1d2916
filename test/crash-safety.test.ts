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

/** Starts an import and kills it after `ms`; true when it was still running and was killed. */
async function importAndKill(target: DatabaseTarget, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, "import", corpus, "--db", dbFlag(target), "--json"], { stdio: "ignore" });
  const exited = once(child, "exit");
  const finished = await Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
  if (finished) return false;
  child.kill("SIGKILL");
  await exited;
  return true;
}

describe.each(TEST_ENGINES)("an import killed with SIGKILL at random moments, on $name", (engine) => {
  it.skipIf(engine.unavailable)("finishes on the next run with every file imported exactly once", async () => {
    const target = await engine.createTarget();
    try {
      // Random moments, written down so that a failure can be replayed.
      const moments: number[] = [];
      let kills = 0;
      for (let attempt = 0; attempt < 12 && kills < 5; attempt += 1) {
        const ms = Math.round(400 + Math.random() * 1200);
        moments.push(ms);
        if (await importAndKill(target, ms)) kills += 1;
        else break;
      }
      const final = await runBin(["import", corpus, "--db", dbFlag(target), "--json"], 300_000);
      const report = JSON.parse(final.stdout) as { imported: number; updated: number; unchanged: number; duplicates: unknown[]; failed: { file: string }[] };

      const works = manifest.filter((m) => m.expect === "work");
      const duplicates = manifest.filter((m) => m.expect === "duplicate");
      const failed = manifest.filter((m) => m.expect === "failed");
      expect(kills, `killed at ${moments.join(", ")} ms`).toBeGreaterThanOrEqual(3);
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
      await engine.dropTarget(target);
    }
  });
});

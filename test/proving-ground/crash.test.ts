/**
 * Crash safety, CI-sized: `quire import` killed with SIGKILL 20 times at random moments and then run to the end,
 * and `quire serve` killed 20 times while clients write through the JSON API and started again on the same
 * library; on every engine. The library must pass its integrity checks, hold every file once and every
 * acknowledged write once (proving-ground/crash.ts; `npm run proving-ground -- --only crash` runs it full-sized).
 * The kill moments are seeded; where they land depends on the machine's speed, so each test also checks that
 * enough of them landed where they matter (in the middle of an import's writing, with writes in flight).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { killImports, killServers, WRITE_KINDS, writeCrashCorpus, type CrashCorpus } from "../../proving-ground/crash.js";
import { TEST_ENGINES } from "../support/databases.js";

const SEED = 20261130;
const KILLS = 20;

let corpus: CrashCorpus | undefined;

beforeAll(async () => {
  corpus = await writeCrashCorpus(60, SEED);
});

afterAll(async () => corpus?.remove());

// Two tests at a time, one per engine: most of each is waiting on processes that run on one core.
describe("crash safety: the import", () => {
  it.concurrent.for(TEST_ENGINES)(`killed with SIGKILL ${KILLS} times on $name, finishes on the next run with every file stored once`, { timeout: 400_000 }, async (engine, { expect, skip }) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      skip();
      return;
    }
    if (!corpus) throw new Error("no corpus");
    const target = await engine.createTarget({ starterVocabulary: true });
    try {
      const result = await killImports({ target, corpus, kills: KILLS, seed: SEED, latestKillMs: 1000, batchWorks: 4 });
      const history = result.history.join("; ");
      expect(result.problems, history).toEqual([]);
      expect(result.kills).toBe(KILLS);
      // Some kills came after a run had stored works and before the library held them all: reruns had a job to finish.
      expect(result.midImport, history).toBeGreaterThanOrEqual(2);
    } finally {
      await engine.dropTarget(target);
    }
  });
});

describe("crash safety: the server", () => {
  it.concurrent.for(TEST_ENGINES)(`killed with SIGKILL ${KILLS} times on $name while clients write, loses nothing acknowledged and stores nothing twice`, { timeout: 400_000 }, async (engine, { expect, skip }) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      skip();
      return;
    }
    const target = await engine.createTarget({ starterVocabulary: true });
    try {
      const result = await killServers({ target, kills: KILLS, seed: SEED, clients: 4, longestLifeMs: 500 });
      expect(result.problems).toEqual([]);
      expect([result.kills, result.lost, result.duplicated]).toEqual([KILLS, 0, 0]);
      // Every kind of write was acknowledged, and kills caught writes in flight.
      for (const kind of WRITE_KINDS) expect(result.acknowledged[kind], kind).toBeGreaterThan(0);
      expect(result.unanswered).toBeGreaterThan(0);
    } finally {
      await engine.dropTarget(target);
    }
  });
});

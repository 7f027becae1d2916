/**
 * Hostile input, CI-sized: a few hundred generated hostile files (every kind at least once, good files mixed in)
 * through the real `quire import`, checked as the full run checks them (proving-ground/hostile-input.ts): clean
 * exits, every file accounted for with a one-line reason, none at the per-file bound, good files stored as
 * `parseStory` reads them alone, memory under the bound, the integrity check clean afterwards.
 *
 * Sizes are smaller than the full run's where size only costs time: an 8 MB single line (the full run's is 50 MB,
 * over a minute to parse, tag and store on a busy two-core machine), 20,000 tags and OPF items (100,000 in the full
 * run); nesting stays 100,000 deep, chapters 10,000, and the zip bomb still declares 1 GiB.
 * SQLite takes 200 files; PostgreSQL one file of each kind plus as many again (the import and its checks are
 * the same code on both, and a second 200 would double the file's time).
 */
import { describe, expect, it } from "vitest";
import { FULL_SIZES, HOSTILE_KINDS, type HostileSizes } from "../../proving-ground/hostile-files.js";
import { runHostileImport } from "../../proving-ground/hostile-input.js";
import { TEST_ENGINES } from "../support/databases.js";

const CI_SIZES: HostileSizes = { ...FULL_SIZES, longLineBytes: 8 * 1024 * 1024, tags: 20_000, opfItems: 20_000, bombBytes: 1024 * 1024 * 1024 };
const FILES = { sqlite: 200, postgres: HOSTILE_KINDS.length * 2 };

describe.each(TEST_ENGINES)("hostile files through quire import on $name", (engine) => {
  it.skipIf(engine.unavailable)("ends every file in a work or a one-line refusal, within the bounds, leaving good files untouched", async () => {
    const target = await engine.createTarget();
    try {
      const report = await runHostileImport({ files: FILES[engine.name], seed: 20261130, target, sizes: CI_SIZES, batchFiles: 200, fileTimeoutSeconds: 60 });
      expect(report.problems).toEqual([]);
      expect(report.files).toBe(FILES[engine.name]);
      for (const kind of HOSTILE_KINDS) expect(report.kinds[kind].files, kind).toBeGreaterThan(0);
      // The run must have exercised both ends: works stored (good files among them) and files refused.
      expect(report.kinds.good.imported).toBe(report.kinds.good.files);
      expect(report.refused).toBeGreaterThan(0);
      expect(report.peakRssMb).toBeGreaterThan(0);
    } finally {
      await engine.dropTarget(target);
    }
  }, 240_000);
});

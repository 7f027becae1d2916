/**
 * The load run at CI size, in both configurations: SQLite served by one `quire serve` process, PostgreSQL by two
 * behind the round-robin proxy. 10 readers for 5 s on 60 works: no errors, every answer the expected one, every
 * acknowledged write in the library exactly once, the counts in agreement, the servers stopped cleanly. No timing
 * is asserted (the figures are the full-sized run's, in `npm run proving-ground`).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../../src/config.js";
import { formatLoadReport, KINDS, runLoad } from "../../proving-ground/load.js";
import { TEST_ENGINES } from "../support/databases.js";

const CONFIGURATIONS = [
  { engine: "sqlite", servers: 1 },
  { engine: "postgres", servers: 2 },
] as const;

describe.each(CONFIGURATIONS)("load on $engine with $servers quire serve process(es)", ({ engine: name, servers }) => {
  const engine = TEST_ENGINES.find((e) => e.name === name);
  if (!engine) throw new Error(`no test engine ${name}`);
  const targets: DatabaseTarget[] = [];
  afterAll(async () => {
    for (const target of targets) await engine.dropTarget(target);
  });

  it("answers every request as expected and keeps every acknowledged write exactly once", async (context) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      context.skip();
    }
    const library = await engine.createTarget();
    targets.push(library);
    const report = await runLoad({ library, servers, connections: 10, durationSeconds: 5, works: 60 });
    const printed = formatLoadReport(report).join("\n");
    expect(report.errors + report.timeouts, printed).toBe(0);
    for (const kind of KINDS) {
      const figures = report.kinds.find((k) => k.kind === kind);
      expect(figures?.requests, `${kind} requests\n${printed}`).toBeGreaterThan(0);
      expect(figures?.unexpected, printed).toBe(0);
    }
    for (const write of Object.values(report.writes)) {
      expect(write.problems, printed).toEqual([]);
      expect(write.found, printed).toBe(write.acknowledged);
    }
    expect(report.counterProblems, printed).toEqual([]);
    expect(report.exitCodes, printed).toEqual(Array.from({ length: servers }, () => 0));
    // Behind the proxy, both servers took their turn.
    if (servers > 1) expect(Math.min(...report.perServer), printed).toBeGreaterThan(0);
    expect(report.passed, printed).toBe(true);
  }, 180_000);
});

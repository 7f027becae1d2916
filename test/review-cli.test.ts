/** `quire review`, `review accept` and `review correct` as a user runs them, on a library file. */
import { beforeAll, describe, expect, it } from "vitest";
import { openQuire } from "../src/composition.js";
import { insertWork } from "../src/db/repositories/works.js";
import type { InferredValue } from "../src/domain/work.js";
import { parsedWork, toStore } from "./factories.js";
import { sqliteLibraryPath } from "./support/databases.js";
import { runCli } from "./support/run-cli.js";

const inferred = (field: InferredValue["field"], value: string, confidence: number, evidence: string): InferredValue => ({ field, value, confidence, evidence });

let db = "";
const ids: Record<string, number> = {};

beforeAll(async () => {
  const path = await sqliteLibraryPath({ starterVocabulary: true });
  db = `sqlite:${path}`;
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    const { db: kysely, engine } = quire.library;
    await engine.writeTransaction(kysely, async (trx) => {
      ids.salt = await insertWork(trx, engine, toStore(parsedWork({
        title: "Salt on the Wind", fandoms: ["Buffy the Vampire Slayer"], characters: ["Buffy Summers", "Spike"], rating: "Mature",
        chapters: ["Spike waited by the crypt while the slayer walked the cemetery."],
        inferred: [inferred("characters", "Spike", 0.55, "named Spike ×3"), inferred("rating", "Mature", 0.9, "sexual content: 2 passages"), inferred("fandoms", "Buffy the Vampire Slayer", 0.95, "Buffy ×12")],
      })), "2026-01-01T00:00:00.000Z");
      // A title with an escape sequence in it, as a file may carry: printed harmless.
      ids.gate = await insertWork(trx, engine, toStore(parsedWork({
        title: "Gate\u001b[2Jwalkers", characters: ["Daniel Jackson"], rating: "General Audiences", ratingRaw: "G",
        inferred: [inferred("characters", "Daniel Jackson", 0.4, "named Daniel ×1")],
      })), "2026-01-01T00:00:00.000Z");
    });
  } finally {
    await quire.close();
  }
});

const review = (...args: string[]) => runCli(["review", ...args, "--db", db]);

describe("quire review", () => {
  it("lists each work's open values with their confidence and evidence, the least sure first", async () => {
    const { code, stdout, stderr } = await review();
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe([
      "2 works have inferred values to review (1–2 shown), the least sure first:",
      "",
      `#${ids.gate}  Gate?[2Jwalkers`,
      "   40%  characters     Daniel Jackson  (named Daniel ×1)",
      "",
      `#${ids.salt}  Salt on the Wind`,
      "   55%  characters     Spike  (named Spike ×3)",
      "   90%  rating         Mature  (sexual content: 2 passages)",
      "",
      "Confirm with: quire review accept <work-id> [--field F] [--value V]",
      "Correct with: quire review correct <work-id> --field F --value OLD (--to NEW | --remove)",
      "",
    ].join("\n"));
  });

  it("prints one JSON object, filtered by field, threshold and page", async () => {
    const json = async (...args: string[]) => JSON.parse((await review("--json", ...args)).stdout) as { total: number; works: { id: number; title: string; values: InferredValue[] }[] };
    expect(await json("--field", "rating")).toEqual({ total: 1, works: [{ id: ids.salt, title: "Salt on the Wind", values: [inferred("rating", "Mature", 0.9, "sexual content: 2 passages")] }] });
    expect((await json("--below", "50%")).works.map((w) => w.values.map((v) => v.value))).toEqual([["Daniel Jackson"], ["Mature"]]);
    expect((await json("--below", "1")).works.find((w) => w.id === ids.salt)?.values).toHaveLength(3);
    expect(await json("--limit", "1", "--offset", "1")).toMatchObject({ total: 2, works: [{ id: ids.salt }] });
  });

  it("explains a mistake in how it was called with exit code 2", async () => {
    for (const [args, message] of [
      [["--below", "2"], /--below takes a confidence from 0 to 1/u],
      [["--field", "mood"], /--field takes one of fandoms, characters, relationships, categories, rating/u],
      [["--to", "Spike"], /--to does not go with review list/u],
      [["--offset=-1"], /--offset takes a whole number from 0, not "-1"/u],
      [["--offset", " "], /--offset takes a whole number from 0, not " "/u],
      [["accept"], /usage: quire review/u],
      [["accept", "x"], /the work id takes a whole number/u],
      [["correct", "1", "--value", "Spike", "--to", "Angel"], /review correct needs --field/u],
      [["correct", "1", "--field", "character", "--value", "Spike"], /either --to NEW or --remove/u],
      [["correct", "1", "--field", "character", "--to", "Angel", "--remove"], /either --to NEW or --remove/u],
      [["frobnicate"], /review takes accept or correct/u],
    ] as const) {
      const { code, stderr } = await review(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it("accepts and corrects, and search follows the correction", async () => {
    expect(await review("accept", `#${ids.gate}`)).toMatchObject({ code: 0, stdout: `Accepted 1 value of #${ids.gate} "Gate?[2Jwalkers": characters "Daniel Jackson".\n` });
    expect((await review("accept", String(ids.gate))).stdout).toBe(`Nothing open to accept on #${ids.gate} "Gate?[2Jwalkers".\n`);

    const corrected = await review("correct", String(ids.salt), "--field", "Character", "--value", "spike", "--to", "Riley Finn");
    expect(corrected).toMatchObject({ code: 0, stdout: `Corrected #${ids.salt} "Salt on the Wind": characters "Spike" → "Riley Finn".\n` });
    expect((await review("correct", String(ids.salt), "--field", "rating", "--to", "NC-17")).stdout).toBe(`Corrected #${ids.salt} "Salt on the Wind": rating "Mature" → "Explicit".\n`);
    expect((await review()).stdout).toBe("Nothing to review: no inferred rating, or value inferred below 75% confidence, waits for a decision.\n");

    const found = JSON.parse((await runCli(["search", "--character", "Riley Finn", "--json", "--db", db])).stdout) as { works: { id: number; rating: string }[] };
    expect(found.works).toEqual([expect.objectContaining({ id: ids.salt, rating: "Explicit" })]);
    expect(JSON.parse((await runCli(["search", "--character", "Spike", "--json", "--db", db])).stdout)).toMatchObject({ total: 0 });
  });

  it("says which work or value it does not know, with exit code 1", async () => {
    expect(await review("accept", "999999")).toMatchObject({ code: 1, stderr: "quire: there is no work #999999\n" });
    expect(await review("correct", String(ids.salt), "--field", "characters", "--value", "Angel", "--remove")).toMatchObject({ code: 1, stderr: expect.stringMatching(/has no inferred characters "Angel"/u) });
    expect(await review("correct", String(ids.salt), "--field", "rating", "--to", "Spicy")).toMatchObject({ code: 1, stderr: expect.stringMatching(/"Spicy" is not one of Not Rated, General Audiences/u) });
  });
});

/** `quire duplicates` and `quire duplicates merge` as a user runs them, on a library file. */
import { beforeEach, describe, expect, it } from "vitest";
import { openQuire } from "../src/composition.js";
import { insertWork } from "../src/db/repositories/works.js";
import { parsedWork, toStore } from "./factories.js";
import { sqliteLibraryPath } from "./support/databases.js";
import { runCli } from "./support/run-cli.js";

// Original fixture prose.
const STORY = `Nobody in the village of Ashby Parva could remember who had planted the walnut tree in the churchyard,
only that it had always been there, and that it dropped its nuts on the vicar's head with a precision that
suggested malice. The vicar, a patient man, had taken to wearing his hat indoors. His sermons grew shorter every
autumn, and the congregation, who had never much liked the long ones, began to leave small offerings of thanks
at the foot of the tree: a saucer of milk, a ribbon, once a slice of fruit cake wrapped in greaseproof paper.`;

const UNRELATED = `The night train to Varenna stopped at every station whether anyone was waiting or not, and the
conductor, a woman with a silver whistle and a voice like a foghorn, called out the name of each one as though it
were a city of great importance. Most of the stations were a bench, a lamp and a timetable nobody had updated since
the war. At one of them a goat got on, and nobody, least of all the conductor, thought to ask it for a ticket.`;

let db = "";
const ids: Record<string, number> = {};

beforeEach(async () => {
  const path = await sqliteLibraryPath();
  db = `sqlite:${path}`;
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    const { db: kysely, engine } = quire.library;
    await engine.writeTransaction(kysely, async (trx) => {
      const store = (title: string, chapters: string[], updated: string) =>
        insertWork(trx, engine, toStore(parsedWork({ title, authors: ["Hazel Brock"], chapters, updated, published: updated })), "2026-01-01T00:00:00.000Z");
      ids.walnut = await store("The Walnut Tree", [STORY], "2004-10-02");
      ids.copy = await store("The Walnut Tree (from the old list)", [STORY.replace(/\n/gu, " ").replace("precision", "precison")], "2006-05-11");
      ids.train = await store("Night Train", [UNRELATED], "2005-01-01");
    });
  } finally {
    await quire.close();
  }
});

const duplicates = (...args: string[]) => runCli(["duplicates", ...args, "--db", db]);

describe("quire duplicates", () => {
  it("lists each group with its works, how alike they are, the longest and newest, and how to merge", async () => {
    const { code, stdout, stderr } = await duplicates();
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    // One typo in 99 words spoils 5 of the copy's 95 shingles: 90 of 95 shared, and 90 of the 100 of both.
    expect(stdout).toBe([
      "1 group of near-duplicate works (at least 70% of the shorter one's text in the longer):",
      "",
      "1.",
      `   #${ids.walnut} "The Walnut Tree" by Hazel Brock: 1 chapter, 99 words, updated 2004-10-02 (longest)`,
      `   #${ids.copy} "The Walnut Tree (from the old list)" by Hazel Brock: 1 chapter, 99 words, updated 2006-05-11 (newest)`,
      `   #${ids.walnut} and #${ids.copy}: 94% of the shorter in the longer, 90% alike overall`,
      `   To keep the longest: quire duplicates merge ${ids.walnut} ${ids.copy}`,
      "",
    ].join("\n"));
  });

  it("prints JSON, and finds nothing at a threshold the typo falls below", async () => {
    const { stdout } = await duplicates("--json", "--threshold", "90%");
    const listed = JSON.parse(stdout) as { threshold: number; groups: { works: { id: number }[]; pairs: { workIds: number[]; containment: number }[]; longestId: number; newestId: number }[] };
    expect(listed.threshold).toBe(0.9);
    expect(listed.groups).toHaveLength(1);
    expect(listed.groups[0]).toMatchObject({ longestId: ids.walnut, newestId: ids.copy, pairs: [{ workIds: [ids.walnut, ids.copy] }] });
    expect((await duplicates("--threshold", "0.99")).stdout).toBe("No near-duplicates: no two works share 99% of the shorter one's text.\n");
  });

  it("signs a library's works that were stored before signatures, saying so on stderr", async () => {
    const quire = await openQuire({ engine: "sqlite", path: db.slice("sqlite:".length) });
    await quire.library.db.deleteFrom("work_signatures").execute();
    await quire.close();
    const { code, stdout, stderr } = await duplicates("--json");
    expect(code).toBe(0);
    expect(stderr).toBe("Signing 3 works not yet compared…\n  signed 3 of 3\n");
    expect((JSON.parse(stdout) as { groups: unknown[] }).groups).toHaveLength(1);
  });

  it("merges one work into another, after which no group is left", async () => {
    const merged = await duplicates("merge", String(ids.walnut), `#${ids.copy}`);
    expect(merged).toEqual({ code: 0, stdout: `Merged #${ids.copy} "The Walnut Tree (from the old list)" into #${ids.walnut} "The Walnut Tree".\n`, stderr: "" });
    expect((await duplicates()).stdout).toMatch(/^No near-duplicates/u);
    const again = await duplicates("merge", String(ids.walnut), String(ids.copy));
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`quire: Work ${ids.copy} is not in this archive\n`);
  });

  it.each([
    [["--threshold", "1.5"], /--threshold takes a share from 0 to 1/u],
    [["--threshold", "most"], /--threshold takes a share from 0 to 1/u],
    [["merge", "1"], /duplicates merge takes the work to keep/u],
    [["merge", "1", "two"], /a work id takes a whole number/u],
    [["merge", "1", "2", "--json"], /--json does not go with duplicates merge/u],
    [["sideways"], /duplicates takes merge KEEP OTHER/u],
  ])("refuses %j with a usage error", async (args, message) => {
    const { code, stderr } = await duplicates(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("refuses to merge a work into itself", async () => {
    const { code, stderr } = await duplicates("merge", String(ids.train), String(ids.train));
    expect(code).toBe(1);
    expect(stderr).toBe(`quire: work ${ids.train} cannot be merged into itself\n`);
  });
});

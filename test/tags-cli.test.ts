/** `quire tags …` as a user runs it, on a library file that holds the starter vocabulary and a few works. */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQuire } from "../src/composition.js";
import { insertWork } from "../src/db/repositories/works.js";
import { parseVocabularyFile, starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { relationshipName } from "../src/tags/vocabulary-file.js";
import { parsedWork, toStore } from "./factories.js";
import { sqliteLibraryPath, TEST_ENGINES, withPostgresLibrary } from "./support/databases.js";
import { runBin, runCli } from "./support/run-cli.js";

let folder = "";
let db = "";
/** The starter vocabulary's canonical tag for the ship fans call Spuffy. */
const spuffy = (() => {
  const ship = starterVocabulary().relationships.find((r) => r.shipNames.includes("Spuffy"));
  if (!ship) throw new Error("the starter vocabulary has no Spuffy");
  return relationshipName(ship);
})();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "quire-tags-cli-"));
  const path = await sqliteLibraryPath({ starterVocabulary: true });
  db = `sqlite:${path}`;
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    const { db: kysely, engine } = quire.library;
    await engine.writeTransaction(kysely, async (trx) => {
      for (const work of [
        parsedWork({ title: "Crypt Nights", fandoms: ["BtVS"], relationships: ["Spike x Buffy"], freeforms: ["Lantern"] }),
        parsedWork({ title: "Sunrise Pact", fandoms: ["BtVS"], relationships: ["spike x buffy"], characters: ["Lantern"] }),
        parsedWork({ title: "Elsewhere", fandoms: ["Quiet Harbour"] }),
      ]) await insertWork(trx, engine, toStore(work), "2026-01-01T00:00:00.000Z");
    });
  } finally {
    await quire.close();
  }
});

const tags = (...args: string[]) => runCli(["tags", ...args, "--db", db]);
const json = async <T>(...args: string[]): Promise<T> => {
  const { code, stdout, stderr } = await tags(...args, "--json");
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(stdout) as T;
};
const searchTotal = async (...args: string[]) => (JSON.parse((await runCli(["search", ...args, "--db", db, "--json"])).stdout) as { total: number }).total;

describe("quire tags", () => {
  it("has its own help", async () => {
    const { code, stdout } = await runCli(["help", "tags"]);
    expect(code).toBe(0);
    for (const action of ["show", "unwrangled", "canonical", "merge", "parent add|remove", "meta add|remove", "rename", "history", "import", "export"]) expect(stdout).toContain(`  ${action}`);
    expect((await runCli(["help"])).stdout).toMatch(/^ {2}tags <action> …/mu);
  });

  it("lists unwrangled tags, merges one into a canonical tag, and search follows at once", async () => {
    expect(await json("unwrangled", "--type", "relationship")).toEqual([{ id: expect.any(Number), type: "Relationship", name: "Spike x Buffy", works: 2 }]);
    expect(await searchTotal("--relationship", spuffy)).toBe(0);
    const merged = await tags("merge", "Spike", "x", "Buffy", "--into", spuffy);
    expect(merged).toEqual({ code: 0, stdout: `Merged "Spike x Buffy" (Relationship) into "${spuffy}"; 2 works' filters refreshed.\n`, stderr: "" });
    expect(await searchTotal("--relationship", spuffy)).toBe(2);
    expect(await json("unwrangled", "--type", "Relationship")).toEqual([]);
    expect((await tags("show", "spike x buffy")).stdout).toBe(`Spike x Buffy (Relationship): synonym of "${spuffy}", on 2 works\n`);
    expect((await tags("merge", "Spike x Buffy", "--into", spuffy)).stdout).toBe(`"Spike x Buffy" (Relationship) is a synonym of "${spuffy}" already.\n`);
  });

  it("asks for --type when a name has several types, and wrangles the one named", async () => {
    const ambiguous = await tags("canonical", "Lantern");
    expect(ambiguous).toMatchObject({ code: 2, stderr: 'quire: "Lantern" names tags of several types (Character, Freeform): add --type Character or --type Freeform\n' });
    expect((await tags("canonical", "Lantern", "--type", "freeform")).stdout).toBe('Made "Lantern" (Freeform) canonical.\n');
    const shown = await json<{ type: string; status: string }[]>("show", "lantern");
    expect(shown.map((t) => [t.type, t.status])).toEqual([["Character", "unwrangled"], ["Freeform", "canonical"]]);
  });

  it("links parents and meta tags, renames, and keeps the history", async () => {
    expect(await tags("meta", "add", "Lantern", "Alternate Universe", "--type", "Freeform")).toEqual({ code: 0, stderr: "", stdout: '"Lantern" (Freeform) is now under the meta tag "Alternate Universe" (Freeform); 1 work\'s filters refreshed.\n' });
    expect(await searchTotal("--freeform", "Alternate Universe")).toBe(1);
    expect((await tags("meta", "remove", "Lantern", "Alternate Universe", "--type", "Freeform")).stdout).toBe('"Lantern" (Freeform) is no longer under the meta tag "Alternate Universe" (Freeform); 1 work\'s filters refreshed.\n');
    expect(await searchTotal("--freeform", "Alternate Universe")).toBe(0);

    await tags("canonical", "Quiet Harbour");
    expect(await tags("parent", "add", "Lantern", "Quiet Harbour")).toMatchObject({ code: 2, stderr: expect.stringMatching(/add --type Character or --type Freeform/u) });
    expect((await tags("parent", "add", "Lantern", "Quiet Harbour", "--type", "Freeform")).stdout).toBe('"Lantern" (Freeform) is now under the parent "Quiet Harbour" (Fandom).\n');
    expect((await tags("parent", "add", "Lantern", "Quiet Harbour", "--type", "Freeform")).stdout).toBe('"Lantern" (Freeform) was under the parent "Quiet Harbour" (Fandom) already.\n');
    expect(await tags("parent", "add", "Quiet Harbour", "Lantern", "--type", "Fandom")).toMatchObject({ code: 1, stderr: expect.stringMatching(/^quire: a \w+ tag \("Lantern"\) cannot be the parent of a Fandom tag \("Quiet Harbour"\): parents go Fandom → Character/u) });

    expect((await tags("rename", "Quiet Harbour", "Quiet Hárbour")).stdout).toBe('Renamed "Quiet Harbour" to "Quiet Hárbour" (Fandom).\n');
    expect(await tags("rename", "Quiet Hárbour", "Loud Harbour")).toMatchObject({ code: 1, stderr: expect.stringMatching(/can only change its case and diacritics/u) });

    const history = await json<{ operation: string; tag: { name: string } | null; otherTag: { name: string } | null }[]>("history", "--limit", "4");
    expect(history.map((e) => [e.operation, e.tag?.name, e.otherTag?.name ?? null])).toEqual([
      ["rename", "Quiet Hárbour", null], ["add-parent", "Lantern", "Quiet Hárbour"], ["canonical", "Quiet Hárbour", null], ["remove-meta-tag", "Lantern", "Alternate Universe"],
    ]);
    expect((await tags("history", "--limit", "1")).stdout).toMatch(/^\S+ {2}rename +"Quiet Hárbour" \(Fandom\) {2}\{"from":"Quiet Harbour","to":"Quiet Hárbour"\}\n$/u);
  });

  it("says what is wrong with a call, with exit code 2, and with an unknown tag, with 1", async () => {
    for (const [args, message] of [
      [["merge", "Lantern"], /tags merge needs --into/u],
      [["parent", "add", "Lantern"], /tags parent takes a child tag and its parent; quote names with spaces/u],
      [["meta", "link", "a", "b"], /tags meta takes add or remove/u],
      [["frob"], /unknown tags action "frob"/u],
      [["export", "--format", "xml"], /--format takes csv or quire/u],
      [["unwrangled", "--limit", "0"], /--limit takes a whole number/u],
      [["show", "X", "--type", "Mood"], /--type takes one of/u],
      [["canonical", "X", "--into", "Y"], /--into does not go with tags canonical/u],
    ] as const) {
      expect(await tags(...args)).toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
    }
    expect(await tags("canonical", "No Such Tag")).toEqual({ code: 1, stdout: "", stderr: 'quire: no tag is named "No Such Tag"\n' });
  });

  it("exports the tags as a tag dump and as a vocabulary file that other libraries import", async () => {
    const csv = join(folder, "tags.csv");
    const written = await tags("export", "--out", csv);
    expect(written.stdout).toMatch(/^Wrote \d+ tags to .*tags\.csv\.\n$/u);
    const text = await readFile(csv, "utf8");
    expect(text.split("\n")[0]).toBe("id,type,name,canonical,cached_count,merger_id");
    expect(text).toMatch(/^\d+,Relationship,Spike x Buffy,false,2,\d+$/mu);

    const other = `sqlite:${await sqliteLibraryPath({ starterVocabulary: true })}`;
    const imported = await runBin(["tags", "import", csv, "--db", other]);
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(imported.stdout).toMatch(/^Imported .*tags\.csv \(Archive tag dump\): \d+ rows, \d+ tags created, \d+ made canonical, \d+ merged, \d+ kept as wrangled, 0 rejected, 0 works refreshed\.\n$/u);
    const shown = JSON.parse((await runCli(["tags", "show", "Spike x Buffy", "--db", other, "--json"])).stdout) as { status: string; synonymOf: string }[];
    expect(shown).toEqual([expect.objectContaining({ status: "synonym", synonymOf: spuffy })]);

    const yaml = await tags("export", "--format", "quire");
    expect(yaml.code).toBe(0);
    const vocabulary = parseVocabularyFile(yaml.stdout, "export.yaml");
    expect(vocabulary.relationships.find((r) => relationshipName(r) === spuffy)?.synonyms).toContain("Spike x Buffy");
    await writeFile(join(folder, "export.yaml"), yaml.stdout);
    const third = await runCli(["tags", "import", join(folder, "export.yaml"), "--db", `sqlite:${await sqliteLibraryPath({ starterVocabulary: true })}`, "--json"]);
    expect(JSON.parse(third.stdout)).toMatchObject({ format: "quire", rejected: [] });
  });

  it("imports a tag dump with bad rows, lists them, and exits 3", async () => {
    const path = join(folder, "bad.csv");
    await writeFile(path, "id,type,name,canonical,cached_count,merger_id\n1,Freeform,Candlelight,true,3,\n2,Media,Books,true,1,\n");
    const { code, stdout } = await tags("import", path);
    expect(code).toBe(3);
    expect(stdout).toContain("Rejected:\n  line 3 \"Books\": Media tags are not kept");
    expect(await tags("import", join(folder, "missing.csv"))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^quire: cannot read .*missing\.csv/u) });
  });

  const postgres = TEST_ENGINES.find((e) => e.name === "postgres");
  it.skipIf(postgres?.unavailable)("works on a PostgreSQL library, which gets the starter vocabulary on first use", async () => {
    await withPostgresLibrary(async (url) => {
      const shown = await runCli(["tags", "show", spuffy, "--db", url, "--json"]);
      expect(JSON.parse(shown.stdout)).toEqual([expect.objectContaining({ status: "canonical", type: "Relationship" })]);
      expect((await runCli(["tags", "unwrangled", "--db", url])).stdout).toBe("No unwrangled tags.\n");
    });
  });
});

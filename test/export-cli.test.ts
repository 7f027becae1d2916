/** `quire export` as a user runs it: files named after titles (unique), every format, the owner's view, errors. */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { openQuire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { insertWork } from "../src/db/repositories/works.js";
import { parseStory } from "../src/importers/parse-story.js";
import { parsedWork, toStore } from "./factories.js";
import { sqliteLibraryPath, TEST_ENGINES, withPostgresLibrary } from "./support/databases.js";
import { runCli } from "./support/run-cli.js";

const WORKS = [
  parsedWork({ title: "Ночной дозор", authors: ["Lamp Keeper"], fandoms: ["Moonlit Harbour (TV)"], chapters: ["The watch began at dusk and ended when the last boat came in."] }),
  parsedWork({ title: "Salt/Spray: A Tale?", authors: ["Wren Tallow"], chapters: ["Salt on the windows, spray on the stairs."] }),
  parsedWork({ title: "Salt/Spray: A Tale?", authors: ["Pim Okafor"], chapters: ["Another story of the same name, told from the quay."] }),
];

/** Stores the works, the last one as a draft (the owner exports it all the same). */
async function storeWorks(target: DatabaseTarget): Promise<number[]> {
  const quire = await openQuire(target);
  try {
    const { db, engine } = quire.library;
    const ids: number[] = [];
    await engine.writeTransaction(db, async (trx) => {
      for (const work of WORKS) ids.push(await insertWork(trx, engine, toStore(work), "2026-11-01T00:00:00.000Z"));
      await trx.updateTable("works").set({ visibility: "draft" }).where("id", "=", ids.at(-1) ?? 0).execute();
    });
    return ids;
  } finally {
    await quire.close();
  }
}

let db = "";
let ids: number[] = [];

beforeAll(async () => {
  const path = await sqliteLibraryPath();
  db = `sqlite:${path}`;
  ids = await storeWorks({ engine: "sqlite", path });
});

const exportTo = async (...args: string[]) => {
  const out = await mkdtemp(join(tmpdir(), "quire-export-"));
  return { out, result: await runCli(["export", ...args, "--out", out, "--db", db]) };
};

describe("quire export", () => {
  it("writes the works asked for, named after their titles in ASCII, unique in the folder", async () => {
    const { out, result } = await exportTo(...ids.map(String), "--format", "epub", "--origin", "https://archive.example");
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["Nochnoy_dozor.epub", "Salt_Spray_A_Tale.epub", "Salt_Spray_A_Tale_2.epub"]);
    expect(result.stdout.trim().split("\n")).toHaveLength(3);
    expect(result.stderr).toContain("Exported 3 works as epub");
    const bytes = await readFile(join(out, "Salt_Spray_A_Tale_2.epub"));
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    const { work } = await parseStory(bytes, "Salt_Spray_A_Tale_2.epub");
    expect(work).toMatchObject({ title: "Salt/Spray: A Tale?", authors: ["Pim Okafor"], sourceUrl: `https://archive.example/works/${ids[2]}` });
  });

  it.each(["html", "txt", "md"])("exports every work with --all as %s, read back by the importer", async (format) => {
    const { out, result } = await exportTo("--all", "--format", format);
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(WORKS.length);
    const titles = await Promise.all(files.map(async (f) => (await parseStory(await readFile(join(out, f)), f)).work.title));
    expect(titles.sort()).toEqual(WORKS.map((w) => w.title).sort());
  });

  it("names an unknown work and writes nothing", async () => {
    const { out, result } = await exportTo(String(ids[0]), "999999", "--format", "txt");
    expect(result).toMatchObject({ code: 1, stderr: "quire: Work 999999 is not in this archive\n" });
    expect(await readdir(out)).toEqual([]);
  });

  it("cites QUIRE_ORIGIN when no --origin is given, as quire serve links its mail", async () => {
    vi.stubEnv("QUIRE_ORIGIN", "https://env-archive.example");
    try {
      const { out, result } = await exportTo(String(ids[0]), "--format", "epub");
      expect(result.code).toBe(0);
      const { work } = await parseStory(await readFile(join(out, "Nochnoy_dozor.epub")), "Nochnoy_dozor.epub");
      expect(work.sourceUrl).toBe(`https://env-archive.example/works/${ids[0]}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    [["1", "--format", "pdf"], "--format must be one of"],
    [["--format", "epub"], "give work ids or --all"],
    [["1", "--all", "--format", "epub"], "give work ids or --all"],
    [["abc", "--format", "epub"], "work id takes a whole number"],
    [["1", "--format", "epub", "--origin", "ftp://x"], "--origin \"ftp://x\" is not an http or https address"],
    // The rule `quire serve --origin` follows: a path would be lost from every link, so it is refused, not dropped.
    [["1", "--format", "epub", "--origin", "https://archive.example/fics"], "has a path, query or fragment"],
  ])("refuses %j as a usage mistake", async (args, message) => {
    const { result } = await exportTo(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("quire export on PostgreSQL", () => {
  it("exports a PostgreSQL library's works", async (context) => {
    const postgres = TEST_ENGINES.find((e) => e.name === "postgres");
    if (postgres?.unavailable) {
      console.warn(`skipped: ${postgres.unavailable}`);
      context.skip();
      return;
    }
    await withPostgresLibrary(async (url) => {
      await storeWorks({ engine: "postgres", url });
      const out = await mkdtemp(join(tmpdir(), "quire-export-"));
      const result = await runCli(["export", "--all", "--format", "md", "--out", out, "--db", url]);
      expect(result.code).toBe(0);
      expect((await readdir(out)).sort()).toEqual(["Nochnoy_dozor.md", "Salt_Spray_A_Tale.md", "Salt_Spray_A_Tale_2.md"]);
    });
  });
});

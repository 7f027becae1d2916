/** `quire import`, `search`, `mute` and `migrate` as a user runs them: the real binary on a library file. */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBin, runCli } from "./support/run-cli.js";
import { storyFile } from "./factories.js";
import { TEST_ENGINES, withPostgresLibrary } from "./support/databases.js";

const STORIES: Record<string, string> = {
  "gate.txt": storyFile({ title: "Dialling Home", author: "Corin Vale", fandom: "Stargate SG-1", rating: "G", body: "Daniel dialled the address from memory, and the gate answered like an old friend." }),
  "ferry.txt": storyFile({ title: "Night Ferry", author: "Noor Halloway", fandom: "Sherlock (TV)", rating: "R", pairing: "Sherlock Holmes/John Watson", body: "John watched the ferry lights while Sherlock explained the murder to the seagulls." }),
  "orchard.txt": storyFile({ title: "Pears in Winter", author: "M. Quill", fandom: "Pride and Prejudice", rating: "PG", body: "Elizabeth walked the frozen orchard at dawn, counting pears and grievances." }),
};

let folder = "";
let db = "";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "quire-cli-lib-"));
  await mkdir(join(folder, "fics"));
  for (const [name, text] of Object.entries(STORIES)) await writeFile(join(folder, "fics", name), text);
  await writeFile(join(folder, "fics", "broken.epub"), "PK\u0003\u0004 not really an epub");
  db = `sqlite:${join(folder, "library.db")}`;
});

describe("quire import", () => {
  it("prints one JSON report and exits 3 when a file failed", async () => {
    const { code, stdout, stderr } = await runBin(["import", join(folder, "fics"), "--db", db, "--json"]);
    expect(code).toBe(3);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(["duplicates", "failed", "imported", "seconds", "unchanged", "updated"]);
    expect(report).toMatchObject({ imported: 3, updated: 0, unchanged: 0, duplicates: [] });
    expect(report.failed).toEqual([{ file: join(folder, "fics", "broken.epub"), error: expect.stringMatching(/zip|EPUB/u) }]);
    expect(typeof report.seconds).toBe("number");
  });

  it("prints plain progress lines and a summary when output is not a terminal", async () => {
    const { code, stdout, stderr } = await runBin(["import", join(folder, "fics", "gate.txt"), join(folder, "fics", "ferry.txt"), "--db", db]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^importing 2 files \(0\.0 MB\)$/mu);
    expect(stdout).toMatch(/^Done in [\d.]+ s: 0 imported, 0 updated, 2 unchanged, 0 duplicates, 0 failed\.$/mu);
  });

  it("fails a file that parses longer than --timeout alone, and imports the rest", async () => {
    // 16 MB of one story: seconds of parsing and tagging even on a fast machine, against a one-second bound.
    await writeFile(join(folder, "slow.txt"), `Title: Slow River\n\n${"The river ran on and on past the mill. ".repeat(400_000)}`);
    const { code, stdout } = await runBin(["import", join(folder, "slow.txt"), join(folder, "fics", "orchard.txt"), "--timeout", "1", "--db", `sqlite:${join(folder, "timeout.db")}`, "--json"]);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ imported: 1, failed: [{ file: join(folder, "slow.txt"), error: "parsing took longer than 1 s" }] });
  });

  it("refuses to run without a path, or with a bad --jobs, --timeout or --batch", async () => {
    expect((await runCli(["import", "--db", db])).code).toBe(2);
    const bad = await runCli(["import", folder, "--jobs", "0", "--db", db]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--jobs takes a whole number/u) });
    expect(await runCli(["import", folder, "--timeout", "soon", "--db", db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--timeout takes a whole number/u) });
    expect(await runCli(["import", folder, "--batch", "0", "--db", db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--batch takes a whole number/u) });
  });
});

describe("quire search", () => {
  it("prints the total, the works and every facet as JSON", async () => {
    const { code, stdout } = await runBin(["search", "--db", db, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { total: number; works: Record<string, unknown>[]; facets: Record<string, { name: string; count: number }[]> };
    expect(result.total).toBe(3);
    expect(Object.keys(result.works[0] ?? {})).toEqual(expect.arrayContaining(["id", "title", "authors", "rating", "warnings", "fandoms", "relationships", "characters", "freeforms", "wordCount", "chapters", "status", "updated"]));
    expect(Object.keys(result.facets).sort()).toEqual(["categories", "characters", "fandoms", "freeforms", "language", "rating", "relationships", "status", "warnings"]);
    expect(result.facets.rating).toEqual(expect.arrayContaining([{ name: "Mature", count: 1 }, { name: "General Audiences", count: 2 }]));
  });

  it("combines a query with tag flags, exclusions and a sort", async () => {
    const titles = async (...args: string[]) => {
      const { stdout } = await runCli(["search", "--db", db, "--json", ...args]);
      return (JSON.parse(stdout) as { works: { title: string }[] }).works.map((w) => w.title);
    };
    expect(await titles("ferry OR gate")).toEqual(expect.arrayContaining(["Night Ferry", "Dialling Home"]));
    expect(await titles("--rating", "NC-17")).toEqual([]);
    expect(await titles("--rating", "R")).toEqual(["Night Ferry"]);
    expect(await titles("--exclude-fandom", "Stargate SG-1", "--sort", "title")).toEqual(["Night Ferry", "Pears in Winter"]);
    expect(await titles("--sort", "title", "--desc")).toEqual(["Pears in Winter", "Night Ferry", "Dialling Home"]);
    expect(await titles("--relationship", "sherlock holmes/john watson", "--complete")).toEqual([]);
    expect(await titles("--words", "<14", "--sort", "words", "--asc")).toEqual(["Pears in Winter", "Night Ferry"]);
  });

  it("prints a readable list without --json", async () => {
    const { code, stdout } = await runCli(["search", "lights", "--db", db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1 work found \(1–1 shown\), sorted by relevance descending$/mu);
    expect(stdout).toMatch(/Night Ferry by Noor Halloway/u);
    // The starter vocabulary files Sherlock (TV) under its franchise, which counts too.
    expect(stdout).toMatch(/^Fandoms: Sherlock \(TV\) \(1\), Sherlock Holmes & Related Fandoms \(1\)$/mu);
  });

  it("explains a bad flag value with exit code 2", async () => {
    for (const [args, message] of [
      [["--rating", "spicy"], /--rating "spicy" is not one of/u],
      [["--words", "lots"], /--words takes a number or a range/u],
      [["--updated", "someday"], /--updated takes a date or range/u],
      [["--sort", "colour"], /--sort takes one of/u],
      [["--complete", "--in-progress"], /exclude each other/u],
    ] as const) {
      const { code, stderr } = await runCli(["search", "--db", db, ...args]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});

describe("quire mute", () => {
  it("hides a muted tag's works from search until it is unmuted", async () => {
    expect((await runCli(["mute", "add", "Sherlock", "(TV)", "--db", db])).stdout).toBe('Muted "Sherlock (TV)".\n');
    expect((await runCli(["mute", "add", "sherlock (tv)", "--db", db])).stdout).toBe('"sherlock (tv)" was muted already.\n');
    expect((await runCli(["mute", "list", "--db", db])).stdout).toBe("Sherlock (TV)\n");
    const muted = JSON.parse((await runCli(["search", "--db", db, "--json"])).stdout) as { total: number };
    expect(muted.total).toBe(2);
    expect((await runCli(["mute", "remove", "Sherlock (TV)", "--db", db])).stdout).toBe('Unmuted "Sherlock (TV)".\n');
    expect(JSON.parse((await runCli(["search", "--db", db, "--json"])).stdout)).toMatchObject({ total: 3 });
  });

  it("rejects an unknown tag type", async () => {
    expect(await runCli(["mute", "add", "Angst", "--type", "Mood", "--db", db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--type takes one of Rating, ArchiveWarning/u) });
  });
});

describe("quire migrate and the database option", () => {
  it("creates a library on first use and is then up to date; QUIRE_DB names the library too", async () => {
    const path = join(folder, "fresh", "new.db");
    const first = await runCli(["migrate", "--db", `sqlite:${path}`]);
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith(`sqlite:${path}: applied 0001-library, 0002-vocabulary`)).toBe(true);
    expect(first.stdout).toMatch(/; stored the starter vocabulary [0-9a-f]{16} \(\d+ tags created, \d+ links\)\n$/u);
    expect((await runCli(["migrate", "--db", `sqlite:${path}`])).stdout).toBe(`sqlite:${path} is up to date\n`);
    process.env.QUIRE_DB = `sqlite:${path}`;
    try {
      expect((await runCli(["migrate"])).stdout).toBe(`sqlite:${path} is up to date\n`);
    } finally {
      delete process.env.QUIRE_DB;
    }
  });

  it("refuses a database address it cannot use", async () => {
    expect(await runCli(["search", "--db", "mysql://localhost/x"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not a database/u) });
  });

  const postgres = TEST_ENGINES.find((e) => e.name === "postgres");
  it.skipIf(postgres?.unavailable)("imports and searches a PostgreSQL library given as --db postgres://", async () => {
    await withPostgresLibrary(async (url) => {
      const imported = await runBin(["import", join(folder, "fics", "gate.txt"), "--db", url, "--json"]);
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1 });
      const found = JSON.parse((await runBin(["search", "dialled", "--db", url, "--json"])).stdout) as { works: { title: string }[] };
      expect(found.works.map((w) => w.title)).toEqual(["Dialling Home"]);
    });
  });
});

/** `quire export-site OUT` on a library file: the summary, the progress lines, the books' origin, and the folders it refuses. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openQuire } from "../../src/composition.js";
import { SITE_MARKER } from "../../src/services/static-site/site-folder.js";
import { sqliteLibraryPath } from "../support/databases.js";
import { runCli } from "../support/run-cli.js";
import { brokenLinks } from "../support/static-site-files.js";
import { storeWebWorks } from "../support/web-library.js";

let db = "";

beforeAll(async () => {
  const path = await sqliteLibraryPath();
  const quire = await openQuire({ engine: "sqlite", path }, { starterVocabulary: false });
  try {
    await storeWebWorks(quire);
  } finally {
    await quire.close();
  }
  db = `sqlite:${path}`;
});

describe("quire export-site", () => {
  it("writes the site, says where and what, and writes it again over its own export", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "quire-site-cli-")), "archive");
    for (let run = 1; run <= 2; run += 1) {
      const { code, stdout, stderr } = await runCli(["export-site", out, "--db", db, "--origin", "https://old-archive.example/"]);
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(new RegExp(`^wrote \\d+ files to ${out.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}: 5 works, \\d+ tags, 3 authors, 1 series\\n$`, "u"));
      expect(stderr).toMatch(/^reading the archive…\nwriting \d+ pages…\n$/u);
    }
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, SITE_MARKER))).toBe(true);
    expect(brokenLinks(out)).toEqual([]);
    // The books cite the archive's address that --origin gave.
    const text = readdirSync(join(out, "downloads"), { recursive: true }).map(String).find((f) => f.endsWith("A_Ladder_in_the_Orchard.txt"));
    expect(readFileSync(join(out, "downloads", text ?? "missing"), "utf8")).toMatch(/https:\/\/old-archive\.example\/works\/\d+/u);
  });

  it("refuses a folder holding files it did not write, and names it", async () => {
    const out = mkdtempSync(join(tmpdir(), "quire-site-cli-"));
    writeFileSync(join(out, "keep-me.txt"), "mine");
    const { code, stderr } = await runCli(["export-site", out, "--db", db]);
    expect(code).toBe(1);
    expect(stderr).toContain(`quire: ${out} is not empty and holds no earlier export`);
    expect(existsSync(join(out, "index.html"))).toBe(false);
  });

  it("needs exactly one folder", async () => {
    expect((await runCli(["export-site", "--db", db])).code).toBe(2);
    expect((await runCli(["export-site", "a", "b", "--db", db])).code).toBe(2);
    expect((await runCli(["export-site", "a", "--origin", "ftp://x", "--db", db])).code).toBe(2);
    expect((await runCli(["help"])).stdout).toContain("export-site OUT");
  });
});

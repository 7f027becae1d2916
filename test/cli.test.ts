/** `quire parse` as a user runs it: the JSON contract, the readable summary, and errors. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin, runCli } from "./support/run-cli.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "parse");
const WORK_KEYS = [
  "title", "authors", "fandoms", "rating", "ratingRaw", "warnings", "categories", "relationships", "characters",
  "freeforms", "summary", "notes", "endNotes", "disclaimer", "language", "status", "published", "updated",
  "statedWordCount", "wordCount", "series", "collections", "sourceUrl", "chapters", "provenance", "extra", "inferred",
];
const CHAPTER_KEYS = ["number", "title", "summary", "notes", "endNotes", "wordCount", "text", "html"];

describe("quire parse --json", () => {
  it("prints exactly one JSON object with every key of the contract, from the installed binary", async () => {
    const result = await runBin(["parse", join(FIXTURES, "text-header-sg1-basic.txt"), "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const work = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(work).sort()).toEqual([...WORK_KEYS].sort());
    const chapters = work.chapters as Record<string, unknown>[];
    for (const chapter of chapters) expect(Object.keys(chapter).sort()).toEqual([...CHAPTER_KEYS].sort());
    expect(work.wordCount).toBe(chapters.reduce((sum, c) => sum + Number(c.wordCount), 0));
  });

  it("keeps keys present when they have no value", async () => {
    const dir = await mkdtemp(join(tmpdir(), "quire-cli-"));
    const file = join(dir, "bare.txt");
    await writeFile(file, "It was raining again, and nobody in the house had noticed the door was open.\n");
    const { code, stdout } = await runCli(["parse", file, "--json"]);
    expect(code).toBe(0);
    const work = JSON.parse(stdout) as Record<string, unknown>;
    // No rating stated: the content decides it, and the stated one stays null.
    expect(work).toMatchObject({ title: null, authors: [], rating: "General Audiences", ratingRaw: null, status: "unknown", series: [], extra: {} });
    expect(work.provenance).toMatchObject({ rating: { source: "inferred" }, warnings: { source: "default" } });
  });

  it("refuses --json with more than one file", async () => {
    const { code, stderr, stdout } = await runCli(["parse", "a.txt", "b.txt", "--json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/exactly one file/u);
  });
});

describe("quire parse (readable summary)", () => {
  it("shows each field with its source and the chapters with word counts", async () => {
    const { code, stdout } = await runCli(["parse", join(FIXTURES, "text-chapters-range-naruto.txt")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Rating:\s+Mature\s+\[header 90%: Rating: M\]/u);
    expect(stdout).toMatch(/^\s+25 {2}Poisons\s+[\d,]+ words$/mu);
    expect(stdout).toMatch(/^\s+26 {2}/mu);
  });

  it("goes on past a bad file when given several, and says which failed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "quire-cli-"));
    await writeFile(join(dir, "empty.txt"), "");
    const { code, stdout, stderr } = await runCli(["parse", join(dir, "empty.txt"), join(FIXTURES, "text-byline-bare-by-pride.txt")]);
    expect(code).toBe(1);
    expect(stderr).toBe(`quire: ${join(dir, "empty.txt")}: file is empty\n`);
    expect(stdout).toContain("text-byline-bare-by-pride.txt");
  });
});

describe("errors", () => {
  it.each([
    [["parse", "/no/such/file.txt"], 1, /^quire: \/no\/such\/file\.txt: no such file\n$/u],
    [["parse", "/tmp"], 1, /^quire: \/tmp: is a directory, not a story file\n$/u],
    [["parse"], 2, /^quire: parse needs a file/u],
    [[], 2, /^quire: a command is needed/u],
    [["frobnicate"], 2, /^quire: unknown command "frobnicate"/u],
    [["parse", "/dev/zero"], 1, /^quire: \/dev\/zero: not a regular file\n$/u],
    [["parse", "--bogus", "x.txt"], 2, /^quire: Unknown option '--bogus'/u],
  ])("quire %j exits %i with one line on stderr", async (args, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(exitCode);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

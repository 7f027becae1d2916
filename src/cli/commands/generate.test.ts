import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ManifestEntry } from "../../corpus/manifest.js";
import { UsageError, type Io } from "../io.js";
import { runGenerate } from "./generate.js";

function captureIo(): Io & { output: () => string } {
  let out = "";
  return { out: (text) => (out += text), err: () => undefined, output: () => out };
}

async function freshFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), "quire-generate-"));
}

async function readManifest(folder: string): Promise<ManifestEntry[]> {
  const lines = (await readFile(join(folder, "manifest.jsonl"), "utf8")).split("\n").filter(Boolean);
  return lines.map((line) => JSON.parse(line) as ManifestEntry);
}

describe("quire generate", () => {
  it("writes N files in shard folders and a manifest line for each, and says what it did", async () => {
    const out = join(await freshFolder(), "corpus");
    const io = captureIo();
    expect(await runGenerate(["--works", "25", "--seed", "3", "--out", out], io)).toBe(0);
    const manifest = await readManifest(out);
    expect(manifest).toHaveLength(25);
    expect(await readdir(out)).toEqual(["0001", "manifest.jsonl"]);
    expect(await readdir(join(out, "0001"))).toHaveLength(25);
    for (const entry of manifest) expect((await stat(join(out, entry.file))).isFile()).toBe(true);
    expect(io.output()).toMatch(new RegExp(`^generated 25 files \\(\\d+\\.\\d MB\\) in \\d+\\.\\d s → ${out.replace(/[\\^$.*+?()[\]{}|]/gu, "\\$&")}\\n$`, "u"));
  });

  it("writes the same corpus for the same seed", async () => {
    const [a, b] = [join(await freshFolder(), "a"), join(await freshFolder(), "b")];
    await runGenerate(["--works", "12", "--seed", "8", "--out", a], captureIo());
    await runGenerate(["--works", "12", "--seed", "8", "--out", b], captureIo());
    expect(await readFile(join(a, "manifest.jsonl"), "utf8")).toBe(await readFile(join(b, "manifest.jsonl"), "utf8"));
    const first = (await readManifest(a))[0]?.file ?? "";
    expect(await readFile(join(a, first))).toEqual(await readFile(join(b, first)));
  });

  it("refuses a folder that is not empty unless --force, and a file", async () => {
    const out = await freshFolder();
    await writeFile(join(out, "notes.txt"), "keep me");
    await expect(runGenerate(["--works", "3", "--out", out], captureIo())).rejects.toThrow(/is not empty.*--force/u);
    expect(await readdir(out)).toEqual(["notes.txt"]);
    expect(await runGenerate(["--works", "3", "--out", out, "--force"], captureIo())).toBe(0);
    expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("keep me");
    expect(await readManifest(out)).toHaveLength(3);
    await expect(runGenerate(["--works", "3", "--out", join(out, "notes.txt")], captureIo())).rejects.toThrow(/is a file/u);
  });

  it.each([
    [["--out", "x"], /needs --works/u],
    [["--works", "5"], /needs --out/u],
    [["--works", "0", "--out", "x"], /--works must be a whole number from 1 to 10,000,000/u],
    [["--works", "1e3", "--out", "x"], /--works must be a whole number/u],
    [["--works", "20000000", "--out", "x"], /--works must be/u],
    [["--works", "5", "--seed=-1", "--out", "x"], /--seed must be a whole number/u],
    [["--works", "5", "--seed", "4294967296", "--out", "x"], /--seed must be a whole number from 0 to 4,294,967,295/u],
    [["--works", "5", "--out", "x", "--duplicate-rate", "2"], /--duplicate-rate must be a fraction/u],
    [["--works", "5", "--out", "x", "--broken-rate", "lots"], /--broken-rate must be a fraction/u],
    [["--works", "5", "--out", "x", "--colour"], /Unknown option/u],
  ])("refuses %j as a usage mistake", async (args, message) => {
    const attempt = runGenerate(args, captureIo());
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("honours the duplicate and broken rates", async () => {
    const out = join(await freshFolder(), "rates");
    await runGenerate(["--works", "40", "--out", out, "--duplicate-rate", "0.5", "--broken-rate", "0.25"], captureIo());
    const manifest = await readManifest(out);
    expect(manifest.filter((e) => e.expect === "failed").length).toBeGreaterThan(3);
    expect(manifest.filter((e) => e.expect === "duplicate").length).toBeGreaterThan(8);
  });
});

import { createHash } from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { countWords } from "../domain/word-count.js";
import { RATINGS } from "../domain/rating.js";
import { basePath, generateCorpus, type GeneratedFile } from "./generate-corpus.js";
import type { ManifestEntry } from "./manifest.js";
import { planWork } from "./plan-work.js";
import { createRandom } from "./random.js";

function digest(files: Iterable<GeneratedFile>): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.path).update(file.bytes).update(JSON.stringify(file.manifest));
  return hash.digest("hex");
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A text file's text, by the encoding its manifest names, with Windows line ends made Unix ones. */
function decode(bytes: Uint8Array, encoding: string): string {
  // Node's TextDecoder reads "windows-1252" as Latin-1, without the curly quotes at 0x91–0x94.
  const text = encoding === "windows-1252" ? iconv.decode(Buffer.from(bytes), "windows-1252") : new TextDecoder(encoding === "utf-16le-bom" ? "utf-16le" : "utf-8").decode(bytes);
  return text.replace(/\r\n/gu, "\n");
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe("generateCorpus: determinism", () => {
  it("gives byte-identical files and manifest for the same seed, and different ones for another seed", () => {
    const first = digest(generateCorpus({ works: 120, seed: 42 }));
    expect(digest(generateCorpus({ works: 120, seed: 42 }))).toBe(first);
    expect(digest(generateCorpus({ works: 120, seed: 43 }))).not.toBe(first);
  });

  it("makes each file depend only on the seed and its index, so a longer corpus starts with a shorter one", () => {
    const short = [...generateCorpus({ works: 40, seed: 5 })];
    const long = [...generateCorpus({ works: 80, seed: 5 })].slice(0, 40);
    expect(long.map((f) => sha(f.bytes))).toEqual(short.map((f) => sha(f.bytes)));
  });

  it("is pinned: this corpus must come out the same on every platform and Node version", () => {
    // If the generator is changed on purpose, update this value and say so: every published corpus changes with it.
    expect(digest(generateCorpus({ works: 30, seed: 1 }))).toBe("af968edd6b504b310fe4493d236e238cb7bb1cf81b7a9422c18667521e4d52a3");
  });

  it("yields lazily: the first file of ten million comes at once", () => {
    const started = performance.now();
    const first = generateCorpus({ works: 10_000_000, seed: 1 }).next();
    expect(first.done).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(basePath(0)).toBe("0001/work-0000001");
    expect(basePath(999)).toBe("0001/work-0001000");
    expect(basePath(1000)).toBe("0002/work-0001001");
    expect(basePath(9_999_999)).toBe("10000/work-10000000");
  });

  it("refuses impossible options", () => {
    expect(() => generateCorpus({ works: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateCorpus({ works: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateCorpus({ works: 1, seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => generateCorpus({ works: 1, seed: 1, duplicateRate: 1.5 })).toThrow(RangeError);
    expect(() => generateCorpus({ works: 1, seed: 1, brokenRate: Number.NaN })).toThrow(RangeError);
    expect(() => generateCorpus({ works: 1, seed: 1, duplicateRate: 0.6, brokenRate: 0.6 })).toThrow(RangeError);
  });
});

describe("generateCorpus: a corpus of 2,000", () => {
  const files = [...generateCorpus({ works: 2000, seed: 1 })];
  const entries = files.map((f) => f.manifest);
  const works = entries.filter((e) => e.expect === "work");

  it("names files in folders of at most a thousand", () => {
    expect(files[0]?.path).toMatch(/^0001\/work-0000001\.\w+$/u);
    const folders = countBy(files, (f) => f.path.split("/")[0] ?? "");
    expect([...folders.keys()]).toEqual(["0001", "0002"]);
    expect(Math.max(...folders.values())).toBeLessThanOrEqual(1000);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    expect(files.every((f) => f.manifest.file === f.path)).toBe(true);
  });

  it("has log-normal lengths around a median of 5,000 words, from 100 words to a long tail", () => {
    const words = works.map((e) => e.wordCount);
    expect(median(words)).toBeGreaterThan(4000);
    expect(median(words)).toBeLessThan(6500);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(100);
    expect(words.filter((w) => w > 30_000).length).toBeGreaterThan(20);
    expect(Math.max(...words)).toBeLessThan(305_000);
  });

  it("has many one-shots and multi-chapter works up to 60 chapters, the long ones with more chapters", () => {
    const oneShots = works.filter((e) => e.chapters === 1);
    const multi = works.filter((e) => e.chapters > 1);
    expect(oneShots.length / works.length).toBeGreaterThan(0.4);
    expect(oneShots.length / works.length).toBeLessThan(0.8);
    expect(multi.length).toBeGreaterThan(200);
    expect(Math.max(...works.map((e) => e.chapters))).toBeLessThanOrEqual(60);
    expect(works.some((e) => e.chapters >= 20)).toBe(true);
    expect(median(multi.map((e) => e.wordCount))).toBeGreaterThan(2 * median(oneShots.map((e) => e.wordCount)));
  });

  it("draws fandoms Zipf: the biggest far ahead of the median one; about one work in ten a crossover", () => {
    const byFandom = countBy(works.flatMap((e) => e.fandoms), (f) => f);
    const counts = [...byFandom.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(10 * median(counts));
    expect(byFandom.size).toBeGreaterThan(300);
    const crossovers = works.filter((e) => e.fandoms.length === 2).length / works.length;
    expect(crossovers).toBeGreaterThan(0.06);
    expect(crossovers).toBeLessThan(0.15);
  });

  it("draws authors and tags Zipf: a few prolific authors, most with one work", () => {
    const byAuthor = countBy(works.flatMap((e) => e.authors), (a) => a);
    const counts = [...byAuthor.values()];
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(5);
    expect(counts.filter((c) => c === 1).length / counts.length).toBeGreaterThan(0.6);
    const byTag = [...countBy(works.flatMap((e) => e.freeforms), (t) => t).values()].sort((a, b) => b - a);
    expect(byTag[0]).toBeGreaterThan(10 * median(byTag));
  });

  it("rates works roughly as the Archive does", () => {
    const byRating = countBy(works, (e) => e.rating);
    for (const rating of RATINGS) expect(byRating.get(rating) ?? 0).toBeGreaterThan(works.length * 0.04);
    const share = (r: string) => (byRating.get(r) ?? 0) / works.length;
    expect(share("General Audiences") + share("Teen And Up Audiences")).toBeGreaterThan(share("Mature") + share("Explicit"));
    expect(share("Not Rated")).toBeLessThan(0.2);
  });

  it("has series, summaries, relationships, every warning and every category", () => {
    expect(works.filter((e) => e.series !== null).length).toBeGreaterThan(60);
    expect(works.filter((e) => e.summary !== null).length / works.length).toBeGreaterThan(0.8);
    expect(new Set(works.flatMap((e) => e.warnings)).size).toBe(6);
    expect(new Set(works.flatMap((e) => e.categories)).size).toBe(6);
    expect(works.some((e) => e.relationships.some((r) => r.includes(" & ")))).toBe(true);
    expect(new Set(works.map((e) => e.status))).toEqual(new Set(["complete", "in-progress", "unknown"]));
  });

  it("has every format, layout and encoding, Windows line ends and text outside ASCII", () => {
    expect(new Set(entries.map((e) => e.format))).toEqual(new Set(["text", "markdown", "html", "epub"]));
    expect(new Set(works.map((e) => e.encoding))).toEqual(new Set(["utf-8", "utf-8-bom", "windows-1252", "utf-16le-bom", "zip"]));
    const latin1 = (f: GeneratedFile) => Buffer.from(f.bytes).toString("latin1");
    const html = files.filter((f) => f.manifest.format === "html").map(latin1);
    expect(html.some((t) => t.includes('<div id="preface">'))).toBe(true);
    expect(html.some((t) => t.includes("<b>Rating:</b>") || t.includes("<b>Fandom:</b>"))).toBe(true);
    const epubs = files.filter((f) => f.manifest.format === "epub" && f.manifest.expect !== "failed").map(latin1);
    expect(epubs.every((t) => t.startsWith("PK\u0003\u0004") && t.slice(30, 58) === "mimetypeapplication/epub+zip")).toBe(true);
    expect(epubs.some((t) => t.includes('version="2.0"'))).toBe(true);
    expect(epubs.some((t) => t.includes('version="3.0"'))).toBe(true);
    expect(files.some((f) => f.manifest.format === "text" && latin1(f).includes("\r\n"))).toBe(true);
    expect(files.some((f) => f.manifest.encoding === "windows-1252" && f.bytes.some((b) => b >= 0x80))).toBe(true);
  });

  it("counts words as the Archive does, over the story text only", () => {
    for (let index = 0; index < 60; index += 1) {
      const { work } = planWork(createRandom([1, index, 2]));
      for (const chapter of work.chapters) {
        expect(chapter.paragraphs.reduce((sum, p) => sum + countWords(p), 0)).toBe(chapter.wordCount);
      }
      expect(work.wordCount).toBe(work.chapters.reduce((sum, c) => sum + c.wordCount, 0));
    }
  });

  it("has about 1% duplicates of earlier works and 0.5% broken files", () => {
    const duplicates = entries.filter((e) => e.expect === "duplicate").length;
    const broken = entries.filter((e) => e.expect === "failed").length;
    // Binomial: 20 ± 4.5 and 10 ± 3.2 expected.
    expect(duplicates).toBeGreaterThanOrEqual(7);
    expect(duplicates).toBeLessThanOrEqual(34);
    expect(broken).toBeGreaterThanOrEqual(1);
    expect(broken).toBeLessThanOrEqual(22);
  });
});

describe("generateCorpus: duplicates and broken files", () => {
  const files = [...generateCorpus({ works: 600, seed: 9, duplicateRate: 0.2, brokenRate: 0.1 })];
  const byPath = new Map(files.map((f) => [f.path, f]));

  it("repeats an earlier work's story under another name, as often as asked", () => {
    const duplicates = files.filter((f) => f.manifest.expect === "duplicate");
    // 600 × 0.2 = 120 ± 10 expected.
    expect(duplicates.length).toBeGreaterThan(90);
    expect(duplicates.length).toBeLessThan(150);
    let reencoded = 0;
    for (const duplicate of duplicates) {
      const original = byPath.get(duplicate.manifest.duplicateOf ?? "");
      expect(original?.manifest.expect).toBe("work");
      if (!original) continue;
      expect(original.path < duplicate.path).toBe(true);
      const sameFields = (m: ManifestEntry) => ({ ...m, file: "", encoding: "", expect: "", duplicateOf: null });
      expect(sameFields(duplicate.manifest)).toEqual(sameFields(original.manifest));
      if (sha(original.bytes) === sha(duplicate.bytes)) continue;
      reencoded += 1;
      expect(decode(duplicate.bytes, duplicate.manifest.encoding)).toBe(decode(original.bytes, original.manifest.encoding));
    }
    expect(reencoded).toBeGreaterThan(0);
  });

  it("makes broken files of every kind, none of them a story", () => {
    const broken = files.filter((f) => f.manifest.expect === "failed");
    expect(broken.length).toBeGreaterThan(35);
    expect(broken.length).toBeLessThan(90);
    const kinds = new Set(
      broken.map((f) => {
        const head = Buffer.from(f.bytes.subarray(0, 8)).toString("latin1");
        if (f.bytes.length === 0) return "empty";
        if (head.startsWith("%PDF")) return "pdf";
        if (head.startsWith("PK")) return "truncated-epub";
        if (f.bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x09)) return "whitespace";
        return "random-bytes";
      }),
    );
    expect(kinds).toEqual(new Set(["empty", "whitespace", "random-bytes", "truncated-epub", "pdf"]));
    expect(broken.every((f) => f.manifest.title === "" && f.manifest.chapters === 0)).toBe(true);
  });
});

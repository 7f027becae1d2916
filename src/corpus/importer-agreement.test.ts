/**
 * The corpus against the real importer: every file the manifest calls broken is refused, every other file parses,
 * and what the importer reads agrees with the manifest field by field. The floors sit just under the agreement
 * measured when they were set (docs/importer.md's rules are what the generator writes to); a drop below one means
 * the importer or the generator has changed how a documented convention reads.
 */
import { describe, expect, it } from "vitest";
import { parseStory } from "../importers/parse-story.js";
import type { ParsedWork } from "../domain/work.js";
import { generateCorpus } from "./generate-corpus.js";
import type { ManifestEntry } from "./manifest.js";

const FILES = 300;

type ComparedField = "title" | "authors" | "fandoms" | "rating" | "chapters" | "warnings" | "categories" | "relationships" | "characters" | "freeforms" | "summary" | "status" | "series" | "wordCount" | "language" | "format";

/** The fraction of works on which the importer must agree with the manifest, field by field. */
const FLOORS: readonly (readonly [ComparedField, number])[] = [
  ["title", 0.99], ["authors", 0.99], ["fandoms", 0.99], ["rating", 0.99], ["chapters", 0.99], ["warnings", 0.99],
  ["categories", 0.99], ["relationships", 0.99], ["characters", 0.99], ["freeforms", 0.99], ["summary", 0.99],
  ["status", 0.99], ["series", 0.99], ["wordCount", 0.99], ["language", 0.99], ["format", 1],
];

function readValue(work: ParsedWork, format: string, field: ComparedField): unknown {
  switch (field) {
    case "chapters":
      return work.chapters.length;
    case "series":
      return work.series[0] ?? null;
    case "format":
      return format;
    default:
      return work[field];
  }
}

describe("the importer on a generated corpus", () => {
  it(`refuses exactly the broken files and reads the rest as the manifest says (${FILES} files)`, async () => {
    const refused: string[] = [];
    const expectedRefusals: string[] = [];
    const agreed = new Map<ComparedField, number>();
    const disagreements: string[] = [];
    const leaked: string[] = [];
    let mailPosts = 0;
    let works = 0;
    for (const file of generateCorpus({ works: FILES, seed: 2024, brokenRate: 0.03, duplicateRate: 0.02 })) {
      const truth: ManifestEntry = file.manifest;
      if (truth.expect === "failed") expectedRefusals.push(file.path);
      let parsed: Awaited<ReturnType<typeof parseStory>>;
      try {
        parsed = await parseStory(file.bytes, file.path);
      } catch {
        refused.push(file.path);
        continue;
      }
      if (truth.expect === "failed") continue;
      works += 1;
      // Mailing-list posts carry their author's address; docs/importer.md: no address reaches any field.
      if (Buffer.from(file.bytes).includes("@example.com")) mailPosts += 1;
      if (JSON.stringify(parsed.work).includes("@example.com")) leaked.push(file.path);
      for (const [field] of FLOORS) {
        const got = readValue(parsed.work, parsed.format, field);
        const want = field === "chapters" ? truth.chapters : truth[field];
        if (JSON.stringify(got) === JSON.stringify(want)) agreed.set(field, (agreed.get(field) ?? 0) + 1);
        else disagreements.push(`${file.path} ${field}: read ${JSON.stringify(got)}, manifest ${JSON.stringify(want)}`);
      }
    }
    expect(refused).toEqual(expectedRefusals);
    expect(expectedRefusals.length).toBeGreaterThan(0);
    expect(mailPosts).toBeGreaterThan(0);
    expect(leaked).toEqual([]);
    for (const [field, floor] of FLOORS) {
      const share = (agreed.get(field) ?? 0) / works;
      expect(share, `${field}: ${(share * 100).toFixed(1)}% agree\n${disagreements.filter((d) => d.includes(` ${field}:`)).slice(0, 5).join("\n")}`).toBeGreaterThanOrEqual(floor);
    }
  });
});

/** The hostile file generator: the same seed gives the same files, and every kind comes first, once. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HOSTILE_KINDS, hostileFiles, loadParseFixtures, type HostileSizes } from "../../proving-ground/hostile-files.js";
import { parseStory } from "../../src/importers/parse-story.js";

// Small, so the test is about the generator (the bomb still past the EPUB reader's 256 MB): the sizes that hurt are
// the import test's business.
const TINY: HostileSizes = { longLineBytes: 4096, nestingDepth: 50, chapters: 12, tags: 12, bombBytes: 512 * 1024 * 1024, opfItems: 12 };

describe("hostileFiles", () => {
  it("gives the same files for the same seed, one of each kind first, and others for another seed", async () => {
    const fixtures = await loadParseFixtures();
    const digest = (seed: number) => [...hostileFiles({ count: 60, seed, fixtures, sizes: TINY })].map((f) => `${f.name} ${createHash("sha256").update(f.bytes).digest("hex")}`);
    const first = digest(7);
    expect(digest(7)).toEqual(first);
    expect(digest(8)).not.toEqual(first);
    expect(first.slice(0, HOSTILE_KINDS.length).map((line) => line.slice(6, line.lastIndexOf(".")))).toEqual([...HOSTILE_KINDS]);
  });

  it("makes files whose expected refusals are the parser's own", async () => {
    // The refusals parseStory gives alone; the zip archive's bomb is refused by the import's reader instead.
    for (const file of hostileFiles({ count: HOSTILE_KINDS.length, seed: 7, fixtures: await loadParseFixtures(), sizes: TINY })) {
      if (file.expect.outcome !== "refused" || file.kind === "zip-archive-bomb") continue;
      await expect(parseStory(file.bytes, file.name), file.name).rejects.toThrow(file.expect.reason);
    }
  });
});

import { describe, expect, it } from "vitest";
import { storyShingles } from "../domain/near-duplicates/shingles.js";
import { compareShingles } from "../domain/near-duplicates/similarity.js";
import { nearDuplicateCorpus } from "./near-duplicate-corpus.js";

describe("the near-duplicate corpus", () => {
  const corpus = nearDuplicateCorpus({ works: 400, seed: 5, plantedRate: 0.2 });
  const planted = corpus.plantedPairs();

  it("makes the same story from an index every time", () => {
    expect(corpus.story(17)).toEqual(corpus.story(17));
    expect(corpus.story(16).chapters).not.toEqual(corpus.story(18).chapters);
  });

  it("plants variants at odd indexes of the story before, at about the rate asked, of every kind", () => {
    expect(planted.length).toBeGreaterThan(60);
    expect(planted.length).toBeLessThan(100);
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(["reformatted", "typos", "chapter-added", "chapter-removed", "notes-added"]));
    for (const { original, variant, kind } of planted.slice(0, 10)) {
      expect(variant).toBe(original + 1);
      expect(corpus.story(variant).variant).toEqual({ of: original, kind });
      expect(corpus.story(original).variant).toBeNull();
    }
  });

  it("changes each variant the way its kind says, beyond reformatting", () => {
    const of = (kind: string) => {
      const pair = planted.find((p) => p.kind === kind);
      if (!pair) throw new Error(`no ${kind} variant planted`);
      return { original: corpus.story(pair.original).chapters, variant: corpus.story(pair.variant).chapters };
    };
    const compare = (a: string[], b: string[]) => compareShingles(storyShingles(a), storyShingles(b));

    const reformatted = of("reformatted");
    expect(reformatted.variant[0]).toMatch(/^Title: .*\nAuthor: .*\nRating: /u);
    expect(reformatted.variant.join("\n").split("\n").every((line) => line.length <= 72 || !line.includes(" "))).toBe(true);
    expect(compare(reformatted.original, reformatted.variant).containment).toBe(1);

    const typos = of("typos");
    const typoSimilarity = compare(typos.original, typos.variant);
    expect(typoSimilarity.containment).toBeLessThan(0.99);
    expect(typoSimilarity.containment).toBeGreaterThan(0.7);

    const added = of("chapter-added");
    expect(added.variant).toHaveLength(added.original.length + 1);
    expect(compare(added.original, added.variant).containment).toBe(1);

    const removed = of("chapter-removed");
    expect(removed.variant.join("").length).toBeLessThan(removed.original.join("").length);
    expect(compare(removed.original, removed.variant).containment).toBeGreaterThan(0.95);

    const noted = of("notes-added");
    expect(noted.variant.every((c) => /A\/N: /u.test(c))).toBe(true);
  });
});

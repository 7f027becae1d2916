import { describe, expect, it } from "vitest";
import { diceSimilarity, similarityKey, TrigramIndex, trigrams } from "./tag-similarity.js";

describe("tag similarity", () => {
  it("folds case, diacritics and punctuation before comparing", () => {
    expect(similarityKey("  Zoë  WASHBURNE!! ")).toBe("zoe washburne");
    expect(similarityKey("Hurt/Comfort")).toBe("hurt comfort");
    expect(diceSimilarity(trigrams("Zoë Washburne"), trigrams("zoe washburne"))).toBe(1);
  });

  it("scores a typo high, a word-order change high, and a different name low", () => {
    const comfort = trigrams("Hurt/Comfort");
    expect(diceSimilarity(comfort, trigrams("Hurt/Comfrot"))).toBeGreaterThan(0.6);
    expect(diceSimilarity(trigrams("Tobias/Mara"), trigrams("Mara Quell/Tobias Wren"))).toBeGreaterThan(0.5);
    expect(diceSimilarity(comfort, trigrams("Lighthouse AU"))).toBeLessThan(0.1);
    expect(diceSimilarity(trigrams(""), trigrams("!!"))).toBe(0);
  });

  it("finds the nearest names, most similar first, above the threshold and within the limit", () => {
    const index = new TrigramIndex(["Alternate Universe", "Alternate Universe - Lighthouses", "Hurt/Comfort", "Angst"], (name) => name);
    const near = index.nearest("alternate univers", { limit: 5, threshold: 0.3 });
    expect(near.map((n) => n.item)).toEqual(["Alternate Universe", "Alternate Universe - Lighthouses"]);
    expect(near[0]?.similarity).toBeGreaterThan(near[1]?.similarity ?? 1);
    expect(index.nearest("alternate univers", { limit: 1, threshold: 0.3 }).map((n) => n.item)).toEqual(["Alternate Universe"]);
    expect(index.nearest("alternate univers", { limit: 5, threshold: 0.3, exclude: (name) => name === "Alternate Universe" }).map((n) => n.item)).toEqual(["Alternate Universe - Lighthouses"]);
    expect(index.nearest("Fluff", { limit: 5, threshold: 0.3 })).toEqual([]);
  });
});

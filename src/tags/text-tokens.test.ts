import { describe, expect, it } from "vitest";
import { tokenize } from "./text-tokens.js";
import { PhraseMatcher } from "./phrase-matcher.js";

describe("tokenize", () => {
  it("keeps names with apostrophes and hyphens whole and drops possessives", () => {
    expect(tokenize("Teal'c met Wyndam-Pryce at Buffy’s house.").words).toEqual(["Teal'c", "met", "Wyndam-Pryce", "at", "Buffy", "house"]);
  });

  it("marks sentence and paragraph starts, skipping quotes", () => {
    const stream = tokenize('Dawn ran. "Faith left," she said, and Faith did.\n\nAngel waited');
    expect([...stream.sentenceStart]).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect([...stream.paragraph]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

describe("PhraseMatcher", () => {
  const matcher = new PhraseMatcher([["Buffy", "b"], ["Buffy Summers", "b"], ["Summers", "s"], ["Wolfram & Hart", "w"]], { caseSensitive: true });

  it("takes the longest phrase at each position and never overlaps", () => {
    const found = [...matcher.matches(tokenize("Buffy Summers met Buffy at Wolfram & Hart. Summers!"))];
    expect(found.map((m) => [m.phrase, m.at])).toEqual([["Buffy Summers", 0], ["Buffy", 3], ["Wolfram & Hart", 5], ["Summers", 7]]);
  });

  it("is case-sensitive unless told otherwise", () => {
    expect([...matcher.matches(tokenize("buffy summers"))]).toEqual([]);
    const loose = new PhraseMatcher([["Spuffy", 1]], { caseSensitive: false });
    expect([...loose.matches(tokenize("with SPUFFY undertones"))].map((m) => m.at)).toEqual([1]);
  });
});

import { describe, expect, it } from "vitest";
import { normaliseRating, ratingSeverity, RATINGS } from "./rating.js";

describe("normaliseRating", () => {
  describe("MPAA-style letters", () => {
    it.each([
      ["G", "General Audiences"],
      ["PG", "General Audiences"],
      ["PG-13", "Teen And Up Audiences"],
      ["PG13", "Teen And Up Audiences"],
      ["PG-15", "Teen And Up Audiences"],
      ["R", "Mature"],
      ["NC-17", "Explicit"],
      ["NC17", "Explicit"],
      ["NC-21", "Explicit"],
      ["X", "Explicit"],
      ["XXX", "Explicit"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("fanfiction.net (FictionRatings) letters", () => {
    it.each([
      ["K", "General Audiences"],
      ["K+", "General Audiences"],
      ["T", "Teen And Up Audiences"],
      ["M", "Mature"],
      ["MA", "Explicit"],
      ["Fiction T", "Teen And Up Audiences"],
      ["Fiction K+", "General Audiences"],
      ["Fiction M", "Mature"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("Twisting the Hellmouth's FR scale", () => {
    it.each([
      ["FR7", "General Audiences"],
      ["FR13", "Teen And Up Audiences"],
      ["FR15", "Teen And Up Audiences"],
      ["FR18", "Mature"],
      ["FR21", "Explicit"],
      ["P6", "General Audiences"],
      ["P12", "Teen And Up Audiences"],
      ["P18-AVL", "Explicit"],
      ["Teen+", "Teen And Up Audiences"],
      ["R-ish", "Mature"],
      ["PG-13ish", "Teen And Up Audiences"],
      ["K-plus", "General Audiences"],
      ["Rated: Fiction M", "Mature"],
      ["fr15", "Teen And Up Audiences"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("the FRC/FRT/FRM/FRAO scale", () => {
    it.each([
      ["FRC", "General Audiences"],
      ["FRT", "Teen And Up Audiences"],
      ["FRM", "Mature"],
      ["FRAO", "Explicit"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("words", () => {
    it.each([
      ["All ages", "General Audiences"],
      ["General", "General Audiences"],
      ["Everyone", "General Audiences"],
      ["Teen", "Teen And Up Audiences"],
      ["Teens", "Teen And Up Audiences"],
      ["Mature", "Mature"],
      ["MATURE", "Mature"],
      ["Adult", "Explicit"],
      ["Adults only", "Explicit"],
      ["Explicit", "Explicit"],
      ["  explicit  ", "Explicit"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("localized words", () => {
    it.each([
      ["Todos los públicos", "General Audiences"],
      ["Tout public", "General Audiences"],
      ["Adultos", "Explicit"],
      ["Explizit", "Explicit"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("dual values take the more restrictive rating", () => {
    it.each([
      ["PG-13/T", "Teen And Up Audiences"],
      ["PG/PG-13", "Teen And Up Audiences"],
      ["T/M", "Mature"],
      ["K+ / T", "Teen And Up Audiences"],
      ["R or NC-17", "Explicit"],
      ["NC-17 or R", "Explicit"],
      ["PG-13 to R", "Mature"],
      ["G, PG", "General Audiences"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("Mature is matched as a whole word", () => {
    it.each([
      ["Mature", "Mature"],
      ["Mature themes", "Mature"],
      ["Mature (language)", "Mature"],
      ["Mature audiences", "Mature"],
    ] as const)("%s stays %s, never Explicit", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("reasons after the rating are ignored", () => {
    it.each([
      ["R for violence", "Mature"],
      ["R for language and sexual situations", "Mature"],
      ["PG-13 (mild swearing)", "Teen And Up Audiences"],
      ["NC-17 [explicit sex]", "Explicit"],
      ["T for Teen.", "Teen And Up Audiences"],
    ] as const)("%s → %s", (raw, expected) => {
      expect(normaliseRating(raw)).toBe(expected);
    });
  });

  describe("unknown values", () => {
    it.each(["", "   ", "Z", "Purple", "Fluffy", "Q-99", "Whatever you like"])("%j → null", (raw) => {
      expect(normaliseRating(raw)).toBeNull();
    });
  });
});

describe("ratingSeverity", () => {
  it("orders the ratings from Not Rated to Explicit", () => {
    const severities = RATINGS.map(ratingSeverity);
    expect(severities).toEqual([0, 1, 2, 3, 4]);
    expect(ratingSeverity("Explicit")).toBeGreaterThan(ratingSeverity("Mature"));
    expect(ratingSeverity("Not Rated")).toBeLessThan(ratingSeverity("General Audiences"));
  });
});

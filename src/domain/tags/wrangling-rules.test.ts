import { describe, expect, it } from "vitest";
import { describeParentPairs, differsOnlyInCaseOrDiacritics, isAllowedParent, isFixedTagType } from "./wrangling-rules.js";

describe("the Archive's wrangling rules", () => {
  it("allow only the common taggings as parent links", () => {
    expect(isAllowedParent("Fandom", "Character")).toBe(true);
    expect(isAllowedParent("Fandom", "Freeform")).toBe(true);
    expect(isAllowedParent("Character", "Relationship")).toBe(true);
    expect(isAllowedParent("Character", "Fandom")).toBe(false);
    expect(isAllowedParent("Relationship", "Character")).toBe(false);
    expect(isAllowedParent("Fandom", "Fandom")).toBe(false);
    expect(describeParentPairs()).toBe("Fandom → Character, Fandom → Relationship, Fandom → Freeform, Character → Relationship");
  });

  it("keep ratings, warnings and categories fixed", () => {
    expect((["Rating", "ArchiveWarning", "Category", "Freeform"] as const).map(isFixedTagType)).toEqual([true, true, true, false]);
  });

  it("let a rename change case, diacritics and spacing only", () => {
    expect(differsOnlyInCaseOrDiacritics("zoe washburne", "Zoë  Washburne")).toBe(true);
    expect(differsOnlyInCaseOrDiacritics("Cafe AU", "Café AU")).toBe(true);
    expect(differsOnlyInCaseOrDiacritics("Zoe", "Zoey")).toBe(false);
    expect(differsOnlyInCaseOrDiacritics("Spike/Buffy", "Spike & Buffy")).toBe(false);
  });
});

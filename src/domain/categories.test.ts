import { describe, expect, it } from "vitest";
import { categoryFromWord, sortCategories, type Category } from "./categories.js";

describe("categoryFromWord", () => {
  it.each<[string, Category]>([
    ["F/F", "F/F"],
    ["F/M", "F/M"],
    ["M/F", "F/M"],
    ["Gen", "Gen"],
    ["M/M", "M/M"],
    ["Multi", "Multi"],
    ["Other", "Other"],
    ["Slash", "M/M"],
    ["джен", "Gen"],
    ["Слэш", "M/M"],
    ["slash", "M/M"],
    ["Femslash", "F/F"],
    ["het", "F/M"],
    ["Het", "F/M"],
    ["threesome", "Multi"],
    ["OT3", "Multi"],
    ["  Yaoi ", "M/M"],
    ["Yuri", "F/F"],
  ])("%j → %s", (word, expected) => {
    expect(categoryFromWord(word)).toBe(expected);
  });

  it.each(["", "Romance", "Angst", "Slashy", "M/M/F/F/F"])("%j is not a category", (word) => {
    expect(categoryFromWord(word)).toBeNull();
  });
});

describe("sortCategories", () => {
  it("puts categories in the Archive's order and removes duplicates", () => {
    expect(sortCategories(["Other", "M/M", "F/F", "M/M", "Gen"])).toEqual(["F/F", "Gen", "M/M", "Other"]);
  });

  it("gives an empty list for no categories", () => {
    expect(sortCategories([])).toEqual([]);
  });
});

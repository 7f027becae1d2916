import { describe, expect, it } from "vitest";
import { chapterProblems, characterCount, workProblems, type WorkLimitsInput } from "./posting-limits.js";

const work = (overrides: Partial<WorkLimitsInput> = {}): WorkLimitsInput => ({
  title: "Kettle Weather",
  summary: "",
  notes: "",
  endNotes: "",
  rating: "General Audiences",
  warnings: ["No Archive Warnings Apply"],
  categories: [],
  fandoms: ["Moonlit Harbour (TV)"],
  relationships: [],
  characters: [],
  freeforms: [],
  ...overrides,
});

const chapter = { title: "", summary: "", notes: "", endNotes: "", text: "The kettle sang." };

describe("posting limits", () => {
  it("finds nothing wrong with a complete work", () => {
    expect(workProblems(work())).toEqual({});
    expect(chapterProblems(chapter, "chapters.0")).toEqual({});
  });

  it("needs a title of 1 to 255 characters, counting spaces alone as none", () => {
    expect(workProblems(work({ title: "   " })).title).toBe("A title is needed.");
    expect(workProblems(work({ title: "a".repeat(255) })).title).toBeUndefined();
    expect(workProblems(work({ title: "a".repeat(256) })).title).toBe("The title must be at most 255 characters (it has 256).");
  });

  it("limits the summary to 1,250 characters and each of the notes to 5,000", () => {
    expect(workProblems(work({ summary: "s".repeat(1250) })).summary).toBeUndefined();
    expect(workProblems(work({ summary: "s".repeat(1251) })).summary).toBe("The summary must be at most 1,250 characters (it has 1,251).");
    expect(workProblems(work({ notes: "n".repeat(5001) })).notes).toContain("at most 5,000 characters");
    expect(workProblems(work({ endNotes: "n".repeat(5001) })).endNotes).toContain("The end notes must be at most 5,000");
  });

  it("counts a character outside the Basic Multilingual Plane once", () => {
    expect(characterCount("tea 🫖")).toBe(5);
    expect(workProblems(work({ title: "🫖".repeat(255) })).title).toBeUndefined();
  });

  it("requires a rating the archive knows and at least one known archive warning", () => {
    expect(workProblems(work({ rating: "" })).rating).toBe("Choose a rating.");
    expect(workProblems(work({ rating: "PG-13" })).rating).toContain("not one of the archive's ratings");
    expect(workProblems(work({ warnings: [] })).warnings).toContain("Choose at least one archive warning");
    expect(workProblems(work({ warnings: ["Spiders"] })).warnings).toContain("“Spiders” is not an archive warning");
    expect(workProblems(work({ categories: ["Romance"] })).categories).toContain("“Romance” is not an archive category");
  });

  it("requires a fandom", () => {
    expect(workProblems(work({ fandoms: [] })).fandoms).toContain("Name at least one fandom");
  });

  it("allows 75 of the author's own tags in total, and no more", () => {
    const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
    expect(workProblems(work({ fandoms: names("F", 5), characters: names("C", 30), freeforms: names("T", 40) })).tags).toBeUndefined();
    expect(workProblems(work({ fandoms: names("F", 5), characters: names("C", 30), freeforms: names("T", 41) })).tags)
      .toBe("A work may have at most 75 fandoms, relationships, characters and additional tags together (this one has 76).");
  });

  it("refuses a tag name longer than the archive keeps", () => {
    expect(workProblems(work({ freeforms: ["x".repeat(151)] })).tags).toContain("Tags are at most 150 characters");
  });

  it("needs chapter text, and at most 500,000 characters of it, reported under the chapter's own field", () => {
    expect(chapterProblems({ ...chapter, text: " \n " }, "chapters.1")).toEqual({ "chapters.1.text": "The chapter needs some text." });
    expect(chapterProblems({ ...chapter, text: "w".repeat(500_000) }, "chapter")).toEqual({});
    expect(chapterProblems({ ...chapter, text: "w".repeat(500_001) }, "chapter")["chapter.text"]).toBe("The chapter text must be at most 500,000 characters (it has 500,001).");
    expect(chapterProblems({ ...chapter, title: "t".repeat(256), notes: "n".repeat(5001) }, "chapter")).toEqual({
      "chapter.title": "A chapter title must be at most 255 characters (it has 256).",
      "chapter.notes": "The chapter notes must be at most 5,000 characters (it has 5,001).",
    });
  });
});

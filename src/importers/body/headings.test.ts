import { describe, expect, it } from "vitest";
import { isRomanNumeralHeading, partCountOf, readChapterHeading, romanToNumber, type ChapterHeading } from "./headings.js";

describe("readChapterHeading", () => {
  describe("strong headings", () => {
    it.each<[string, number, string | null]>([
      ["Chapter 25: Poisons", 25, "Poisons"],
      ["Chapter 1", 1, null],
      ["Chapter One", 1, null],
      ["CHAPTER ONE", 1, null],
      ["Chapter Twenty-Three", 23, null],
      ["Chapter Thirty", 30, null],
      ["Chapter 3 - The Long Road", 3, "The Long Road"],
      ["Chapter 3 – The Long Road", 3, "The Long Road"],
      ["Chapter 7. Homecoming", 7, "Homecoming"],
      ["Chapter 4 The Return", 4, "The Return"],
      ["Chapter 12: \"Lanterns\"", 12, "Lanterns"],
      ["Chapter IV", 4, null],
      ["Part One", 1, null],
      ["Part 1", 1, null],
      ["PART TWO: Winter", 2, "Winter"],
      ["Ch. 3", 3, null],
      ["Ch 3: Ashes", 3, "Ashes"],
      ["Chap. 9", 9, null],
      ["Book 2", 2, null],
      ["Capítulo 5: La fiesta", 5, "La fiesta"],
      ["Chapitre 2", 2, null],
      ["Kapitel 8", 8, null],
    ])("%j → number %s, title %j", (line, number, title) => {
      expect(readChapterHeading(line)).toEqual({ number, title, strength: "strong" });
    });

    it.each<[string, number, string | null, number]>([
      ["Chapter 2/10: Thaw", 2, "Thaw", 10],
      ["Chapter 3 of 10", 3, null, 10],
      ["Part 3/3", 3, null, 3],
    ])("%j → number %s, title %j, of %s", (line, number, title, total) => {
      expect(readChapterHeading(line)).toEqual({ number, title, strength: "strong", total });
    });

    it.each(["(2/3)", "9/11"])("a bare part count %j is only a weak heading", (line) => {
      expect(readChapterHeading(line)?.strength).toBe("weak");
    });

    it.each(["Part one, the easy part, was over before anyone noticed.", "Book three, page ten."])("%j after a comma is a sentence", (line) => {
      expect(readChapterHeading(line)).toBeNull();
    });

    it.each<[string, number, string | null]>([
      ["xXx Chapter 2 xXx", 2, null],
      ["oOo Chapter 2 oOo", 2, null],
      ["{Chapter 2}", 2, null],
      ["+ Chapter 2 +", 2, null],
      ["Chapter 2, In Which Sandals Vanish", 2, "In Which Sandals Vanish"],
      ["Chapter the Second", 2, null],
    ])("decorated %j → number %s, title %j", (line, number, title) => {
      expect(readChapterHeading(line)).toMatchObject({ number, title, strength: "strong" });
    });
  });

  describe("named sections keep their name", () => {
    it.each<[string, string]>([
      ["Prologue", "Prologue"],
      ["Epilogue", "Epilogue"],
      ["Interlude", "Interlude"],
      ["PROLOGUE", "PROLOGUE"],
      ["Epilogue: After", "Epilogue: After"],
      ["Prologue.", "Prologue"],
      ["Prólogo", "Prólogo"],
    ])("%j → title %j", (line, title) => {
      expect(readChapterHeading(line)).toEqual({ number: null, title, strength: "strong" });
    });
  });

  describe("decorated headings", () => {
    it.each<[string, number | null, string | null]>([
      ["~*~ Chapter 2 ~*~", 2, null],
      ["== Part One ==", 1, null],
      ["# Chapter 1: Dawn", 1, "Dawn"],
      ["[Chapter 3]", 3, null],
      ["**Prologue**", null, "Prologue"],
      ["  Chapter 6  ", 6, null],
    ])("%j → number %s, title %j", (line, number, title) => {
      const heading = readChapterHeading(line);
      expect(heading?.number).toBe(number);
      expect(heading?.title).toBe(title);
      expect(heading?.strength).toBe("strong");
    });
  });

  describe("weak headings", () => {
    it.each<[string, number, string | null]>([
      ["1. The Beginning", 1, "The Beginning"],
      ["12) Snowfall", 12, "Snowfall"],
      ["3.", 3, null],
      ["7", 7, null],
      ["IV", 4, null],
      ["XII. Return", 12, "Return"],
      ["II: The Storm", 2, "The Storm"],
    ])("%j → number %s, title %j", (line, number, title) => {
      expect(readChapterHeading(line)).toEqual({ number, title, strength: "weak" });
    });
  });

  describe("range lines", () => {
    it.each<[string, number, number]>([
      ["Chapters 25-26", 25, 26],
      ["Chapters 25–26", 25, 26],
      ["Chapters 3 & 4", 3, 4],
      ["Chapters 10 to 12", 10, 12],
      ["Parts 2-3", 2, 3],
    ])("%j → from %s to %s", (line, number, rangeEnd) => {
      expect(readChapterHeading(line)).toEqual<ChapterHeading>({ number, title: null, strength: "strong", rangeEnd });
    });
  });

  describe("story text", () => {
    it.each([
      "Chapter 3 of the bestiary described the creature.",
      "Chapter 3 of the bestiary described the creature in loving detail",
      "Part of me wanted to stay.",
      "Part of me wanted to stay",
      "I ran.",
      "She closed the door behind her and leaned against it.",
      "Prologue to a disaster, she thought, was what this was.",
      "1. she had never seen the sea.",
      "In 1998, everything changed.",
      "",
      "   ",
      "Chapter",
      "IIII",
      "VX",
      `Chapter 1: ${"a".repeat(120)}`,
      "Chapter 2\nand more",
    ])("%j is not a heading", (line) => {
      expect(readChapterHeading(line)).toBeNull();
    });

    it("reads a lone \"I\" only as a weak heading, which counts only inside a numbered run", () => {
      expect(readChapterHeading("I")).toEqual({ number: 1, title: null, strength: "weak" });
    });
  });
});

describe("romanToNumber", () => {
  it.each<[string, number]>([
    ["I", 1],
    ["IV", 4],
    ["IX", 9],
    ["XIV", 14],
    ["XL", 40],
    ["XC", 90],
    ["XCIX", 99],
    ["C", 100],
    ["CXXIII", 123],
  ])("%s → %s", (roman, value) => {
    expect(romanToNumber(roman)).toBe(value);
  });

  it.each(["IIII", "VX", "IC", "VV", "XXXX", "IL", "ABC", "iv", ""])("%j is not a valid numeral", (roman) => {
    expect(romanToNumber(roman)).toBeNull();
  });
});

describe("isRomanNumeralHeading", () => {
  it.each(["XXX", "XXIX", "IV.", "XII. Return", "~ XXX ~"])("%j is a roman-numeral heading", (line) => {
    expect(isRomanNumeralHeading(line)).toBe(true);
  });

  it.each(["xxx", "XXXX", "3.", "Chapter XXX", "I ran.", "* * *"])("%j is not", (line) => {
    expect(isRomanNumeralHeading(line)).toBe(false);
  });
});

describe("partCountOf", () => {
  it.each<[string, number, number]>([
    ["Part 3/5", 3, 5],
    ["Chapter 2 of 2: Quenching", 2, 2],
    ["(2/3)", 2, 3],
  ])("%j is part %s of %s", (line, part, of) => {
    expect(partCountOf(readChapterHeading(line), line)).toEqual({ part, of, evidence: line });
  });

  it.each(["Chapter 2", "IV", "Prologue"])("%j states no count", (line) => {
    expect(partCountOf(readChapterHeading(line), line)).toBeNull();
  });

  it("is null without a heading", () => {
    expect(partCountOf(null, "It was late.")).toBeNull();
  });
});

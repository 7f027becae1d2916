import { describe, expect, it } from "vitest";
import { MAX_PSEUD_LENGTH, pseudNameProblem, tidyPseudName } from "./pseud-name.js";

describe("pseud names", () => {
  it("are tidied: trimmed, with runs of spaces made one", () => {
    expect(tidyPseudName("  Wren \t  Tallow\n")).toBe("Wren Tallow");
  });

  it.each(["W", "Wren Tallow", "wren_tallow-2.0", "Zoë", "尾崎", "x".repeat(MAX_PSEUD_LENGTH)])("accept %s", (name) => {
    expect(pseudNameProblem(name)).toBeNull();
  });

  it("refuse an empty name, one too long, other characters, and punctuation alone", () => {
    expect(pseudNameProblem("")).toMatch(/needs a name/u);
    expect(pseudNameProblem("x".repeat(MAX_PSEUD_LENGTH + 1))).toMatch(/at most 40/u);
    for (const name of ["wren/tallow", "<b>", "wren@home", "a?b", "emoji 🙂"]) expect(pseudNameProblem(name)).toMatch(/letters, digits/u);
    for (const name of ["...", "-", "_ _"]) expect(pseudNameProblem(name)).toMatch(/at least one letter or digit/u);
  });

  it("count characters, not UTF-16 units", () => {
    expect(pseudNameProblem("𝒜".repeat(MAX_PSEUD_LENGTH))).toBeNull();
  });
});

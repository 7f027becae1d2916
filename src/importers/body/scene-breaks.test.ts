import { describe, expect, it } from "vitest";
import { isSceneBreakLine } from "./scene-breaks.js";

describe("isSceneBreakLine", () => {
  it.each([
    "* * *",
    "***",
    "*****",
    "~*~",
    "~~~",
    "###",
    "---",
    "- - -",
    "___",
    "===",
    "xXx",
    "XxX",
    "xXxXxXx",
    "oOo",
    "OoO",
    "o0o",
    "oOoOo",
    "-x-",
    "~o~",
    "xxx",
    "XXX",
    "x x x",
    "❧",
    "§",
    "✿✿✿",
    "* ~ *",
    "   * * *   ",
  ])("%j is a scene break", (line) => {
    expect(isSceneBreakLine(line)).toBe(true);
  });

  it.each([
    "...",
    ". . .",
    "…",
    "?!",
    "!!!",
    "\"...\"",
    "“…”",
    "'...'",
    "-- Yes, she said",
    "— Oui, dit-elle",
    "ox",
    "OX",
    "xo",
    "Box",
    "Xoo",
    "Oxo",
    "Hello",
    "The rain stopped.",
    "",
    "   ",
    `${"*".repeat(201)}`,
  ])("%j is not a scene break", (line) => {
    expect(isSceneBreakLine(line)).toBe(false);
  });
});

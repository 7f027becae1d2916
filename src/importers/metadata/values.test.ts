import { describe, expect, it } from "vitest";
import type { SeriesMembership } from "../../domain/work.js";
import {
  cleanItem,
  isRelationship,
  normaliseRelationship,
  parseCount,
  parseSeries,
  parseStatus,
  parseYesNo,
  splitCharacters,
  splitFandoms,
  splitGenres,
  splitList,
  splitTitlePart,
} from "./values.js";

describe("splitList", () => {
  it.each<[string, string[]]>([
    ["Angst, Fluff, Romance", ["Angst", "Fluff", "Romance"]],
    ["Angst; Fluff;Romance", ["Angst", "Fluff", "Romance"]],
    ["Angst,, Fluff, ", ["Angst", "Fluff"]],
    ["甘い，切ない、日常", ["甘い", "切ない", "日常"]],
    ["Angst\nFluff", ["Angst", "Fluff"]],
    ["\"Slow Burn\", 'Pining'", ["Slow Burn", "Pining"]],
    ["Angst, and Fluff.", ["Angst", "Fluff"]],
    ["Hurt/Comfort", ["Hurt/Comfort"]],
    ["", []],
  ])("%j → %j", (value, expected) => {
    expect(splitList(value)).toEqual(expected);
  });
});

describe("cleanItem", () => {
  it.each<[string, string]>([
    ["  - Angst  ", "Angst"],
    ["• Fluff", "Fluff"],
    ["Romance.", "Romance"],
    ["Jean-Luc Picard Jr.", "Jean-Luc Picard Jr"],
    ["Rupert G.", "Rupert G."],
  ])("%j → %j", (value, expected) => {
    expect(cleanItem(value)).toBe(expected);
  });
});

describe("splitCharacters", () => {
  it.each<[string, string[]]>([
    ["Xander H., Rupert G.", ["Xander H.", "Rupert G."]],
    ["Marta & Rowan", ["Marta", "Rowan"]],
    ["Marta and Rowan, Ines", ["Marta", "Rowan", "Ines"]],
    ["Marta y Rowan", ["Marta", "Rowan"]],
    ["Marta et Rowan", ["Marta", "Rowan"]],
    ["Marta und Rowan", ["Marta", "Rowan"]],
    ["Andrea, Sandy", ["Andrea", "Sandy"]],
    ["Alexander the Great", ["Alexander the Great"]],
  ])("%j → %j", (value, expected) => {
    expect(splitCharacters(value)).toEqual(expected);
  });
});

describe("normaliseRelationship", () => {
  it.each<[string, string]>([
    ["Marta / Rowan", "Marta/Rowan"],
    ["Marta/Rowan", "Marta/Rowan"],
    ["Marta&Rowan", "Marta & Rowan"],
    ["Marta  &  Rowan", "Marta & Rowan"],
    ["Marta x Rowan", "Marta/Rowan"],
    ["Marta x Rowan x Ines", "Marta/Rowan/Ines"],
    ["Jean-Luc x Beverly", "Jean-Luc/Beverly"],
    ["  Marta / Rowan / Ines ", "Marta/Rowan/Ines"],
    ["Marta x rowan", "Marta x rowan"],
  ])("%j → %j", (value, expected) => {
    expect(normaliseRelationship(value)).toBe(expected);
  });
});

describe("isRelationship", () => {
  it.each<[string, boolean]>([
    ["Marta/Rowan", true],
    ["Marta & Rowan", true],
    ["Marta x Rowan", true],
    ["Marta", false],
    ["Max Exley", false],
    ["Rex xylophone", false],
  ])("%j → %s", (value, expected) => {
    expect(isRelationship(value)).toBe(expected);
  });
});

describe("splitFandoms", () => {
  it.each<[string, boolean, string[]]>([
    ["Fate/stay night", false, ["Fate/stay night"]],
    ["Fate/stay night", true, ["Fate/stay night"]],
    ["Harry Potter, Supernatural", false, ["Harry Potter", "Supernatural"]],
    ["Harry Potter/Supernatural", true, ["Harry Potter", "Supernatural"]],
    ["Harry Potter / Supernatural", true, ["Harry Potter", "Supernatural"]],
    ["Harry Potter x Supernatural", true, ["Harry Potter", "Supernatural"]],
    ["Harry Potter & Supernatural", true, ["Harry Potter", "Supernatural"]],
    ["Harry Potter/Supernatural crossover", true, ["Harry Potter", "Supernatural"]],
    ["Harry Potter/Supernatural (Crossover)", true, ["Harry Potter", "Supernatural"]],
    ["Law & Order", false, ["Law & Order"]],
    ["Fate/stay night x Harry Potter", true, ["Fate/stay night", "Harry Potter"]],
    ["BtVS/AtS", false, ["BtVS", "AtS"]],
  ])("%j (crossover: %s) → %j", (value, crossover, expected) => {
    expect(splitFandoms(value, crossover)).toEqual(expected);
  });
});

describe("splitGenres", () => {
  it.each<[string, string[]]>([
    ["Humor/Friendship", ["Humor", "Friendship"]],
    ["Hurt/Comfort", ["Hurt/Comfort"]],
    ["hurt/comfort", ["hurt/comfort"]],
    ["Angst/Hurt/Comfort", ["Angst", "Hurt/Comfort"]],
    ["Hurt/Comfort/Romance", ["Hurt/Comfort", "Romance"]],
    ["Romance, Hurt/Comfort", ["Romance", "Hurt/Comfort"]],
    ["Drama / Tragedy", ["Drama", "Tragedy"]],
    ["Sci-Fi", ["Sci-Fi"]],
    ["Action/Adventure", ["Action/Adventure"]],
  ])("%j → %j", (value, expected) => {
    expect(splitGenres(value)).toEqual(expected);
  });
});

describe("parseCount", () => {
  it.each<[string, number | null]>([
    ["1,104", 1104],
    ["~2500", 2500],
    ["2.500 Wörter", 2500],
    ["3k", 3000],
    ["About 3K words", 3000],
    ["2.5k", 2500],
    ["1,5k", 1500],
    ["12 345 mots", 12345],
    ["1,234,567", 1234567],
    ["842 words", 842],
    ["approx. 15000", 15000],
    ["unknown", null],
    ["", null],
  ])("%j → %s", (value, expected) => {
    expect(parseCount(value)).toBe(expected);
  });
});

describe("parseStatus", () => {
  it.each<[string, "complete" | "in-progress" | null]>([
    ["Complete", "complete"],
    ["Completed", "complete"],
    ["complete.", "complete"],
    ["One-shot", "complete"],
    ["Finished", "complete"],
    ["Completo", "complete"],
    ["Terminée", "complete"],
    ["Abgeschlossen", "complete"],
    ["Yes", null],
    ["Finished, no sequel planned", "complete"],
    ["One-shot (non-canon)", "complete"],
    ["WIP", "in-progress"],
    ["not finished", "in-progress"],
    ["Not yet complete", "in-progress"],
    ["Nicht abgeschlossen", "in-progress"],
    ["In progress", "in-progress"],
    ["Incomplete", "in-progress"],
    ["Ongoing", "in-progress"],
    ["On hiatus", "in-progress"],
    ["En curso", "in-progress"],
    ["No", null],
    ["Not complete", "in-progress"],
    ["Complete (no sequel planned)", "complete"],
    ["Who knows", null],
    ["", null],
  ])("%j → %s", (value, expected) => {
    expect(parseStatus(value)).toBe(expected);
  });
});

describe("parseYesNo", () => {
  it.each<[string, boolean | null]>([
    ["yes", true], ["Yes.", true], ["sí", true], ["Ja", true], ["true", true],
    ["no", false], ["No!", false], ["nein", false], ["não", false],
    ["maybe", null], ["no sequel", null], ["", null],
  ])("%j → %j", (value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });
});

describe("parseSeries", () => {
  it.each<[string, SeriesMembership | null]>([
    ["Part 1 of the Lantern series", { name: "Lantern", part: 1 }],
    ["Part 2 of the Harbour Lights series.", { name: "Harbour Lights", part: 2 }],
    ["Part two of Lantern", { name: "Lantern", part: 2 }],
    ["Part 1 of The Baker Street Almanac", { name: "The Baker Street Almanac", part: 1 }],
    ["Part 1 of The Lantern series", { name: "Lantern", part: 1 }],
    ["Book 3 in the Lantern saga", { name: "Lantern", part: 3 }],
    ["The second story in the Lantern verse", { name: "Lantern", part: 2 }],
    ["Lantern, Part 2", { name: "Lantern", part: 2 }],
    ["Lantern #3", { name: "Lantern", part: 3 }],
    ["Lantern [4]", { name: "Lantern", part: 4 }],
    ["Lantern (5)", { name: "Lantern", part: 5 }],
    ["No. 2 in the series \"Lantern\"", { name: "Lantern", part: 2 }],
    ["Lantern series", { name: "Lantern", part: null }],
    ["\"Lantern\"", { name: "Lantern", part: null }],
    ["Lantern", { name: "Lantern", part: null }],
    ["", null],
    ["   ", null],
  ])("%j → %j", (value, expected) => {
    expect(parseSeries(value)).toEqual(expected);
  });
});

describe("splitTitlePart", () => {
  it.each<[string, { title: string; part: number; of: number } | null]>([
    ["The Long Road (1/3)", { title: "The Long Road", part: 1, of: 3 }],
    ["The Long Road (3/3)", { title: "The Long Road", part: 3, of: 3 }],
    ["The Long Road [Part 2/5]", { title: "The Long Road", part: 2, of: 5 }],
    ["The Long Road (2 / 4) ", { title: "The Long Road", part: 2, of: 4 }],
    ["The Long Road", null],
    ["The Long Road (a sequel)", null],
    ["(1/3)", null],
    ["Fractions (1/3) of a Life", null],
  ])("%j → %j", (value, expected) => {
    expect(splitTitlePart(value)).toEqual(expected);
  });
});

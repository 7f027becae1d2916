import { describe, expect, it } from "vitest";
import { tagRefOfType } from "./tag-ref.js";

describe("tagRefOfType", () => {
  it.each([
    ["Rating", "NC-17", "Explicit"],
    ["Rating", "pg-13", "Teen And Up Audiences"],
    ["Rating", "not rated", "Not Rated"],
    ["ArchiveWarning", "major character death", "Major Character Death"],
    ["ArchiveWarning", "choose not to warn", "Creator Chose Not To Use Archive Warnings"],
    ["Category", "slash", "M/M"],
    ["Category", "het", "F/M"],
    ["Fandom", "btvs", "btvs"],
  ] as const)("reads the %s %s as %s", (type, name, canonical) => {
    expect(tagRefOfType(type, name)).toEqual({ name: canonical, type });
  });

  it.each([["Rating", "spicy"], ["ArchiveWarning", "angst"], ["Category", "romance"]] as const)("refuses the %s %s", (type, name) => {
    expect(tagRefOfType(type, name)).toBeNull();
  });
});

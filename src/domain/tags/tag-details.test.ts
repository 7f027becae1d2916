import { describe, expect, it } from "vitest";
import { mergeTagDetails, relationshipMembersOf, sameTagDetails } from "./tag-details.js";

describe("mergeTagDetails", () => {
  it("adds what the old details lack and overwrites nothing", () => {
    expect(mergeTagDetails({ mentions: ["Spike"], gender: "male" }, { mentions: ["William", "Spike"], gender: "female", ambiguousMentions: ["Will"] }))
      .toEqual({ mentions: ["Spike", "William"], gender: "male", ambiguousMentions: ["Will"] });
    expect(mergeTagDetails({ gender: "unknown", members: [3, 4] }, { gender: "female", members: [4, 3] })).toEqual({ gender: "female", members: [3, 4] });
    expect(mergeTagDetails(null, { kind: "platonic" })).toEqual({ kind: "platonic" });
  });

  it("compares details whatever their key order", () => {
    expect(sameTagDetails({ kind: "romantic", shipNames: ["A"] }, { shipNames: ["A"], kind: "romantic" })).toBe(true);
    expect(sameTagDetails(null, {})).toBe(true);
    expect(sameTagDetails({ shipNames: ["A"] }, { shipNames: ["B"] })).toBe(false);
  });
});

describe("relationshipMembersOf", () => {
  it("reads romantic and platonic names, and nothing else", () => {
    expect(relationshipMembersOf("Buffy Summers/Spike")).toEqual({ members: ["Buffy Summers", "Spike"], kind: "romantic" });
    expect(relationshipMembersOf("Dawn Summers & Buffy Summers")).toEqual({ members: ["Dawn Summers", "Buffy Summers"], kind: "platonic" });
    expect(relationshipMembersOf("Spuffy")).toBeNull();
    expect(relationshipMembersOf("A & B/C")).toBeNull();
    expect(relationshipMembersOf("A / B")).toBeNull();
  });
});

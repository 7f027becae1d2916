import { describe, expect, it } from "vitest";
import { readTagDumpRow, tagDumpFields } from "./tag-dump.js";

const row = (fields: Record<string, string>) => readTagDumpRow({ id: "7", type: "Freeform", name: "Angst", canonical: "true", cached_count: "9", merger_id: "", ...fields });

describe("a row of the Archive's tag dump", () => {
  it("is read with its canonical flag and merger", () => {
    expect(row({})).toEqual({ id: "7", type: "Freeform", name: "Angst", canonical: true, mergerId: null });
    expect(row({ canonical: "false", merger_id: "12", name: "  angst   forever " })).toEqual({ id: "7", type: "Freeform", name: "angst forever", canonical: false, mergerId: "12" });
  });

  it("is refused, with the reason, when Quire cannot take it", () => {
    expect(row({ type: "Media" })).toEqual({ reason: "Media tags are not kept (Quire files fandoms without media)" });
    expect(row({ type: "Mood" })).toEqual({ reason: '"Mood" is not a tag type (Rating, ArchiveWarning, Category, Fandom, Relationship, Character, Freeform)' });
    expect(row({ name: "" })).toEqual({ reason: "no name (the Archive's dump leaves some out)" });
    expect(row({ name: "x".repeat(151) })).toEqual({ reason: "the name is longer than 150 characters" });
    expect(row({ canonical: "yes" })).toEqual({ reason: 'canonical is "yes", not true or false' });
    expect(row({ merger_id: "3" })).toEqual({ reason: "a canonical tag cannot have a merger" });
    expect(row({ canonical: "false", merger_id: "7" })).toEqual({ reason: "the tag is its own merger" });
    expect(row({ id: " " })).toEqual({ reason: "no id" });
  });

  it("is written with true/false and an empty merger", () => {
    expect(tagDumpFields({ id: 3, type: "Fandom", name: "BtVS", canonical: false, cachedCount: 2, mergerId: 9 })).toEqual({ id: "3", type: "Fandom", name: "BtVS", canonical: "false", cached_count: "2", merger_id: "9" });
    expect(tagDumpFields({ id: 9, type: "Fandom", name: "B", canonical: true, cachedCount: 0, mergerId: null }).merger_id).toBe("");
  });
});

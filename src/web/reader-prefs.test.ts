import { describe, expect, it } from "vitest";
import { DEFAULT_PREFS, MAX_MUTED_TAGS, parseTagList, readPrefsCookie, readPrefsJson, writePrefsCookie, writePrefsJson } from "./reader-prefs.js";

describe("reader preferences in a cookie", () => {
  it("reads back what it wrote", () => {
    const prefs = { ...DEFAULT_PREFS, theme: "dark" as const, hideWarnings: true, mutedTags: ["Angst", "Zoë"] };
    expect(readPrefsCookie(writePrefsCookie(prefs))).toEqual(prefs);
  });

  it("keeps the good fields of a damaged cookie and defaults the rest", () => {
    const cookie = Buffer.from(JSON.stringify({ theme: "dark", fontSize: "gigantic", mutedTags: "Angst", extra: 1 })).toString("base64url");
    expect(readPrefsCookie(cookie)).toEqual({ ...DEFAULT_PREFS, theme: "dark" });
  });

  it("falls back to the defaults for anything that is not its JSON", () => {
    for (const value of [undefined, "", "%%%", Buffer.from("[1,2]").toString("base64url"), Buffer.from("null").toString("base64url")]) {
      expect(readPrefsCookie(value)).toEqual(DEFAULT_PREFS);
    }
  });

  it("refuses more muted tags than the cookie may hold", () => {
    const cookie = writePrefsCookie({ ...DEFAULT_PREFS, mutedTags: Array.from({ length: MAX_MUTED_TAGS + 1 }, (_, i) => `tag ${i}`) });
    expect(readPrefsCookie(cookie).mutedTags).toEqual([]);
  });

  it("reads a muted-tags field one per line or comma-separated, without repeats", () => {
    expect(parseTagList("Angst\n fluff ,Fluff，Crack、\n\n")).toEqual(["Angst", "Fluff", "Crack"]);
    expect(parseTagList(Array.from({ length: 60 }, (_, i) => `t${i}`).join("\n"))).toHaveLength(MAX_MUTED_TAGS);
  });
});

describe("reader preferences on an account", () => {
  it("reads back what it wrote, whole work by default included", () => {
    const prefs = { ...DEFAULT_PREFS, fontSize: "larger" as const, fullWork: true, mutedTags: ["Angst"] };
    expect(readPrefsJson(writePrefsJson(prefs))).toEqual(prefs);
  });

  it("defaults what an older or damaged value lacks or gets wrong, field by field", () => {
    expect(readPrefsJson("{}")).toEqual(DEFAULT_PREFS);
    expect(readPrefsJson(JSON.stringify({ theme: "dark", fullWork: "yes" }))).toEqual({ ...DEFAULT_PREFS, theme: "dark" });
    for (const json of ["", "not json", "[]", "null", "42"]) expect(readPrefsJson(json)).toEqual(DEFAULT_PREFS);
  });
});

import { describe, expect, it } from "vitest";
import { parseBookmarkTags } from "./bookmarks.js";

describe("parseBookmarkTags", () => {
  it("splits on commas, trims, collapses spaces and keeps the first spelling of a repeated tag", () => {
    expect(parseBookmarkTags(" Comfort  Read, to reread,, comfort read ,")).toEqual(["Comfort Read", "to reread"]);
  });

  it("splits on ideographic commas too, and reads an empty field as no tags", () => {
    expect(parseBookmarkTags("再読，お気に入り、rec")).toEqual(["再読", "お気に入り", "rec"]);
    expect(parseBookmarkTags("  ")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { batchPathPrefix, importBatchOf } from "./import-batch.js";

describe("importBatchOf", () => {
  it("is the folder that holds a file", () => {
    expect(importBatchOf("/rescue/lists/story.txt")).toBe("/rescue/lists");
    expect(importBatchOf("/story.txt")).toBe("/");
  });

  it("is the zip archive for an entry of one, however deep the entry", () => {
    expect(importBatchOf("/rescue/old.zip!/fics/2001/story.txt")).toBe("/rescue/old.zip");
  });
});

describe("batchPathPrefix", () => {
  it("takes a folder's own files only, and every entry of a zip", () => {
    expect(batchPathPrefix("/rescue/lists")).toEqual({ prefix: "/rescue/lists/", nested: false });
    expect(batchPathPrefix("/rescue/Old.ZIP")).toEqual({ prefix: "/rescue/Old.ZIP!/", nested: true });
    expect(batchPathPrefix("/")).toEqual({ prefix: "/", nested: false });
  });
});

import { describe, expect, it } from "vitest";
import { feedUrn } from "./urn.js";

describe("feedUrn", () => {
  it("is a version 5 UUID URN, the same for the same archive and name", () => {
    const urn = feedUrn("archive-key", "work/12");
    expect(urn).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(feedUrn("archive-key", "work/12")).toBe(urn);
  });

  it("differs between names, and between archives for one name", () => {
    expect(feedUrn("archive-key", "work/13")).not.toBe(feedUrn("archive-key", "work/12"));
    expect(feedUrn("another-key", "work/12")).not.toBe(feedUrn("archive-key", "work/12"));
  });
});

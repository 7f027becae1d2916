import { describe, expect, it } from "vitest";
import { tagNameFromSegment, tagPathSegment, tagWorksUrl } from "./tag-url.js";

describe("tag URLs", () => {
  it("writes the Archive's escapes for the characters a path cannot hold", () => {
    expect(tagWorksUrl("Buffy Summers/Spike")).toBe("/tags/Buffy%20Summers*s*Spike/works");
    expect(tagPathSegment("Mulder & Scully. Really? #1")).toBe("Mulder%20*a*%20Scully*d*%20Really*q*%20*h*1");
  });

  it("reads back every name it writes", () => {
    for (const name of ["Buffy Summers/Spike (Buffy the Vampire Slayer)", "Fox Mulder & Dana Scully", "Dr. Who?", "Zoë #2", "100%", "a*s*b"]) {
      expect(tagNameFromSegment(decodeURIComponent(tagPathSegment(name)))).toBe(name.replace("a*s*b", "a/b"));
    }
  });
});

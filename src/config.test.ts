import { describe, expect, it } from "vitest";
import { parsePublicOrigin } from "./config.js";

describe("parsePublicOrigin", () => {
  it("takes an http or https address as its origin, from the flag before QUIRE_ORIGIN", () => {
    expect(parsePublicOrigin("https://Archive.example:443/", {})).toBe("https://archive.example");
    expect(parsePublicOrigin("http://192.0.2.10:8080", {})).toBe("http://192.0.2.10:8080");
    expect(parsePublicOrigin(undefined, { QUIRE_ORIGIN: " https://env.example " })).toBe("https://env.example");
    expect(parsePublicOrigin("https://flag.example", { QUIRE_ORIGIN: "https://env.example" })).toBe("https://flag.example");
    expect(parsePublicOrigin(undefined, { QUIRE_ORIGIN: " " })).toBeNull();
    expect(parsePublicOrigin(undefined, {})).toBeNull();
  });

  it.each([
    ["ftp://archive.example", "--origin \"ftp://archive.example\" is not an http or https address"],
    ["archive.example", "is not an http or https address"],
    ["https://archive.example/fics", "has a path, query or fragment"],
    ["https://archive.example/?lang=en", "has a path, query or fragment"],
    ["https://archive.example/#top", "has a path, query or fragment"],
    ["https://admin:secret@archive.example", "holds a user name or password"],
    ["", "--origin needs a value, such as https://archive.example"],
  ])("refuses %j, saying why", (value, message) => {
    expect(() => parsePublicOrigin(value, {})).toThrow(message);
  });

  it("names QUIRE_ORIGIN when the mistake is there", () => {
    expect(() => parsePublicOrigin(undefined, { QUIRE_ORIGIN: "archive.example" })).toThrow(/^QUIRE_ORIGIN "archive.example" is not an http or https address/u);
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nameUuidUrn } from "./name-uuid.js";

describe("nameUuidUrn", () => {
  it("is the name's SHA-1 in a version 5 UUID's layout, the same for the same name", () => {
    const name = "https://archive.example/works/7";
    const urn = nameUuidUrn(name);
    expect(urn).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    const hex = createHash("sha1").update(name).digest("hex");
    // Every bit but the version's four and the variant's two is the digest's.
    expect(urn.slice(9).replaceAll("-", "")).toMatch(new RegExp(`^${hex.slice(0, 12)}5${hex.slice(13, 16)}[89ab]${hex.slice(17, 32)}$`, "u"));
    expect(nameUuidUrn(name)).toBe(urn);
    expect(nameUuidUrn(`${name}0`)).not.toBe(urn);
  });
});

import { describe, expect, it } from "vitest";
import { basicPassword, isReaderAppPath } from "./reader-apps.js";

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;

describe("reader apps' HTTP Basic sign-in", () => {
  it("reads the password, which may hold colons and any script", () => {
    expect(basicPassword(basic("fenna:quire_abc"))).toBe("quire_abc");
    expect(basicPassword(basic("Ŝafa:a:b"))).toBe("a:b");
    expect(basicPassword(basic(":only-a-password"))).toBe("only-a-password");
  });

  it("reads nothing from another scheme or a malformed header", () => {
    expect(basicPassword(undefined)).toBeNull();
    expect(basicPassword("Bearer quire_abc")).toBeNull();
    expect(basicPassword(basic("no colon at all"))).toBeNull();
    expect(basicPassword("Basic not base64!")).toBeNull();
  });

  it("applies to the catalog, the feeds, downloads and covers only", () => {
    for (const path of ["/opds", "/opds/new", "/downloads/3/Rain.epub", "/downloads/series/2/Set.epub", "/works/3/cover.svg", "/tags/Fluff/feed.atom", "/works/search/feed.atom"]) {
      expect(isReaderAppPath(path), path).toBe(true);
    }
    for (const path of ["/", "/opdsx", "/works/3", "/works/3/chapters/1", "/login", "/account/tokens", "/api/v1/works"]) {
      expect(isReaderAppPath(path), path).toBe(false);
    }
  });
});

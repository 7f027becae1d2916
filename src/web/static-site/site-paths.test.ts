import { describe, expect, it } from "vitest";
import { tagWorksUrl } from "../tag-url.js";
import { nameSlug, relativeHref, sitePaths, siteTargetOf } from "./site-paths.js";

describe("siteTargetOf", () => {
  it.each([
    ["/", "index.html", ""],
    ["/fandoms", "fandoms.html", ""],
    ["/stats", "stats.html", ""],
    ["/works", "works/index.html", ""],
    ["/works?page=3", "works/page-3.html", ""],
    ["/works?page=1", "works/index.html", ""],
    ["/works/search", "search.html", ""],
    ["/works/12", "works/12.html", ""],
    ["/works/12?view_full_work=true", "works/12.html", ""],
    ["/works/12?view_adult=true", "works/12-text.html", ""],
    ["/works/12/chapters/3", "works/12.html", "#chapter-3"],
    ["/works/12/chapters/3#work-endnotes", "works/12.html", "#work-endnotes"],
    ["/works/12/navigate", "works/12.html", "#chapters"],
    ["/series/4", "series/4.html", ""],
    ["/assets/quire.0123456789.css", "assets/quire.0123456789.css", ""],
    ["/downloads/12/Three_Lanterns.epub", "downloads/12/Three_Lanterns.epub", ""],
    ["/downloads/series/4/Harbour_Letters.md", "downloads/series/4/Harbour_Letters.md", ""],
  ])("maps %s to %s%s", (href, path, fragment) => {
    expect(siteTargetOf(href)).toEqual({ path, fragment });
  });

  it("maps a tag's page and its works' page, with the Archive's escapes, to one file", () => {
    const name = "Mara Quell/Ilse Brand";
    expect(siteTargetOf(tagWorksUrl(name))?.path).toBe(sitePaths.tag(name));
    expect(siteTargetOf(`/tags/${encodeURIComponent("Mara Quell*s*Ilse Brand")}`)?.path).toBe(sitePaths.tag(name));
    expect(siteTargetOf(`${tagWorksUrl(name)}?page=2`)?.path).toBe(sitePaths.tag(name, 2));
  });

  it("maps an author's page by the decoded name", () => {
    expect(siteTargetOf(`/users/${encodeURIComponent("Noor Halloway")}`)?.path).toBe(sitePaths.author("Noor Halloway"));
  });

  it.each(["/login?return=%2F", "/preferences", "/works/12/edit", "/works/12/report", "/works/new", "/tags/x/works/extra", "/series/abc", "/downloads/search.zip?format=epub", "https://example.org/", "//example.org/x", "#main", "works/12"])(
    "has no file for %s",
    (href) => expect(siteTargetOf(href)).toBeNull(),
  );
});

describe("nameSlug", () => {
  it("is ASCII, lower case, and different for names that read alike", () => {
    expect(nameSlug("Ночной дозор")).toMatch(/^nochnoy_dozor-[0-9a-f]{8}$/u);
    expect(nameSlug("Angst")).not.toBe(nameSlug("angst"));
    expect(nameSlug("A/B")).not.toBe(nameSlug("A B"));
    expect(nameSlug("???")).toMatch(/^work-[0-9a-f]{8}$/u);
  });
});

describe("relativeHref", () => {
  it("climbs from a page's folder to the target", () => {
    expect(relativeHref("index.html", { path: "works/12.html", fragment: "" })).toBe("works/12.html");
    expect(relativeHref("works/12.html", { path: "works/13.html", fragment: "#chapter-2" })).toBe("13.html#chapter-2");
    expect(relativeHref("tags/angst-0123abcd/page-2.html", { path: "index.html", fragment: "" })).toBe("../../index.html");
    expect(relativeHref("works/12.html", { path: "works/12.html", fragment: "#chapter-2" })).toBe("12.html#chapter-2");
  });
});

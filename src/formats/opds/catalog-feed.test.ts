import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { jingUnavailable, validateFeeds } from "../../../test/support/feed-schemas.js";
import type { WorkBlurb } from "../../search/search-index.js";
import { feedUrn } from "../feeds/urn.js";
import { acquisitionFeedXml, navigationFeedXml, OPDS_ACQUISITION_TYPE, OPDS_NAVIGATION_TYPE, type CatalogFrame, type CatalogWork } from "./catalog-feed.js";
import { openSearchDescriptionXml } from "./opensearch.js";

/** Every string a reader could write carries markup, an entity, a control character and a lone surrogate. */
const HOSTILE = `</title><script>alert(1)</script> & \u0001\ud800 "quoted"`;

const WORK: WorkBlurb = {
  id: 7, title: `Harbour ${HOSTILE}`, authors: ["Wren Tallow", "Pim </name><script>alert(1)</script> & \u0001"], rating: "Teen And Up Audiences", warnings: ["No Archive Warnings Apply"],
  categories: ["F/F"], fandoms: ["Moonlit Harbour (TV)"], relationships: ["Mara Quell/Ilse Brand"], characters: ["Mara Quell"], freeforms: [`Lighthouses ${HOSTILE}`],
  summary: `First paragraph ${HOSTILE}.\n\nSecond paragraph.`, language: "en", wordCount: 12345, chapters: 2, expectedChapters: null, status: "in-progress",
  published: "2021-03-01", updated: "2021-04-12", series: [{ id: 3, name: "Harbour Letters", part: 2 }],
};

const at = (path: string) => `https://archive.test${path}`;

function frame(kind: CatalogFrame["kind"], page: number, total: number): CatalogFrame {
  return {
    id: feedUrn("key", "/opds/x"), title: `Feed ${HOSTILE}`, updated: "2026-11-30T12:00:00.000Z", kind, self: at("/opds/x"), start: at("/opds"), up: at("/opds"),
    search: at("/opds/opensearch.xml"), publisher: { name: "Quire", uri: at("/") },
    paging: { page, perPage: 2, total, href: (n) => at(`/opds/x?page=${n}`) },
  };
}

const CATALOG_WORK: CatalogWork = {
  work: WORK, changed: "2026-11-01T00:00:00.000Z",
  addresses: { id: feedUrn("key", "work/7"), work: at("/works/7"), author: (name) => at(`/users/${encodeURIComponent(name)}`), tagScheme: (type) => at(`/opds/tag-types/${type}`) },
  downloads: [{ format: "epub", href: at("/downloads/7/Harbour.epub") }, { format: "md", href: at("/downloads/7/Harbour.md") }],
  cover: at("/works/7/cover.svg"),
};

function links(xml: string): { rel: string; href: string; type: string }[] {
  return [...xml.matchAll(/<link rel="([^"]*)" href="([^"]*)"(?: type="([^"]*)")?/gu)].map((m) => ({ rel: m[1] ?? "", href: m[2] ?? "", type: m[3] ?? "" }));
}

describe("the OPDS catalog's feeds", () => {
  it("link a middle page to the first, previous, next and last pages, with OpenSearch's numbers", () => {
    const xml = navigationFeedXml(frame("navigation", 2, 5), []);
    const rels = links(xml).map((l) => `${l.rel} ${l.href}`);
    expect(rels).toEqual(expect.arrayContaining([
      "self https://archive.test/opds/x?page=2", "first https://archive.test/opds/x?page=1", "previous https://archive.test/opds/x?page=1",
      "next https://archive.test/opds/x?page=3", "last https://archive.test/opds/x?page=3", "start https://archive.test/opds", "up https://archive.test/opds",
    ]));
    expect(xml).toContain("<opensearch:totalResults>5</opensearch:totalResults>");
    expect(xml).toContain("<opensearch:startIndex>3</opensearch:startIndex>");
    const last = links(navigationFeedXml(frame("navigation", 3, 5), [])).map((l) => l.rel);
    expect(last).not.toContain("next");
    expect(links(navigationFeedXml(frame("navigation", 1, 5), [])).map((l) => l.rel)).not.toContain("previous");
  });

  it("give each navigation entry its feed's media type and count", () => {
    const xml = navigationFeedXml(frame("navigation", 1, 1), [
      { id: "urn:x:1", title: "Fandoms", href: at("/opds/fandoms"), kind: "navigation", description: "All" },
      { id: "urn:x:2", title: "Angst", href: at("/opds/tags/Angst"), kind: "acquisition", count: 4, description: "4 works" },
    ]);
    expect(xml).toContain(`href="https://archive.test/opds/fandoms" type="${OPDS_NAVIGATION_TYPE}"`);
    expect(xml).toMatch(new RegExp(`href="https://archive.test/opds/tags/Angst" type="${OPDS_ACQUISITION_TYPE.replace(/[+]/gu, "\\+")}" title="Angst" thr:count="4"`, "u"));
  });

  it("give a work its acquisition links by format, its cover, its page, its tags as categories and its details", () => {
    const xml = acquisitionFeedXml(frame("acquisition", 1, 1), [CATALOG_WORK]);
    expect(links(xml)).toEqual(expect.arrayContaining([
      { rel: "http://opds-spec.org/acquisition", href: at("/downloads/7/Harbour.epub"), type: "application/epub+zip" },
      { rel: "http://opds-spec.org/acquisition", href: at("/downloads/7/Harbour.md"), type: "text/markdown" },
      { rel: "http://opds-spec.org/image", href: at("/works/7/cover.svg"), type: "image/svg+xml" },
      { rel: "http://opds-spec.org/image/thumbnail", href: at("/works/7/cover.svg"), type: "image/svg+xml" },
      { rel: "alternate", href: at("/works/7"), type: "text/html" },
    ]));
    expect(xml).toContain(`<category term="Mara Quell/Ilse Brand" scheme="https://archive.test/opds/tag-types/Relationship" label="Mara Quell/Ilse Brand"/>`);
    expect(xml).toContain("<dc:language>en</dc:language>");
    expect(xml).toContain("<dc:issued>2021-03-01</dc:issued>");
    expect(xml).toContain("<published>2021-03-01T00:00:00Z</published>");
    expect(xml).toContain("<updated>2026-11-01T00:00:00.000Z</updated>");
    for (const detail of ["Teen And Up Audiences", "No Archive Warnings Apply", "Part 2 of Harbour Letters", "12,345", "2/?", "Work in progress"]) expect(xml).toContain(`<dd>${detail}</dd>`);
  });

  it("escape markup and drop characters XML cannot hold, so no text adds an element", () => {
    const xml = acquisitionFeedXml(frame("acquisition", 1, 1), [CATALOG_WORK]);
    const document = parseDocument(xml, { xmlMode: true });
    expect(DomUtils.getElementsByTagName("script", document)).toEqual([]);
    expect(DomUtils.getElementsByTagName("entry", document)).toHaveLength(1);
    expect(xml).not.toContain("<script>");
    expect(xml.includes("\u0001") || xml.includes("\ud800")).toBe(false);
    expect(xml).toContain("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
  });

  it("write an OpenSearch description whose catalog template answers with an acquisition feed", () => {
    const xml = openSearchDescriptionXml({ shortName: "A name longer than sixteen", description: "Search", catalogTemplate: at("/opds/search?q={searchTerms}&page={startPage?}"), pageTemplate: at("/works/search?q={searchTerms}") });
    expect(xml).toContain("<ShortName>A name longer th</ShortName>");
    expect(xml).toContain(`<Url type="${OPDS_ACQUISITION_TYPE}" template="https://archive.test/opds/search?q={searchTerms}&amp;page={startPage?}"/>`);
  });

  const jing = jingUnavailable();
  it.skipIf(jing !== null)("validate against the OPDS 1.2 and Atom schemas, which refuse a broken feed", async () => {
    const documents = new Map([
      ["navigation", navigationFeedXml(frame("navigation", 2, 5), [{ id: "urn:x:1", title: "Angst", href: at("/opds/tags/Angst"), kind: "acquisition", count: 4, description: "4 works" }])],
      ["acquisition", acquisitionFeedXml(frame("acquisition", 1, 1), [CATALOG_WORK])],
    ]);
    // A feed without its updated, and a link whose address holds a space: the schemas must say no.
    const broken = (documents.get("acquisition") ?? "").replace(/<updated>[^<]*<\/updated>/u, "").replace(at("/works/7/cover.svg"), at("/works/7/a cover.svg"));
    for (const schema of ["opds", "atom"] as const) {
      const errors = await validateFeeds(schema, new Map([...documents, ["broken", broken]]));
      expect(errors.get("navigation")).toEqual([]);
      expect(errors.get("acquisition")).toEqual([]);
      expect(errors.get("broken")?.length).toBeGreaterThan(0);
    }
  });
  if (jing) console.warn(`skipped: ${jing}`);
});

/** The writers on one small work: what each format states, and that the EPUB is a well-made, repeatable zip. */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { storedSafeHtml } from "../../domain/safe-html.js";
import { openZip } from "../../importers/epub/zip.js";
import { writeEpub } from "./epub.js";
import type { ExportedWork } from "./exported-work.js";
import { writeHtml } from "./html.js";
import { writeMarkdown } from "./markdown.js";
import { writeText } from "./text.js";
import { xmlCharacters } from "../xml-text.js";

function work(overrides: Partial<ExportedWork> = {}): ExportedWork {
  return {
    id: 7, title: "Salt & <Spray>", authors: ["Wren Tallow", "Pim Okafor"],
    tags: { Rating: ["Mature"], ArchiveWarning: ["Major Character Death"], Category: ["F/F"], Fandom: ["Moonlit Harbour (TV)"], Relationship: ["Mara Quell/Ilse Brand"], Character: ["Mara Quell", "Ilse Brand"], Freeform: ["Angst"] },
    language: "en", status: "in-progress", published: "2024-01-02", updated: "2024-02-03", wordCount: 14, chapterCount: 2, expectedChapters: 5,
    series: [{ name: "Harbour Letters", part: 2, url: "https://archive.example/series/3" }],
    summary: "Two keepers.\n\nOne lamp.", notes: "Notes & more.", endNotes: "Thanks.", gifts: ["Ilse"],
    sourceUrl: "https://archive.example/works/7", archiveName: "Harbour Archive", archiveUrl: "https://archive.example/", changedAt: "2024-02-03T10:11:12.000Z", collection: false,
    chapters: [
      { position: 1, title: "Green", summary: null, notes: "A chapter note.", endNotes: null, html: storedSafeHtml("<p>The lamp was <em>green</em>.</p><hr /><p>Then amber.</p>"), text: "The lamp was green.\n\n* * *\n\nThen amber." },
      { position: 2, title: null, summary: "Later.", notes: null, endNotes: "Chapter end.", html: storedSafeHtml("<p>White, at last.</p>"), text: "White, at last." },
    ],
    ...overrides,
  };
}

async function epubFiles(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await openZip(bytes);
  try {
    const files = new Map<string, string>();
    for (const name of zip.names) files.set(name, new TextDecoder().decode((await zip.read(name)) ?? new Uint8Array()));
    return files;
  } finally {
    zip.close();
  }
}

describe("writeEpub", () => {
  it("puts the mimetype first and stored, and writes the same bytes for the same work", async () => {
    const bytes = await writeEpub(work());
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(bytes.readUInt16LE(8)).toBe(0); // method 0: stored
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(bytes.subarray(38, 58).toString("latin1")).toBe("application/epub+zip");
    expect((await writeEpub(work())).equals(bytes)).toBe(true);
    expect((await writeEpub(work({ changedAt: "2025-01-01T00:00:00.000Z" }))).equals(bytes)).toBe(false);
  });

  it("states the metadata calibre and FanFicFare users expect in the package", async () => {
    const opf = (await epubFiles(await writeEpub(work()))).get("OEBPS/content.opf") ?? "";
    for (const fragment of [
      "<dc:title id=\"title\">Salt &amp; &lt;Spray&gt;</dc:title>",
      "<dc:creator id=\"creator-1\">Wren Tallow</dc:creator>", "<meta refines=\"#creator-2\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
      "<dc:language>en</dc:language>", "<dc:date>2024-01-02</dc:date>", "<meta property=\"dcterms:modified\">2024-02-03T10:11:12Z</meta>",
      "<dc:subject>Mature</dc:subject>", "<dc:subject>Major Character Death</dc:subject>", "<dc:subject>Angst</dc:subject>",
      "<dc:source>https://archive.example/works/7</dc:source>", "<dc:publisher>Harbour Archive</dc:publisher>",
      "<meta name=\"calibre:series\" content=\"Harbour Letters\"/>", "<meta name=\"calibre:series_index\" content=\"2\"/>",
      "<meta property=\"belongs-to-collection\" id=\"series-1\">Harbour Letters</meta>", "<meta refines=\"#series-1\" property=\"collection-type\">series</meta>",
      "<meta refines=\"#series-1\" property=\"group-position\">2</meta>", "<guide>",
    ]) expect(opf).toContain(fragment);
    expect(opf).toContain('<spine toc="ncx" page-progression-direction="ltr">');
    const arabic = (await epubFiles(await writeEpub(work({ language: "ar" })))).get("OEBPS/content.opf") ?? "";
    expect(arabic).toContain('<spine toc="ncx" page-progression-direction="rtl">');
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/u);
  });

  it("writes a preface, a file per chapter with its notes, an afterword, navigation and a cover, in the order of the spine", async () => {
    const files = await epubFiles(await writeEpub(work()));
    expect([...files.keys()]).toEqual([
      "mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/toc.ncx", "OEBPS/nav.xhtml", "OEBPS/style.css", "OEBPS/cover.svg",
      "OEBPS/cover.xhtml", "OEBPS/preface.xhtml", "OEBPS/chapter-001.xhtml", "OEBPS/chapter-002.xhtml", "OEBPS/afterword.xhtml",
    ]);
    const preface = files.get("OEBPS/preface.xhtml") ?? "";
    for (const fragment of ["<dt class=\"rating tags\">Rating:</dt>", "<dt class=\"archivewarning tags\">Archive Warning:</dt>", "<dt class=\"character tags\">Characters:</dt>", "Part 2 of <a href=\"https://archive.example/series/3\">Harbour Letters</a>", "Published: 2024-01-02 Updated: 2024-02-03 Words: 14 Chapters: 2/5"]) {
      expect(preface).toContain(fragment);
    }
    expect(files.get("OEBPS/chapter-001.xhtml")).toContain("<h2 class=\"heading\" id=\"chapter-1\">Chapter 1: Green</h2><p>Chapter Notes</p>");
    expect(files.get("OEBPS/chapter-002.xhtml")).toContain("<p>Chapter End Notes</p>");
    expect(files.get("OEBPS/afterword.xhtml")).toContain("<p>Thanks.</p>");
    expect(files.get("OEBPS/nav.xhtml")).toContain("<a href=\"chapter-002.xhtml\">Chapter 2</a>");
    expect(files.get("OEBPS/toc.ncx")).toContain("<navPoint id=\"nav-chapter-1\" playOrder=\"2\">");
  });

  it("links each tag to its page at the address the archive gives it (a slash as *s*, which proxies pass)", async () => {
    const preface = (await epubFiles(await writeEpub(work()))).get("OEBPS/preface.xhtml") ?? "";
    expect(preface).toContain('<a href="https://archive.example/tags/Mara%20Quell*s*Ilse%20Brand/works">Mara Quell/Ilse Brand</a>');
    expect(preface).toContain('<a href="https://archive.example/tags/Moonlit%20Harbour%20(TV)/works">');
  });

  it("leaves out the characters XML cannot hold wherever a title, a name or a series lands, attributes too", async () => {
    // A control character survives posting (the form and the API keep what was typed); one in an attribute
    // (the cover's alt, calibre:series' content) would make the package and the cover unreadable.
    const odd = "Bell\u0001 \u0007Tower\u007f";
    const files = await epubFiles(await writeEpub(work({ title: odd, authors: [odd], series: [{ name: odd, part: 1, url: "https://archive.example/series/3" }] })));
    for (const [name, text] of files) expect(text, name).toBe(xmlCharacters(text).replaceAll("\u007f", ""));
    expect(files.get("OEBPS/content.opf")).toContain('<meta name="calibre:series" content="Bell Tower"/>');
  });
});

describe("writeHtml", () => {
  it("carries the meta tags calibre reads and the Archive's layout, escaped", () => {
    const html = writeHtml(work()).toString("utf8");
    for (const fragment of [
      "<meta name=\"dc.title\" content=\"Salt &amp; <Spray>\">", "<meta name=\"dc.creator\" content=\"Pim Okafor\">", "<meta name=\"dc.language\" content=\"en\">",
      "<meta name=\"dc.date.issued\" content=\"2024-01-02\">", "<meta name=\"series\" content=\"Harbour Letters\">", "<meta name=\"seriesnumber\" content=\"2\">",
      "<meta name=\"tags\" content=\"Mature, Major Character Death, F/F, Moonlit Harbour (TV), Mara Quell/Ilse Brand, Mara Quell, Ilse Brand, Angst\">",
      "<meta name=\"comments\" content=\"Two keepers.\n\nOne lamp.\">", "<meta name=\"publisher\" content=\"Harbour Archive\">",
      "<div id=\"preface\" class=\"preface\">", "<div id=\"afterword\">", "<h1>Salt &amp; &lt;Spray&gt;</h1>",
    ]) expect(html).toContain(fragment);
  });
});

describe("writeText", () => {
  it("writes the header lines, the chapters under their headings with labelled notes, and no end for a work in progress", () => {
    const text = writeText(work()).toString("utf8");
    expect(text.startsWith("Title: Salt & <Spray>\nAuthors: Wren Tallow, Pim Okafor\nRating: Mature\nArchive Warning: Major Character Death\n")).toBe(true);
    for (const line of ["Language: English", "Series: Part 2 of Harbour Letters", "Updated: 2024-02-03", "Chapters: 2/5", "Summary: Two keepers.\nOne lamp.", "Chapter 1: Green\n\nNotes: A chapter note.", "Chapter 2\n\nChapter Summary: Later.", "End Notes: Chapter end."]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("The End");
    expect(writeText(work({ status: "complete" })).toString("utf8").trimEnd().endsWith("The End")).toBe(true);
  });

  it("keeps a name with a line break on its header line, where it cannot pass for another field", () => {
    const text = writeText(work({ title: "Salt\nRating: General Audiences", authors: ["Wren\r\nTallow"] })).toString("utf8");
    expect(text.startsWith("Title: Salt Rating: General Audiences\nAuthor: Wren Tallow\nRating: Mature\n")).toBe(true);
  });
});

describe("writeMarkdown", () => {
  it("writes YAML front matter and the chapters converted to Markdown", () => {
    const markdown = writeMarkdown(work()).toString("utf8");
    const front = /^---\n([\s\S]*?)\n---\n/u.exec(markdown)?.[1] ?? "";
    expect(parseYaml(front)).toMatchObject({ Title: "Salt & <Spray>", Authors: ["Wren Tallow", "Pim Okafor"], Characters: ["Mara Quell", "Ilse Brand"], Summary: "Two keepers.\n\nOne lamp.", Chapters: "2/5" });
    expect(markdown).toContain("## Chapter 1: Green");
    expect(markdown).toContain("The lamp was *green*.");
  });
});

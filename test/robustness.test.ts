/**
 * Hostile and broken input: every case ends in a work or a one-line error, never a stack trace or a hang.
 * (The 60 s test timeout is the hang detector; how fast parsing is belongs to `npm run bench`.)
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseStory } from "../src/importers/parse-story.js";
import { runBin, runCli } from "./support/run-cli.js";
import { zipEntries } from "./support/zip-folder.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "quire-robust-"));
});

async function file(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[i] = state >>> 16 & 0xff;
  }
  return bytes;
}


const CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;
const CHAPTER = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Chapter 1</h1><p>The tide came in over the causeway and the lamps went out one by one along the shore.</p></body></html>`;
const opf = (title: string, prolog = "") => `<?xml version="1.0"?>${prolog}<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></metadata><manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`;

async function expectOneLineError(path: string, message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runCli(["parse", path, "--json"]);
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
}

describe("input that is not a story", () => {
  it("random bytes: a one-line error from the real binary, no stack trace", async () => {
    const path = await file("noise.bin", randomBytes(64 * 1024, 7));
    const { code, stdout, stderr } = await runBin(["parse", path, "--json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`quire: ${path}: not a text, HTML or EPUB file (binary content)\n`);
  });

  it.each([
    ["empty.txt", "", /file is empty/u],
    ["blank.txt", "  \n\r\n\t \n", /file is empty/u],
    ["markup-only.html", "<html><head><title>x</title></head><body><div><span></span></div></body></html>", /no story text found/u],
    ["report.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj", /PDF files are not supported/u],
    ["story.rtf", "{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}}\\pard Title: Harbour Lights\\par}", /RTF files are not supported/u],
  ])("%s: a one-line error", async (name, content, message) => {
    await expectOneLineError(await file(name, content), message);
  });

  it("a Word document, even named .html: a one-line error that says what it is", async () => {
    const docx = await zipEntries([["[Content_Types].xml", "<Types/>"], ["word/document.xml", "<w:document/>"]]);
    await expectOneLineError(await file("story.html", docx), /Word \(\.docx\) files are not supported/u);
  });

  it("a truncated zip: a one-line error", async () => {
    const whole = await zipEntries([["mimetype", "application/epub+zip"], ["META-INF/container.xml", CONTAINER]]);
    await expectOneLineError(await file("truncated.epub", whole.subarray(0, whole.length - 30)), /EPUB rejected: .*zip/u);
  });
});

describe("input built to hurt", () => {
  it("a 50 MB file on one line parses to one chapter", async () => {
    const line = "word ".repeat(10 * 1024 * 1024);
    const { work } = await parseStory(Buffer.from(line), "one-line.txt");
    expect(work.chapters).toHaveLength(1);
    expect(work.wordCount).toBe(10 * 1024 * 1024);
  });

  // Each of these once took minutes to hours (exponential or quadratic regular expressions and loops); now they
  // take milliseconds, so the generous per-test timeout only catches a return of the hang.
  it.each([
    ["a long run of x and o letters", `Title: Oh\n\n${"O".padEnd(80, "o")}h, Mara. The ship is in.\n`, "oh.txt"],
    ["a long word before an @", `Title: At\n\nShe wrote ${"a".repeat(200_000)} @ nothing at all, and then she slept.\n`, "at.txt"],
    ["unclosed tags", `<html><body><p>The story begins here and goes on.</p>${"<b ".repeat(200_000)}</body></html>`, "tags.html"],
    ["a line of hashtags and spaces", `Title: Tags\n\nThe story begins here and goes on for a while, then ends.\n\n${"#a         ".repeat(12)}# \n`, "tags.txt"],
    ["a warning line of spaces", `Title: Spaces\nWarnings: a${"\u00a0".repeat(20_000)}b - c\n\nThe story begins here and goes on for a while.\n`, "warn.txt"],
    ["a pipe header line of spaces", `Title: x${" ".repeat(150_000)}y · Rating: PG\n\nThe story begins here and goes on for a while.\n`, "pipes.txt"],
    ["a long series value", `Title: Long\nSeries: ${"Part of it ".repeat(20_000)}\n\nThe story begins here and goes on for a while.\n`, "series.txt"],
    ["a table of contents of 5,000 chapters", `${Array.from({ length: 5000 }, (_, k) => `Chapter ${k + 1}`).join("\n\n")}\n\n${Array.from({ length: 5000 }, (_, k) => `Chapter ${k + 1}\n\nThe night went on, and on.`).join("\n\n")}\n`, "toc.txt"],
  ])("%s does not hang", { timeout: 20_000 }, async (_label, content, name) => {
    const { work } = await parseStory(Buffer.from(content), name);
    expect(work.chapters.length).toBeGreaterThan(0);
  });

  it("markup of millions of tiny elements is refused before it exhausts memory", async () => {
    const html = `<html><body>${"<i>a</i> ".repeat(1_600_000)}</body></html>`;
    await expect(parseStory(Buffer.from(html), "dense.html")).rejects.toMatchObject({ code: "too-large" });
  });

  it("HTML nested 200,000 elements deep parses without overflowing the stack", async () => {
    const depth = 200_000;
    const html = `<html><body>${"<div>".repeat(depth)}<p>At the bottom of it all, a single lantern was still burning.</p>${"</div>".repeat(depth)}</body></html>`;
    const { work } = await parseStory(Buffer.from(html), "deep.html");
    expect(work.chapters[0]?.text).toBe("At the bottom of it all, a single lantern was still burning.");
  });

  it("an EPUB zip bomb is refused before it is inflated", async () => {
    const bomb = await zipEntries([["mimetype", "application/epub+zip"], ["META-INF/container.xml", CONTAINER], ["content.opf", opf("Bomb")], ["c1.xhtml", Buffer.alloc(300 * 1024 * 1024)]]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(parseStory(bomb, "bomb.epub")).rejects.toThrow(/EPUB rejected: the archive expands to more than 256 MB/u);
  });

  it("an EPUB whose entry sizes lie is stopped while inflating, as damaged", async () => {
    const honest = await zipEntries([["mimetype", "application/epub+zip"], ["META-INF/container.xml", CONTAINER], ["content.opf", opf("Liar")], ["c1.xhtml", Buffer.alloc(70 * 1024 * 1024, 0x20)]]);
    // Rewrite the declared uncompressed size of the big entry (in its local header and the central directory) to 1 KB.
    const lying = Buffer.from(honest);
    for (let i = 0; i < lying.length - 4; i += 1) {
      const signature = lying.readUInt32LE(i);
      if (signature === 0x04034b50 && lying.readUInt32LE(i + 22) === 70 * 1024 * 1024) lying.writeUInt32LE(1024, i + 22);
      if (signature === 0x02014b50 && lying.readUInt32LE(i + 24) === 70 * 1024 * 1024) lying.writeUInt32LE(1024, i + 24);
    }
    await expect(parseStory(lying, "liar.epub")).rejects.toMatchObject({ code: "corrupt", message: expect.stringMatching(/EPUB rejected: .*damaged/u) as unknown });
  });

  it("an EPUB entry named ../ is refused", async () => {
    const archive = await zipEntries([["mimetype", "application/epub+zip"], ["META-INF/container.xml", CONTAINER], ["content.opf", opf("Escape")], ["c1.xhtml", CHAPTER], ["aa/evil.xhtml", CHAPTER]]);
    // yazl will not write such a name, so it is patched in: "aa/" becomes "../" in both headers.
    const patched = Buffer.from(archive.toString("latin1").replaceAll("aa/evil.xhtml", "../evil.xhtml"), "latin1");
    await expect(parseStory(patched, "escape.epub")).rejects.toThrow(/EPUB rejected: .*(?:relative path|\.\.)/u);
  });

  it("XML entity expansion in an EPUB stays inert", async () => {
    const entities = `<!DOCTYPE package [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${"b".repeat(k + 1)} "${`&${k === 0 ? "a" : "b".repeat(k)};`.repeat(10)}">`).join("")}]>`;
    const epub = await zipEntries([["mimetype", "application/epub+zip"], ["META-INF/container.xml", CONTAINER], ["content.opf", opf(`&${"b".repeat(9)};`, entities)], ["c1.xhtml", CHAPTER]]);
    const { work } = await parseStory(epub, "laughs.epub");
    expect(work.title === null || work.title.length < 100).toBe(true);
    expect(work.chapters[0]?.text).toContain("The tide came in over the causeway");
  });

  it("invalid UTF-8 is read as Windows-1252 rather than refused", async () => {
    const bytes = Buffer.concat([Buffer.from("Title: Broken Bytes\n\nShe said \u00e9 was fine, "), Buffer.from([0xe9, 0x20, 0x93, 0x68, 0x69, 0x94, 0xc3, 0x28]), Buffer.from(" and left.\n")]);
    const { work, encoding } = await parseStory(bytes, "broken.txt");
    expect(encoding).toBe("windows-1252");
    expect(work.chapters[0]?.text).toContain("“hi”");
  });

  it("a YAML alias bomb in front matter leaves the story readable", async () => {
    const yaml = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, k) => `${String.fromCharCode(98 + k)}: &${String.fromCharCode(98 + k)} [${Array(9).fill(`*${String.fromCharCode(97 + k)}`).join(", ")}]`)].join("\n");
    const { work } = await parseStory(Buffer.from(`---\ntitle: Aliases\n${yaml}\n---\n\nThe lighthouse keeper counted the ships again and came to the same number.\n`), "aliases.md");
    expect(work.chapters[0]?.text).toBe("The lighthouse keeper counted the ships again and came to the same number.");
  });
});

describe("files that sit beside stories", () => {
  it.each(["index.json", "manifest.jsonl", "style.css", "script.js", "cover.jpg", "notes.csv"])("refuses %s by its name", async (name) => {
    await expect(parseStory(new TextEncoder().encode("Title: Looks like a story\n\nBut the name says it is data.\n"), name)).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringMatching(/files are not stories/u),
    });
  });
});

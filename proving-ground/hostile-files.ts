/**
 * Hostile story files, generated from a seed: random bytes, cut and mutated copies of the parse fixtures, one
 * 50 MB line, markup nested 100,000 deep, EPUB zip bombs and archives that lie, `..` and absolute entry names,
 * a huge OPF, entity expansion and external entities, broken and mixed encodings, NUL bytes, 10,000 chapters and
 * 100,000 tags, with good files (synthetic original works from src/corpus) mixed in.
 *
 * Each file says what the importer must make of it: a work, a one-line refusal whose reason matches, or either of
 * the two (a mutated file may still be a story). Files come one at a time from a generator and depend only on the
 * seed and their index, so ten thousand of them never sit in memory together and a failure can be replayed.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32, constants as zlibConstants, deflateRawSync } from "node:zlib";
import { generateCorpus, type GeneratedFile } from "../src/corpus/generate-corpus.js";
import { createRandom, weighted, type Random } from "../src/corpus/random.js";
import { rawZip, storedZip, type RawZipEntry, type ZipEntry } from "../src/corpus/zip.js";
import { packageRoot } from "../src/package-root.js";

export const HOSTILE_KINDS = [
  "good",
  "random-bytes",
  "truncated-fixture",
  "mutated-fixture",
  "long-line",
  "deep-html",
  "deep-epub",
  "zip-bomb",
  "zip-archive-bomb",
  "zip-many-entries",
  "zip-lying-sizes",
  "zip-parent-entry",
  "zip-absolute-entry",
  "opf-href-escape",
  "huge-opf",
  "billion-laughs",
  "external-entity",
  "bad-utf8",
  "utf16-no-bom",
  "mixed-encoding",
  "overlong-utf8",
  "nul-bytes",
  "many-chapters",
  "many-tags",
] as const;

export type HostileKind = (typeof HOSTILE_KINDS)[number];

/**
 * What the import must make of a file. `forbidden` lists text that must not reach the stored work (the contents
 * of /etc/passwd, an expanded entity); `maxStoredChars` bounds the stored story text (no expansion beyond it).
 */
export type Expectation =
  | { outcome: "imported"; forbidden?: readonly string[]; maxStoredChars?: number }
  | { outcome: "refused"; reason: RegExp }
  | { outcome: "either"; forbidden?: readonly string[]; maxStoredChars?: number };

export interface HostileFile {
  /** A file name, unique in the set: `00042-zip-bomb.epub`. */
  name: string;
  kind: HostileKind;
  bytes: Uint8Array;
  expect: Expectation;
}

/** How big the big kinds are. The full run uses FULL_SIZES; a CI-sized run may shrink them. */
export interface HostileSizes {
  longLineBytes: number;
  nestingDepth: number;
  chapters: number;
  tags: number;
  /** What a zip bomb's entry inflates to (under 4 GiB: no zip64). */
  bombBytes: number;
  /** OPF manifest items (and spine references) in the huge OPF. */
  opfItems: number;
}

export const FULL_SIZES: HostileSizes = {
  longLineBytes: 50 * 1024 * 1024,
  nestingDepth: 100_000,
  chapters: 10_000,
  tags: 100_000,
  bombBytes: 3 * 1024 * 1024 * 1024,
  opfItems: 100_000,
};

/** A story file of the parse fixtures (EPUB folders zipped), the material of the cut and mutated kinds. */
export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

export interface HostileOptions {
  count: number;
  seed: number;
  fixtures: readonly Fixture[];
  sizes?: HostileSizes;
}

/**
 * How often each kind is drawn once every kind has had its file. The heavy kinds (tens of MB to parse, or
 * thousands of rows to store) are rare, so ten thousand files stay a run of minutes; every kind still appears.
 */
const WEIGHTS: Readonly<Record<HostileKind, number>> = {
  "good": 300,
  "random-bytes": 60,
  "truncated-fixture": 80,
  "mutated-fixture": 160,
  "long-line": 0.4,
  "deep-html": 5,
  "deep-epub": 5,
  "zip-bomb": 5,
  "zip-archive-bomb": 2,
  "zip-many-entries": 2,
  "zip-lying-sizes": 10,
  "zip-parent-entry": 20,
  "zip-absolute-entry": 20,
  "opf-href-escape": 20,
  "huge-opf": 2,
  "billion-laughs": 30,
  "external-entity": 30,
  "bad-utf8": 30,
  "utf16-no-bom": 30,
  "mixed-encoding": 30,
  "overlong-utf8": 30,
  "nul-bytes": 30,
  "many-chapters": 1,
  "many-tags": 1,
};

const KIND_STREAM = 1;
const FILE_STREAM = 2;
const GOOD_SEED_SALT = 0x600d;

/** What /etc/passwd holds on every Unix system: must never reach a stored work. */
const PASSWD_LINE = "root:x:0:0";

/**
 * The hostile files, in order, generated as they are asked for. The first HOSTILE_KINDS.length files are one of
 * each kind (so any run of at least that many has them all); the rest are drawn by WEIGHTS.
 * @example for (const file of hostileFiles({ count: 100, seed: 1, fixtures: await loadParseFixtures() })) …
 */
export function* hostileFiles(options: HostileOptions): Generator<HostileFile> {
  const sizes = options.sizes ?? FULL_SIZES;
  if (options.fixtures.length === 0) throw new RangeError("hostileFiles needs at least one fixture to cut and mutate");
  // Good files are the corpus's works in order: distinct stories, so none is a duplicate of another.
  const good = generateCorpus({ works: options.count, seed: (options.seed ^ GOOD_SEED_SALT) >>> 0, duplicateRate: 0, brokenRate: 0 });
  const kinds = Object.entries(WEIGHTS) as [HostileKind, number][];
  for (let index = 0; index < options.count; index += 1) {
    const kind = HOSTILE_KINDS[index] ?? weighted(createRandom([options.seed, index, KIND_STREAM]), kinds);
    const random = createRandom([options.seed, index, FILE_STREAM]);
    const made = kind === "good" ? goodFile(good.next()) : makeHostile(kind, random, sizes, options.fixtures);
    yield { name: `${String(index).padStart(5, "0")}-${kind}${made.extension}`, kind, bytes: made.bytes, expect: made.expect };
  }
}

/** The parse fixtures' story files, EPUB folders zipped (mimetype first, stored), in name order. */
export async function loadParseFixtures(): Promise<Fixture[]> {
  const folder = join(packageRoot(), "test", "fixtures", "parse");
  const names = (await readdir(folder)).filter((n) => !n.endsWith(".json") && n !== "README.md").sort();
  return Promise.all(names.map(async (name) => ({ name: name.replace(/\.d$/u, ""), bytes: name.endsWith(".epub.d") ? await zipFolder(join(folder, name)) : new Uint8Array(await readFile(join(folder, name))) })));
}

async function zipFolder(folder: string): Promise<Uint8Array> {
  const entries: ZipEntry[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    entries.push({ name: path.slice(folder.length + 1).split("\\").join("/"), data: new Uint8Array(await readFile(path)) });
  }
  entries.sort((a, b) => (a.name === "mimetype" ? -1 : b.name === "mimetype" ? 1 : a.name.localeCompare(b.name)));
  return storedZip(entries);
}

interface Made {
  extension: string;
  bytes: Uint8Array;
  expect: Expectation;
}

function goodFile(next: IteratorResult<GeneratedFile>): Made {
  if (next.done) throw new Error("the corpus ended before the good files did");
  const extension = /\.[a-z]+$/u.exec(next.value.path)?.[0] ?? ".txt";
  return { extension, bytes: next.value.bytes, expect: { outcome: "imported" } };
}

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

// Original sentences, so that stories made here are nobody's text.
const SENTENCES = [
  "The ferry left the harbour an hour late, and nobody on board seemed to mind.",
  "Ines counted the lanterns along the sea wall and lost count at forty.",
  "A gull argued with the wind over the last of the bread.",
  "By the time the rain reached the market, the stalls were already folded away.",
  "He kept the letter in his coat for three days before he opened it.",
  "The lighthouse keeper's radio played the same old song twice that night.",
  "Somewhere below deck a kettle began to whistle, thin and patient.",
  "They walked the causeway at low tide, carrying their shoes.",
];

function paragraphs(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => Array.from({ length: random.between(2, 5) }, () => random.pick(SENTENCES)).join(" "));
}

/** A plain-text story with a title line and a few paragraphs. */
function plainStory(random: Random, title: string): string {
  return `Title: ${title}\nAuthor: Harbour Writer\n\n${paragraphs(random, random.between(3, 8)).join("\n\n")}\n`;
}

function makeHostile(kind: Exclude<HostileKind, "good">, random: Random, sizes: HostileSizes, fixtures: readonly Fixture[]): Made {
  switch (kind) {
    case "random-bytes":
      return { extension: random.pick([".txt", ".html", ".md", ".epub"]), bytes: noise(random, random.between(1, 64 * 1024)), expect: { outcome: "refused", reason: /binary content|not supported|file is empty|not a readable zip/u } };
    case "truncated-fixture": {
      const fixture = random.pick(fixtures);
      return { extension: extensionOf(fixture.name), bytes: fixture.bytes.slice(0, random.below(fixture.bytes.length)), expect: { outcome: "either" } };
    }
    case "mutated-fixture": {
      const fixture = random.pick(fixtures);
      return { extension: extensionOf(fixture.name), bytes: mutate(random, fixture.bytes), expect: { outcome: "either" } };
    }
    case "long-line": {
      // One line, no newline anywhere: words and punctuation, no paragraph break for a splitter to find.
      const unit = "and the tide kept on coming, ";
      return { extension: ".txt", bytes: utf8(unit.repeat(Math.ceil(sizes.longLineBytes / unit.length))), expect: { outcome: "imported" } };
    }
    case "deep-html": {
      const tag = random.pick(["div", "blockquote", "span", "b"]);
      const html = `<html><body>${`<${tag}>`.repeat(sizes.nestingDepth)}<p>${paragraphs(random, 1).join("")}</p>${`</${tag}>`.repeat(sizes.nestingDepth)}</body></html>`;
      return { extension: ".html", bytes: utf8(html), expect: { outcome: "imported" } };
    }
    case "deep-epub": {
      // Deep in the chapter's XHTML, or (the XML parser's turn) deep in the OPF's metadata.
      const deep = `${"<div>".repeat(sizes.nestingDepth)}<p>${paragraphs(random, 1).join("")}</p>${"</div>".repeat(sizes.nestingDepth)}`;
      const inOpf = random.chance(0.5);
      const opfExtra = inOpf ? `${"<x:a xmlns:x=\"urn:x\">".repeat(sizes.nestingDepth)}${"</x:a>".repeat(sizes.nestingDepth)}` : "";
      return { extension: ".epub", bytes: epub({ title: "Deep Water", metadataExtra: opfExtra, chapters: [chapterXhtml(inOpf ? `<p>${paragraphs(random, 1).join("")}</p>` : deep)] }), expect: { outcome: "imported" } };
    }
    case "zip-bomb":
      // An honest bomb: the sizes it declares are the GBs it would inflate to.
      return { extension: ".epub", bytes: epub({ title: "Bomb", chapters: [chapterXhtml(`<p>${SENTENCES[0]}</p>`)], extra: [zeroEntry("OEBPS/bomb.xhtml", sizes.bombBytes)] }), expect: { outcome: "refused", reason: /EPUB rejected: the archive expands to more than/u } };
    case "zip-archive-bomb":
      // A .zip of stories (read by the import itself, not the EPUB parser) with a bomb among them.
      return { extension: ".zip", bytes: rawZip([stored("story.txt", utf8(plainStory(random, "Beside the Bomb"))), zeroEntry("bomb.txt", sizes.bombBytes)]), expect: { outcome: "refused", reason: /larger than \d+ MB/u } };
    case "zip-many-entries": {
      const padding = Array.from({ length: 12_000 }, (_, k) => stored(`OEBPS/pad/${k}.txt`, utf8("x")));
      return { extension: ".epub", bytes: epub({ title: "Crowded", chapters: [chapterXhtml(`<p>${SENTENCES[1]}</p>`)], extra: padding }), expect: { outcome: "refused", reason: /EPUB rejected: more than \d+ entries/u } };
    }
    case "zip-lying-sizes": {
      // The chapter declares 1 KB and inflates to 300 MB: the reader must stop at the declared size.
      const lie = zeroEntry("OEBPS/c1.xhtml", 300 * 1024 * 1024, 1024);
      return { extension: ".epub", bytes: epub({ title: "Liar", chapters: [], extra: [lie], spine: ["c1.xhtml"] }), expect: { outcome: "refused", reason: /EPUB rejected: .*damaged|EPUB rejected/u } };
    }
    case "zip-parent-entry":
      return { extension: ".epub", bytes: epub({ title: "Escape", chapters: [chapterXhtml(`<p>${SENTENCES[2]}</p>`)], extra: [stored(random.pick(["../evil.xhtml", "OEBPS/../../evil.xhtml", "..\\evil.xhtml"]), utf8(chapterXhtml(`<p>${PASSWD_LINE}</p>`)))] }), expect: { outcome: "refused", reason: /EPUB rejected/u } };
    case "zip-absolute-entry":
      return { extension: ".epub", bytes: epub({ title: "Absolute", chapters: [chapterXhtml(`<p>${SENTENCES[3]}</p>`)], extra: [stored(random.pick(["/etc/passwd", "/tmp/evil.xhtml", "C:/evil.xhtml"]), utf8(PASSWD_LINE))] }), expect: { outcome: "refused", reason: /EPUB rejected/u } };
    case "opf-href-escape":
      // A manifest that points outside the archive: nothing outside it may be read.
      return { extension: ".epub", bytes: epub({ title: "Pointing Out", chapters: [chapterXhtml(`<p>${paragraphs(random, 2).join("</p><p>")}</p>`)], spine: [random.pick(["../../../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "%2e%2e/%2e%2e/etc/passwd"])] }), expect: { outcome: "either", forbidden: [PASSWD_LINE] } };
    case "huge-opf": {
      const items = Array.from({ length: sizes.opfItems }, (_, k) => `<item id="i${k}" href="missing/${k}.xhtml" media-type="application/xhtml+xml"/>`).join("");
      const refs = Array.from({ length: sizes.opfItems }, (_, k) => `<itemref idref="i${k}"/>`).join("");
      return { extension: ".epub", bytes: epub({ title: "Huge Manifest", chapters: [chapterXhtml(`<p>${paragraphs(random, 2).join("</p><p>")}</p>`)], manifestExtra: items, spineExtra: refs }), expect: { outcome: "either" } };
    }
    case "billion-laughs":
      return billionLaughs(random);
    case "external-entity":
      return externalEntity(random);
    case "bad-utf8": {
      const text = plainStory(random, "Broken Bytes");
      return { extension: ".txt", bytes: sprinkle(random, utf8(text), () => random.pick([[0xff], [0xfe], [0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]])), expect: { outcome: "imported" } };
    }
    case "utf16-no-bom": {
      const text = plainStory(random, "Two Bytes Each");
      const bytes = Buffer.from(text, "utf16le");
      return { extension: ".txt", bytes: random.chance(0.5) ? new Uint8Array(bytes) : new Uint8Array(bytes.swap16()), expect: { outcome: "either" } };
    }
    case "mixed-encoding": {
      // UTF-8 paragraphs and Windows-1252 ones in one file, as a file edited on two machines ends up.
      const parts = paragraphs(random, 6).map((p, k) => (k % 2 === 0 ? utf8(`“${p}” — café\n\n`) : windows1252(`\u201c${p}\u201d \u2014 caf\u00e9\n\n`)));
      return { extension: ".txt", bytes: Buffer.concat([utf8("Title: Two Machines\n\n"), ...parts]), expect: { outcome: "imported" } };
    }
    case "overlong-utf8": {
      // Overlong forms of '/', '.', '<' and NUL, and a surrogate: invalid UTF-8 a lax decoder turns into markup.
      const text = plainStory(random, "Overlong");
      return { extension: random.pick([".txt", ".html"]), bytes: sprinkle(random, utf8(text), () => random.pick([[0xc0, 0xaf], [0xc0, 0xae], [0xc0, 0xbc], [0xc0, 0x80], [0xe0, 0x80, 0xbc], [0xf0, 0x80, 0x80, 0xbc]])), expect: { outcome: "imported", forbidden: ["<script"] } };
    }
    case "nul-bytes": {
      const text = plainStory(random, "Nothing Between");
      return { extension: random.pick([".txt", ".html", ".md"]), bytes: sprinkle(random, utf8(text), () => [0]), expect: { outcome: "either" } };
    }
    case "many-chapters": {
      const chapters = Array.from({ length: sizes.chapters }, (_, k) => `Chapter ${k + 1}\n\n${random.pick(SENTENCES)}`).join("\n\n");
      return { extension: ".txt", bytes: utf8(`Title: The Long Way Round\nAuthor: Harbour Writer\n\n${chapters}\n`), expect: { outcome: "imported" } };
    }
    case "many-tags": {
      const tags = Array.from({ length: sizes.tags }, (_, k) => `Harbour Tag ${k}`).join(", ");
      return { extension: ".txt", bytes: utf8(`Title: Tagged to the Mast\nAuthor: Harbour Writer\nAdditional Tags: ${tags}\nCharacters: ${tags}\n\n${paragraphs(random, 4).join("\n\n")}\n`), expect: { outcome: "imported" } };
    }
  }
}

function extensionOf(name: string): string {
  return /\.[a-z]+$/u.exec(name)?.[0] ?? ".txt";
}

/** Random bytes, none of them a BOM or zip signature at the start (those have kinds of their own). */
function noise(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = random.below(256);
  bytes[0] = random.below(0x20);
  return bytes;
}

/** Flipped, inserted, deleted and repeated bytes: what a failing disk or a bad transfer leaves. */
function mutate(random: Random, original: Uint8Array): Uint8Array {
  let bytes = Buffer.from(original);
  for (let n = random.between(1, 12); n > 0 && bytes.length > 0; n -= 1) {
    const at = random.below(bytes.length);
    const span = random.between(1, Math.min(256, bytes.length - at));
    switch (random.below(4)) {
      case 0:
        bytes[at] = random.below(256);
        break;
      case 1:
        bytes = Buffer.concat([bytes.subarray(0, at), noise(random, span), bytes.subarray(at)]);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + span)]);
        break;
      default:
        bytes = Buffer.concat([bytes.subarray(0, at + span), bytes.subarray(at, at + span), bytes.subarray(at + span)]);
    }
  }
  return new Uint8Array(bytes);
}

/** The text with a few byte sequences dropped in at random places (after the title line, so it stays a story). */
function sprinkle(random: Random, bytes: Uint8Array, sequence: () => number[]): Uint8Array {
  const start = bytes.indexOf(0x0a) + 1;
  const points = Array.from({ length: random.between(1, 40) }, () => start + random.below(bytes.length - start)).sort((a, b) => a - b);
  const out: number[] = [];
  let from = 0;
  for (const point of points) {
    for (let i = from; i < point; i += 1) out.push(bytes[i] ?? 0);
    out.push(...sequence());
    from = point;
  }
  for (let i = from; i < bytes.length; i += 1) out.push(bytes[i] ?? 0);
  return new Uint8Array(out);
}

function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { "\u201c": 0x93, "\u201d": 0x94, "\u2014": 0x97 };
  return new Uint8Array([...text].map((c) => special[c] ?? (c.charCodeAt(0) & 0xff)));
}

const LOL_LEVELS = 10;

/** Ten levels of ten: a billion "lol"s if expanded. In the OPF, a chapter, or an HTML file's DOCTYPE. */
function billionLaughs(random: Random): Made {
  const entities = `<!ENTITY lol0 "lol">${Array.from({ length: LOL_LEVELS - 1 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k};`.repeat(10)}">`).join("")}`;
  const top = `&lol${LOL_LEVELS - 1};`;
  const forbidden = ["lol".repeat(100)];
  const where = random.pick(["opf", "chapter", "html"] as const);
  if (where === "html") {
    const html = `<!DOCTYPE html [${entities}]><html><head><title>${top}</title></head><body><p>${top}</p><p>${paragraphs(random, 3).join("</p><p>")}</p></body></html>`;
    return { extension: ".html", bytes: utf8(html), expect: { outcome: "imported", forbidden, maxStoredChars: 100_000 } };
  }
  const chapter = chapterXhtml(`<p>${where === "chapter" ? top : ""}</p><p>${paragraphs(random, 3).join("</p><p>")}</p>`, where === "chapter" ? `<!DOCTYPE html [${entities}]>` : "");
  return { extension: ".epub", bytes: epub({ title: top, prolog: where === "opf" ? `<!DOCTYPE package [${entities}]>` : "", chapters: [chapter] }), expect: { outcome: "imported", forbidden, maxStoredChars: 100_000 } };
}

/** SYSTEM entities naming a local file and a network address: neither may be read. */
function externalEntity(random: Random): Made {
  const target = random.pick(["file:///etc/passwd", "/etc/passwd", "http://127.0.0.1:9/steal", "https://example.invalid/x.dtd", "../../../../etc/passwd"]);
  const doctype = (root: string) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${target}"><!ENTITY % remote SYSTEM "${target}"> %remote;]>`;
  const expect: Expectation = { outcome: "imported", forbidden: [PASSWD_LINE] };
  const where = random.pick(["opf", "chapter", "html"] as const);
  if (where === "html") {
    return { extension: ".html", bytes: utf8(`${doctype("html")}<html><head><title>&xxe;</title></head><body><p>&xxe;</p><p>${paragraphs(random, 3).join("</p><p>")}</p></body></html>`), expect };
  }
  const chapter = chapterXhtml(`<p>${where === "chapter" ? "&xxe;" : ""}</p><p>${paragraphs(random, 3).join("</p><p>")}</p>`, where === "chapter" ? doctype("html") : "");
  return { extension: ".epub", bytes: epub({ title: where === "opf" ? "&xxe;" : "Outside Lines", prolog: where === "opf" ? doctype("package") : "", chapters: [chapter] }), expect };
}

function chapterXhtml(body: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="utf-8"?>${prolog}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter</title></head><body>${body}</body></html>`;
}

interface EpubParts {
  title: string;
  /** Before the <package> element: a DOCTYPE. */
  prolog?: string;
  metadataExtra?: string;
  manifestExtra?: string;
  spineExtra?: string;
  /** Chapter documents, stored as OEBPS/cN.xhtml and listed in the manifest and spine. */
  chapters: readonly string[];
  /** Further hrefs (relative to OEBPS/) for the spine, with manifest items of their own. */
  spine?: readonly string[];
  /** Further entries, written after the chapters. */
  extra?: readonly RawZipEntry[];
}

const CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;

function epub(parts: EpubParts): Uint8Array {
  const hrefs = [...parts.chapters.map((_, k) => `c${k + 1}.xhtml`), ...(parts.spine ?? [])];
  const manifest = hrefs.map((href, k) => `<item id="s${k}" href="${href}" media-type="application/xhtml+xml"/>`).join("");
  const spine = hrefs.map((_, k) => `<itemref idref="s${k}"/>`).join("");
  const opf = `<?xml version="1.0" encoding="utf-8"?>${parts.prolog ?? ""}<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${parts.title}</dc:title><dc:creator>Harbour Writer</dc:creator><dc:identifier id="id">hostile</dc:identifier><dc:language>en</dc:language>${parts.metadataExtra ?? ""}</metadata><manifest>${manifest}${parts.manifestExtra ?? ""}</manifest><spine>${spine}${parts.spineExtra ?? ""}</spine></package>`;
  return rawZip([
    stored("mimetype", utf8("application/epub+zip")),
    stored("META-INF/container.xml", utf8(CONTAINER)),
    stored("OEBPS/content.opf", utf8(opf)),
    ...parts.chapters.map((chapter, k) => stored(`OEBPS/c${k + 1}.xhtml`, utf8(chapter))),
    ...(parts.extra ?? []),
  ]);
}

function stored(name: string, data: Uint8Array): RawZipEntry {
  return { name, method: 0, data, crc: crc32(data), uncompressedSize: data.length };
}

const ZERO_BLOCK_BYTES = 64 * 1024 * 1024;
/** A deflate final block with no data (fixed Huffman, end of block at once). */
const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);
let zeroBlock: { deflated: Buffer; crcs: Map<number, number> } | null = null;

/**
 * An entry of `size` zero bytes (rounded up to 64 MiB blocks) that declares its true size, or the size `lie`. Each 64 MiB is deflated once, with a full flush, so its output is byte-aligned and stands
 * alone: the same bytes repeated are a valid stream, and a 3 GiB bomb costs 3 MB and no 3 GiB buffer.
 */
function zeroEntry(name: string, size: number, lie?: number): RawZipEntry {
  zeroBlock ??= { deflated: deflateRawSync(Buffer.alloc(ZERO_BLOCK_BYTES), { finishFlush: zlibConstants.Z_FULL_FLUSH, level: 9 }), crcs: new Map() };
  const blocks = Math.max(1, Math.ceil(size / ZERO_BLOCK_BYTES));
  let crc = zeroBlock.crcs.get(blocks);
  if (crc === undefined) {
    const zeros = Buffer.alloc(ZERO_BLOCK_BYTES);
    crc = 0;
    for (let k = 0; k < blocks; k += 1) crc = crc32(zeros, crc);
    zeroBlock.crcs.set(blocks, crc);
  }
  const data = Buffer.concat([...Array<Buffer>(blocks).fill(zeroBlock.deflated), FINAL_EMPTY_BLOCK]);
  return { name, method: 8, data: new Uint8Array(data), crc, uncompressedSize: lie ?? blocks * ZERO_BLOCK_BYTES };
}

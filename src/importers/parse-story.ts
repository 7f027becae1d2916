/**
 * The importer's entry point: one story file's bytes in, one structured work out. Detects the format from the
 * bytes (and the file name as a hint) and dispatches to the format's parser.
 */
import { UnreadableStoryError } from "../domain/errors.js";
import type { ParsedWork } from "../domain/work.js";
import { decodeText } from "./decode.js";
import { parseEpubStory } from "./epub/parse-epub.js";
import { parseHtmlStory } from "./html/parse-html.js";
import { hasFrontMatter, parseMarkdownStory } from "./markdown/parse-markdown.js";
import { parseTextStory } from "./text/parse-text.js";

export type StoryFormat = "text" | "markdown" | "html" | "epub";

/**
 * Recorded with every imported file. Raise it when a change to the importer changes what it reads from files it
 * read before, so that a library can tell which works an older importer made.
 */
export const PARSER_VERSION = "6";

/** Larger files are refused: no story is this long, and parsing holds the whole file in memory. */
export const MAX_STORY_BYTES = 256 * 1024 * 1024;

export interface ParseResult {
  format: StoryFormat;
  encoding: string;
  work: ParsedWork;
}

/**
 * @throws UnreadableStoryError for empty, binary, oversized or damaged files.
 * @example const { work } = await parseStory(await readFile("fic.txt"), "fic.txt");
 */
export async function parseStory(bytes: Uint8Array, fileName = ""): Promise<ParseResult> {
  if (bytes.byteLength > MAX_STORY_BYTES) {
    throw new UnreadableStoryError("too-large", `file is larger than ${MAX_STORY_BYTES / 1048576} MB`);
  }
  rejectNonStoryName(fileName);
  if (isZip(bytes)) return { format: "epub", encoding: "zip", work: requireStory(await parseEpubStory(bytes)) };
  rejectKnownBinary(bytes);
  const declared = /\.x?html?$/iu.test(fileName) || startsLikeHtml(new TextDecoder("latin1").decode(bytes.subarray(0, 2048))) ? declaredCharset(bytes) : undefined;
  const { text, encoding, binary } = decodeText(bytes, declared);
  if (binary) throw new UnreadableStoryError("unsupported", "not a text, HTML or EPUB file (binary content)");
  if (text.trim().length === 0) throw new UnreadableStoryError("empty", "file is empty");
  const format = detectTextFormat(text, fileName);
  const work = format === "html" ? parseHtmlStory(text) : format === "markdown" ? parseMarkdownStory(text) : parseTextStory(text);
  return { format, encoding, work: requireStory(work) };
}

function requireStory(work: ParsedWork): ParsedWork {
  if (work.chapters.every((c) => c.text.trim().length === 0)) {
    throw new UnreadableStoryError("no-story", "no story text found (only metadata or markup)");
  }
  return work;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

const BINARY_SIGNATURES: readonly [string, number[]][] = [
  ["PDF", [0x25, 0x50, 0x44, 0x46]],
  ["Word 97-2003 (.doc)", [0xd0, 0xcf, 0x11, 0xe0]],
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["gzip archive", [0x1f, 0x8b]],
  ["MOBI/PalmDOC", [0x42, 0x4f, 0x4f, 0x4b, 0x4d, 0x4f, 0x42, 0x49]],
  ["RTF", [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

// Files that sit beside stories in saved sites and archive dumps (data, code, styles, media): their names say
// what they are, and reading one as a story would only make a work of JSON or CSS.
const NON_STORY_EXTENSIONS = new Set([
  "json", "jsonl", "ndjson", "csv", "tsv", "yaml", "yml", "toml", "ini", "cfg", "log", "sql", "db", "sqlite",
  "css", "js", "mjs", "cjs", "ts", "py", "rb", "php", "pl", "sh", "bat", "exe", "dll", "so", "jar",
  "png", "jpg", "jpeg", "gif", "bmp", "webp", "svg", "ico", "tif", "tiff", "psd",
  "mp3", "wav", "ogg", "flac", "m4a", "mp4", "m4v", "mov", "avi", "mkv", "webm",
  "woff", "woff2", "ttf", "otf", "eot", "swf",
]);

function rejectNonStoryName(fileName: string): void {
  const extension = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  if (extension && NON_STORY_EXTENSIONS.has(extension)) {
    throw new UnreadableStoryError("unsupported", `.${extension} files are not stories (text, HTML, Markdown or EPUB)`);
  }
}

function rejectKnownBinary(bytes: Uint8Array): void {
  for (const [name, signature] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) throw new UnreadableStoryError("unsupported", `${name} files are not supported; convert to text, HTML or EPUB`);
  }
}

// Markup at the very start, including the "<!-- saved from url=… -->" a browser writes over a saved page.
const HTML_START = /^(?:<!doctype html|<html|<\?xml[^>]*>\s*(?:<!doctype html|<html)|<head|<body|<meta|<title|<!--)/u;

function startsLikeHtml(head: string): boolean {
  return HTML_START.test(head.trimStart().toLowerCase());
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/iu.exec(head)?.[1];
}

// A tag, comment or doctype anywhere. Linear: a tag name is followed at once by a space, `/` or `>`.
const ANY_MARKUP = /<(?:\/?[a-z][\w:-]*[\s/>]|!--|!doctype)/iu;

function detectTextFormat(text: string, fileName: string): Exclude<StoryFormat, "epub"> {
  // A text file saved under an .html name holds no markup at all: read as HTML, its lines would run together into
  // one paragraph, the header with the story, and the story would be lost as metadata.
  if (/\.x?html?$/iu.test(fileName)) return ANY_MARKUP.test(text) ? "html" : "text";
  if (/\.(?:md|markdown|mdown)$/iu.test(fileName)) return "markdown";
  if (startsLikeHtml(text.slice(0, 2048))) return "html";
  // A .txt file is text even when it opens with a --- block: its indented paragraphs are no Markdown code.
  if (!/\.txt$/iu.test(fileName) && hasFrontMatter(text)) return "markdown";
  // A text file that is mostly tags was saved from a web page without its .html extension.
  const tags = (text.slice(0, 8192).match(/<\/?(?:p|div|br|i|b|em|strong|span|font|center)\b[^>]*>/giu) ?? []).length;
  return tags >= 10 ? "html" : "text";
}

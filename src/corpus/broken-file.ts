/**
 * Files that cannot be a story, as any real collection has them: empty files, random bytes from a failed download,
 * an EPUB cut short by an interrupted copy, and a PDF saved under a story's name. The importer must refuse each.
 */
import type { Random } from "./random.js";
import type { CorpusFormat } from "./synthetic-work.js";

/** The kinds of file that cannot be a story. */
export type BrokenKind = "empty" | "whitespace" | "random-bytes" | "truncated-epub" | "pdf";

/** A broken file and what its name claims it is. */
export interface BrokenFile {
  kind: BrokenKind;
  bytes: Uint8Array;
  /** The format the file's name claims. */
  format: CorpusFormat;
  extension: string;
  /** For the manifest: "utf-8" for the empty ones, "binary" otherwise. */
  encoding: string;
}

/** Every kind, drawn uniformly. */
export const BROKEN_KINDS: readonly BrokenKind[] = ["empty", "whitespace", "random-bytes", "truncated-epub", "pdf"];

/**
 * @param epub a complete EPUB to cut short, for the "truncated-epub" kind.
 */
export function brokenFile(kind: BrokenKind, random: Random, epub: () => Uint8Array): BrokenFile {
  switch (kind) {
    case "empty":
      return { kind, bytes: new Uint8Array(), format: "text", extension: ".txt", encoding: "utf-8" };
    case "whitespace":
      return { kind, bytes: new TextEncoder().encode(" \n\n\t\n"), format: "markdown", extension: ".md", encoding: "utf-8" };
    case "random-bytes":
      return { kind, bytes: randomBytes(random, random.between(64, 8192)), format: "text", extension: ".txt", encoding: "binary" };
    case "truncated-epub": {
      // Cutting anywhere before the end loses the central directory, which a zip reader needs first.
      const whole = epub();
      const keep = Math.max(30, Math.floor(whole.length * (0.2 + 0.6 * random.float())));
      return { kind, bytes: whole.slice(0, keep), format: "epub", extension: ".epub", encoding: "binary" };
    }
    case "pdf":
      return { kind, bytes: pdfBytes(random), format: "text", extension: ".txt", encoding: "binary" };
  }
}

/**
 * Bytes with no text in them. The first is zero, so they never start with a byte-order mark or a zip signature
 * (which would send the importer down another path), and a quarter of them are control characters.
 */
function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    const word = random.uint32();
    bytes[i] = word & 0xff;
    if (i + 1 < length) bytes[i + 1] = (word >>> 8) & 0xff;
    if (i + 2 < length) bytes[i + 2] = (word >>> 16) & 0xff;
    if (i + 3 < length) bytes[i + 3] = (word >>> 24) & 0x1f;
  }
  bytes[0] = 0;
  return bytes;
}

function pdfBytes(random: Random): Uint8Array {
  const head = `%PDF-1.${random.between(3, 7)}\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n`;
  const body = randomBytes(random, random.between(256, 4096));
  const text = new Uint8Array(head.length);
  for (let i = 0; i < head.length; i += 1) text[i] = head.charCodeAt(i) & 0xff;
  const out = new Uint8Array(text.length + body.length);
  out.set(text, 0);
  out.set(body, text.length);
  return out;
}

/**
 * Bytes to text for legacy files: BOMs, UTF-16, Windows-1252 and Latin-1, a declared charset, and repair of
 * double-encoded UTF-8. Line ends come out as `\n` only.
 */
import iconv from "iconv-lite";
import chardet from "chardet";
import { repairMojibake } from "./mojibake.js";

export interface DecodedText {
  /** The text, without control characters (only tab and line feed remain). */
  text: string;
  /** The encoding the bytes were read as, for the readable summary. */
  encoding: string;
  /** Whether the bytes look like binary data rather than text: many control characters where text has none. */
  binary: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * @param declared a charset the file declares about itself (HTML `<meta charset>`, XML prolog); trusted only
 *   when the bytes are not valid UTF-8, because files are often re-saved as UTF-8 without fixing the meta tag.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return finish(bom.text, bom.encoding);
  if (looksLikeUtf16(bytes)) {
    const encoding = bytes[0] === 0 ? "utf-16be" : "utf-16le";
    return finish(iconv.decode(Buffer.from(bytes), encoding), encoding);
  }
  try {
    return finish(utf8.decode(bytes), "utf-8");
  } catch {
    const encoding = legacyEncoding(bytes, declared);
    return finish(iconv.decode(Buffer.from(bytes), encoding), encoding);
  }
}

function finish(raw: string, encoding: string): DecodedText {
  const text = raw.replace(/\r\n?/gu, "\n");
  // Control characters would reach terminals (an escape sequence in a title can rewrite the user's screen) and
  // JSON consumers; no story needs one.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const clean = repairMojibake(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, "");
  return { text: clean, encoding, binary: isBinary(text) };
}

// Decoded text with many control characters was never text (random bytes, an executable, a database).
function isBinary(text: string): boolean {
  const sample = text.slice(0, 16_384);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) control += 1;
  }
  return control > sample.length * 0.05;
}

function decodeWithBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8 (BOM)" };
  }
  if (a === 0xff && b === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le (BOM)" };
  if (a === 0xfe && b === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be (BOM)" };
  return null;
}

// UTF-16 without a BOM: ASCII-range text leaves every other byte zero.
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero += 1;
    if (sample[i + 1] === 0) oddZero += 1;
  }
  const pairs = sample.length / 2;
  return (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) || (oddZero > pairs * 0.4 && evenZero < pairs * 0.05);
}

// Bytes that are not UTF-8. Western legacy text is Windows-1252 far more often than true Latin-1 (where 0x80-0x9F
// are control characters nobody types), so both read as Windows-1252: 0x85 is "…", 0x92 is "’". A file whose
// lines end in CR alone was written on a classic Mac, whose encoding was Mac Roman.
function legacyEncoding(bytes: Uint8Array, declared: string | undefined): string {
  if (declared === undefined && hasClassicMacLineEnds(bytes)) return "macintosh";
  const normalised = declared?.trim().toLowerCase();
  if (normalised && iconv.encodingExists(normalised) && !/^(?:utf-?8|us-ascii|ascii)$/u.test(normalised)) {
    return isLatin1Family(normalised) ? "windows-1252" : normalised;
  }
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024))?.toLowerCase();
  if (guess && iconv.encodingExists(guess) && !isLatin1Family(guess) && !guess.startsWith("utf")) return guess;
  return "windows-1252";
}

function hasClassicMacLineEnds(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  return sample.includes(0x0d) && !sample.includes(0x0a);
}

function isLatin1Family(encoding: string): boolean {
  return /^(?:iso-?8859-1|latin-?1|l1|cp1252|windows-1252|iso-?8859-15|ascii|us-ascii)$/u.test(encoding);
}

/**
 * Text to the bytes of a legacy file: UTF-8 with or without a byte-order mark, Windows-1252, or UTF-16LE with a
 * byte-order mark, with LF or CRLF line ends.
 */
import iconv from "iconv-lite";
import type { TextEncoding } from "./synthetic-work.js";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

/**
 * @param text with `\n` line ends. Every character must be encodable in `encoding` (the corpus's vocabulary is
 *   Windows-1252-safe), else iconv-lite writes `?` in its place.
 */
export function encodeText(text: string, encoding: TextEncoding, crlf: boolean): Uint8Array {
  const lines = crlf ? text.replaceAll("\n", "\r\n") : text;
  switch (encoding) {
    case "utf-8":
      return Buffer.from(lines, "utf8");
    case "utf-8-bom":
      return withPrefix(UTF8_BOM, Buffer.from(lines, "utf8"));
    case "windows-1252":
      return iconv.encode(lines, "windows-1252");
    case "utf-16le-bom":
      return withPrefix(UTF16LE_BOM, Buffer.from(lines, "utf16le"));
  }
}

function withPrefix(prefix: readonly number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  return out;
}

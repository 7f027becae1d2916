/** Stable identifiers made from names: feed and entry ids (feeds/urn.ts) and a book's dc:identifier (export/epub.ts). */
import { createHash } from "node:crypto";

/**
 * A name-based UUID URN in RFC 4122 version 5's layout: the SHA-1 of the name, with the version and variant bits
 * set. The same name always gives the same URN, so a feed reader or an e-reader knows what it has seen before.
 * @example nameUuidUrn("https://archive.example/works/7") // "urn:uuid:…-…-5…-…-…"
 */
export function nameUuidUrn(name: string): string {
  const bytes = createHash("sha1").update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

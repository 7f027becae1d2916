/** Ids for feeds and entries: stable URNs, so a feed reader knows an entry it has seen. */
import { createHash } from "node:crypto";

/**
 * A name-based UUID URN (RFC 4122 version 5's layout: SHA-1 of the archive's key and the name), so an entry keeps
 * its id across requests and host names, and two archives never share one.
 * @param archiveKey a value fixed for the archive (derived from its site secret, never the secret itself).
 * @example feedUrn(key, "work/12") // "urn:uuid:3f2b…-5…"
 */
export function feedUrn(archiveKey: string, name: string): string {
  const bytes = createHash("sha1").update(`${archiveKey}\u0000${name}`, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

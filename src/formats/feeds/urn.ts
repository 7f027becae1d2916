/** Ids for feeds and entries: stable URNs, so a feed reader knows an entry it has seen. */
import { nameUuidUrn } from "../name-uuid.js";

/**
 * A name-based UUID URN (RFC 4122 version 5's layout: SHA-1 of the archive's key and the name), so an entry keeps
 * its id across requests and host names, and two archives never share one.
 * @param archiveKey a value fixed for the archive (derived from its site secret, never the secret itself).
 * @example feedUrn(key, "work/12") // "urn:uuid:3f2b…-5…"
 */
export function feedUrn(archiveKey: string, name: string): string {
  return nameUuidUrn(`${archiveKey}\u0000${name}`);
}

/**
 * The archive's owner, until accounts exist: whoever holds the library's owner key, which `quire serve` prints
 * as a sign-in link. The browser keeps the key in an HttpOnly cookie; comparisons take constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export const OWNER_COOKIE = "quire_owner";

export function isOwnerKey(ownerKey: string | null, offered: string | undefined): boolean {
  if (ownerKey === null || offered === undefined) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(ownerKey), digest(offered));
}

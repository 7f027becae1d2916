/**
 * Tokens a browser or a mail carries (sessions, password resets, invitations, the CSRF token): random, shown once,
 * stored only as a digest, and compared in constant time so that how long a comparison takes tells nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: a stolen copy of the database holds no usable one. */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Equal strings, in time that does not depend on where they differ (both are hashed to one length first). */
export function sameSecret(expected: string, offered: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(expected), digest(offered));
}

/**
 * Who a visitor is, for what must count them once — kudos from a guest, a hit a day — without storing who they
 * are: keyed digests (HMAC-SHA256 under the archive's secret) of their address or account, which a copy of the
 * database cannot turn back into either.
 */
import { createHmac } from "node:crypto";
import type { Viewer } from "../../domain/account.js";

/** What the web edge knows of the person making a request. */
export interface Visitor {
  viewer: Viewer;
  /** The client's address (web/request.ts clientAddress). */
  address: string;
}

function digest(siteSecret: string, text: string): string {
  return createHmac("sha256", siteSecret).update(text).digest("hex");
}

/** A guest, as their kudos remember them: the digest of their address. */
export function guestKey(siteSecret: string, address: string): string {
  return digest(siteSecret, address);
}

/** A visitor, as the day's hits remember them: their account when signed in, else their address. */
export function visitorKey(siteSecret: string, visitor: Visitor): string {
  return digest(siteSecret, visitor.viewer ? `user:${visitor.viewer.id}` : `address:${visitor.address}`);
}

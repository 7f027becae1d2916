/**
 * Invitations, made by admins: a link to the sign-up form that works once. Only the token's digest is stored,
 * so the link exists in the admin's page (and the invitee's mail) and nowhere else.
 */
import type { Kysely } from "kysely";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { deleteUnusedInvitation, insertInvitation, listInvitations, type InvitationRow } from "../../db/repositories/invitations.js";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";
import { isEmailAddress } from "./create-account.js";
import { sendOrReport } from "./account-mail.js";
import { requireAdmin } from "./roles.js";
import { newToken, tokenDigest } from "./secrets.js";

export type { InvitationRow };

export function invitationLink(origin: string, token: string): string {
  return `${origin}/signup?invitation=${encodeURIComponent(token)}`;
}

export interface NewInvitation {
  link: string;
  /** The address it was for, if any. */
  email: string | null;
  /** Why the mail to that address could not be sent; null when it went (or there was none to send). */
  undelivered: Error | null;
}

/**
 * Makes an invitation; with an address, mails it the link (a mail that cannot go leaves the invitation made, and
 * says why, so the admin can pass the link on).
 * @param origin the site's origin as readers reach it, for the link.
 * @throws as requireAdmin; ValidationError for a malformed address.
 */
export async function createInvitation(deps: { db: Kysely<Database>; mailer: Mailer }, viewer: Viewer, email: string | null, origin: string, now: string): Promise<NewInvitation> {
  const admin = requireAdmin(viewer);
  const address = email?.trim() || null;
  if (address !== null && !isEmailAddress(address)) throw new ValidationError({ email: "That does not look like an e-mail address." });
  const token = newToken();
  await insertInvitation(deps.db, { tokenHash: tokenDigest(token), email: address, createdBy: admin.id, now });
  const link = invitationLink(origin, token);
  const undelivered = address === null ? null : await sendOrReport(deps.mailer, {
    to: address,
    subject: "An invitation to the archive",
    text: `${admin.login} invites you to make an account on the archive at ${origin}/.\n\nSign up here (the link works once):\n${link}\n\nIf you were not expecting this, ignore this message.\n`,
  });
  return { link, email: address, undelivered };
}

/** @throws as requireAdmin. */
export function listInvitationsForAdmin(db: Kysely<Database>, viewer: Viewer): Promise<InvitationRow[]> {
  requireAdmin(viewer);
  return listInvitations(db);
}

/** @throws as requireAdmin; NotFoundError when there is no unused invitation of that id. */
export async function withdrawInvitation(db: Kysely<Database>, viewer: Viewer, id: number): Promise<void> {
  requireAdmin(viewer);
  if (!(await deleteUnusedInvitation(db, id))) throw new NotFoundError(`An unused invitation ${id}`);
}

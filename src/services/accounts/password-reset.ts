/**
 * Forgotten passwords: a link by mail, good for one hour and one use, that sets a new password. Asking answers
 * the same whether or not the account exists, and is limited per client address and per name asked about (the
 * name, not the account, so the limit tells nothing either). A reset ends every session of the account.
 */
import type { Kysely } from "kysely";
import { ValidationError } from "../../domain/errors.js";
import { claimPasswordReset, closePasswordResets, findUsablePasswordReset, insertPasswordReset, updatePasswordHash } from "../../db/repositories/passwords.js";
import { deleteUserSessions } from "../../db/repositories/sessions.js";
import { findUserByLoginOrEmail } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";
import type { AccountLibrary } from "./account-library.js";
import { signInKey } from "./create-account.js";
import { sendOrReport } from "./account-mail.js";
import { accountLimitKey, type AccountLimits } from "./limits.js";
import { checkNewPassword, hashPassword } from "./password.js";
import { newToken, tokenDigest } from "./secrets.js";

export const RESET_LINK_HOURS = 1;
export const EXPIRED_RESET = "This link has expired or has been used. Ask for a new one.";

export function passwordResetLink(origin: string, token: string): string {
  return `${origin}/password/reset?token=${encodeURIComponent(token)}`;
}

export interface ResetRequest {
  /** A login or an e-mail address. */
  name: string;
  address: string;
  /** The site's origin as readers reach it, for the link. */
  origin: string;
}

/**
 * Mails a reset link to the account the name belongs to, if there is one; says nothing either way.
 * @returns the error that kept the mail from going (for the server's log), or null.
 * @throws RateLimitedError after too many requests from the address or about the name.
 */
export async function requestPasswordReset(deps: { db: Kysely<Database>; mailer: Mailer }, limits: AccountLimits, request: ResetRequest, now: Date): Promise<Error | null> {
  const key = signInKey(request.name);
  limits.resetRequestByAddress.hit(request.address, now.getTime());
  limits.resetRequestByName.hit(key, now.getTime());
  const user = key.length > 0 ? await findUserByLoginOrEmail(deps.db, key) : undefined;
  if (!user) return null;
  const token = newToken();
  await insertPasswordReset(deps.db, { id: tokenDigest(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 3600_000).toISOString() });
  return sendOrReport(deps.mailer, {
    to: user.email,
    subject: "Resetting your password",
    text: `Someone (we hope you) asked to reset the password of the account "${user.login}" at ${request.origin}/.\n\n`
      + `Choose a new password here within ${RESET_LINK_HOURS} hour (the link works once):\n${passwordResetLink(request.origin, token)}\n\n`
      + "If you did not ask, ignore this message: your password stays as it is.\n",
  });
}

/** Is the token a reset link that can still be used? */
export async function isPasswordResetUsable(db: Kysely<Database>, token: string, now: string): Promise<boolean> {
  return (await findUsablePasswordReset(db, tokenDigest(token), now)) !== undefined;
}

/**
 * Sets the new password and uses up the link, ending every session of the account and its other reset links.
 * @returns the user's id, to sign them in.
 * @throws RateLimitedError after too many tries from the address; ValidationError for a bad password or a link
 *   that is unknown, expired or used (`token`).
 */
export async function resetPassword(library: AccountLibrary, limits: AccountLimits, form: { token: string; password: string; address: string }, now: Date): Promise<number> {
  const at = now.toISOString();
  const id = tokenDigest(form.token);
  limits.resetByAddress.hit(form.address, now.getTime());
  checkNewPassword(form.password);
  if ((await findUsablePasswordReset(library.db, id, at)) === undefined) throw new ValidationError({ token: EXPIRED_RESET });
  const passwordHash = await hashPassword(form.password);
  const userId = await library.engine.writeTransaction(library.db, async (trx) => {
    const owner = await claimPasswordReset(trx, id, at);
    if (owner === undefined) throw new ValidationError({ token: EXPIRED_RESET });
    await updatePasswordHash(trx, owner, passwordHash, at);
    await closePasswordResets(trx, owner, at);
    await deleteUserSessions(trx, owner);
    return owner;
  });
  // The owner of the address has shown who they are: failed guesses by someone else no longer lock them out.
  limits.signInByAccount.reset(accountLimitKey(userId));
  return userId;
}

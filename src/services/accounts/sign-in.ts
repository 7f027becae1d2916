/**
 * Signing in with a login or e-mail address and a password. Every failure reads the same and takes as long
 * (an unknown name still costs a password check), so the form tells no one which names have accounts; failures
 * are limited per client address and per account.
 */
import type { Kysely } from "kysely";
import { ValidationError } from "../../domain/errors.js";
import { findUserByLoginOrEmail } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { signInKey } from "./create-account.js";
import { accountLimitKey, type AccountLimits } from "./limits.js";
import { verifyNoPassword, verifyPassword } from "./password.js";

export const WRONG_SIGN_IN = "That user name or password is not right.";

export interface SignInAttempt {
  /** A login or an e-mail address. */
  name: string;
  password: string;
  /** The client's address, for the limit. */
  address: string;
}

/**
 * @returns the user's id.
 * @throws RateLimitedError after too many failures from the address or for the account (before checking the
 *   password); ValidationError with WRONG_SIGN_IN for a wrong name or password.
 */
export async function checkSignIn(db: Kysely<Database>, limits: AccountLimits, attempt: SignInAttempt, nowMs: number): Promise<number> {
  const key = signInKey(attempt.name);
  const user = key.length > 0 ? await findUserByLoginOrEmail(db, key) : undefined;
  // By account where there is one, so that its login and its address share one count.
  const accountKey = user ? accountLimitKey(user.id) : `name:${key}`;
  limits.signInByAddress.check(attempt.address, nowMs);
  limits.signInByAccount.check(accountKey, nowMs);
  const right = user ? await verifyPassword(attempt.password, user.password_hash) : await verifyNoPassword(attempt.password);
  if (!user || !right) {
    limits.signInByAddress.hit(attempt.address, nowMs);
    limits.signInByAccount.hit(accountKey, nowMs);
    throw new ValidationError({ name: WRONG_SIGN_IN });
  }
  limits.signInByAccount.reset(accountKey);
  return user.id;
}

/**
 * Checks a signed-in user's own password before a change that needs it (a new password or address), with the
 * sign-in limits, so a borrowed session cannot guess it either.
 * @throws RateLimitedError; ValidationError on `field` when the password is wrong.
 */
export async function confirmPassword(limits: AccountLimits, user: { id: number; password_hash: string }, password: string, address: string, nowMs: number, field: string): Promise<void> {
  const accountKey = accountLimitKey(user.id);
  limits.signInByAddress.check(address, nowMs);
  limits.signInByAccount.check(accountKey, nowMs);
  if (!(await verifyPassword(password, user.password_hash))) {
    limits.signInByAddress.hit(address, nowMs);
    limits.signInByAccount.hit(accountKey, nowMs);
    throw new ValidationError({ [field]: "That is not your password." });
  }
}

/**
 * A user's own account: its address and password (both changed only with the current password), the reader
 * preferences and history setting it keeps, and its pseuds. A new password ends every other session at once.
 */
import type { Kysely } from "kysely";
import type { Role, Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { closePasswordResets, updatePasswordHash } from "../../db/repositories/passwords.js";
import { listUserPseuds, type PseudRow } from "../../db/repositories/pseuds.js";
import { deleteUserSessions } from "../../db/repositories/sessions.js";
import { updateReadingSettings, updateUserEmail } from "../../db/repositories/user-settings.js";
import { findUserById } from "../../db/repositories/users.js";
import type { Database, UserRow } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";
import type { AccountLibrary } from "./account-library.js";
import { sendOrReport } from "./account-mail.js";
import { emailKey, emailProblem } from "./create-account.js";
import type { AccountLimits } from "./limits.js";
import { checkNewPassword, hashPassword } from "./password.js";
import { requireSignedIn } from "./roles.js";
import { tokenDigest } from "./secrets.js";
import { confirmPassword } from "./sign-in.js";

export interface AccountSettings {
  login: string;
  email: string;
  role: Role;
  historyEnabled: boolean;
  defaultAuthorId: number | null;
  pseuds: PseudRow[];
}

async function signedInUser(db: Kysely<Database>, viewer: Viewer): Promise<UserRow> {
  const account = requireSignedIn(viewer);
  const user = await findUserById(db, account.id);
  if (!user) throw new NotFoundError("Your account");
  return user;
}

/** @throws SignInRequiredError for a guest. */
export async function readAccountSettings(db: Kysely<Database>, viewer: Viewer): Promise<AccountSettings> {
  const user = await signedInUser(db, viewer);
  return {
    login: user.login, email: user.email, role: user.role, historyEnabled: user.history_enabled === 1, defaultAuthorId: user.default_author_id,
    pseuds: await listUserPseuds(db, user.id),
  };
}

/**
 * Sets a new password, after the current one; every session of the account ends (the caller signs this browser in
 * again) and unused reset links stop working.
 * @throws SignInRequiredError; RateLimitedError after too many wrong passwords; ValidationError (`current`, `password`).
 */
export async function changePassword(library: AccountLibrary, limits: AccountLimits, viewer: Viewer, form: { current: string; password: string; address: string }, now: Date): Promise<void> {
  const user = await signedInUser(library.db, viewer);
  await confirmPassword(limits, user, form.current, form.address, now.getTime(), "current");
  checkNewPassword(form.password);
  const passwordHash = await hashPassword(form.password);
  const at = now.toISOString();
  await library.engine.writeTransaction(library.db, async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash, at);
    await closePasswordResets(trx, user.id, at);
    await deleteUserSessions(trx, user.id);
  });
}

/**
 * Sets a new address, after the password, and tells the old address.
 * @returns the error that kept the note to the old address from going (for the server's log), or null.
 * @throws SignInRequiredError; RateLimitedError after too many wrong passwords; ValidationError (`email`, `password`).
 */
export async function changeEmail(deps: { db: Kysely<Database>; mailer: Mailer }, limits: AccountLimits, viewer: Viewer, form: { email: string; password: string; address: string }, now: Date): Promise<Error | null> {
  const user = await signedInUser(deps.db, viewer);
  const email = form.email.trim();
  if (emailKey(email) === user.email_key) {
    if (email === user.email) return null;
  } else {
    const problem = await emailProblem(deps.db, email);
    if (problem) throw new ValidationError({ email: problem });
  }
  await confirmPassword(limits, user, form.password, form.address, now.getTime(), "password");
  await updateUserEmail(deps.db, user.id, email, emailKey(email));
  if (emailKey(email) === user.email_key) return null;
  return sendOrReport(deps.mailer, {
    to: user.email,
    subject: "Your e-mail address was changed",
    text: `The e-mail address of the account "${user.login}" is now ${email}. If you did not change it, reset your password at once.\n`,
  });
}

/** Keeps the reader preferences (JSON the web edge wrote through its schema) on the account. @throws SignInRequiredError. */
export async function saveReaderPrefs(db: Kysely<Database>, viewer: Viewer, prefsJson: string): Promise<void> {
  await updateReadingSettings(db, requireSignedIn(viewer).id, { prefsJson });
}

/**
 * The account's reading settings: the preferences, and whether the archive keeps the works this user opens in
 * their history. @throws SignInRequiredError.
 */
export async function saveReadingSettings(db: Kysely<Database>, viewer: Viewer, settings: { prefsJson: string; historyEnabled: boolean }): Promise<void> {
  await updateReadingSettings(db, requireSignedIn(viewer).id, settings);
}

/** Signs the account out of every browser but this one (whose session token is `keepToken`). @throws SignInRequiredError. */
export async function endOtherSessions(db: Kysely<Database>, viewer: Viewer, keepToken: string): Promise<void> {
  await deleteUserSessions(db, requireSignedIn(viewer).id, tokenDigest(keepToken));
}

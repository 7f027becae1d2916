/**
 * Sign-up: open to anyone, or by invitation only (a library setting an admin switches). An invitation is used up
 * in the same transaction that creates the account, so one invitation makes one account however many forms race
 * with it. New accounts get the archive's chosen role: author (anyone may post, as on the Archive) unless the
 * admins made it reader.
 */
import type { Kysely } from "kysely";
import type { Role, Viewer } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { claimInvitation, isInvitationUsable, setInvitationUser } from "../../db/repositories/invitations.js";
import { claimSetting, readSetting } from "../../db/repositories/library-settings.js";
import { updateReadingSettings } from "../../db/repositories/user-settings.js";
import { insertUser } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import type { AccountLibrary } from "./account-library.js";
import { accountProblems, identityProblems, prepareAccount } from "./create-account.js";
import type { AccountLimits } from "./limits.js";
import { requireAdmin } from "./roles.js";
import { tokenDigest } from "./secrets.js";

export const SIGN_UP_MODES = ["open", "invitation"] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];
export const NEW_ACCOUNT_ROLES = ["author", "reader"] as const satisfies readonly Role[];
export type NewAccountRole = (typeof NEW_ACCOUNT_ROLES)[number];

const MODE_SETTING = "signup_mode";
const ROLE_SETTING = "signup_role";

export interface SignUpSettings {
  mode: SignUpMode;
  newAccountRole: NewAccountRole;
}

export const PASSWORDS_DIFFER = "The two passwords are not the same.";
export const INVALID_INVITATION = "Sign-up is by invitation only, and this invitation is not valid or has been used.";

export async function readSignUpSettings(db: Kysely<Database>): Promise<SignUpSettings> {
  const [mode, role] = await Promise.all([readSetting(db, MODE_SETTING), readSetting(db, ROLE_SETTING)]);
  return {
    mode: SIGN_UP_MODES.find((m) => m === mode) ?? "open",
    newAccountRole: NEW_ACCOUNT_ROLES.find((r) => r === role) ?? "author",
  };
}

/** @throws as requireAdmin. */
export async function saveSignUpSettings(db: Kysely<Database>, viewer: Viewer, settings: SignUpSettings): Promise<void> {
  requireAdmin(viewer);
  await claimSetting(db, MODE_SETTING, settings.mode);
  await claimSetting(db, ROLE_SETTING, settings.newAccountRole);
}

/** Is the invitation token one that can still be used? */
export function isInvitationValid(db: Kysely<Database>, token: string): Promise<boolean> {
  return isInvitationUsable(db, tokenDigest(token));
}

export interface SignUpForm {
  login: string;
  email: string;
  password: string;
  /** The password typed again. */
  confirm: string;
  /** The invitation token from the link, if any. */
  invitation: string | null;
  /** The reader preferences the browser had (JSON), which the account keeps. */
  prefsJson: string;
  /** The client's address, for the limit. */
  address: string;
}

/**
 * Creates the account. In invitation mode the invitation must be unused, and is used up with the account's
 * creation; in open mode a valid invitation is used up too (so its maker sees it taken), an invalid one ignored.
 * @returns the new user's id.
 * @throws RateLimitedError after too many sign-ups from the address; ValidationError naming each field that cannot
 *   be accepted (`invitation` for the invitation).
 */
export async function signUp(library: AccountLibrary, limits: AccountLimits, form: SignUpForm, now: Date): Promise<number> {
  const { db } = library;
  limits.signUpByAddress.hit(form.address, now.getTime());
  const at = now.toISOString();
  const settings = await readSignUpSettings(db);
  const invitation = form.invitation ? tokenDigest(form.invitation) : null;
  const usable = invitation !== null && (await isInvitationUsable(db, invitation));
  if (settings.mode === "invitation" && !usable) throw new ValidationError({ invitation: INVALID_INVITATION });
  const account = { login: form.login, email: form.email, password: form.password, role: settings.newAccountRole };
  // Every problem at once, the passwords' agreement with the rest, so the form need come back only once.
  const problems = await accountProblems(db, account);
  if (form.password !== form.confirm) problems.confirm = PASSWORDS_DIFFER;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const user = await prepareAccount(db, account);
  return library.engine.writeTransaction(db, async (trx) => {
    const invitationId = usable && invitation ? await claimInvitation(trx, invitation, at) : undefined;
    if (settings.mode === "invitation" && invitationId === undefined) throw new ValidationError({ invitation: INVALID_INVITATION });
    // Checked again under the write lock: another sign-up may have taken the name while the password was hashed.
    const problems = await identityProblems(trx, user.login, user.email);
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const { userId } = await insertUser(trx, user, at);
    await updateReadingSettings(trx, userId, { prefsJson: form.prefsJson });
    if (invitationId !== undefined) await setInvitationUser(trx, invitationId, userId);
    return userId;
  }).catch(async (error: unknown) => {
    // PostgreSQL's writers do not queue as SQLite's do: one that took the name or address first since the check
    // above wins, and this one hears which, as if it had been there all along.
    if (!library.engine.isUniqueViolation(error)) throw error;
    const problems = await identityProblems(db, user.login, user.email);
    throw Object.keys(problems).length > 0 ? new ValidationError(problems) : error;
  });
}

/**
 * A new account: a login (also its first pseud), an e-mail address and a password. Names are unique among
 * accounts and authors alike, so that no one can sign up as an author whose works the archive already holds.
 */
import type { Kysely } from "kysely";
import type { Role } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { insertUser, isEmailTaken, isNameTaken, type NewUser } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { checkNewPassword, hashPassword } from "./password.js";

export interface AccountToCreate {
  login: string;
  email: string;
  password: string;
  role: Role;
}

/** Letters, digits and underscores, 3 to 40 of them: the Archive's rule for user names. */
const LOGIN = /^[\p{L}\p{N}_]{3,40}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const MAX_EMAIL_LENGTH = 254;

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Shaped like an address mail can go to (whether it does, only a mail can tell). */
export function isEmailAddress(email: string): boolean {
  return EMAIL.test(email) && email.length <= MAX_EMAIL_LENGTH;
}

/** The key a sign-in name is looked up by: an e-mail address's (logins hold no "@"), else a login's. */
export function signInKey(nameOrEmail: string): string {
  return nameOrEmail.includes("@") ? emailKey(nameOrEmail) : nameKey(nameOrEmail);
}

/** Why the address cannot be an account's (malformed, or another account's), or null when it can. */
export async function emailProblem(db: Kysely<Database>, email: string): Promise<string | null> {
  if (!isEmailAddress(email)) return "That does not look like an e-mail address.";
  if (await isEmailTaken(db, emailKey(email))) return "An account with that e-mail address exists; you can reset its password.";
  return null;
}

/** The login and address problems, field by field; empty when both can be had. */
export async function identityProblems(db: Kysely<Database>, login: string, email: string): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (!LOGIN.test(login)) problems.login = "A user name has 3 to 40 letters, digits or underscores.";
  else if (await isNameTaken(db, nameKey(login))) problems.login = `The name “${login}” is taken.`;
  const emailIssue = await emailProblem(db, email);
  if (emailIssue) problems.email = emailIssue;
  return problems;
}

/** Every field's problem, without hashing anything; empty when the account can be made. */
export async function accountProblems(db: Kysely<Database>, account: AccountToCreate): Promise<Record<string, string>> {
  const problems = await identityProblems(db, account.login.trim(), account.email.trim());
  try {
    checkNewPassword(account.password);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  return problems;
}

/**
 * Checks the account and hashes its password (a third of a second, so callers do it before any transaction).
 * @throws ValidationError naming each field that cannot be accepted.
 */
export async function prepareAccount(db: Kysely<Database>, account: AccountToCreate): Promise<NewUser> {
  const problems = await accountProblems(db, account);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const login = account.login.trim();
  const email = account.email.trim();
  return { login, loginKey: nameKey(login), email, emailKey: emailKey(email), passwordHash: await hashPassword(account.password), role: account.role };
}

/** @throws ValidationError naming each field that cannot be accepted. */
export async function createAccount(db: Kysely<Database>, account: AccountToCreate, now: string): Promise<{ userId: number; authorId: number }> {
  return insertUser(db, await prepareAccount(db, account), now);
}

/**
 * A new account: a login (also its first pseud), an e-mail address and a password. Names are unique among
 * accounts and authors alike, so that no one can sign up as an author whose works the archive already holds.
 */
import type { Kysely } from "kysely";
import type { Role } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { insertUser, isEmailTaken, isNameTaken } from "../../db/repositories/users.js";
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

/** @throws ValidationError naming each field that cannot be accepted. */
export async function createAccount(db: Kysely<Database>, account: AccountToCreate, now: string): Promise<{ userId: number; authorId: number }> {
  const login = account.login.trim();
  const email = account.email.trim();
  const problems: Record<string, string> = {};
  if (!LOGIN.test(login)) problems.login = "A user name has 3 to 40 letters, digits or underscores.";
  else if (await isNameTaken(db, nameKey(login))) problems.login = `The name “${login}” is taken.`;
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) problems.email = "That does not look like an e-mail address.";
  else if (await isEmailTaken(db, emailKey(email))) problems.email = "An account with that e-mail address exists; you can reset its password.";
  try {
    checkNewPassword(account.password);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const passwordHash = await hashPassword(account.password);
  return insertUser(db, { login, loginKey: nameKey(login), email, emailKey: emailKey(email), passwordHash, role: account.role }, now);
}

/**
 * Accounts the proving ground's clients act as, made straight in the library before it is served (no sign-up
 * form, no mail): `PREFIX0`, `PREFIX1`, … with addresses at example.test and one password.
 */
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.js";
import { insertUser } from "../src/db/repositories/users.js";
import type { Role } from "../src/domain/account.js";
import { nameKey } from "../src/domain/sort-key.js";
import { hashPassword } from "../src/services/accounts/password.js";

export interface AccountsOptions {
  loginPrefix: string;
  count: number;
  password: string;
  role: Role;
  /** When the accounts were made (and their passwords set), an ISO time. */
  createdAt: string;
}

export async function insertAccounts(db: Kysely<Database>, options: AccountsOptions): Promise<{ userId: number; login: string }[]> {
  const passwordHash = await hashPassword(options.password);
  const accounts: { userId: number; login: string }[] = [];
  for (let index = 0; index < options.count; index++) {
    const login = `${options.loginPrefix}${index}`;
    const email = `${login}@example.test`;
    const { userId } = await insertUser(db, { login, loginKey: nameKey(login), email, emailKey: email, passwordHash, role: options.role }, options.createdAt);
    accounts.push({ userId, login });
  }
  return accounts;
}

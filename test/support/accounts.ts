/**
 * Accounts for tests, made straight in the store with one password hash computed per test process (scrypt takes
 * about a third of a second on purpose, which a test making dozens of accounts should not pay each time), and
 * signed in without the login form when the login form is not what a test is about.
 */
import type { Kysely } from "kysely";
import type { Role } from "../../src/domain/account.js";
import { nameKey } from "../../src/domain/sort-key.js";
import { insertUser } from "../../src/db/repositories/users.js";
import type { Database } from "../../src/db/schema.js";
import { hashPassword } from "../../src/services/accounts/password.js";
import { startSession } from "../../src/services/accounts/sessions.js";
import { SESSION_COOKIE } from "../../src/web/session.js";
import type { WebClient } from "./web-client.js";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | null = null;

export interface TestAccount {
  userId: number;
  /** The default pseud: an author named after the login. */
  authorId: number;
  login: string;
}

/**
 * When test accounts are made, and so when their passwords were set: a fixed moment before the day the web tests
 * sign in on (TODAY in web-library.ts), since a session started before its account's password was set signs no
 * one in. The clock's time would do only until TODAY's noon came round on the machine running the tests.
 */
const ACCOUNTS_MADE_AT = "2026-11-01T00:00:00.000Z";

export async function makeAccount(db: Kysely<Database>, login: string, role: Role = "author"): Promise<TestAccount> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const ids = await insertUser(db, {
    login, loginKey: nameKey(login), email: `${login.toLowerCase()}@example.test`, emailKey: `${login.toLowerCase()}@example.test`, passwordHash: await passwordHash, role,
  }, ACCOUNTS_MADE_AT);
  return { ...ids, login };
}

/** Gives the client a session for the account, as a sign-in would. */
export async function signInAs(db: Kysely<Database>, client: WebClient, account: TestAccount, now = new Date()): Promise<void> {
  client.cookies.set(SESSION_COOKIE, await startSession(db, account.userId, now));
}

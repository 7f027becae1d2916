/**
 * Passwords, hashed with scrypt (node:crypto; memory-hard, so guessing on GPUs is costly) under a random salt.
 * The stored form names its parameters — `scrypt$N$r$p$salt$hash` — so they can be raised later and old hashes
 * still verify.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ValidationError } from "../../domain/errors.js";

/** One of OWASP's equivalent minimums for scrypt (N = 2^15, r = 8, p = 3): 32 MiB per hash rather than 128, so a burst of
 *  logins does not exhaust memory, at the same cost in time. */
const COST = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 64;
export const MIN_PASSWORD_LENGTH = 8;
/** scrypt reads the whole password; a cap keeps a megabyte-long "password" from costing more than a normal one. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** @throws ValidationError for a password too short or too long to accept. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError({ password: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.` });
  if (password.length > MAX_PASSWORD_LENGTH) throw new ValidationError({ password: `A password can have at most ${MAX_PASSWORD_LENGTH} characters.` });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** False for a wrong password or a hash this code did not write. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash || password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Spends the time a real check would, for a login name that has no account, so that a failed login does not
 * reveal whether the name exists.
 */
let decoy: Promise<string> | null = null;
export async function verifyNoPassword(password: string): Promise<false> {
  decoy ??= hashPassword(newDecoyPassword());
  await verifyPassword(password, await decoy);
  return false;
}

function newDecoyPassword(): string {
  return randomBytes(18).toString("base64");
}

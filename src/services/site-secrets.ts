/**
 * The library's secrets, made on first use and kept in its settings, so every server on the library shares them:
 * the owner key, whose holder sees what only the archive's owner may (provenance), and the site secret, which keys
 * the digests that stand in for what must not be stored (a guest's address).
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { readSetting, settleSetting } from "../db/repositories/library-settings.js";
import type { Database } from "../db/schema.js";

const OWNER_KEY_SETTING = "owner_key";
const SITE_SECRET_SETTING = "site_secret";

/** The key, made on first use; two servers starting at once agree on one. */
export async function ensureOwnerKey(db: Kysely<Database>): Promise<string> {
  return (await readSetting(db, OWNER_KEY_SETTING)) ?? settleSetting(db, OWNER_KEY_SETTING, randomBytes(24).toString("base64url"));
}

export async function ensureSiteSecret(db: Kysely<Database>): Promise<string> {
  return (await readSetting(db, SITE_SECRET_SETTING)) ?? settleSetting(db, SITE_SECRET_SETTING, randomBytes(32).toString("base64url"));
}

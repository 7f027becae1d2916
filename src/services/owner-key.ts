/** The library's owner key: the secret whose holder sees what only the archive's owner may (provenance). */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { readSetting, settleSetting } from "../db/repositories/library-settings.js";
import type { Database } from "../db/schema.js";

const OWNER_KEY_SETTING = "owner_key";

/** The key, made on first use; two servers starting at once agree on one. */
export async function ensureOwnerKey(db: Kysely<Database>): Promise<string> {
  return (await readSetting(db, OWNER_KEY_SETTING)) ?? settleSetting(db, OWNER_KEY_SETTING, randomBytes(24).toString("base64url"));
}

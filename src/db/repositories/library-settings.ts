/** The library's settings, by key. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export async function readSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("library_settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

/**
 * Sets the key to the value unless it holds that value already, and says whether it changed. Two processes that
 * claim the same value at once cannot both succeed: the second waits for the first's row and finds it current.
 */
export async function claimSetting(db: Kysely<Database>, key: string, value: string): Promise<boolean> {
  const rows = await db
    .insertInto("library_settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }).where("library_settings.value", "<>", value))
    .returning("key")
    .execute();
  return rows.length > 0;
}

/** Sets the key to the value only when it has none; the value that stands is returned. */
export async function settleSetting(db: Kysely<Database>, key: string, value: string): Promise<string> {
  await db.insertInto("library_settings").values({ key, value }).onConflict((oc) => oc.column("key").doNothing()).execute();
  return (await readSetting(db, key)) ?? value;
}

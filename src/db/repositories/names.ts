/** Authors, series and collections: rows identified by a folded name, created on first use. */
import type { Kysely } from "kysely";
import { nameKey } from "../../domain/sort-key.js";
import type { Database } from "../schema.js";
import { chunks } from "./wrangling.js";

type NamedTable = "authors" | "series" | "collections";

/** Creates the names that do not exist yet and returns every name's id, in the order given. */
export async function ensureNamed(db: Kysely<Database>, table: NamedTable, names: readonly string[], now: string): Promise<number[]> {
  if (names.length === 0) return [];
  const keys = names.map(nameKey);
  const rows = names.map((name, i) => ({ name, name_key: keys[i] ?? "" }));
  // In parts: a file may name more authors or collections than one statement may bind.
  for (const part of chunks(rows)) {
    const insert = db.insertInto(table);
    await (table === "authors" ? insert.values(part) : insert.values(part.map((r) => ({ ...r, created_at: now }))))
      .onConflict((oc) => oc.column("name_key").doNothing())
      .execute();
  }
  const ids = new Map<string, number>();
  for (const part of chunks([...new Set(keys)])) {
    for (const r of await db.selectFrom(table).select(["id", "name_key"]).where("name_key", "in", part).execute()) ids.set(r.name_key, r.id);
  }
  return keys.map((key, i) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`${table}: "${names[i] ?? ""}" was not stored`);
    return id;
  });
}

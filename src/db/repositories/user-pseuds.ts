/** The pseuds (authors owned by accounts) that posting asks about: the poster's own, and others' by name. */
import type { Kysely } from "kysely";
import { nameKey } from "../../domain/sort-key.js";
import type { Database } from "../schema.js";

export interface Pseud {
  id: number;
  name: string;
  userId: number;
}

/** The user's pseuds, their default first, then by name. */
export async function listUserPseuds(db: Kysely<Database>, userId: number): Promise<Pseud[]> {
  const [rows, user] = await Promise.all([
    db.selectFrom("authors").select(["id", "name"]).where("user_id", "=", userId).orderBy("name_key").execute(),
    db.selectFrom("users").select("default_author_id").where("id", "=", userId).executeTakeFirst(),
  ]);
  const pseuds = rows.map((r) => ({ id: r.id, name: r.name, userId }));
  const preferred = pseuds.findIndex((p) => p.id === user?.default_author_id);
  return preferred <= 0 ? pseuds : [pseuds[preferred] as Pseud, ...pseuds.filter((_, i) => i !== preferred)];
}

/** The pseuds of accounts among these names, however each was typed; names no account's pseud has are left out. */
export async function findPseudsByName(db: Kysely<Database>, names: readonly string[]): Promise<Pseud[]> {
  if (names.length === 0) return [];
  const rows = await db.selectFrom("authors").select(["id", "name", "user_id"])
    .where("name_key", "in", [...new Set(names.map(nameKey))]).where("user_id", "is not", null).execute();
  return rows.flatMap((r) => (r.user_id === null ? [] : [{ id: r.id, name: r.name, userId: r.user_id }]));
}

/**
 * The library's change stamp: a short string that changes whenever anything a search can see changes — a work
 * stored, replaced, retagged (imports and review corrections set `works.updated_at`), a wrangling operation (each
 * is recorded in wrangling_history), a mute added or removed. Ids alone would not do: SQLite hands out a deleted
 * highest id again, so a work or mute removed and another added could leave them as they were; the latest change
 * time moves with every addition, and the count with every removal. A mute removed and another added within one
 * millisecond keep the count and may keep the latest time, so the muted names themselves take part too (the first
 * and last, and their total length). Each part is an index lookup or an aggregate over a few rows, so reading it
 * costs far less than the searches it lets a cache keep.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

export async function readLibraryStamp(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changed: string | null; works: number; wrangled: number | null; mutes: number; last_mute: string | null; first_name: string | null; last_name: string | null; names_length: number | null }>`
    select (select max(updated_at) from works) as changed,
           (select count(*) from works) as works,
           (select max(id) from wrangling_history) as wrangled,
           (select count(*) from muted_tags) as mutes,
           (select max(created_at) from muted_tags) as last_mute,
           (select min(name_key) from muted_tags) as first_name,
           (select max(name_key) from muted_tags) as last_name,
           (select sum(length(name_key)) from muted_tags) as names_length`.execute(db);
  const row = rows[0];
  return row ? [row.changed, row.works, row.wrangled, row.mutes, row.last_mute, row.first_name, row.last_name, row.names_length].map((v) => String(v ?? "")).join("|") : "";
}

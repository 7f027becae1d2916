/**
 * The library's tables as a whole, for backup and restore: which tables there are, and rows written, counted and
 * removed table by table, whatever the table. Reading rows in order is the engine's (Engine.readRows).
 */
import { sql, type Kysely } from "kysely";
import type { Library } from "./connect.js";
import type { TableShape } from "./dialects/engine.js";
import { MIGRATION_TABLES } from "./migrate.js";
import type { Database } from "./schema.js";

/** Every table of the library's data, by name: not the full-text index, not the migrations' records. */
export async function describeLibraryTables(db: Kysely<Database>, engine: Library["engine"]): Promise<TableShape[]> {
  return (await engine.describeTables(db)).filter((t) => !MIGRATION_TABLES.includes(t.name));
}

/** Stores the rows, each with its values in the order of `columns`, in one statement. */
export async function insertRows(db: Kysely<Database>, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}`.execute(db);
}

/** Sets one column of the row whose one-column key is `key`. */
export async function setColumn(db: Kysely<Database>, table: string, keyColumn: string, key: unknown, column: string, value: unknown): Promise<void> {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where ${sql.ref(keyColumn)} = ${key}`.execute(db);
}

export async function deleteAllRows(db: Kysely<Database>, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

export async function countRows(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The ids of the works after `afterId`, in order, at most `limit` of them. */
export async function listWorkIdsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom("works").select("id").where("id", ">", afterId).orderBy("id").limit(limit).execute();
  return rows.map((r) => r.id);
}

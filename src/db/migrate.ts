/**
 * Applies the migrations in db/migrations/ in name order, in one transaction each. On PostgreSQL, Kysely's
 * Migrator takes an advisory lock first, so processes starting together migrate once. On SQLite its lock is a
 * no-op (it counts on a single connection) and two processes opening a new library together can collide on the
 * write lock: the loser waits and tries again, and then finds the schema current.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, Migrator, sql, type MigrationResultSet } from "kysely";
import { QuireError } from "../domain/errors.js";
import type { Library } from "./connect.js";
import { migrations } from "./migrations/index.js";

const BUSY_RETRIES = 60;
const BUSY_WAIT_MS = 250;

/** The tables where the migrations keep their own records: not part of the library's data. */
export const MIGRATION_TABLES: readonly string[] = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];

/** @returns the names of the migrations applied now (empty when the schema was current). */
export async function migrateToLatest(library: Library): Promise<string[]> {
  return withBusyRetries(() => migrateOnce(library, (migrator) => migrator.migrateToLatest()));
}

/**
 * Applies the migrations up to and including `name` and no further: a restore builds the schema its dump was
 * made with before it stores the rows. @returns the names of the migrations applied now.
 */
export async function migrateTo(library: Library, name: string): Promise<string[]> {
  return withBusyRetries(() => migrateOnce(library, (migrator) => migrator.migrateTo(name)));
}

/** The names of the migrations the library has had, in order; none for a database Quire never opened. */
export async function appliedMigrations({ db, engine }: Library): Promise<string[]> {
  const tables = await engine.describeTables(db);
  if (!tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)) return [];
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function withBusyRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= BUSY_RETRIES || !isBusy(error)) throw error;
      await sleep(BUSY_WAIT_MS);
    }
  }
}

async function migrateOnce({ db, engine }: Library, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
  const { error, results = [] } = await run(migrator);
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuireError("migration", `could not migrate the database${failed ? ` (${failed})` : ""}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** SQLite's "database is locked" (SQLITE_BUSY and its extended codes), however deep in the causes. */
function isBusy(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("code" in current && typeof current.code === "string" && current.code.startsWith("SQLITE_BUSY")) return true;
  }
  return false;
}

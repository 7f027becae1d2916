/**
 * Applies the migrations in db/migrations/ in name order. Kysely's Migrator takes a lock first (a lock table on
 * SQLite, an advisory lock on PostgreSQL), so processes starting together migrate once.
 */
import { Migrator } from "kysely";
import { QuireError } from "../domain/errors.js";
import type { Library } from "./connect.js";
import { migrations } from "./migrations/index.js";

/** @returns the names of the migrations applied now (empty when the schema was current). */
export async function migrateToLatest({ db, engine }: Library): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuireError("migration", `could not migrate the database${failed ? ` (${failed})` : ""}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

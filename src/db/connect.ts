/**
 * Opens the library: a Kysely instance over the engine the target names, migrated to the latest schema.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely } from "kysely";
import type { DatabaseTarget } from "../config.js";
import type { Engine } from "./dialects/engine.js";
import { createPostgresEngine } from "./dialects/postgres.js";
import { createSqliteEngine } from "./dialects/sqlite.js";
import { migrateToLatest } from "./migrate.js";
import type { Database } from "./schema.js";

export interface Library {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** Connects without migrating: for `quire migrate`, which reports what it applies. */
export function connect(target: DatabaseTarget): Library {
  if (target.engine === "sqlite" && target.path !== ":memory:") mkdirSync(dirname(target.path), { recursive: true });
  const engine = target.engine === "sqlite" ? createSqliteEngine(target.path) : createPostgresEngine(target.url);
  const db = new Kysely<Database>({ dialect: engine.kyselyDialect });
  return { db, engine, close: () => db.destroy() };
}

/** Connects and applies any migration not yet applied: what every command does first. */
export async function openLibrary(target: DatabaseTarget): Promise<Library> {
  const library = connect(target);
  try {
    await migrateToLatest(library);
  } catch (error) {
    await library.close();
    throw error;
  }
  return library;
}

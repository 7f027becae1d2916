/**
 * The engines every contract test runs on. Each test gets a fresh, migrated, empty library: SQLite as a copy of a
 * file migrated once per worker, PostgreSQL as a copy of the run's template database. On a machine without
 * PostgreSQL its tests skip with the reason printed (and under CI=true the skip fails the run).
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import type { DatabaseTarget } from "../../src/config.js";
import { connect } from "../../src/db/connect.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openQuire, type Quire } from "../../src/composition.js";
import { postgresUrl, withPostgresAdmin } from "./postgres-admin.js";

export interface TestEngine {
  name: "sqlite" | "postgres";
  /** Why this engine's tests are skipped here, or null when they run. */
  unavailable: string | null;
  /** A fresh, empty, migrated library's address. */
  createTarget(): Promise<DatabaseTarget>;
  dropTarget(target: DatabaseTarget): Promise<void>;
}

const folder = mkdtempSync(join(tmpdir(), "quire-test-"));
let sqliteTemplate: Promise<string> | null = null;
let counter = 0;

function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const path = join(folder, "template.db");
    const library = connect({ engine: "sqlite", path });
    await migrateToLatest(library);
    // Closing checkpoints the WAL into the file, so a plain copy of it is a complete database.
    await library.close();
    return path;
  })();
  return sqliteTemplate;
}

const sqlite: TestEngine = {
  name: "sqlite",
  unavailable: null,
  createTarget: async () => {
    const path = join(folder, `library-${(counter += 1)}.db`);
    copyFileSync(await migratedSqliteTemplate(), path);
    return { engine: "sqlite", path };
  },
  dropTarget: async () => undefined,
};

const postgresTemplate = inject("postgresTemplate");

const postgres: TestEngine = {
  name: "postgres",
  unavailable: postgresTemplate ? null : inject("postgresUnavailable"),
  createTarget: async () => {
    const name = `${postgresTemplate ?? ""}_${process.pid}_${(counter += 1)}`.replace("_template", "");
    await withPostgresAdmin((client) => client.query(`create database ${name} template ${postgresTemplate ?? ""}`));
    return { engine: "postgres", url: postgresUrl(name) };
  },
  dropTarget: async (target) => {
    if (target.engine !== "postgres") return;
    const name = new URL(target.url).pathname.slice(1);
    await withPostgresAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
  },
};

export const TEST_ENGINES: readonly TestEngine[] = [sqlite, postgres];

/** Opens a fresh library on the engine and returns it with its disposal. */
export async function freshQuire(engine: TestEngine): Promise<{ quire: Quire; target: DatabaseTarget; dispose: () => Promise<void> }> {
  const target = await engine.createTarget();
  const quire = await openQuire(target);
  return {
    quire,
    target,
    dispose: async () => {
      await quire.close();
      await engine.dropTarget(target);
    },
  };
}

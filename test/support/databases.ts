/**
 * The engines every contract test runs on. Each test gets a fresh, migrated, empty library: SQLite as a copy of a
 * file migrated once per worker, PostgreSQL as a copy of the run's template database. A test that asks for the
 * starter vocabulary gets a copy of a second template that holds it, so that it is stored once per run, not once
 * per test. On a machine without PostgreSQL its tests skip with the reason printed (and under CI=true the skip
 * fails the run).
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import type { DatabaseTarget } from "../../src/config.js";
import { connect } from "../../src/db/connect.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openQuire, type Quire } from "../../src/composition.js";
import { seedStarterVocabulary } from "../../src/services/tags/seed-starter-vocabulary.js";
import { postgresUrl, withPostgresAdmin } from "./postgres-admin.js";

export interface LibraryOptions {
  /** Hold the starter vocabulary (default false: a library with the fixed tags only). */
  starterVocabulary?: boolean;
}

export interface TestEngine {
  name: "sqlite" | "postgres";
  /** Why this engine's tests are skipped here, or null when they run. */
  unavailable: string | null;
  /** A fresh, empty, migrated library's address; with `starterVocabulary`, one holding the starter vocabulary. */
  createTarget(options?: LibraryOptions): Promise<DatabaseTarget>;
  dropTarget(target: DatabaseTarget): Promise<void>;
}

const folder = mkdtempSync(join(tmpdir(), "quire-test-"));
let sqliteTemplate: Promise<string> | null = null;
let sqliteSeededTemplate: Promise<string> | null = null;
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

function seededSqliteTemplate(): Promise<string> {
  sqliteSeededTemplate ??= (async () => {
    const path = join(folder, "template-seeded.db");
    copyFileSync(await migratedSqliteTemplate(), path);
    const library = connect({ engine: "sqlite", path });
    try {
      await seedStarterVocabulary(library);
    } finally {
      await library.close();
    }
    return path;
  })();
  return sqliteSeededTemplate;
}

const sqlite: TestEngine = {
  name: "sqlite",
  unavailable: null,
  createTarget: async (options = {}) => {
    const path = join(folder, `library-${(counter += 1)}.db`);
    copyFileSync(await (options.starterVocabulary ? seededSqliteTemplate() : migratedSqliteTemplate()), path);
    return { engine: "sqlite", path };
  },
  dropTarget: async () => undefined,
};

const postgresTemplate = inject("postgresTemplate");
const postgresSeededTemplate = inject("postgresSeededTemplate");

const postgres: TestEngine = {
  name: "postgres",
  unavailable: postgresTemplate ? null : inject("postgresUnavailable"),
  createTarget: async (options = {}) => {
    const template = options.starterVocabulary ? postgresSeededTemplate : postgresTemplate;
    if (!template) throw new Error(options.starterVocabulary ? inject("postgresSeedingFailed") : inject("postgresUnavailable"));
    const name = `${template}_${process.pid}_${(counter += 1)}`.replace("_template", "");
    await withPostgresAdmin((client) => client.query(`create database ${name} template ${template}`));
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
export async function freshQuire(engine: TestEngine, options: LibraryOptions = {}): Promise<{ quire: Quire; target: DatabaseTarget; dispose: () => Promise<void> }> {
  const target = await engine.createTarget(options);
  const quire = await openQuire(target, { starterVocabulary: options.starterVocabulary ?? false });
  return {
    quire,
    target,
    dispose: async () => {
      await quire.close();
      await engine.dropTarget(target);
    },
  };
}

/** A fresh SQLite library with its disposal, for tests whose subject is not the engine (it is always there). */
export function freshSqliteQuire(options: LibraryOptions = {}): ReturnType<typeof freshQuire> {
  return freshQuire(sqlite, options);
}

/**
 * Gives each test of the suite a fresh library on the engine (skipping the tests, with the reason, where the
 * engine is unavailable), and disposes of it after. Call it in the describe block; read the library in a test.
 */
export function freshQuirePerTest(engine: TestEngine, options: LibraryOptions = {}): () => Quire {
  let current: Awaited<ReturnType<typeof freshQuire>> | undefined;
  beforeEach(async (context) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      context.skip();
    }
    current = await freshQuire(engine, options);
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("the library exists only during a test");
    return current.quire;
  };
}

/**
 * One fresh library for all the tests of a describe block on the engine: made before them, after which `prepare`
 * sets the scene; disposed of after them; each test skipped where the engine is unavailable (the file prints why).
 */
export function freshQuirePerSuite(engine: TestEngine, prepare: (quire: Quire) => Promise<void>, options: LibraryOptions = {}): void {
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (engine.unavailable) return;
    const fresh = await freshQuire(engine, options);
    dispose = fresh.dispose;
    await prepare(fresh.quire);
  });
  afterAll(async () => dispose?.());
  beforeEach((context) => {
    if (engine.unavailable) context.skip();
  });
}

/** A fresh SQLite library file's path; with `starterVocabulary`, a copy of the template that holds it, so that a
 *  test of the CLI need not store it again. */
export async function sqliteLibraryPath(options: LibraryOptions = {}): Promise<string> {
  const target = await sqlite.createTarget(options);
  if (target.engine !== "sqlite") throw new Error("expected a sqlite target");
  return target.path;
}

/** Runs `fn` with the address of a fresh PostgreSQL library (migrated, no starter vocabulary), dropped after. */
export async function withPostgresLibrary(fn: (url: string) => Promise<void>): Promise<void> {
  const target = await postgres.createTarget();
  if (target.engine !== "postgres") throw new Error("expected a postgres target");
  try {
    await fn(target.url);
  } finally {
    await postgres.dropTarget(target);
  }
}

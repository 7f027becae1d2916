/**
 * Once per test run: a migrated PostgreSQL template database that each test copies (CREATE DATABASE … TEMPLATE
 * is far faster than migrating), a second one that also holds the starter vocabulary, or the reason PostgreSQL
 * tests cannot run here. Databases are named after this process, so runs side by side do not collide, and
 * leftovers of runs that were killed are dropped.
 */
import type pg from "pg";
import type { TestProject } from "vitest/node";
import { openLibrary } from "../../src/db/connect.js";
import { seedStarterVocabulary } from "../../src/services/tags/seed-starter-vocabulary.js";
import { postgresUrl, withPostgresAdmin } from "./postgres-admin.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The template database's name, or null when PostgreSQL is not reachable. */
    postgresTemplate: string | null;
    postgresUnavailable: string;
    /** The template that also holds the starter vocabulary, or null with the reason it could not be stored. */
    postgresSeededTemplate: string | null;
    postgresSeedingFailed: string;
  }
}

const PREFIX = "quire_test_";
const template = `${PREFIX}${process.pid}_template`;
const seededTemplate = `${PREFIX}${process.pid}_seeded_template`;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    await withPostgresAdmin(async (client) => {
      await dropDatabases(client, (name) => !processIsAlive(Number(name.slice(PREFIX.length).split("_")[0])));
      await client.query(`create database ${template}`);
    });
    const library = await openLibrary({ engine: "postgres", url: postgresUrl(template) });
    await library.close();
    project.provide("postgresTemplate", template);
    project.provide("postgresUnavailable", "");
    await provideSeededTemplate(project);
  } catch (error) {
    const reason = `PostgreSQL is not reachable (${error instanceof Error ? error.message : String(error)}); set QUIRE_TEST_POSTGRES to run those tests`;
    console.warn(`\n${reason}\n`);
    project.provide("postgresTemplate", null);
    project.provide("postgresUnavailable", reason);
    project.provide("postgresSeededTemplate", null);
    project.provide("postgresSeedingFailed", reason);
    return async () => undefined;
  }
  return async () => {
    await withPostgresAdmin((client) => dropDatabases(client, (name) => name.startsWith(`${PREFIX}${process.pid}_`)));
  };
}

/** A copy of the template with the starter vocabulary stored; a vocabulary that fails to load fails only the tests
 *  that ask for it. */
async function provideSeededTemplate(project: TestProject): Promise<void> {
  try {
    await withPostgresAdmin((client) => client.query(`create database ${seededTemplate} template ${template}`));
    const library = await openLibrary({ engine: "postgres", url: postgresUrl(seededTemplate) });
    try {
      await seedStarterVocabulary(library);
    } finally {
      await library.close();
    }
    project.provide("postgresSeededTemplate", seededTemplate);
    project.provide("postgresSeedingFailed", "");
  } catch (error) {
    project.provide("postgresSeededTemplate", null);
    project.provide("postgresSeedingFailed", `the starter vocabulary could not be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function dropDatabases(client: pg.Client, shouldDrop: (name: string) => boolean): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like '${PREFIX}%'`);
  for (const { datname } of rows) if (shouldDrop(datname)) await client.query(`drop database if exists ${datname} with (force)`);
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

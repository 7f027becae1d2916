/**
 * Once per test run: a migrated PostgreSQL template database that each test copies (CREATE DATABASE … TEMPLATE
 * is far faster than migrating), or the reason PostgreSQL tests cannot run here. Databases are named after this
 * process, so runs side by side do not collide, and leftovers of runs that were killed are dropped.
 */
import type pg from "pg";
import type { TestProject } from "vitest/node";
import { openLibrary } from "../../src/db/connect.js";
import { postgresUrl, withPostgresAdmin } from "./postgres-admin.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The template database's name, or null when PostgreSQL is not reachable. */
    postgresTemplate: string | null;
    postgresUnavailable: string;
  }
}

const PREFIX = "quire_test_";
const template = `${PREFIX}${process.pid}_template`;

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
  } catch (error) {
    const reason = `PostgreSQL is not reachable (${error instanceof Error ? error.message : String(error)}); set QUIRE_TEST_POSTGRES to run those tests`;
    console.warn(`\n${reason}\n`);
    project.provide("postgresTemplate", null);
    project.provide("postgresUnavailable", reason);
    return async () => undefined;
  }
  return async () => {
    await withPostgresAdmin((client) => dropDatabases(client, (name) => name.startsWith(`${PREFIX}${process.pid}_`)));
  };
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

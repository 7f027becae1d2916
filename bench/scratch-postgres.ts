/**
 * PostgreSQL for the benchmarks and the proving ground: the server they use (QUIRE_BENCH_POSTGRES, else the
 * machine's own at 127.0.0.1:5432 as user postgres), and new, empty databases on it for one run.
 */
import pg from "pg";
import { describeDatabaseTarget, type DatabaseTarget } from "../src/config.js";

export const POSTGRES_ADMIN = process.env.QUIRE_BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  target: Extract<DatabaseTarget, { engine: "postgres" }>;
  drop(): Promise<void>;
}

/** One statement on the server's admin database, on a connection of its own (none is held while a run goes on). */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database called `name` (a lower-case SQL identifier) on the server; one of that name that a killed
 * run left behind is dropped first.
 * @returns the database with its disposal, or why there is none (the server is not reachable, or refused).
 */
export async function createScratchDatabase(name: string): Promise<ScratchDatabase | string> {
  try {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  } catch (error) {
    return `no scratch database on the PostgreSQL server at ${describeDatabaseTarget({ engine: "postgres", url: POSTGRES_ADMIN })}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const url = new URL(POSTGRES_ADMIN);
  url.pathname = `/${name}`;
  return { target: { engine: "postgres", url: url.toString() }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** `use` on a scratch database (createScratchDatabase), dropped after; or why there is none. */
export async function withScratchDatabase<T>(name: string, use: (target: DatabaseTarget) => Promise<T>): Promise<T | string> {
  const scratch = await createScratchDatabase(name);
  if (typeof scratch === "string") return scratch;
  try {
    return await use(scratch.target);
  } finally {
    await scratch.drop();
  }
}

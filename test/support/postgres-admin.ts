/**
 * The PostgreSQL server the tests use: QUIRE_TEST_POSTGRES, else the machine's own (127.0.0.1:5432, user
 * postgres, trust auth), which is where CI runs them. Tests create and drop their own databases there.
 */
import pg from "pg";

export const POSTGRES_ADMIN_URL = process.env.QUIRE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of another database on the same server. */
export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's admin database, one connection, closed after. */
export async function withPostgresAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

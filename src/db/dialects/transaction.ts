/**
 * Explicit transactions on one pinned connection. Kysely's own transaction() opens SQLite transactions as
 * DEFERRED, which fail at once with SQLITE_BUSY when a reader has to upgrade to a writer while another process
 * writes; an IMMEDIATE transaction waits its turn on busy_timeout instead.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

export async function runInTransaction<T>(
  db: Kysely<Database>,
  begin: "begin immediate" | "begin",
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    let result: T;
    try {
      result = await fn(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await sql`commit`.execute(connection);
    return result;
  });
}

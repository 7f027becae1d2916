/**
 * Explicit transactions on one pinned connection, and savepoints inside them. Kysely's own transaction() opens
 * SQLite transactions as DEFERRED, which fail at once with SQLITE_BUSY when a reader has to upgrade to a writer
 * while another process writes; an IMMEDIATE transaction waits its turn on busy_timeout instead.
 *
 * When a statement fails, the error the caller sees is that statement's: a rollback that fails too (SQLite may
 * already have rolled back by itself on a full disk) is attached as its `cause`, never put in its place.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

export async function runInTransaction<T>(
  db: Kysely<Database>,
  begin: "begin immediate" | "begin" | "begin isolation level repeatable read read only",
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    let result: T;
    try {
      result = await fn(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      // A failed COMMIT can leave the transaction open on SQLite; without this rollback, the single connection
      // would refuse every later transaction.
      throw await withRollbackFailure(error, () => sql`rollback`.execute(connection));
    }
    return result;
  });
}

/** The transaction around a savepoint is gone (the engine rolled it back itself): nothing in it can go on. */
export class TransactionLostError extends Error {}

/**
 * Runs `fn` under a savepoint: released when it returns, rolled back to (undoing only what `fn` did) when it
 * throws, and the error rethrown. For one unit of work inside a larger transaction.
 * @throws TransactionLostError, with `fn`'s error as its cause, when even the rollback fails.
 */
export async function withSavepoint<T>(trx: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint unit_of_work`.execute(trx);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    try {
      await sql`rollback to savepoint unit_of_work`.execute(trx);
      await sql`release savepoint unit_of_work`.execute(trx);
    } catch {
      throw new TransactionLostError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    throw error;
  }
  await sql`release savepoint unit_of_work`.execute(trx);
  return result;
}

async function withRollbackFailure(error: unknown, rollback: () => Promise<unknown>): Promise<unknown> {
  try {
    await rollback();
    return error;
  } catch (rollbackError) {
    if (error instanceof Error && error.cause === undefined) {
      Object.defineProperty(error, "cause", { value: rollbackError, configurable: true });
      return error;
    }
    return new Error(error instanceof Error ? error.message : String(error), { cause: rollbackError });
  }
}

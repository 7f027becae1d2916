/** `quire migrate [--db …]`: applies the migrations the library has not had yet (every command also does). */
import { describeDatabaseTarget } from "../../config.js";
import { connect } from "../../db/connect.js";
import { migrateToLatest } from "../../db/migrate.js";
import { DB_OPTION, databaseFrom, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire migrate [--db TARGET]";

export async function runMigrate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DB_OPTION, USAGE);
  if (positionals.length > 0) throw new UsageError(`migrate takes no arguments (usage: ${USAGE})`);
  const target = databaseFrom(values.db);
  const library = connect(target);
  try {
    const applied = await migrateToLatest(library);
    io.out(applied.length === 0 ? `${describeDatabaseTarget(target)} is up to date\n` : `${describeDatabaseTarget(target)}: applied ${applied.join(", ")}\n`);
  } finally {
    await library.close();
  }
  return 0;
}

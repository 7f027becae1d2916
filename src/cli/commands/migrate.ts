/** `quire migrate [--db …]`: applies the migrations the library has not had yet and stores the starter vocabulary
 *  when the library lacks this version of it (every command also does both). */
import { describeDatabaseTarget } from "../../config.js";
import { connect } from "../../db/connect.js";
import { migrateToLatest } from "../../db/migrate.js";
import { seedStarterVocabulary } from "../../services/tags/seed-starter-vocabulary.js";
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
    const seeded = await seedStarterVocabulary(library);
    const done = [
      ...(applied.length > 0 ? [`applied ${applied.join(", ")}`] : []),
      ...(seeded ? [`stored the starter vocabulary ${seeded.version} (${seeded.report.created} tags created, ${seeded.report.linked} links)`] : []),
    ];
    io.out(done.length === 0 ? `${describeDatabaseTarget(target)} is up to date\n` : `${describeDatabaseTarget(target)}: ${done.join("; ")}\n`);
  } finally {
    await library.close();
  }
  return 0;
}

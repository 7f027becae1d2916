/**
 * `quire restore FILE [--db TARGET] [--replace]`: a dump made by `quire backup` stored into an empty library, on
 * either engine (a new SQLite file, or a new PostgreSQL database). A library holding works or accounts is refused
 * unless --replace says to replace everything in it.
 */
import { describeDatabaseTarget } from "../../config.js";
import { connect } from "../../db/connect.js";
import { restoreDump } from "../../services/backup/restore-dump.js";
import { DB_OPTION, databaseFrom, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire restore FILE.jsonl|FILE.jsonl.gz [--db TARGET] [--replace]";

export async function runRestore(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...DB_OPTION, replace: { type: "boolean", default: false } }, USAGE);
  const [file, ...more] = positionals;
  if (file === undefined || more.length > 0) throw new UsageError(`restore takes one dump file (usage: ${USAGE})`);
  const target = databaseFrom(values.db);
  const started = performance.now();
  const library = connect(target);
  try {
    const summary = await restoreDump(library, file, { replace: values.replace });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const migrated = summary.migrated.length > 0 ? `; then applied ${summary.migrated.join(", ")}` : "";
    io.out(`${file} → ${describeDatabaseTarget(target)}: ${summary.works.toLocaleString("en")} works, ${summary.rows.toLocaleString("en")} rows in ${summary.tables} tables `
      + `(schema ${summary.schema}, dumped from ${summary.madeBy.engine} by Quire ${summary.madeBy.quire} at ${summary.madeBy.createdAt}), search index rebuilt, in ${seconds} s${migrated}\n`);
  } finally {
    await library.close();
  }
  return 0;
}

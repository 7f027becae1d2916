/**
 * `quire backup FILE [--db TARGET]`: a `.jsonl`/`.jsonl.gz` dump of the library from either engine, or a `.sqlite`/
 * `.db` copy of a SQLite library, made while the server may go on writing. The library is backed up as it is,
 * not migrated first, so that a backup taken before an upgrade is of the library before it.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describeDatabaseTarget } from "../../config.js";
import { connect } from "../../db/connect.js";
import { QuireError } from "../../domain/errors.js";
import { backupLibrary } from "../../services/backup/backup-library.js";
import { DB_OPTION, databaseFrom, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire backup FILE.jsonl|FILE.jsonl.gz|FILE.sqlite [--db TARGET]";

export async function runBackup(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DB_OPTION, USAGE);
  const [file, ...more] = positionals;
  if (file === undefined || more.length > 0) throw new UsageError(`backup takes one file (usage: ${USAGE})`);
  const target = databaseFrom(values.db);
  if (target.engine === "sqlite" && !existsSync(target.path)) throw new QuireError("backup", `there is no library at ${target.path}`);
  const started = performance.now();
  const library = connect(target);
  try {
    const out = resolve(file);
    const summary = await backupLibrary(library, target, out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = summary.dump
      ? `a dump of ${summary.dump.tables} tables and ${summary.dump.rows.toLocaleString("en")} rows (schema ${summary.dump.schema})`
      : "a copy of the SQLite library";
    io.out(`${describeDatabaseTarget(target)} → ${out}: ${what}, ${formatBytes(summary.bytes)}, in ${seconds} s\n`);
  } finally {
    await library.close();
  }
  return 0;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

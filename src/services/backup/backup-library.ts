/**
 * `quire backup FILE`: what kind of backup FILE's name asks for, and making it. A `.sqlite`/`.db` file is a copy
 * of a SQLite library taken while it may be in use (a library in its own right, the quickest to make and to put
 * back); `.jsonl` or `.jsonl.gz` is the portable dump (write-dump.ts), from and to either engine.
 */
import { stat } from "node:fs/promises";
import type { DatabaseTarget } from "../../config.js";
import type { Library } from "../../db/connect.js";
import { snapshotSqliteFile } from "../../db/dialects/sqlite.js";
import { QuireError } from "../../domain/errors.js";
import { writeDump } from "./write-dump.js";
import { writeSealed } from "./seal-backup.js";

export type BackupKind = "sqlite" | "jsonl" | "jsonl.gz";

export interface BackupSummary {
  kind: BackupKind;
  bytes: number;
  /** For a dump: the library's schema and what the dump holds. */
  dump?: { schema: string; tables: number; rows: number };
}

/**
 * @example backupKind("nightly.jsonl.gz") // "jsonl.gz"
 * @example backupKind("notes.txt") // null
 */
function backupKind(file: string): BackupKind | null {
  const name = file.toLowerCase();
  if (name.endsWith(".jsonl.gz")) return "jsonl.gz";
  if (name.endsWith(".jsonl")) return "jsonl";
  if (name.endsWith(".sqlite") || name.endsWith(".db")) return "sqlite";
  return null;
}

/**
 * Writes the backup to `file`, replacing a file of that name only once the backup is whole.
 * @throws QuireError("backup") for a name of no known kind, or a SQLite copy asked of a PostgreSQL library.
 */
export async function backupLibrary(library: Library, target: DatabaseTarget, file: string): Promise<BackupSummary> {
  const kind = backupKind(file);
  if (!kind) throw new QuireError("backup", `${file}: a backup's name ends in .jsonl or .jsonl.gz (a portable dump), or .sqlite or .db (a copy of a SQLite library)`);
  if (kind !== "sqlite") {
    const dump = await writeDump(library, file, { gzip: kind === "jsonl.gz" });
    return { kind, bytes: (await stat(file)).size, dump };
  }
  if (target.engine !== "sqlite") throw new QuireError("backup", `a .sqlite or .db copy is of a SQLite library; back a PostgreSQL library up as a .jsonl or .jsonl.gz dump`);
  if (target.path === file) throw new QuireError("backup", "the backup would overwrite the library itself");
  await writeSealed(file, (partial) => snapshotSqliteFile(target.path, partial));
  return { kind, bytes: (await stat(file)).size };
}

/**
 * `quire export <work-id…|--all> --format epub|html|txt|md --out DIR [--origin URL]`: works as download files, by
 * the writers the web's downloads use, as the archive's owner sees them (drafts and hidden works too). Each file
 * is named after its work's title, transliterated to ASCII and unique within the folder's batch.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openQuire } from "../../composition.js";
import { EXPORT_FORMATS, isExportFormat, uniqueExportFileNames } from "../../formats/export/file-name.js";
import { writeExport } from "../../formats/export/write-export.js";
import { ARCHIVE_NAME, exportWorkAsOwner, readWorksForExport } from "../../services/export/export-works.js";
import { DB_OPTION, databaseFrom, exportOrigin, parseCommandArgs, workIdArgument } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = `quire export <work-id…|--all> --format ${EXPORT_FORMATS.join("|")} --out DIR [--origin URL] [--db TARGET]`;

const OPTIONS = {
  ...DB_OPTION,
  all: { type: "boolean", default: false },
  format: { type: "string" },
  out: { type: "string" },
  origin: { type: "string" },
} as const;

export async function runExport(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const format = values.format ?? "";
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")} (usage: ${USAGE})`);
  if (!values.out) throw new UsageError(`--out DIR is needed (usage: ${USAGE})`);
  if (values.all === positionals.length > 0) throw new UsageError(`give work ids or --all, not both and not neither (usage: ${USAGE})`);
  const origin = exportOrigin(values.origin);
  const requested = positionals.map((id) => workIdArgument("work id", id));
  const site = { origin, archiveName: ARCHIVE_NAME };
  const quire = await openQuire(databaseFrom(values.db));
  try {
    const { db } = quire.library;
    const works = await readWorksForExport(db, values.all ? "all" : [...new Set(requested)]);
    const ids = works.map((w) => w.id);
    const names = uniqueExportFileNames(works.map((w) => w.title), format);
    await mkdir(values.out, { recursive: true });
    for (const [index, id] of ids.entries()) {
      const path = join(values.out, names[index] ?? `${id}.${format}`);
      await writeFile(path, await writeExport(await exportWorkAsOwner(db, id, site), format));
      io.terminal?.write(`\rExported ${index + 1} of ${ids.length} works`);
      io.out(`${path}\n`);
    }
    io.terminal?.write("\n");
    io.err(`Exported ${ids.length} ${ids.length === 1 ? "work" : "works"} as ${format} to ${values.out}.\n`);
    return 0;
  } finally {
    await quire.close();
  }
}

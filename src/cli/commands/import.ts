/** `quire import <paths…> [--json] [--reparse] [--jobs N] [--timeout S] [--batch N] [--db …]`: story files, folders and zips into the library. */
import { availableParallelism } from "node:os";
import { openQuire } from "../../composition.js";
import { readVocabulary } from "../../db/repositories/vocabulary.js";
import { BATCH_WORKS, importFiles, type ImportReport } from "../../services/import/import-files.js";
import { createParserPool } from "../../services/import/parser-pool.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger } from "../args.js";
import { createImportProgress } from "../import-progress.js";
import { EXIT_SOME_FAILED, UsageError, type Io } from "../io.js";
import { printable } from "../printable.js";

const USAGE = "quire import <file|folder|zip…> [--json] [--reparse] [--jobs N] [--timeout SECONDS] [--batch WORKS] [--db TARGET]";


export async function runImport(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...DB_OPTION,
    json: { type: "boolean", default: false },
    reparse: { type: "boolean", default: false },
    jobs: { type: "string" },
    timeout: { type: "string" },
    batch: { type: "string" },
  }, USAGE);
  if (positionals.length === 0) throw new UsageError(`import needs at least one file, folder or zip (usage: ${USAGE})`);
  const workers = values.jobs ? positiveInteger("--jobs", values.jobs, 64) : availableParallelism();
  // A file still parsing after this long fails alone (the pool's own default otherwise).
  const timeoutMs = values.timeout ? positiveInteger("--timeout", values.timeout, 86_400) * 1000 : undefined;
  // Works stored a transaction: fewer lose less to a kill or a power cut, more import faster.
  const batchWorks = values.batch ? positiveInteger("--batch", values.batch, 100_000) : BATCH_WORKS;

  const quire = await openQuire(databaseFrom(values.db));
  // Works are tagged with the library's vocabulary: the starter one and whatever its wranglers added.
  const parser = createParserPool({ workers, vocabulary: await readVocabulary(quire.library.db), ...(timeoutMs ? { timeoutMs } : {}) });
  const progress = createImportProgress(io, io.terminal ? "bar" : values.json ? "silent" : "lines");
  // The first Ctrl-C stops reading and stores what was read; a second one ends the process at once.
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  let report: ImportReport;
  try {
    report = await importFiles({ library: quire.library, parser }, positionals, { onEvent: progress.onEvent, signal: controller.signal, reparse: values.reparse, survey: true, batchWorks });
  } finally {
    progress.stop();
    process.off("SIGINT", stop);
    await parser.close();
    await quire.close();
  }
  io.out(values.json ? `${JSON.stringify(report)}\n` : formatReport(report, controller.signal.aborted));
  return report.failed.length > 0 ? EXIT_SOME_FAILED : 0;
}

function formatReport(report: ImportReport, stopped: boolean): string {
  const lines = [
    `${stopped ? "Stopped after" : "Done in"} ${report.seconds} s: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.duplicates.length} duplicates, ${report.failed.length} failed.`,
  ];
  if (report.duplicates.length > 0) {
    lines.push("", "Duplicates (the same story as a work already in the library):");
    for (const d of report.duplicates) lines.push(`  ${printable(d.file)}  (same as ${printable(d.sameAs)})`);
  }
  if (report.failed.length > 0) {
    lines.push("", "Failed:");
    for (const f of report.failed) lines.push(`  ${printable(f.file)}: ${printable(f.error)}`);
  }
  return `${lines.join("\n")}\n`;
}

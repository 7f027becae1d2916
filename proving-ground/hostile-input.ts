/**
 * Hostile input through the real `quire import`: generated hostile files (hostile-files.ts) are written to a
 * folder a batch at a time and imported by `bin/quire.js import --json` in a child process, as a user runs it.
 * Each batch must end cleanly (exit 0, or 3 for "some files failed"; nothing on stderr, so no stack trace), every
 * file must be accounted for (a work, a duplicate, or a failure of one line with its reason, as its kind expects),
 * no file may reach the per-file time bound (`--timeout`), good files must be stored exactly as `parseStory` reads
 * them alone, the import's peak resident memory must stay under a bound, and the library must pass its integrity
 * check at the end.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_SOME_FAILED } from "../src/cli/io.js";
import { parseDatabaseTarget, type DatabaseTarget } from "../src/config.js";
import { openLibrary, type Library } from "../src/db/connect.js";
import { parseStory } from "../src/importers/parse-story.js";
import { createParserPool } from "../src/services/import/parser-pool.js";
import type { StoryParser } from "../src/services/import/story-parser.js";
import { flag, wholeNumberFlag } from "../bench/machine.js";
import { residentMemory } from "../bench/process-memory.js";
import { databaseArgument, QUIRE_BIN } from "../bench/quire-command.js";
import { FULL_SIZES, HOSTILE_KINDS, hostileFiles, loadParseFixtures, type HostileFile, type HostileKind, type HostileSizes } from "./hostile-files.js";
import { printPartHeader } from "./part.js";

export interface HostileRunOptions {
  /** How many files to generate and import. */
  files: number;
  seed: number;
  /** The library to import into (migrated on first use, like any command does). */
  target: DatabaseTarget;
  sizes?: HostileSizes;
  /** Files per `quire import` run. */
  batchFiles?: number;
  /** The per-file parse bound given to the import as `--timeout`. */
  fileTimeoutSeconds?: number;
  /** The bound on each import's peak resident memory (VmHWM), in MiB. */
  maxRssMb?: number;
  /** Parser threads (`--jobs`); default: the import's own (one per core). */
  jobs?: number;
  /**
   * Also parse every file alone, after its batch, on a parser pool of one thread with the same bound, to find
   * the slowest file (the import reports no per-file time). Doubles the parsing.
   */
  timeEachFile?: boolean;
  /** Called after each batch. */
  onBatch?: (progress: { batch: number; files: number; of: number; seconds: number; peakRssMb: number }) => void;
}

export interface KindFigures {
  files: number;
  imported: number;
  duplicates: number;
  refused: number;
}

export interface HostileRunReport {
  files: number;
  batches: number;
  kinds: Record<HostileKind, KindFigures>;
  imported: number;
  duplicates: number;
  refused: number;
  /** Refusal reasons with their counts, digits folded, most frequent first. */
  reasons: [string, number][];
  /** Every check that failed, one line each: empty when the run passed. */
  problems: string[];
  /** With timeEachFile: the file that took longest to parse alone. */
  slowest: { file: string; kind: HostileKind; ms: number } | null;
  peakRssMb: number;
  wallSeconds: number;
}

export const DEFAULT_BATCH_FILES = 500;
/** The parser pool's own default: the bound every import holds each file to unless told otherwise. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 120;
/**
 * The largest file, a 50 MB single line, takes the import to ~1.9 GiB on SQLite and ~3.1 GiB on PostgreSQL (its
 * text as UTF-16 strings in the parser thread, the tagger's word arrays, the copy sent to the main thread, the
 * driver's query buffers), measured on the machine of docs/reliability.md; 4 GiB leaves room for a second large
 * file in the other parser thread at the same time.
 */
export const DEFAULT_MAX_RSS_MB = 4096;

const RSS_POLL_MS = 50;

/**
 * Generates `files` hostile files and imports them in batches through the real binary, checking each batch.
 * Never throws for what the import does wrong: that goes to `problems`.
 */
export async function runHostileImport(options: HostileRunOptions): Promise<HostileRunReport> {
  const started = performance.now();
  const batchFiles = options.batchFiles ?? DEFAULT_BATCH_FILES;
  const maxRssMb = options.maxRssMb ?? DEFAULT_MAX_RSS_MB;
  const timeoutSeconds = options.fileTimeoutSeconds ?? DEFAULT_FILE_TIMEOUT_SECONDS;
  const root = await mkdtemp(join(tmpdir(), "quire-hostile-"));
  const report: HostileRunReport = {
    files: 0,
    batches: 0,
    kinds: Object.fromEntries(HOSTILE_KINDS.map((k) => [k, { files: 0, imported: 0, duplicates: 0, refused: 0 }])) as Record<HostileKind, KindFigures>,
    imported: 0,
    duplicates: 0,
    refused: 0,
    reasons: [],
    problems: [],
    slowest: null,
    peakRssMb: 0,
    wallSeconds: 0,
  };
  const reasons = new Map<string, number>();
  const generated = hostileFiles({ count: options.files, seed: options.seed, fixtures: await loadParseFixtures(), ...(options.sizes ? { sizes: options.sizes } : {}) });
  const timer = options.timeEachFile ? createParserPool({ workers: 1, timeoutMs: timeoutSeconds * 1000 }) : null;
  let library: Library | null = null;
  try {
    for (let batch = 1; report.files < options.files; batch += 1) {
      const folderName = `batch-${String(batch).padStart(4, "0")}`;
      const folder = join(root, folderName);
      await mkdir(folder);
      const files: HostileFile[] = [];
      for (let n = 0; n < batchFiles; n += 1) {
        const next = generated.next();
        if (next.done) break;
        files.push({ ...next.value, bytes: new Uint8Array() });
        await writeFile(join(folder, next.value.name), next.value.bytes);
      }
      const run = await importBatch(root, folderName, options, timeoutSeconds);
      report.batches = batch;
      report.files += files.length;
      report.peakRssMb = Math.max(report.peakRssMb, run.peakRssMb);
      if (run.peakRssMb > maxRssMb) report.problems.push(`${folderName}: peak resident memory ${run.peakRssMb} MiB, over the bound of ${maxRssMb} MiB`);
      library ??= await openLibrary(options.target);
      await checkBatch(library, root, folderName, files, run, report, reasons, timeoutSeconds);
      if (timer) await timeFiles(timer, folder, files, report);
      await rm(folder, { recursive: true, force: true });
      options.onBatch?.({ batch, files: report.files, of: options.files, seconds: run.seconds, peakRssMb: run.peakRssMb });
    }
    library ??= await openLibrary(options.target);
    for (const problem of await library.engine.checkIntegrity(library.db)) report.problems.push(`integrity check: ${problem}`);
  } finally {
    await library?.close();
    await timer?.close();
    await rm(root, { recursive: true, force: true });
  }
  report.reasons = [...reasons.entries()].sort((a, b) => b[1] - a[1]);
  report.wallSeconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

interface BatchRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  seconds: number;
}

interface ImportJson {
  imported: number;
  duplicates: { file: string; sameAs: string }[];
  failed: { file: string; error: string }[];
}

/** One `quire import` of the batch folder, its peak resident memory read from /proc while it runs. */
async function importBatch(root: string, folderName: string, options: HostileRunOptions, timeoutSeconds: number): Promise<BatchRun> {
  const args = [QUIRE_BIN, "import", folderName, "--json", "--db", databaseArgument(options.target), "--timeout", String(timeoutSeconds)];
  if (options.jobs) args.push("--jobs", String(options.jobs));
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let peak = 0;
  // The peak (VmHWM) is the process's high-water mark: any reading after a peak sees it, so polling misses only a
  // peak in the last few milliseconds before exit.
  const poll = setInterval(() => {
    peak = Math.max(peak, residentMemory(child.pid)?.peak || 0);
  }, RSS_POLL_MS);
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  clearInterval(poll);
  return { code, signal, stdout, stderr, peakRssMb: Math.round(peak / 2 ** 20), seconds: (performance.now() - started) / 1000 };
}

/** What became of one generated file: its outcomes are those of the file itself or, for a .zip, its entries. */
interface Outcome {
  imported: boolean;
  duplicate: boolean;
  failures: string[];
}

async function checkBatch(library: Library, root: string, folderName: string, files: readonly HostileFile[], run: BatchRun, report: HostileRunReport, reasons: Map<string, number>, timeoutSeconds: number): Promise<void> {
  const problems = report.problems;
  if (run.signal || (run.code !== 0 && run.code !== EXIT_SOME_FAILED)) problems.push(`${folderName}: quire import ended with ${run.signal ?? `exit code ${run.code}`}`);
  if (run.stderr.trim().length > 0) problems.push(`${folderName}: quire import wrote to stderr: ${firstLines(run.stderr)}`);
  let json: ImportJson;
  try {
    json = JSON.parse(run.stdout) as ImportJson;
  } catch {
    problems.push(`${folderName}: no JSON report on stdout: ${firstLines(run.stdout)}`);
    return;
  }
  const outcomes = new Map<string, Outcome>(files.map((f) => [f.name, { imported: false, duplicate: false, failures: [] }]));
  const outcomeOf = (display: string): Outcome | undefined => outcomes.get(display.slice(folderName.length + 1).split("!/")[0] ?? "");
  for (const failure of json.failed) {
    const outcome = outcomeOf(failure.file);
    if (!outcome) problems.push(`${failure.file}: a failure for a file that was not given: ${failure.error}`);
    if (/[\r\n]/u.test(failure.error) || failure.error.trim().length === 0) problems.push(`${failure.file}: the reason is not one line: ${JSON.stringify(failure.error.slice(0, 200))}`);
    if (failure.error.startsWith("parsing took longer than")) problems.push(`${failure.file}: over the per-file bound of ${timeoutSeconds} s`);
    outcome?.failures.push(failure.error);
    // Numbers folded, hex ones too (a damaged zip's signatures), so that a reason counts as one however it varies.
    const reason = failure.error.replace(/0x[\da-f]+/giu, "0xN").replace(/\d+/gu, "N").slice(0, 120);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const duplicate of json.duplicates) {
    const outcome = outcomeOf(duplicate.file);
    if (outcome) outcome.duplicate = true;
    else problems.push(`${duplicate.file}: a duplicate for a file that was not given`);
  }
  const prefix = `${join(root, folderName)}/`;
  const stored = await library.db.selectFrom("work_sources").select(["path", "work_id"]).where("path", "like", `${prefix}%`).where("role", "=", "primary").execute();
  const workIdOf = new Map<string, number>();
  for (const row of stored) {
    const name = row.path.slice(prefix.length).split("!/")[0] ?? "";
    const outcome = outcomes.get(name);
    if (outcome) outcome.imported = true;
    workIdOf.set(name, row.work_id);
  }
  if (json.imported !== stored.length) problems.push(`${folderName}: the report says ${json.imported} imported, the library holds ${stored.length}`);

  for (const file of files) {
    const outcome = outcomes.get(file.name) ?? { imported: false, duplicate: false, failures: [] };
    const figures = report.kinds[file.kind];
    figures.files += 1;
    const refused = outcome.failures.length > 0;
    const counted = refused ? "refused" : outcome.duplicate ? "duplicates" : outcome.imported ? "imported" : null;
    if (counted) {
      figures[counted] += 1;
      report[counted] += 1;
    } else {
      problems.push(`${file.name}: not accounted for (neither imported, a duplicate, nor failed)`);
    }
    const seen = refused ? `refused (${outcome.failures[0] ?? ""})` : outcome.duplicate ? "a duplicate" : "imported";
    const { expect } = file;
    if (expect.outcome === "refused" && !outcome.failures.some((f) => expect.reason.test(f))) problems.push(`${file.name}: expected a refusal matching ${expect.reason}, was ${seen}`);
    if (expect.outcome === "imported" && refused) problems.push(`${file.name}: expected a work, was ${seen}`);
    if (file.kind === "good" && !outcome.imported) problems.push(`${file.name}: a good file was ${seen}`);
    const workId = workIdOf.get(file.name);
    if (workId === undefined || expect.outcome === "refused") continue;
    if (file.kind === "good") {
      const problem = await compareWithParse(library, workId, join(root, folderName, file.name), file.name);
      if (problem) problems.push(`${file.name}: ${problem}`);
    }
    if (expect.forbidden || expect.maxStoredChars) {
      const text = await storedText(library, workId);
      for (const forbidden of expect.forbidden ?? []) if (text.includes(forbidden)) problems.push(`${file.name}: the stored work holds ${JSON.stringify(forbidden.slice(0, 40))}`);
      if (expect.maxStoredChars && text.length > expect.maxStoredChars) problems.push(`${file.name}: the stored work holds ${text.length} characters, over ${expect.maxStoredChars}`);
    }
  }
}

function firstLines(text: string): string {
  return text.trim().split("\n").slice(0, 3).join(" ⏎ ").slice(0, 300);
}

/** Everything of a stored work a reader sees as text: title, summary, notes and every chapter's text and HTML. */
async function storedText(library: Library, workId: number): Promise<string> {
  const work = await library.db.selectFrom("works").select(["title", "summary", "notes", "end_notes"]).where("id", "=", workId).executeTakeFirstOrThrow();
  const chapters = await library.db.selectFrom("chapters").select(["title", "text", "html"]).where("work_id", "=", workId).orderBy("position").execute();
  return [work.title, work.summary, work.notes, work.end_notes, ...chapters.flatMap((c) => [c.title, c.text, c.html])].filter((t) => t !== null).join("\n");
}

/**
 * The stored work against `parseStory` of the file alone: title, summary, notes, word count and every chapter's
 * title, text, HTML and word count. (Tags are left out: the import tags with the library's vocabulary.)
 * @returns what differs, or null.
 */
async function compareWithParse(library: Library, workId: number, path: string, name: string): Promise<string | null> {
  const { work } = await parseStory(await readFile(path), name);
  const stored = await library.db.selectFrom("works").select(["title", "summary", "notes", "end_notes", "word_count", "chapter_count"]).where("id", "=", workId).executeTakeFirstOrThrow();
  const chapters = await library.db.selectFrom("chapters").select(["title", "text", "html", "word_count"]).where("work_id", "=", workId).orderBy("position").execute();
  const expected = {
    work: { title: work.title ?? stored.title, summary: work.summary, notes: work.notes, end_notes: work.endNotes, word_count: work.wordCount, chapter_count: work.chapters.length },
    chapters: work.chapters.map((c) => ({ title: c.title, text: c.text, html: c.html, word_count: c.wordCount })),
  };
  const actual = { work: { ...stored }, chapters };
  if (JSON.stringify(actual.work) !== JSON.stringify(expected.work)) return `stored ${JSON.stringify(actual.work).slice(0, 200)}, parsed alone ${JSON.stringify(expected.work).slice(0, 200)}`;
  const differs = expected.chapters.findIndex((c, i) => JSON.stringify(c) !== JSON.stringify(chapters[i]));
  return differs >= 0 ? `chapter ${differs + 1} differs from the file parsed alone` : null;
}

/** Parses each file of the batch alone on `timer`, keeping the slowest. */
async function timeFiles(timer: StoryParser, folder: string, files: readonly HostileFile[], report: HostileRunReport): Promise<void> {
  for (const file of files) {
    const bytes = await readFile(join(folder, file.name));
    const started = performance.now();
    await timer.parse(bytes, file.name).catch(() => undefined);
    const ms = Math.round(performance.now() - started);
    if (!report.slowest || ms > report.slowest.ms) report.slowest = { file: file.name, kind: file.kind, ms };
  }
}

/**
 * The full run: `npm run proving-ground -- --only hostile`.
 * Flags: --files N (10000), --seed N, --db TARGET (a fresh SQLite library in a temporary folder by default),
 * --batch N, --timeout S, --max-rss MB.
 */
export async function main(argv: readonly string[]): Promise<boolean> {
  const files = wholeNumberFlag("files", 10_000, argv);
  const seed = wholeNumberFlag("seed", 20261130, argv, 0);
  const maxRssMb = wholeNumberFlag("max-rss", DEFAULT_MAX_RSS_MB, argv);
  const fileTimeoutSeconds = wholeNumberFlag("timeout", DEFAULT_FILE_TIMEOUT_SECONDS, argv);
  const batchFiles = wholeNumberFlag("batch", DEFAULT_BATCH_FILES, argv);
  const scratch = await mkdtemp(join(tmpdir(), "quire-hostile-library-"));
  const target = parseDatabaseTarget(flag("db", `sqlite:${join(scratch, "library.db")}`, argv));
  printPartHeader(`hostile input, ${files} files through quire import on ${target.engine}`, `sizes: ${JSON.stringify(FULL_SIZES)}; per-file bound ${fileTimeoutSeconds} s; peak RSS bound ${maxRssMb} MiB; seed ${seed}`);
  try {
    const report = await runHostileImport({
      files,
      seed,
      target,
      batchFiles,
      fileTimeoutSeconds,
      maxRssMb,
      timeEachFile: true,
      onBatch: (p) => console.log(`  batch ${p.batch}: ${p.files}/${p.of} files, ${p.seconds.toFixed(1)} s, peak RSS ${p.peakRssMb} MiB`),
    });
    printReport(report);
    return report.problems.length === 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function printReport(report: HostileRunReport): void {
  console.log(`\n${report.files} files in ${report.batches} batches, ${report.wallSeconds} s: ${report.imported} imported, ${report.duplicates} duplicates, ${report.refused} refused`);
  console.log(`peak RSS of an import: ${report.peakRssMb} MiB`);
  if (report.slowest) console.log(`slowest file parsed alone: ${report.slowest.file} (${report.slowest.kind}), ${(report.slowest.ms / 1000).toFixed(1)} s`);
  console.log("\nkind                  files  imported  duplicates  refused");
  for (const [kind, k] of Object.entries(report.kinds)) console.log(`${kind.padEnd(20)} ${String(k.files).padStart(6)} ${String(k.imported).padStart(9)} ${String(k.duplicates).padStart(11)} ${String(k.refused).padStart(8)}`);
  console.log("\nrefusal reasons (numbers as N):");
  for (const [reason, count] of report.reasons) console.log(`${String(count).padStart(6)}  ${reason}`);
  console.log(report.problems.length === 0 ? "\nPASS: no crash, no hang, every file accounted for, good files untouched, memory bounded, integrity check clean" : `\nFAIL: ${report.problems.length} problems`);
  for (const problem of report.problems.slice(0, 50)) console.log(`  ${problem}`);
}

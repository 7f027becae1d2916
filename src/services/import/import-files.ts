/**
 * `quire import`: files, folders and zip archives into the library. Each file is hashed and looked up first, so
 * a file read before costs no parsing; new and changed files are parsed on the worker pool; one writer stores
 * the results in batched transactions, each work under its own savepoint, so a work lands whole or not at all
 * and a failing work fails alone. A file's provenance row is written in the same transaction as its work, so an
 * import killed at any moment and run again finishes the job without storing anything twice. Once the files are
 * stored, the label rules of their batches (services/review/label-rules.ts) apply to the works stored or read again.
 */
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import type { Kysely } from "kysely";
import { QuireError } from "../../domain/errors.js";
import { PARSER_VERSION } from "../../importers/parse-story.js";
import type { Library } from "../../db/connect.js";
import { TransactionLostError, withSavepoint } from "../../db/dialects/transaction.js";
import type { Database, WorkSourceRow } from "../../db/schema.js";
import { findSourceByHash, findSourceByPath, findPrimarySourcePath, forgetDuplicateContents, insertSource, updateSource, type NewWorkSource } from "../../db/repositories/sources.js";
import { findWorkFingerprint, findWorkIdByFingerprint, insertWork, replaceWork, type WorkToStore } from "../../db/repositories/works.js";
import { displayPath, listSources, type SourceFile } from "./sources.js";
import type { ParsedStory, StoryParser } from "./story-parser.js";
import { applyLabelRulesToImported } from "../review/label-rules.js";

export type FileOutcome =
  | { kind: "imported" | "updated"; workId: number }
  | { kind: "unchanged"; workId: number }
  | { kind: "duplicate"; workId: number; sameAs: string }
  | { kind: "failed"; error: string };

export type ImportEvent =
  | { type: "surveyed"; files: number; bytes: number }
  | { type: "reading"; file: string }
  | { type: "done"; file: string; bytes: number; outcome: FileOutcome };

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  duplicates: { file: string; sameAs: string }[];
  failed: { file: string; error: string }[];
  seconds: number;
}

export interface ImportOptions {
  onEvent?: (event: ImportEvent) => void;
  /** Stops reading new files; what was read is still stored, and the report says what was done. */
  signal?: AbortSignal;
  /** Parse files again even when their bytes have not changed (after an importer upgrade). */
  reparse?: boolean;
  /** Count the files first, so progress can show a total and an ETA. */
  survey?: boolean;
  cwd?: string;
  /** Store at most this many works a transaction (default BATCH_WORKS). */
  batchWorks?: number;
}

export interface ImportDeps {
  library: Library;
  parser: StoryParser;
}

/**
 * A batch is written when it holds this many works, this much story text, or has waited this long: large enough to
 * amortise a commit, small enough that a kill loses little and the library grows steadily.
 */
export const BATCH_WORKS = 200;
const BATCH_CHARACTERS = 32 * 1024 * 1024;
const BATCH_MS = 1000;
/**
 * Files read ahead of the parsers. Writing a batch holds the main thread, so the parsers need a queue that
 * lasts while it does; the byte bound keeps memory flat however large the files (two per parser always go).
 */
const READ_AHEAD_FILES = 64;
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

/** A file ready to store: parsed, or known by its bytes to be a file already in the library. */
type Pending =
  | { kind: "parsed"; source: SourceFile; hash: string; story: ParsedStory }
  | { kind: "same-bytes"; source: SourceFile; hash: string; match: WorkSourceRow };

/**
 * Imports every story file under the paths. Never throws for a bad file: it is reported in `failed` and the rest
 * goes on. Throws only when the library itself cannot be written.
 */
export async function importFiles(deps: ImportDeps, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const emit = options.onEvent ?? (() => undefined);
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, duplicates: [], failed: [], seconds: 0 };
  const { db } = deps.library;
  // The works this import stored or read again: the label rules of their batches apply to them once it is done.
  const stored: number[] = [];

  const finish = (file: string, bytes: number, outcome: FileOutcome) => {
    if (outcome.kind === "imported" || outcome.kind === "updated") stored.push(outcome.workId);
    if (outcome.kind === "failed") report.failed.push({ file, error: outcome.error });
    else if (outcome.kind === "duplicate") report.duplicates.push({ file, sameAs: outcome.sameAs });
    else report[outcome.kind] += 1;
    emit({ type: "done", file, bytes, outcome });
  };

  if (options.survey) {
    let files = 0;
    let bytes = 0;
    for await (const item of listSources(paths, cwd)) {
      files += 1;
      if ("size" in item) bytes += item.size;
    }
    emit({ type: "surveyed", files, bytes });
  }

  const writer = new BatchWriter(deps, options.reparse ?? false, options.batchWorks ?? BATCH_WORKS, cwd, finish);
  const parsing = new Set<Promise<void>>();
  let parsingBytes = 0;
  const readAheadFull = () =>
    parsing.size >= Math.max(deps.parser.concurrency * 2, READ_AHEAD_FILES) || (parsing.size >= deps.parser.concurrency * 2 && parsingBytes >= READ_AHEAD_BYTES);
  let storeError: unknown = null;
  try {
    for await (const item of listSources(paths, cwd)) {
      if (storeError) throw storeError;
      if (options.signal?.aborted) break;
      if (!("read" in item)) {
        finish(item.display, 0, { kind: "failed", error: item.error });
        continue;
      }
      emit({ type: "reading", file: item.display });
      let bytes: Uint8Array;
      try {
        bytes = await item.read();
      } catch (error) {
        finish(item.display, item.size, { kind: "failed", error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const hash = createHash("sha256").update(bytes).digest("hex");
      const known = await findSourceByPath(db, item.path);
      if (known && known.content_hash === hash && !options.reparse) {
        finish(item.display, bytes.byteLength, await knownOutcome(db, known, cwd));
        continue;
      }
      const sameBytes = known ? undefined : await findSourceByHash(db, hash);
      if (sameBytes) {
        await writer.add({ kind: "same-bytes", source: item, hash, match: sameBytes }, 0);
        continue;
      }
      while (readAheadFull()) await Promise.race(parsing);
      const size = bytes.byteLength;
      parsingBytes += size;
      const task = deps.parser
        .parse(bytes, item.path)
        .then(
          (story) => writer.add({ kind: "parsed", source: item, hash, story }, storyCharacters(story)),
          (error: unknown) => finish(item.display, size, { kind: "failed", error: error instanceof Error ? error.message : String(error) }),
        )
        // A store error ends the import; it is kept here and thrown by the loop, never left unhandled.
        .catch((error: unknown) => {
          storeError ??= error;
        })
        .finally(() => {
          parsing.delete(task);
          parsingBytes -= size;
        });
      parsing.add(task);
    }
    await Promise.all(parsing);
    if (storeError) throw storeError;
    await writer.flush();
  } finally {
    await Promise.allSettled(parsing);
  }
  await applyLabelRulesToImported(deps.library, stored);
  if (report.imported + report.updated > 0) await deps.library.engine.optimize(db);
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

async function knownOutcome(db: Kysely<Database>, known: WorkSourceRow, cwd: string): Promise<FileOutcome> {
  if (known.role === "primary") return { kind: "unchanged", workId: known.work_id };
  return { kind: "duplicate", workId: known.work_id, sameAs: await sameAsName(db, known.work_id, cwd) };
}

async function sameAsName(db: Kysely<Database>, workId: number, cwd: string): Promise<string> {
  const path = await findPrimarySourcePath(db, workId);
  return path ? displayPath(path, cwd) : `work ${workId}`;
}

/** The one writer: stores pending files in batches, one transaction per batch and one savepoint per file. */
class BatchWriter {
  private pending: Pending[] = [];
  private pendingCharacters = 0;
  private pendingSince = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ImportDeps,
    private readonly reparse: boolean,
    private readonly batchWorks: number,
    private readonly cwd: string,
    private readonly finish: (file: string, bytes: number, outcome: FileOutcome) => void,
  ) {}

  /**
   * Queues a file. When the batch is full, waits for the batch being written first, then for this one: so at most
   * one batch is written while the next one fills, and a slow database holds the reader back rather than letting
   * parsed works pile up in memory.
   */
  async add(item: Pending, textCharacters: number): Promise<void> {
    if (this.pending.length === 0) this.pendingSince = performance.now();
    this.pending.push(item);
    this.pendingCharacters += textCharacters;
    if (!this.full()) return;
    await this.writing;
    // Another file may have flushed this batch meanwhile.
    if (this.full()) await this.flush();
  }

  private full(): boolean {
    return this.pending.length >= this.batchWorks || this.pendingCharacters >= BATCH_CHARACTERS || performance.now() - this.pendingSince >= BATCH_MS;
  }

  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.pendingCharacters = 0;
    this.writing = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    return this.writing;
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    const { db, engine } = this.deps.library;
    const now = new Date().toISOString();
    const outcomes: FileOutcome[] = [];
    try {
      await engine.writeTransaction(db, async (trx) => {
        for (const item of batch) {
          try {
            outcomes.push(await withSavepoint(trx, () => this.store(trx, item, now)));
          } catch (error) {
            if (error instanceof TransactionLostError) throw error;
            outcomes.push({ kind: "failed", error: `could not be stored: ${error instanceof Error ? error.message : String(error)}` });
          }
        }
      });
    } catch (error) {
      // The transaction failed as a whole (disk full, database gone, a failed commit): nothing of it was stored.
      const reason = error instanceof Error ? error.message : String(error);
      throw new QuireError("store", `the library could not be written: ${reason}`, { cause: error });
    }
    batch.forEach((item, index) => this.finish(item.source.display, item.source.size, outcomes[index] ?? { kind: "failed", error: "not stored" }));
  }

  private async store(trx: Kysely<Database>, item: Pending, now: string): Promise<FileOutcome> {
    const { engine } = this.deps.library;
    const { source, hash } = item;
    const known = await findSourceByPath(trx, source.path);
    if (known && known.content_hash === hash && !this.reparse) return knownOutcome(trx, known, this.cwd);

    const { format, encoding } = item.kind === "parsed" ? item.story : item.match;
    const row = { path: source.path, content_hash: hash, size: source.size, format, encoding, parser_version: PARSER_VERSION, updated_at: now };
    if (item.kind === "same-bytes") {
      // The file it matched may have changed earlier in this batch, taking its old story with it.
      const match = await findSourceByHash(trx, hash);
      if (!match) return { kind: "failed", error: "a file with the same contents changed during this import; import this one again" };
      return this.recordDuplicate(trx, known, row, match.work_id, now);
    }
    if (known?.role === "primary") {
      // A changed file updates its own work in place, even if its new text matches another work. Files recorded as
      // duplicates of the old story are read again next time: theirs may no longer be stored.
      if ((await findWorkFingerprint(trx, known.work_id)) !== item.story.fingerprint) await forgetDuplicateContents(trx, known.work_id);
      await replaceWork(trx, engine, known.work_id, toStore(item.story, source), now);
      await updateSource(trx, known.id, row);
      return { kind: "updated", workId: known.work_id };
    }
    // A duplicate source read again unchanged (--reparse) stays its work's, though no work has its story: it may
    // be a near-duplicate merged into that work (quire duplicates merge), which a person decided belongs there.
    if (known?.role === "duplicate" && known.content_hash === hash) return this.recordDuplicate(trx, known, row, known.work_id, now);
    const duplicateOf = await findWorkIdByFingerprint(trx, item.story.fingerprint);
    if (duplicateOf !== undefined) return this.recordDuplicate(trx, known, row, duplicateOf, now);
    const workId = await insertWork(trx, engine, toStore(item.story, source), now);
    await recordSource(trx, known, { ...row, work_id: workId, role: "primary" }, now);
    return { kind: "imported", workId };
  }

  private async recordDuplicate(trx: Kysely<Database>, known: WorkSourceRow | undefined, row: SourceFields, workId: number, now: string): Promise<FileOutcome> {
    await recordSource(trx, known, { ...row, work_id: workId, role: "duplicate" }, now);
    return { kind: "duplicate", workId, sameAs: await sameAsName(trx, workId, this.cwd) };
  }
}

type SourceFields = Omit<NewWorkSource, "work_id" | "role" | "imported_at">;

/** The file's provenance row: updated when the file was read before, else added. */
async function recordSource(trx: Kysely<Database>, known: WorkSourceRow | undefined, row: Omit<NewWorkSource, "imported_at">, now: string): Promise<void> {
  if (known) await updateSource(trx, known.id, row);
  else await insertSource(trx, { ...row, imported_at: now });
}

/** Story text and HTML held for the batch: what bounds a batch's memory. */
function storyCharacters(story: ParsedStory): number {
  return story.work.chapters.reduce((n, c) => n + c.text.length + c.html.length, 0);
}

/** A file that states no title is named after its file, and its provenance says so. */
function toStore(story: ParsedStory, source: SourceFile): WorkToStore {
  const { work, fingerprint, signature } = story;
  if (work.title) return { work, title: work.title, fingerprint, signature };
  const title = titleFromFileName(source.path);
  const provenance = { ...work.provenance, title: { source: "default" as const, evidence: `file name: ${basename(source.path)}`, confidence: 0.3 } };
  return { work: { ...work, title, provenance }, title, fingerprint, signature };
}

/** "the_long-way-home.txt" → "The long way home". */
function titleFromFileName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[_-]+/gu, " ").replace(/\s+/gu, " ").trim();
  return stem.length === 0 ? "Untitled" : stem.charAt(0).toUpperCase() + stem.slice(1);
}

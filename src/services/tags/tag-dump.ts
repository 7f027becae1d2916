/**
 * `quire tags import|export` in the shape of the Archive's public tag dump (see domain/tags/tag-dump.ts). An
 * import maps the file's ids to the library's, creates the tags it lacks, makes canonical what the file says is
 * canonical and merges its synonyms, all in one transaction; as everywhere, it adds to the wrangling already done
 * and never undoes it. The file is read as a stream, so a dump of millions of rows needs memory only for the
 * map of its ids and its synonyms.
 */
import type { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import { listTagDumpEntries } from "../../db/repositories/tag-dump.js";
import { ensureTags, refreshWorkFilters } from "../../db/repositories/tags.js";
import { insertWrangling } from "../../db/repositories/wrangling-history.js";
import { findTagsByIds, makeUnwrangledCanonical, setTagMerger, worksTaggedUnder } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { readTagDumpRow, TAG_DUMP_COLUMNS, tagDumpFields, type TagDumpColumn, type TagDumpRow } from "../../domain/tags/tag-dump.js";
import { FIXED_TAG_TYPES, isFixedTagType } from "../../domain/tags/wrangling-rules.js";
import type { TagLibrary } from "./wrangle.js";

/** A row of the file that was not imported, and why. */
export interface RejectedRow {
  /** The file's line (1 is the header). */
  line: number;
  id: string;
  name: string;
  reason: string;
}

/** What an import did, in either format. */
export interface TagImportReport {
  format: "csv" | "quire";
  /** Rows read (CSV) or entries (vocabulary file). */
  entries: number;
  created: number;
  madeCanonical: number;
  merged: number;
  /** Parent and meta links added (vocabulary files only; the dump has none). */
  linked: number;
  /** Tags the file would wrangle otherwise than the library has: the library's wrangling stays. */
  kept: number;
  rejected: RejectedRow[];
  worksRefreshed: number;
}

const ROWS_PER_BATCH = 1_000;

/**
 * Imports an Archive tag dump.
 * @throws ValidationError when the header lacks one of the dump's columns (cached_count may be missing).
 */
export async function importTagDump(library: TagLibrary, input: Readable, source: string): Promise<TagImportReport> {
  const now = new Date().toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    const dump = new DumpImport(trx, now);
    const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, skip_records_with_error: true, on_skip: (error) => dump.skip(error) });
    input.on("error", (error) => parser.destroy(error));
    for await (const item of input.pipe(parser)) await dump.add(recordOf(item));
    const report = await dump.finish();
    await insertWrangling(trx, { operation: "import", tagId: null, otherTagId: null, detail: { source, ...report, rejected: report.rejected.length } }, now);
    return report;
  });
}

/** csv-parse's record with `info: true`, checked. */
function recordOf(item: unknown): { fields: string[]; line: number } {
  const record: unknown = typeof item === "object" && item !== null ? Reflect.get(item, "record") : undefined;
  const info: unknown = typeof item === "object" && item !== null ? Reflect.get(item, "info") : undefined;
  const line: unknown = typeof info === "object" && info !== null ? Reflect.get(info, "lines") : undefined;
  if (!Array.isArray(record) || typeof line !== "number") throw new Error("csv-parse returned a record without its info");
  return { fields: record.map(String), line };
}

interface PendingMerger {
  line: number;
  row: TagDumpRow;
  tagId: number;
}

/** One import's state: the header, the map of the file's ids to ours, the batch being read, the synonyms. */
class DumpImport {
  private columns: Map<TagDumpColumn, number> | null = null;
  private headerLength = 0;
  private batch: { line: number; row: TagDumpRow }[] = [];
  private readonly batchIds = new Set<string>();
  private readonly ids = new Map<string, number>();
  private readonly mergers: PendingMerger[] = [];
  private readonly fixedTags = new Map<string, number>();
  readonly report: TagImportReport = { format: "csv", entries: 0, created: 0, madeCanonical: 0, merged: 0, linked: 0, kept: 0, rejected: [], worksRefreshed: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: string,
  ) {}

  skip(error: CsvError | undefined): undefined {
    const line = error && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    this.report.entries += 1;
    this.report.rejected.push({ line, id: "", name: "", reason: error?.message ?? "unreadable row" });
    return undefined;
  }

  async add({ fields, line }: { fields: string[]; line: number }): Promise<void> {
    if (!this.columns) {
      this.columns = this.readHeader(fields);
      this.headerLength = fields.length;
      const fixed = await this.db.selectFrom("tags").select(["id", "type", "name_key"]).where("type", "in", FIXED_TAG_TYPES).execute();
      for (const tag of fixed) this.fixedTags.set(`${tag.type}\u0000${tag.name_key}`, tag.id);
      return;
    }
    this.report.entries += 1;
    const columns = this.columns;
    const byName = Object.fromEntries([...columns].map(([name, index]) => [name, fields[index]]));
    const row = readTagDumpRow(byName);
    const reject = (reason: string) => this.report.rejected.push({ line, id: byName.id ?? "", name: byName.name ?? "", reason });
    if (fields.length !== this.headerLength) reject(`${fields.length} fields where the header has ${this.headerLength}`);
    else if ("reason" in row) reject(row.reason);
    else if (this.ids.has(row.id) || this.batchIds.has(row.id)) reject(`id ${row.id} is in the file twice`);
    else {
      this.batch.push({ line, row });
      this.batchIds.add(row.id);
      if (this.batch.length >= ROWS_PER_BATCH) await this.flush();
    }
  }

  private readHeader(fields: readonly string[]): Map<TagDumpColumn, number> {
    const index = new Map(fields.map((name, i) => [name.trim().toLowerCase(), i]));
    const missing = TAG_DUMP_COLUMNS.filter((c) => c !== "cached_count" && !index.has(c));
    if (missing.length > 0) throw new ValidationError({ file: `not an Archive tag dump: its header lacks ${missing.join(", ")} (it needs ${TAG_DUMP_COLUMNS.join(",")})` });
    return new Map(TAG_DUMP_COLUMNS.flatMap((c) => (index.has(c) ? [[c, index.get(c) ?? 0] as const] : [])));
  }

  /** Creates the batch's tags, records their ids, and makes canonical those the file says are. */
  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.batchIds.clear();
    const free = batch.filter(({ row }) => !isFixedTagType(row.type));
    const { ids: freeIds, created } = await ensureTags(this.db, free.map(({ row }) => ({ type: row.type, name: row.name })), this.now);
    this.report.created += created;
    free.forEach(({ row }, i) => this.ids.set(row.id, freeIds[i] ?? 0));
    for (const { line, row } of batch.filter(({ row }) => isFixedTagType(row.type))) {
      const id = this.fixedTags.get(`${row.type}\u0000${nameKey(row.name)}`);
      if (id === undefined) this.report.rejected.push({ line, id: row.id, name: row.name, reason: `"${row.name}" is not one of the Archive's ${row.type} tags` });
      else this.ids.set(row.id, id);
    }

    const imported = batch.filter(({ row }) => this.ids.has(row.id));
    const canonical = imported.filter(({ row }) => row.canonical).map(({ row }) => this.ids.get(row.id) ?? 0);
    this.report.madeCanonical += await makeUnwrangledCanonical(this.db, canonical, this.now);
    const states = await findTagsByIds(this.db, canonical);
    this.report.kept += [...states.values()].filter((t) => t.mergerId !== null).length;
    for (const { line, row } of imported) if (row.mergerId !== null) this.mergers.push({ line, row, tagId: this.ids.get(row.id) ?? 0 });
  }

  /**
   * Merges the synonyms into their canonical tags once every id is known (a merger may come after its synonyms).
   * A synonym the library has made canonical, or merged elsewhere, stays as it is.
   */
  async finish(): Promise<TagImportReport> {
    if (!this.columns) throw new ValidationError({ file: "the file is empty" });
    await this.flush();
    const tags = await findTagsByIds(this.db, [...this.mergers.map((m) => m.tagId), ...this.mergers.map((m) => this.ids.get(m.row.mergerId ?? "") ?? 0)]);
    const targets = await findTagsByIds(this.db, [...tags.values()].flatMap((t) => (t.mergerId === null ? [] : [t.mergerId])));
    const byTarget = new Map<number, number[]>();
    for (const { line, row, tagId } of this.mergers) {
      const reject = (reason: string) => this.report.rejected.push({ line, id: row.id, name: row.name, reason });
      const named = tags.get(this.ids.get(row.mergerId ?? "") ?? 0);
      // A merger the library has made a synonym itself stands for its own canonical tag.
      const target = named && named.mergerId !== null ? targets.get(named.mergerId) : named;
      const tag = tags.get(tagId);
      if (!tag) continue;
      if (!target) reject(`its merger_id ${row.mergerId ?? ""} is not a tag of the file`);
      else if (target.type !== tag.type) reject(`its merger "${target.name}" is a ${target.type} tag, not a ${tag.type} tag`);
      else if (!target.canonical) reject(`its merger "${target.name}" is not canonical`);
      else if (target.id === tag.id || tag.mergerId === target.id) continue;
      else if (tag.canonical || tag.mergerId !== null) this.report.kept += 1;
      else byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), tag.id]);
    }
    const merged = [...byTarget.values()].flat();
    const works = await worksTaggedUnder(this.db, merged);
    for (const [target, ids] of byTarget) await setTagMerger(this.db, ids, target, this.now);
    this.report.merged = merged.length;
    await refreshWorkFilters(this.db, works);
    this.report.worksRefreshed = works.length;
    this.report.rejected.sort((a, b) => a.line - b.line);
    return this.report;
  }
}

const ROWS_PER_PAGE = 5_000;

/**
 * Writes every tag of the library as an Archive tag dump, a page at a time, in id order.
 * @returns the number of tags written.
 */
export async function exportTagDump(db: Kysely<Database>, write: (text: string) => void): Promise<number> {
  write(stringify([[...TAG_DUMP_COLUMNS]]));
  let count = 0;
  for (let after = 0; ; ) {
    const page = await listTagDumpEntries(db, after, ROWS_PER_PAGE);
    if (page.length === 0) return count;
    write(stringify(page.map(tagDumpFields), { columns: [...TAG_DUMP_COLUMNS] }));
    count += page.length;
    after = page[page.length - 1]?.id ?? after;
  }
}

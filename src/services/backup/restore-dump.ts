/**
 * `quire restore FILE`: a dump (write-dump.ts) stored into an empty library, on either engine.
 *
 * The library is first brought to the schema the dump was made with (never past it, and a library already past
 * it is refused), then, in one transaction, emptied of what a new library starts with (the fixed tags, a starter
 * vocabulary) and filled table by table in the dump's order; ids are kept, so every link holds, and generated ids
 * go on after the largest restored. The full-text index is built again from the restored works rather than
 * carried in the dump, so a dump moves between engines. Every table's count is checked against the dump before
 * the transaction commits: a dump cut short or damaged anywhere leaves the library as it was. Then the library is
 * brought to this Quire's schema.
 *
 * A library that holds works or accounts is refused unless `replace` is set, and then everything in it is
 * replaced: two libraries are never mixed.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import type { TableShape } from "../../db/dialects/engine.js";
import { countRows, deleteAllRows, describeLibraryTables, insertRows, listWorkIdsAfter, setColumn } from "../../db/library-rows.js";
import { appliedMigrations, migrateTo, migrateToLatest } from "../../db/migrate.js";
import { migrations } from "../../db/migrations/index.js";
import { reindexWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { QuireError } from "../../domain/errors.js";
import { decodeValue, portableType, type PortableType } from "./column-codec.js";
import type { TableStartLine } from "./dump-format.js";
import { openDump } from "./read-dump.js";
import { dependencyOrder, selfReferences, type SelfReference } from "./table-order.js";

/** Rows stored per statement at most; fewer when they hold much text. */
const ROWS_PER_INSERT = 500;
const BOUND_VALUES_PER_INSERT = 10_000;
const TEXT_PER_INSERT = 4_000_000;
const WORKS_PER_INDEX_PAGE = 500;

export interface RestoreOptions {
  /** Replace a library that holds works or accounts (everything in it goes). */
  replace?: boolean;
}

export interface RestoreSummary {
  /** The dump's schema, and the migrations applied after the restore to reach this Quire's. */
  schema: string;
  migrated: string[];
  tables: number;
  rows: number;
  works: number;
  /** Where the dump came from. */
  madeBy: { engine: string; quire: string; createdAt: string };
}

/** @throws QuireError("restore") naming what is wrong; the library is left as it was. */
export async function restoreDump(library: Library, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const { header, lines, close } = await openDump(file);
  try {
    await prepareSchema(library, header.schema, options);
    const { db, engine } = library;
    const tables = new Map((await describeLibraryTables(db, engine)).map((t) => [t.name, t]));
    const restored = await engine.writeTransaction(db, async (trx) => {
      await engine.clearTextIndex(trx);
      for (const table of dependencyOrder([...tables.values()]).reverse()) await deleteAllRows(trx, table.name);
      const counts = new Map<string, number>();
      let current: TableWriter | null = null;
      for await (const line of lines) {
        if (line.kind === "table") current = new TableWriter(trx, ...tableFor(tables, line.line));
        else if (line.kind === "row") await current?.add(line.values);
        else if (line.kind === "end-table" && current) {
          await current.finish();
          counts.set(current.name, line.line.rows);
          current = null;
        }
      }
      const missing = [...tables.keys()].filter((name) => !counts.has(name));
      if (missing.length > 0) throw new QuireError("restore", `the dump lacks the table${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of its own schema: it is damaged`);
      await engine.continueGeneratedIds(trx);
      const works = await indexEveryWork(trx, library);
      for (const [name, expected] of counts) {
        const stored = await countRows(trx, name);
        if (stored !== expected) throw new QuireError("restore", `table ${name} holds ${stored} rows after the restore, not the dump's ${expected}`);
      }
      return { tables: counts.size, rows: [...counts.values()].reduce((a, b) => a + b, 0), works };
    });
    const migrated = await migrateToLatest(library);
    await engine.optimize(db);
    return { schema: header.schema, migrated, ...restored, madeBy: { engine: header.engine, quire: header.quire, createdAt: header.created_at } };
  } finally {
    await close();
  }
}

/** Brings the library to the dump's schema, after checking that it may be restored into at all. */
async function prepareSchema(library: Library, schema: string, options: RestoreOptions): Promise<void> {
  const known = Object.keys(migrations(library.engine));
  if (!known.includes(schema)) {
    throw new QuireError("restore", `the dump was made with a newer Quire (schema ${schema}); this Quire knows the schema up to ${known.at(-1) ?? "none"}: upgrade Quire to restore it`);
  }
  const applied = await appliedMigrations(library);
  const beyond = applied.filter((name) => name > schema);
  if (beyond.length > 0) {
    throw new QuireError("restore", `this library's schema (${applied.at(-1) ?? ""}) is newer than the dump's (${schema}): restore into a new, empty database, and Quire brings it up to date after`);
  }
  if (applied.length > 0 && !options.replace) {
    const tables = new Set((await describeLibraryTables(library.db, library.engine)).map((t) => t.name));
    const held = [];
    for (const [table, what] of [["works", "works"], ["users", "accounts"]] as const) {
      const n = tables.has(table) ? await countRows(library.db, table) : 0;
      if (n > 0) held.push(`${n} ${what}`);
    }
    if (held.length > 0) throw new QuireError("restore", `this library holds ${held.join(" and ")}: restore into a new, empty database, or pass --replace to replace everything in it`);
  }
  await migrateTo(library, schema);
}

interface DumpColumn {
  name: string;
  type: PortableType;
}

function tableFor(tables: ReadonlyMap<string, TableShape>, line: TableStartLine): [TableShape, DumpColumn[]] {
  const shape = tables.get(line.table);
  if (!shape) throw new QuireError("restore", `the dump holds a table ${line.table}, which its own schema lacks: it is damaged`);
  const ours = new Map(shape.columns.map((c) => [c.name, portableType(c.type)]));
  const differ = line.columns.length !== shape.columns.length || line.columns.some(([name, type]) => ours.get(name) !== type);
  if (differ) throw new QuireError("restore", `the dump's columns of table ${line.table} are not those of its own schema: it is damaged`);
  return [shape, line.columns.map(([name, type]) => ({ name, type }))];
}

/**
 * Stores one table's rows in batches. A row pointing at a row of its own table not stored yet (a tag merged into
 * a tag made after it) is stored without that link, which is set once the whole table is in.
 */
class TableWriter {
  private batch: unknown[][] = [];
  private textInBatch = 0;
  private readonly deferred: { reference: SelfReference; key: unknown; value: unknown }[] = [];
  private readonly selfReferences: { reference: SelfReference; index: number; keyIndex: number }[];

  readonly name: string;

  constructor(
    private readonly db: Kysely<Database>,
    shape: TableShape,
    private readonly columns: readonly DumpColumn[],
  ) {
    this.name = shape.name;
    const names = columns.map((c) => c.name);
    this.selfReferences = selfReferences(shape).map((reference) => ({ reference, index: names.indexOf(reference.column), keyIndex: names.indexOf(reference.key) }));
  }

  async add(values: readonly (number | string | null)[]): Promise<void> {
    const row = values.map((value, i) => {
      const column = this.columns[i];
      return column ? decodeValue(column.type, value, `a row of ${this.name} (${column.name})`) : value;
    });
    for (const { reference, index, keyIndex } of this.selfReferences) {
      const key = row[keyIndex];
      const value = row[index];
      if (value === null || value === undefined || (typeof key === "number" && typeof value === "number" && value < key)) continue;
      this.deferred.push({ reference, key, value });
      row[index] = null;
    }
    this.batch.push(row);
    this.textInBatch += values.reduce<number>((sum, v) => sum + (typeof v === "string" ? v.length : 0), 0);
    const boundValues = this.batch.length * this.columns.length;
    if (this.batch.length >= ROWS_PER_INSERT || boundValues + this.columns.length > BOUND_VALUES_PER_INSERT || this.textInBatch >= TEXT_PER_INSERT) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    for (const { reference, key, value } of this.deferred) await setColumn(this.db, this.name, reference.key, key, reference.column, value);
  }

  private async flush(): Promise<void> {
    await insertRows(this.db, this.name, this.columns.map((c) => c.name), this.batch);
    this.batch = [];
    this.textInBatch = 0;
  }
}

/** Builds every work's full-text entry from its restored rows. @returns the number of works. */
async function indexEveryWork(db: Kysely<Database>, library: Library): Promise<number> {
  let works = 0;
  for (let after = 0; ; ) {
    const ids = await listWorkIdsAfter(db, after, WORKS_PER_INDEX_PAGE);
    for (const id of ids) await reindexWork(db, library.engine, id);
    works += ids.length;
    const last = ids.at(-1);
    if (last === undefined) return works;
    after = last;
  }
}

/**
 * What differs between SQLite and PostgreSQL, in one interface with one file per engine. Repositories and
 * migrations call these and never test which engine they run on.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect, Kysely, RawBuilder, SqlBool } from "kysely";
import type { TextQuery } from "../../search/work-search.js";
import type { Database } from "../schema.js";

/** What the full-text index holds for one work. */
export interface SearchDocument {
  workId: number;
  title: string;
  authors: string;
  tags: string;
  /** Summary, notes, end notes, series and collection names. */
  about: string;
  /** The story text, chapter by chapter. */
  chapters: readonly string[];
}

export interface TextMatch {
  /** True for the works (alias `w`) the query matches, wherever they come from. */
  where: RawBuilder<SqlBool>;
  /** Higher is a better match; null when the query has nothing positive to rank by. */
  rank: RawBuilder<number> | null;
}

/** A column as the database declares it. */
export interface TableColumn {
  name: string;
  /** The declared type, lower case, as the engine spells it: "integer", "text", "double precision", "int4"… */
  type: string;
}

/** A foreign key: `columns` of the table point at `referencedColumns` of `table`. */
export interface ForeignKey {
  columns: readonly string[];
  table: string;
  referencedColumns: readonly string[];
}

/** One of the library's tables as the database defines it: what a backup reads and a restore writes. */
export interface TableShape {
  name: string;
  /** In the table's own order. */
  columns: readonly TableColumn[];
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKey[];
}

/** How the engine spells the few column and table definitions that differ (used by db/migrations/ddl.ts). */
export interface EngineDdl {
  /** An integer primary key the engine generates. */
  generatedId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** A table that is all key (a link table). */
  linkTable<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T>;
  /** Text that sorts by its code points, as SQLite's does, whatever the database's collation. */
  bytewiseText(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export interface Engine {
  readonly name: "sqlite" | "postgres";
  readonly kyselyDialect: Dialect;
  readonly ddl: EngineDdl;
  /** Creates the engine's full-text index; called by the migration that introduces it. */
  createTextIndex(db: Kysely<unknown>): Promise<void>;
  /** Adds the work to the full-text index, replacing its old entry unless `isNew` says there is none. */
  indexWork(db: Kysely<Database>, document: SearchDocument, isNew: boolean): Promise<void>;
  /** Takes a work being deleted out of the full-text index, so its id can be given to a new work. */
  unindexWork(db: Kysely<Database>, workId: number): Promise<void>;
  /** The text query as a condition on works `w`, or null when it has no searchable word at all. */
  matchText(query: TextQuery): TextMatch | null;
  /**
   * Runs `fn` in a transaction that takes the write lock at once (SQLite's BEGIN IMMEDIATE, so two writers queue
   * on busy_timeout instead of failing on a lock upgrade); commits when it returns, rolls back when it throws.
   */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a read-only transaction that sees the database as it was at one moment, while other connections
   * go on writing (SQLite's WAL read transaction, PostgreSQL's REPEATABLE READ).
   */
  readTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * The database's tables, by name, but the full-text index's: read from the database itself, so that a table a
   * migration adds is never left out. The migrations' bookkeeping is among them (appliedMigrations looks for it;
   * library-rows.ts leaves it out of a dump).
   */
  describeTables(db: Kysely<Database>): Promise<TableShape[]>;
  /**
   * Every row of the table, a chunk of at most `chunkRows` at a time, in primary-key order with text compared by
   * code point (SQLite's order, whatever PostgreSQL's collation), so both engines give the same sequence. Only
   * as many rows as one chunk are in memory at once. Call it inside a transaction (readTransaction).
   */
  readRows(db: Kysely<Database>, table: TableShape, chunkRows: number): AsyncIterable<Record<string, unknown>[]>;
  /** Empties the full-text index, for a restore that refills the library and indexes every work again. */
  clearTextIndex(db: Kysely<Database>): Promise<void>;
  /** After rows were stored with their own ids: each generated id goes on after the largest one stored. */
  continueGeneratedIds(db: Kysely<Database>): Promise<void>;
  /** The engine's own consistency checks; an empty list means all is well. */
  checkIntegrity(db: Kysely<Database>): Promise<string[]>;
  /** Refreshes the planner's statistics after a bulk change. */
  optimize(db: Kysely<Database>): Promise<void>;
  /** The error is the engine refusing a row that would break a unique index (two writers raced for one name). */
  isUniqueViolation(error: unknown): boolean;
}

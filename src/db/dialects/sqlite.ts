/**
 * SQLite (better-sqlite3): one file, WAL journal, FTS5 for full-text search. The FTS5 table is contentless (the
 * text lives in works and chapters already) with contentless_delete, so a work's entry can be replaced in place.
 */
import BetterSqlite3 from "better-sqlite3";
import { sql, SqliteDialect, type Kysely, type RawBuilder, type SqlBool, type SqliteDatabase } from "kysely";
import type { Database } from "../schema.js";
import { searchTokens } from "../../search/fold-text.js";
import type { TextQuery } from "../../search/work-search.js";
import type { Engine, SearchDocument, TableShape, TextMatch } from "./engine.js";
import { checkDerivedData } from "./derived-data.js";
import { compileTextQuery, type TextQueryCompiler } from "./text-query.js";
import { runInTransaction } from "./transaction.js";

/** bm25 weights per FTS column, after the Archive's boosts (title^7, creators^5). */
const BM25 = "bm25(work_fts, 7.0, 5.0, 3.0, 1.0, 1.0)";

export function createSqliteEngine(path: string): Engine {
  const kyselyDialect = new SqliteDialect({ database: async () => withStatementCache(openSqlite(path)) });
  return {
    name: "sqlite",
    kyselyDialect,
    ddl: {
      generatedId: (column) => column.primaryKey().notNull(),
      // WITHOUT ROWID stores a table that is all key as the key alone, which halves its size.
      linkTable: (table) => table.modifyEnd(sql`without rowid`),
      bytewiseText: (column) => column,
    },
    createTextIndex: async (db) => {
      await sql`create virtual table work_fts using fts5(
        title, authors, tags, about, body,
        content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
    },
    indexWork: async (db, document, isNew) => {
      if (!isNew) await sql`delete from work_fts where rowid = ${document.workId}`.execute(db);
      await sql`insert into work_fts (rowid, title, authors, tags, about, body)
        values (${document.workId}, ${document.title}, ${document.authors}, ${document.tags}, ${document.about}, ${bodyOf(document)})`.execute(db);
    },
    // A contentless table keeps no link to works: an entry left behind would turn up for the next work of that id.
    unindexWork: async (db, workId) => {
      await sql`delete from work_fts where rowid = ${workId}`.execute(db);
    },
    matchText: (query) => matchText(query),
    writeTransaction: (db, fn) => runInTransaction(db, "begin immediate", fn),
    // A deferred transaction in WAL mode reads one snapshot from its first read to its end.
    readTransaction: (db, fn) => runInTransaction(db, "begin", fn),
    describeTables: (db) => describeTables(db),
    readRows: (db, table, chunkRows) => readRowsByKey(db, table, chunkRows),
    clearTextIndex: async (db) => {
      await sql`insert into work_fts (work_fts) values ('delete-all')`.execute(db);
    },
    // An integer primary key takes the largest stored id plus one by itself.
    continueGeneratedIds: async () => undefined,
    checkIntegrity: async (db) => {
      const problems: string[] = [];
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      problems.push(...integrity.rows.map((r) => r.integrity_check).filter((r) => r !== "ok"));
      const keys = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
      problems.push(...keys.rows.map((r) => `foreign key from ${r.table} to ${r.parent} is broken`));
      try {
        await sql`insert into work_fts (work_fts) values ('integrity-check')`.execute(db);
      } catch (error) {
        problems.push(`full-text index: ${error instanceof Error ? error.message : String(error)}`);
      }
      const unindexed = await sql<{ n: number }>`select count(*) as n from works w where not exists (select 1 from work_fts f where f.rowid = w.id)`.execute(db);
      const orphans = await sql<{ n: number }>`select count(*) as n from work_fts f where not exists (select 1 from works w where w.id = f.rowid)`.execute(db);
      if (unindexed.rows[0]?.n) problems.push(`${unindexed.rows[0].n} works missing from the full-text index`);
      if (orphans.rows[0]?.n) problems.push(`${orphans.rows[0].n} full-text entries without a work`);
      problems.push(...(await checkDerivedData(db)));
      return problems;
    },
    optimize: async (db) => {
      await sql`pragma optimize`.execute(db);
    },
    isUniqueViolation: (error) => errorCode(error) === "SQLITE_CONSTRAINT_UNIQUE" || errorCode(error) === "SQLITE_CONSTRAINT_PRIMARYKEY",
  };
}

/** Pages per backup step: more than any library has, so the copy is made in one step, of one moment. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the library at `source` into a new SQLite file at `destination` while other connections go on writing:
 * SQLite's online backup, in one step, so the copy is the database as it was at one moment.
 */
export async function snapshotSqliteFile(source: string, destination: string): Promise<void> {
  const database = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    database.pragma("busy_timeout = 15000");
    await database.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    database.close();
  }
}

/** Ordinary tables only: pragma_table_list calls FTS5's table "virtual" and its storage "shadow". */
async function describeTables(db: Kysely<Database>): Promise<TableShape[]> {
  const { rows: tables } = await sql<{ name: string }>`select name from pragma_table_list
    where schema = 'main' and type = 'table' and substr(name, 1, 7) <> 'sqlite_' order by name`.execute(db);
  const shapes: TableShape[] = [];
  const pending: { shape: TableShape; keys: { id: number; table: string; from: string; to: string | null }[] }[] = [];
  for (const { name } of tables) {
    const { rows: columns } = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const { rows: keys } = await sql<{ id: number; table: string; from: string; to: string | null }>`select id, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const shape: TableShape = {
      name,
      columns: columns.map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      foreignKeys: [],
    };
    shapes.push(shape);
    pending.push({ shape, keys });
  }
  const primaryKeys = new Map(shapes.map((s) => [s.name, s.primaryKey]));
  return pending.map(({ shape, keys }) => {
    const byId = new Map<number, { columns: string[]; table: string; referencedColumns: string[] }>();
    for (const key of keys) {
      const foreignKey = byId.get(key.id) ?? { columns: [], table: key.table, referencedColumns: [] };
      // A key written `references tags`, without a column, points at that table's primary key.
      const referenced = key.to ?? primaryKeys.get(key.table)?.[foreignKey.columns.length] ?? key.from;
      foreignKey.columns.push(key.from);
      foreignKey.referencedColumns.push(referenced);
      byId.set(key.id, foreignKey);
    }
    return { ...shape, foreignKeys: [...byId.values()] };
  });
}

/**
 * Pages by primary key: each chunk starts after the last key of the one before, which SQLite finds in the key's
 * index, so every chunk costs the same however far into the table it is. SQLite compares text by code point.
 */
async function* readRowsByKey(db: Kysely<Database>, table: TableShape, chunkRows: number): AsyncIterable<Record<string, unknown>[]> {
  if (table.primaryKey.length === 0) throw new Error(`table ${table.name} has no primary key to read it in order by`);
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const key = sql.join(table.primaryKey.map((k) => sql.ref(k)));
  let last: unknown[] | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last ? sql`where (${key}) > (${sql.join(last)})` : sql``;
    const { rows }: { rows: Record<string, unknown>[] } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} ${after} order by ${key} limit ${chunkRows}`.execute(db);
    if (rows.length > 0) yield rows;
    const end: Record<string, unknown> | undefined = rows.at(-1);
    if (!end || rows.length < chunkRows) return;
    last = table.primaryKey.map((k) => end[k]);
  }
}

function openSqlite(path: string): BetterSqlite3.Database {
  const database = new BetterSqlite3(path);
  if (path !== ":memory:") database.pragma("journal_mode = WAL");
  // WAL with synchronous=NORMAL survives a killed process intact (a power cut may lose the last commits, never
  // consistency); FULL would fsync every commit for little gain here.
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 15000");
  database.pragma("cache_size = -65536");
  database.pragma("temp_store = MEMORY");
  return database;
}

const CACHED_STATEMENTS = 256;

/**
 * Kysely prepares every query anew; an import runs the same few dozen statements for every work, and preparing
 * costs as much as running many of them. Statements are kept by their SQL (least recently used go first). Reuse
 * is safe because Kysely runs one query at a time on its single SQLite connection.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare: (text) => {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = database.prepare(text);
      cache.set(text, statement);
      if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value ?? "");
      return statement;
    },
  };
}

function bodyOf(document: SearchDocument): string {
  return document.chapters.join("\n\n");
}

const COLUMNS = { title: "title", author: "authors", tag: "tags" } as const;

/** FTS5's query language: quoted tokens, `"…" *` prefixes, `{column} :` filters, AND/OR/NOT (binary NOT only). */
const fts5: TextQueryCompiler = {
  tokens: (text) => searchTokens(text, "NFD"),
  phrase: (tokens, prefix, field) => `${field ? `{${COLUMNS[field]}} : ` : ""}"${tokens.join(" ")}"${prefix ? " *" : ""}`,
  and: (operands) => `(${operands.join(" AND ")})`,
  or: (operands) => `(${operands.join(" OR ")})`,
  // FTS5 has only binary NOT, so "a -b" is one expression and a lone "-b" is left to SQL.
  andNot: (positive, negative) => `(${positive} NOT ${negative})`,
  andIsLocal: true,
  contains: (expression) => sql<SqlBool>`w.id in (select rowid from work_fts where work_fts match ${expression})`,
};

/**
 * The matches as an IN list, which SQLite builds once (with a Bloom filter) and the planner can start from or probe.
 * Letting the FTS5 table drive the search instead was measured slower: for a word in most works, reading its rows
 * costs more than listing their ids (bench/search.ts).
 */
function matchText(query: TextQuery): TextMatch | null {
  const compiled = compileTextQuery(query, fts5);
  if (!compiled) return null;
  const rank: RawBuilder<number> | null = compiled.rankExpression
    ? sql<number>`(select -${sql.raw(BM25)} from work_fts where work_fts match ${compiled.rankExpression} and rowid = w.id)`
    : null;
  return { where: compiled.where, rank };
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}

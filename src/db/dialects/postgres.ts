/**
 * PostgreSQL (pg): tsvector documents with a GIN index. A work is indexed in parts: part 0 holds the title (weight
 * A), authors (B) and tags (C); parts 1… hold the summary, notes and story text (D) in segments of SEGMENT_WORDS
 * words. PostgreSQL keeps word positions only up to 16,383, so one vector per long work would
 * silently lose phrase matches late in it; segments keep every position exact. Documents are folded in
 * search/fold-text.ts first, so both engines cut text into the same words.
 */
import pg from "pg";
import { PostgresDialect, sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { foldText, searchTokens } from "../../search/fold-text.js";
import type { TextField, TextQuery } from "../../search/work-search.js";
import type { Database } from "../schema.js";
import type { Engine, TableShape, TextMatch } from "./engine.js";
import { checkDerivedData } from "./derived-data.js";
import { compileTextQuery, type TextQueryCompiler } from "./text-query.js";
import { runInTransaction } from "./transaction.js";

/** Below PostgreSQL's 16,383 position limit, with room to spare. */
const SEGMENT_WORDS = 16_000;
/** Consecutive segments share this many words, so a phrase that spans a boundary is still found whole. */
const SEGMENT_OVERLAP = 32;

const INT8 = 20;

export function createPostgresEngine(url: string): Engine {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    // count(*) and sums are int8; as JavaScript numbers they stay exact far beyond any archive's size.
    types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) },
  });
  // An idle connection the server closes (a restart, a dropped database) is an 'error' event on the pool, which
  // would end the process unhandled. The pool has already discarded the connection and opens another when asked;
  // the next query reports any lasting problem.
  pool.on("error", () => undefined);
  return {
    name: "postgres",
    kyselyDialect: new PostgresDialect({ pool }),
    ddl: {
      generatedId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
      linkTable: (table) => table,
      // A linguistic collation such as en_US ignores spaces and punctuation at first; SQLite does not.
      bytewiseText: (column) => column.modifyEnd(sql`collate "C"`),
    },
    createTextIndex: async (db) => {
      await sql`create table work_text (
        work_id integer not null references works (id) on delete cascade,
        part integer not null,
        document tsvector not null,
        primary key (work_id, part))`.execute(db);
      await sql`create index work_text_document on work_text using gin (document)`.execute(db);
    },
    indexWork: async (db, document, isNew) => {
      if (!isNew) await sql`delete from work_text where work_id = ${document.workId}`.execute(db);
      const meta = sql`setweight(to_tsvector('simple', ${foldText(document.title)}), 'A')
        || setweight(to_tsvector('simple', ${foldText(document.authors)}), 'B')
        || setweight(to_tsvector('simple', ${foldText(document.tags)}), 'C')`;
      const rows = [sql`(${document.workId}, 0, ${meta})`];
      // Summary and notes go with the story (both weight D), so long notes are cut into segments like the story.
      segments([document.about, ...document.chapters]).forEach((segment, index) => rows.push(sql`(${document.workId}, ${index + 1}, to_tsvector('simple', ${segment}))`));
      await sql`insert into work_text (work_id, part, document) values ${sql.join(rows)}`.execute(db);
    },
    unindexWork: async (db, workId) => {
      await sql`delete from work_text where work_id = ${workId}`.execute(db);
    },
    matchText: (query) => matchText(query),
    writeTransaction: (db, fn) => runInTransaction(db, "begin", fn),
    readTransaction: (db, fn) => runInTransaction(db, "begin isolation level repeatable read read only", fn),
    describeTables: (db) => describeTables(db),
    readRows: (db, table, chunkRows) => readRowsByCursor(db, table, chunkRows),
    clearTextIndex: async (db) => {
      await sql`delete from work_text`.execute(db);
    },
    // RESTART rather than setval: setval is never rolled back, and a restore that failed after it would leave the
    // generator behind the rows its rollback kept, handing their ids out again.
    continueGeneratedIds: async (db) => {
      const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and is_identity = 'YES' order by table_name`.execute(db);
      for (const { table_name: table, column_name: column } of rows) {
        const { rows: [largest] } = await sql<{ id: number | string | null }>`select max(${sql.ref(column)}) as id from ${sql.table(table)}`.execute(db);
        const next = Number(largest?.id ?? 0) + 1;
        await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} restart with ${sql.lit(next)}`.execute(db);
      }
    },
    // PostgreSQL enforces foreign keys and unique indexes in every transaction, so what is left to check is what
    // the schema cannot say: that every work is in the text index, and the derived counts.
    checkIntegrity: async (db) => {
      const unindexed = await sql<{ n: number }>`select count(*) as n from works w where not exists (select 1 from work_text t where t.work_id = w.id and t.part = 0)`.execute(db);
      return [...(unindexed.rows[0]?.n ? [`${unindexed.rows[0].n} works missing from the full-text index`] : []), ...(await checkDerivedData(db))];
    },
    optimize: async (db) => {
      await sql`analyze`.execute(db);
    },
    // 23505: unique_violation.
    isUniqueViolation: (error) => error instanceof Error && "code" in error && error.code === "23505",
  };
}

/** The full-text index's own table, which a backup leaves out (a restore builds it again). */
const TEXT_INDEX_TABLE = "work_text";

async function describeTables(db: Kysely<Database>): Promise<TableShape[]> {
  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> ${TEXT_INDEX_TABLE} order by table_name`.execute(db);
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`select table_name, column_name, data_type
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const { rows: primaryKeys } = await sql<{ table_name: string; column_name: string }>`select c.relname as table_name, a.attname as column_name
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(k.conkey) with ordinality as u(attnum, ord)
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
    where k.contype = 'p' and n.nspname = current_schema() order by c.relname, u.ord`.execute(db);
  const { rows: foreignKeys } = await sql<{ table_name: string; name: string; column_name: string; referenced_table: string; referenced_column: string }>`
    select c.relname as table_name, k.conname as name, a.attname as column_name, r.relname as referenced_table, ra.attname as referenced_column
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(k.conkey, k.confkey) with ordinality as u(attnum, refnum, ord)
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
    join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = u.refnum
    where k.contype = 'f' and n.nspname = current_schema() order by c.relname, k.conname, u.ord`.execute(db);
  return tables.map(({ table_name: name }) => {
    const keys = new Map<string, { columns: string[]; table: string; referencedColumns: string[] }>();
    for (const key of foreignKeys.filter((k) => k.table_name === name)) {
      const foreignKey = keys.get(key.name) ?? { columns: [], table: key.referenced_table, referencedColumns: [] };
      foreignKey.columns.push(key.column_name);
      foreignKey.referencedColumns.push(key.referenced_column);
      keys.set(key.name, foreignKey);
    }
    return {
      name,
      columns: columns.filter((c) => c.table_name === name).map((c) => ({ name: c.column_name, type: c.data_type.toLowerCase() })),
      primaryKey: primaryKeys.filter((k) => k.table_name === name).map((k) => k.column_name),
      foreignKeys: [...keys.values()],
    };
  });
}

/**
 * One ordered query read through a cursor, a chunk at a time. Keyset pages would compare text keys with
 * `collate "C"` (the order SQLite gives), which the keys' indexes, built in the database's collation, cannot serve:
 * every page would sort the table again. Sorted once for the cursor, the table streams.
 */
async function* readRowsByCursor(db: Kysely<Database>, table: TableShape, chunkRows: number): AsyncIterable<Record<string, unknown>[]> {
  if (table.primaryKey.length === 0) throw new Error(`table ${table.name} has no primary key to read it in order by`);
  const textColumns = new Set(table.columns.filter((c) => c.type === "text" || c.type === "character varying").map((c) => c.name));
  const order = table.primaryKey.map((k) => (textColumns.has(k) ? sql`${sql.ref(k)} collate "C"` : sql.ref(k)));
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  await sql`declare quire_rows no scroll cursor for select ${columns} from ${sql.table(table.name)} order by ${sql.join(order)}`.execute(db);
  let rows: Record<string, unknown>[];
  do {
    ({ rows } = await sql<Record<string, unknown>>`fetch forward ${sql.raw(String(Math.trunc(chunkRows)))} from quire_rows`.execute(db));
    if (rows.length > 0) yield rows;
  } while (rows.length > 0);
  await sql`close quire_rows`.execute(db);
}

/** The story text folded and cut into overlapping segments of at most SEGMENT_WORDS words. */
function segments(chapters: readonly string[]): string[] {
  const words = foldText(chapters.join("\n\n")).split(" ").filter((w) => w.length > 0);
  const result: string[] = [];
  for (let start = 0; start < words.length; start += SEGMENT_WORDS - SEGMENT_OVERLAP) {
    result.push(words.slice(start, start + SEGMENT_WORDS).join(" "));
    if (start + SEGMENT_WORDS >= words.length) break;
  }
  return result;
}

const WEIGHTS: Record<TextField, string> = { title: "A", author: "B", tag: "C" };

/** tsquery: quoted lexemes (folded tokens hold only letters and digits, so quoting is safe), `<->` phrases. */
const tsquery: TextQueryCompiler = {
  tokens: (text) => searchTokens(text),
  phrase: (tokens, prefix, field) => {
    const weight = field ? WEIGHTS[field] : "";
    const last = tokens.length - 1;
    const lexemes = tokens.map((t, i) => {
      const flags = `${i === last && prefix ? "*" : ""}${weight}`;
      return `'${t}'${flags ? `:${flags}` : ""}`;
    });
    return lexemes.length === 1 ? (lexemes[0] ?? "") : `(${lexemes.join(" <-> ")})`;
  },
  and: (operands) => `(${operands.join(" & ")})`,
  or: (operands) => `(${operands.join(" | ")})`,
  andIsLocal: false,
  contains: (expression) => sql<SqlBool>`exists (select 1 from work_text t where t.work_id = w.id and t.document @@ to_tsquery('simple', ${expression}))`,
};

function matchText(query: TextQuery): TextMatch | null {
  const compiled = compileTextQuery(query, tsquery);
  if (!compiled) return null;
  const rank: RawBuilder<number> | null = compiled.rankExpression
    ? sql<number>`(select coalesce(sum(ts_rank(t.document, q)), 0) from work_text t, to_tsquery('simple', ${compiled.rankExpression}) q where t.work_id = w.id and t.document @@ q)`
    : null;
  return { where: compiled.where, rank };
}

/**
 * PostgreSQL (pg): tsvector documents with a GIN index. A work is indexed in parts: part 0 holds the title (weight
 * A), authors (B) and tags (C); parts 1… hold the summary, notes and story text (D) in segments of SEGMENT_WORDS
 * words. PostgreSQL keeps word positions only up to 16,383, so one vector per long work would
 * silently lose phrase matches late in it; segments keep every position exact. Documents are folded in
 * search/fold-text.ts first, so both engines cut text into the same words.
 */
import pg from "pg";
import { PostgresDialect, sql, type RawBuilder, type SqlBool } from "kysely";
import { foldText, searchTokens } from "../../search/fold-text.js";
import type { TextField, TextQuery } from "../../search/work-search.js";
import type { Engine, TextMatch } from "./engine.js";
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
    checkIntegrity: async (db) => {
      const unindexed = await sql<{ n: number }>`select count(*) as n from works w where not exists (select 1 from work_text t where t.work_id = w.id and t.part = 0)`.execute(db);
      return unindexed.rows[0]?.n ? [`${unindexed.rows[0].n} works missing from the full-text index`] : [];
    },
    optimize: async (db) => {
      await sql`analyze`.execute(db);
    },
    // 23505: unique_violation.
    isUniqueViolation: (error) => error instanceof Error && "code" in error && error.code === "23505",
  };
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

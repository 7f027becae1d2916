/**
 * A work as its pages show it: the preface (tags by type, summary, notes, series, stats), the outline of its
 * chapters, and the chapters' text, read separately so a chapter page never loads the rest of the work.
 */
import type { Kysely } from "kysely";
import type { Audience } from "../../domain/account.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { storedSafeHtml, type SafeHtml } from "../../domain/safe-html.js";
import type { FieldProvenance, InferredValue, WorkField, WorkStatus } from "../../domain/work.js";
import { audienceCondition, listAnonymousWorkIds } from "../audience.js";
import type { ChaptersTable, Database, WorkSourceRow } from "../schema.js";

export interface WorkSeriesPart {
  id: number;
  name: string;
  part: number;
  /** The works before and after this one in the series, when there are. */
  previous: { id: number; title: string } | null;
  next: { id: number; title: string } | null;
}

export interface WorkPreface {
  id: number;
  title: string;
  authors: string[];
  /** The work's tags, each type in the order given. */
  tags: Record<TagType, string[]>;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  language: string;
  status: WorkStatus;
  wordCount: number;
  chapterCount: number;
  /** The chapters a work in progress is expected to have; null: not said. */
  expectedChapters: number | null;
  published: string | null;
  updated: string | null;
  kudos: number;
  hits: number;
  comments: number;
  bookmarks: number;
  series: WorkSeriesPart[];
  /** When the library last changed the work: an ISO timestamp. */
  changedAt: string;
  chapters: { position: number; title: string | null }[];
  /** The names the work is a gift for. */
  gifts: string[];
}

export interface WorkChapter {
  position: number;
  title: string | null;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  wordCount: number;
  html: SafeHtml;
}

export function emptyTagsByType(): Record<TagType, string[]> {
  return { Rating: [], ArchiveWarning: [], Category: [], Fandom: [], Relationship: [], Character: [], Freeform: [] };
}

/**
 * The work's preface and chapter outline, or undefined when there is no such work. Its series neighbours are
 * those the audience may see: a draft or hidden part before or after it goes unnamed.
 */
export async function findWorkPreface(db: Kysely<Database>, workId: number, audience: Audience): Promise<WorkPreface | undefined> {
  const work = await db.selectFrom("works").selectAll().where("id", "=", workId).executeTakeFirst();
  if (!work) return undefined;
  const [anonymous, authors, tags, chapters, series, gifts] = await Promise.all([
    listAnonymousWorkIds(db, [workId], audience),
    db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select("a.name").where("wa.work_id", "=", workId).orderBy("wa.position").execute(),
    db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["t.type", "t.name"]).where("wt.work_id", "=", workId).orderBy("wt.position").execute(),
    db.selectFrom("chapters").select(["position", "title"]).where("work_id", "=", workId).orderBy("position").execute(),
    db.selectFrom("series_works as sw").innerJoin("series as s", "s.id", "sw.series_id").select(["s.id", "s.name", "sw.position"]).where("sw.work_id", "=", workId).orderBy("s.name").execute(),
    db.selectFrom("work_gifts").select("recipient").where("work_id", "=", workId).orderBy("id").execute(),
  ]);
  const byType = emptyTagsByType();
  for (const tag of tags) byType[tag.type].push(tag.name);
  return {
    id: work.id,
    title: work.title,
    // A work in an anonymous collection is by "Anonymous" to all but its creators and the collection's maintainers.
    authors: anonymous.has(workId) ? [] : authors.map((a) => a.name),
    tags: byType,
    summary: work.summary,
    notes: work.notes,
    endNotes: work.end_notes,
    language: work.language,
    status: work.status,
    wordCount: work.word_count,
    chapterCount: work.chapter_count,
    expectedChapters: work.expected_chapters,
    published: work.published,
    updated: work.revised,
    kudos: work.kudos,
    hits: work.hits,
    comments: work.comments,
    bookmarks: work.bookmarks,
    series: await Promise.all(series.map(async (s) => ({ id: s.id, name: s.name, part: s.position, ...(await seriesNeighbours(db, s.id, s.position, audience)) }))),
    changedAt: work.updated_at,
    chapters,
    gifts: gifts.map((g) => g.recipient),
  };
}

/** The works just before and after a part: the nearest parts on either side the audience sees, as "Part N" may skip a number. */
async function seriesNeighbours(db: Kysely<Database>, seriesId: number, position: number, audience: Audience): Promise<Pick<WorkSeriesPart, "previous" | "next">> {
  const nearest = async (side: "<" | ">") => {
    const found = await db
      .selectFrom("series_works as sw")
      .innerJoin("works as w", "w.id", "sw.work_id")
      .select(["w.id", "w.title"])
      .where("sw.series_id", "=", seriesId)
      .where("sw.position", side, position)
      .where(audienceCondition(audience))
      .orderBy("sw.position", side === "<" ? "desc" : "asc")
      .orderBy("w.id")
      .limit(1)
      .executeTakeFirst();
    return found ? { id: found.id, title: found.title } : null;
  };
  const [previous, next] = await Promise.all([nearest("<"), nearest(">")]);
  return { previous, next };
}

/** Chapters of the work, in order: one position, or all of them when `position` is null. */
export async function findWorkChapters(db: Kysely<Database>, workId: number, position: number | null): Promise<WorkChapter[]> {
  let query = db.selectFrom("chapters").select(WORK_CHAPTER_COLUMNS).where("work_id", "=", workId);
  if (position !== null) query = query.where("position", "=", position);
  return (await query.orderBy("position").execute()).map(toWorkChapter);
}

/** The columns a WorkChapter is read from. */
export const WORK_CHAPTER_COLUMNS = ["position", "title", "summary", "notes", "end_notes", "word_count", "html"] as const;

export function toWorkChapter(row: Pick<ChaptersTable, (typeof WORK_CHAPTER_COLUMNS)[number]>): WorkChapter {
  return {
    position: row.position,
    title: row.title,
    summary: row.summary,
    notes: row.notes,
    endNotes: row.end_notes,
    wordCount: row.word_count,
    html: storedSafeHtml(row.html),
  };
}

export interface WorkProvenance {
  fields: Partial<Record<WorkField, FieldProvenance>>;
  extra: Record<string, string>;
  ratingRaw: string | null;
  inferred: (InferredValue & { decision: string | null; correctedTo: string | null })[];
  sources: Pick<WorkSourceRow, "path" | "role" | "format" | "encoding" | "size" | "content_hash" | "parser_version" | "imported_at" | "updated_at">[];
}

/** Where each field of the work came from: the importer's provenance, the tagger's inferences, the files read. */
export async function findWorkProvenance(db: Kysely<Database>, workId: number): Promise<WorkProvenance | undefined> {
  const work = await db.selectFrom("works").select(["provenance", "extra", "rating_raw"]).where("id", "=", workId).executeTakeFirst();
  if (!work) return undefined;
  const [inferred, sources] = await Promise.all([
    db.selectFrom("inferred_values").select(["field", "value", "confidence", "evidence", "decision", "corrected_to"]).where("work_id", "=", workId).orderBy("id").execute(),
    db.selectFrom("work_sources").select(["path", "role", "format", "encoding", "size", "content_hash", "parser_version", "imported_at", "updated_at"]).where("work_id", "=", workId).orderBy("role").orderBy("id").execute(),
  ]);
  return {
    fields: JSON.parse(work.provenance) as WorkProvenance["fields"],
    extra: JSON.parse(work.extra) as Record<string, string>,
    ratingRaw: work.rating_raw,
    inferred: inferred.map((v) => ({ field: v.field, value: v.value, confidence: v.confidence, evidence: v.evidence, decision: v.decision, correctedTo: v.corrected_to })),
    sources,
  };
}

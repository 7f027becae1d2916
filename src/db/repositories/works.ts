/**
 * Works with their chapters, authors, tags, series and collections, written as one unit: callers run these
 * inside a transaction (the edge owns it), so a work is stored whole or not at all.
 */
import { sql, type Kysely } from "kysely";
import { applyCorrections } from "../../domain/review.js";
import { signStory, type SignedStory } from "../../domain/near-duplicates/near-duplicates.js";
import { sortKey, titleSortKey } from "../../domain/sort-key.js";
import { workTags } from "../../domain/tags/work-tags.js";
import type { ParsedWork } from "../../domain/work.js";
import type { Engine, SearchDocument } from "../dialects/engine.js";
import type { Database, NewWorkRow } from "../schema.js";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import { listAnonymousWorkIds } from "../audience.js";
import { ensureNamed } from "./names.js";
import { deleteUndecidedValues, listCorrections, storeInferredValues } from "./review.js";
import { ensureTags, refreshWorkFilters } from "./tags.js";
import { storeWorkSignature } from "./work-signatures.js";
import { chunks } from "./wrangling.js";

export interface WorkToStore {
  work: ParsedWork;
  /** The work's title: the parsed one, or one the caller made when the file stated none. */
  title: string;
  /** storyFingerprint of the chapters. */
  fingerprint: string;
  /** signStory of the chapters, when the caller made it already (the import's parser threads do); else made here. */
  signature?: SignedStory;
}

/** SQLite allows 32,766 bound values per statement; ten chapter columns × 1,000 rows stay well below. */
const CHAPTER_ROWS_PER_INSERT = 1_000;

/** Stores a new work and returns its id. */
export async function insertWork(db: Kysely<Database>, engine: Engine, input: WorkToStore, now: string): Promise<number> {
  const { id } = await db.insertInto("works").values(workRow(input, now)).returning("id").executeTakeFirstOrThrow();
  await writeWorkParts(db, engine, id, input, now, true);
  return id;
}

/**
 * Replaces everything a work holds with a new reading of it, keeping its id, stats and creation time. Decisions
 * about its inferred values outlive the reading: a value corrected before is corrected again wherever the new
 * reading infers it again, and undecided values the new reading no longer infers are dropped.
 */
export async function replaceWork(db: Kysely<Database>, engine: Engine, workId: number, input: WorkToStore, now: string): Promise<void> {
  const corrections = await listCorrections(db, workId);
  const reviewed = corrections.length === 0 ? input : { ...input, work: applyCorrections(input.work, corrections) };
  const row = workRow(reviewed, now);
  await db.updateTable("works").set({ ...row, created_at: undefined }).where("id", "=", workId).execute();
  for (const table of ["chapters", "work_authors", "work_tags", "series_works"] as const) {
    await db.deleteFrom(table).where("work_id", "=", workId).execute();
  }
  // The file's collections are read again; a place the work was given on the web (asked for, invited, approved by
  // a collection's maintainers) is not the file's to take away.
  await db.deleteFrom("collection_works").where("work_id", "=", workId)
    .where("status", "=", "approved")
    .where("collection_id", "in", (eb) => eb.selectFrom("collections").select("id").where("owner_id", "is", null))
    .execute();
  await deleteUndecidedValues(db, workId);
  await writeWorkParts(db, engine, workId, reviewed, now, false);
}

/**
 * Marks the work changed (its tags corrected, its text edited, hidden by a moderator…), for the library's change
 * stamp (repositories/library-stamp.ts), which reads the latest change time: the time written is `now`, or just
 * after the latest change already stored when that is not earlier (two changes in one millisecond, a clock set
 * back), so that every change moves the stamp. The latest time is one lookup in works_by_updated_at.
 */
export async function touchWork(db: Kysely<Database>, workId: number, now: string): Promise<void> {
  const { latest } = await db.selectFrom("works").select((eb) => eb.fn.max("updated_at").as("latest")).executeTakeFirstOrThrow();
  const stamp = latest !== null && latest >= now ? new Date(Date.parse(latest) + 1).toISOString() : now;
  await db.updateTable("works").set({ updated_at: stamp }).where("id", "=", workId).execute();
}

/** Rebuilds the work's full-text entry from its stored rows, after its tags changed outside an import. */
export async function reindexWork(db: Kysely<Database>, engine: Engine, workId: number): Promise<void> {
  const work = await db.selectFrom("works").select(["title", "summary", "notes", "end_notes"]).where("id", "=", workId).executeTakeFirstOrThrow();
  // Names through a link table: in the work's order where the link keeps one, else in the order they were stored.
  const linked = async (link: string, table: string, key: string, inOrder: boolean) => {
    const order = inOrder ? sql`l.position, n.id` : sql`n.id`;
    const { rows } = await sql<{ name: string }>`select n.name from ${sql.table(link)} l join ${sql.table(table)} n on n.id = ${sql.ref(`l.${key}`)}
      where l.work_id = ${workId} order by ${order}`.execute(db);
    return rows.map((r) => r.name);
  };
  const chapters = await db.selectFrom("chapters").select("text").where("work_id", "=", workId).orderBy("position").execute();
  await engine.indexWork(db, searchDocument(workId, {
    title: work.title,
    // Words that would find a work by its creators' names must not find one an anonymous collection hides them on.
    authors: (await listAnonymousWorkIds(db, [workId], GUEST_AUDIENCE)).has(workId) ? [] : await linked("work_authors", "authors", "author_id", true),
    tags: await linked("work_tags", "tags", "tag_id", true),
    about: [work.summary, work.notes, work.end_notes, ...(await linked("series_works", "series", "series_id", false)), ...(await linked("collection_works", "collections", "collection_id", false))],
    chapters: chapters.map((c) => c.text),
  }), false);
}

export async function findWorkTitle(db: Kysely<Database>, workId: number): Promise<string | undefined> {
  const row = await db.selectFrom("works").select("title").where("id", "=", workId).executeTakeFirst();
  return row?.title;
}

export async function findWorkFingerprint(db: Kysely<Database>, workId: number): Promise<string | undefined> {
  const row = await db.selectFrom("works").select("fingerprint").where("id", "=", workId).executeTakeFirst();
  return row?.fingerprint;
}

/** The id of a work whose story text has this fingerprint, if any. */
export async function findWorkIdByFingerprint(db: Kysely<Database>, fingerprint: string): Promise<number | undefined> {
  const row = await db.selectFrom("works").select("id").where("fingerprint", "=", fingerprint).orderBy("id").limit(1).executeTakeFirst();
  return row?.id;
}

function workRow({ work, title, fingerprint }: WorkToStore, now: string): NewWorkRow {
  return {
    title,
    title_sort: titleSortKey(title),
    authors_sort: sortKey(work.authors[0] ?? ""),
    summary: work.summary,
    notes: work.notes,
    end_notes: work.endNotes,
    disclaimer: work.disclaimer,
    language: work.language,
    status: work.status,
    rating_raw: work.ratingRaw,
    word_count: work.wordCount,
    stated_word_count: work.statedWordCount,
    chapter_count: work.chapters.length,
    published: work.published,
    revised: work.updated ?? work.published,
    source_url: work.sourceUrl,
    crossover: 0,
    fingerprint,
    provenance: JSON.stringify(work.provenance),
    extra: JSON.stringify(work.extra),
    created_at: now,
    updated_at: now,
  };
}

async function writeWorkParts(db: Kysely<Database>, engine: Engine, workId: number, input: WorkToStore, now: string, isNew: boolean): Promise<void> {
  const { work, title } = input;
  const chapters = work.chapters.map((c, i) => ({
    work_id: workId,
    position: i + 1,
    title: c.title,
    summary: c.summary,
    notes: c.notes,
    end_notes: c.endNotes,
    word_count: c.wordCount,
    text: c.text,
    html: c.html,
  }));
  for (let start = 0; start < chapters.length; start += CHAPTER_ROWS_PER_INSERT) {
    await db.insertInto("chapters").values(chapters.slice(start, start + CHAPTER_ROWS_PER_INSERT)).execute();
  }

  const authorIds = [...new Set(await ensureNamed(db, "authors", work.authors, now))];
  for (const part of chunks(authorIds.map((author_id, position) => ({ work_id: workId, author_id, position })))) {
    await db.insertInto("work_authors").values(part).execute();
  }

  const tags = workTags(work);
  const tagIds = [...new Set((await ensureTags(db, tags, now)).ids)];
  for (const part of chunks(tagIds.map((tag_id, position) => ({ work_id: workId, tag_id, position })))) await db.insertInto("work_tags").values(part).execute();
  await refreshWorkFilters(db, [workId]);
  await storeInferredValues(db, workId, work.inferred);

  const series = work.series.filter((s) => s.name.trim().length > 0);
  const seriesIds = await ensureNamed(db, "series", series.map((s) => s.name.trim()), now);
  for (const [index, seriesId] of seriesIds.entries()) {
    const position = series[index]?.part ?? (await nextSeriesPosition(db, seriesId));
    await db.insertInto("series_works").values({ series_id: seriesId, work_id: workId, position }).onConflict((oc) => oc.doNothing()).execute();
  }
  const collectionIds = [...new Set(await ensureNamed(db, "collections", work.collections.map((c) => c.trim()).filter((c) => c.length > 0), now))];
  for (const part of chunks(collectionIds.map((collection_id) => ({ collection_id, work_id: workId, status: "approved" as const, added_at: now })))) {
    await db.insertInto("collection_works").values(part).onConflict((oc) => oc.columns(["collection_id", "work_id"]).doNothing()).execute();
  }

  await storeWorkSignature(db, workId, input.fingerprint, input.signature ?? signStory(work.chapters.map((c) => c.text)));

  const anonymous = collectionIds.length > 0 && (await listAnonymousWorkIds(db, [workId], GUEST_AUDIENCE)).has(workId);
  await engine.indexWork(db, searchDocument(workId, {
    title,
    authors: anonymous ? [] : work.authors,
    tags: tags.map((t) => t.name),
    about: [work.summary, work.notes, work.endNotes, ...series.map((s) => s.name), ...work.collections],
    chapters: work.chapters.map((c) => c.text),
  }), isNew);
}

/** The full-text entry of a work from its parts, whether fresh from a file or read back from the store. */
function searchDocument(
  workId: number,
  parts: { title: string; authors: readonly string[]; tags: readonly string[]; about: readonly (string | null)[]; chapters: readonly string[] },
): SearchDocument {
  return {
    workId,
    title: parts.title,
    authors: parts.authors.join("\n"),
    tags: parts.tags.join("\n"),
    about: parts.about.filter((t) => t).join("\n\n"),
    chapters: parts.chapters,
  };
}

async function nextSeriesPosition(db: Kysely<Database>, seriesId: number): Promise<number> {
  const { last } = await db
    .selectFrom("series_works")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("series_id", "=", seriesId)
    .executeTakeFirstOrThrow();
  return (last ?? 0) + 1;
}

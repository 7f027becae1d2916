/**
 * Works posted on the web, after insertWork (repositories/works.ts) has stored them: who may read them and how
 * they take comments, gifts, edits of a work's details that keep its chapters (and so the comments on them), the
 * chapters one by one, a creator's list of works, and deleting a work with its full-text entry.
 */
import { sql, type Kysely } from "kysely";
import type { CommentPolicy, WorkVisibility } from "../../domain/account.js";
import type { SafeHtml } from "../../domain/safe-html.js";
import { nameKey, titleSortKey } from "../../domain/sort-key.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { NamedTag } from "../../domain/tags/work-tags.js";
import type { WorkStatus } from "../../domain/work.js";
import type { Engine } from "../dialects/engine.js";
import type { Database } from "../schema.js";
import { claimedWorkIds } from "./held-works.js";
import { ensureTags, refreshWorkFilters } from "./tags.js";
import { emptyTagsByType } from "./work-pages.js";

export interface PostingSettings {
  visibility: WorkVisibility;
  commentPolicy: CommentPolicy;
  moderateComments: boolean;
  expectedChapters: number | null;
}

export async function setPostingSettings(db: Kysely<Database>, workId: number, settings: PostingSettings): Promise<void> {
  await db.updateTable("works").set({
    visibility: settings.visibility, comment_policy: settings.commentPolicy, moderate_comments: settings.moderateComments ? 1 : 0,
    expected_chapters: settings.expectedChapters,
  }).where("id", "=", workId).execute();
}

/** `YYYY-MM-DD` dates; a date left out stays as it is. */
export async function setWorkDates(db: Kysely<Database>, workId: number, dates: { published?: string; revised?: string }): Promise<void> {
  if (dates.published === undefined && dates.revised === undefined) return;
  await db.updateTable("works").set(dates).where("id", "=", workId).execute();
}

export interface WorkDetails {
  title: string;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  language: string;
  status: WorkStatus;
  /** In the Archive's type order, as workTags gives them. */
  tags: readonly NamedTag[];
}

/** Replaces the work's own fields and its tags, keeping its chapters, authors and stats; refreshes its filters. */
export async function updateWorkDetails(db: Kysely<Database>, workId: number, details: WorkDetails, now: string): Promise<void> {
  await db.updateTable("works").set({
    title: details.title, title_sort: titleSortKey(details.title), summary: details.summary, notes: details.notes, end_notes: details.endNotes,
    language: details.language, status: details.status,
  }).where("id", "=", workId).execute();
  await db.deleteFrom("work_tags").where("work_id", "=", workId).execute();
  const tagIds = [...new Set((await ensureTags(db, details.tags, now)).ids)];
  if (tagIds.length > 0) await db.insertInto("work_tags").values(tagIds.map((tag_id, position) => ({ work_id: workId, tag_id, position }))).execute();
  await refreshWorkFilters(db, [workId]);
}

/** The names each tag already has in the library, by type and folded name: how the archive spells them. */
export async function findTagSpellings(db: Kysely<Database>, tags: readonly NamedTag[]): Promise<Map<string, string>> {
  const keys = [...new Set(tags.map((t) => nameKey(t.name)))];
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom("tags").select(["type", "name", "name_key"]).where("name_key", "in", keys).execute();
  return new Map(rows.map((r) => [`${r.type}\u0000${r.name_key}`, r.name]));
}

export interface Gift {
  recipient: string;
  /** The account of that name, when there is one. */
  userId: number | null;
}

export async function replaceWorkGifts(db: Kysely<Database>, workId: number, gifts: readonly Gift[]): Promise<void> {
  await db.deleteFrom("work_gifts").where("work_id", "=", workId).execute();
  if (gifts.length > 0) await db.insertInto("work_gifts").values(gifts.map((g) => ({ work_id: workId, recipient: g.recipient, user_id: g.userId }))).execute();
}

/** Names the account as a recipient of the work's gift, unless it is one already. */
export async function addWorkGift(db: Kysely<Database>, workId: number, gift: { recipient: string; userId: number }): Promise<void> {
  const present = await db.selectFrom("work_gifts").select("id").where("work_id", "=", workId).where("user_id", "=", gift.userId).executeTakeFirst();
  if (!present) await db.insertInto("work_gifts").values({ work_id: workId, recipient: gift.recipient, user_id: gift.userId }).execute();
}

/** A work as its creators edit it. */
export interface PostedWork {
  id: number;
  title: string;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  language: string;
  status: WorkStatus;
  chapterCount: number;
  expectedChapters: number | null;
  visibility: WorkVisibility;
  commentPolicy: CommentPolicy;
  moderateComments: boolean;
  tags: Record<TagType, string[]>;
  authors: string[];
  gifts: string[];
  series: { id: number; name: string; part: number }[];
}

export async function findPostedWork(db: Kysely<Database>, workId: number): Promise<PostedWork | undefined> {
  const work = await db.selectFrom("works").selectAll().where("id", "=", workId).executeTakeFirst();
  if (!work) return undefined;
  const [tags, authors, gifts, series] = await Promise.all([
    db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["t.type", "t.name"]).where("wt.work_id", "=", workId).orderBy("wt.position").execute(),
    db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select("a.name").where("wa.work_id", "=", workId).orderBy("wa.position").execute(),
    db.selectFrom("work_gifts").select("recipient").where("work_id", "=", workId).orderBy("id").execute(),
    db.selectFrom("series_works as sw").innerJoin("series as s", "s.id", "sw.series_id").select(["s.id", "s.name", "sw.position"]).where("sw.work_id", "=", workId).orderBy("s.name").execute(),
  ]);
  const byType = emptyTagsByType();
  for (const tag of tags) byType[tag.type].push(tag.name);
  return {
    id: work.id, title: work.title, summary: work.summary, notes: work.notes, endNotes: work.end_notes, language: work.language, status: work.status,
    chapterCount: work.chapter_count, expectedChapters: work.expected_chapters, visibility: work.visibility, commentPolicy: work.comment_policy, moderateComments: work.moderate_comments === 1,
    tags: byType, authors: authors.map((a) => a.name), gifts: gifts.map((g) => g.recipient), series: series.map((s) => ({ id: s.id, name: s.name, part: s.position })),
  };
}

/** One line of a creator's list of works. */
export interface CreatorWork {
  id: number;
  title: string;
  visibility: WorkVisibility;
  hiddenByModerator: boolean;
  chapterCount: number;
  expectedChapters: number | null;
  status: WorkStatus;
  wordCount: number;
  published: string | null;
  revised: string | null;
}

/**
 * Every work a pseud of the user is an author of, drafts too, most recently changed first; imported works aside,
 * but for those claimed (held-works.ts): an imported work belongs to the archive until its author claims it.
 */
export async function listWorksByUser(db: Kysely<Database>, userId: number): Promise<CreatorWork[]> {
  const rows = await db.selectFrom("works as w")
    .select(["w.id", "w.title", "w.visibility", "w.hidden_by_moderator", "w.chapter_count", "w.expected_chapters", "w.status", "w.word_count", "w.published", "w.revised"])
    .where("w.id", "in", db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select("wa.work_id").where("a.user_id", "=", userId))
    .where((eb) => eb.or([
      eb.not(eb.exists(eb.selectFrom("work_sources as s").select("s.id").whereRef("s.work_id", "=", "w.id"))),
      eb("w.id", "in", claimedWorkIds(db)),
    ]))
    .orderBy("w.updated_at", "desc").orderBy("w.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id, title: r.title, visibility: r.visibility, hiddenByModerator: r.hidden_by_moderator === 1, chapterCount: r.chapter_count,
    expectedChapters: r.expected_chapters, status: r.status, wordCount: r.word_count, published: r.published, revised: r.revised,
  }));
}

/** Deletes the work with everything that hangs off it (chapters, tags, comments… by cascade) and its index entry. */
export async function deleteWork(db: Kysely<Database>, engine: Engine, workId: number): Promise<void> {
  await engine.unindexWork(db, workId);
  await db.deleteFrom("works").where("id", "=", workId).execute();
}

/** A chapter as stored: its HTML and plain text made from what the author typed, which is kept too. */
export interface ChapterContent {
  title: string | null;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  html: SafeHtml;
  text: string;
  wordCount: number;
  source: string;
  sourceFormat: string;
}

function chapterColumns(chapter: ChapterContent) {
  return {
    title: chapter.title, summary: chapter.summary, notes: chapter.notes, end_notes: chapter.endNotes, html: chapter.html, text: chapter.text,
    word_count: chapter.wordCount, source: chapter.source, source_format: chapter.sourceFormat,
  };
}

/** Keeps what the author typed beside the chapters insertWork stored from it. */
export async function setChapterSources(db: Kysely<Database>, workId: number, sources: readonly { position: number; source: string; format: string }[]): Promise<void> {
  for (const { position, source, format } of sources) {
    await db.updateTable("chapters").set({ source, source_format: format }).where("work_id", "=", workId).where("position", "=", position).execute();
  }
}

/** Adds the chapter after the last. @returns its id and position. */
export async function appendChapter(db: Kysely<Database>, workId: number, chapter: ChapterContent): Promise<{ id: number; position: number }> {
  const { last } = await db.selectFrom("chapters").select((eb) => eb.fn.max("position").as("last")).where("work_id", "=", workId).executeTakeFirstOrThrow();
  const position = (last ?? 0) + 1;
  const { id } = await db.insertInto("chapters").values({ work_id: workId, position, ...chapterColumns(chapter) }).returning("id").executeTakeFirstOrThrow();
  return { id, position };
}

/** Rewrites the chapter in place, keeping its id (and so the comments on it). */
export async function updateChapter(db: Kysely<Database>, workId: number, position: number, chapter: ChapterContent): Promise<void> {
  await db.updateTable("chapters").set(chapterColumns(chapter)).where("work_id", "=", workId).where("position", "=", position).execute();
}

export interface ChapterOutline {
  id: number;
  position: number;
  title: string | null;
  wordCount: number;
}

export async function listChapterOutline(db: Kysely<Database>, workId: number): Promise<ChapterOutline[]> {
  const rows = await db.selectFrom("chapters").select(["id", "position", "title", "word_count"]).where("work_id", "=", workId).orderBy("position").execute();
  return rows.map((r) => ({ id: r.id, position: r.position, title: r.title, wordCount: r.word_count }));
}

/** A chapter as its author edits it: what they typed and its format (null for a chapter read from a file), and its HTML. */
export interface ChapterSource {
  id: number;
  title: string | null;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  html: string;
  source: string | null;
  sourceFormat: string | null;
}

export async function findChapterSource(db: Kysely<Database>, workId: number, position: number): Promise<ChapterSource | undefined> {
  const row = await db.selectFrom("chapters").select(["id", "title", "summary", "notes", "end_notes", "html", "source", "source_format"])
    .where("work_id", "=", workId).where("position", "=", position).executeTakeFirst();
  return row && {
    id: row.id, title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes, html: row.html, source: row.source, sourceFormat: row.source_format,
  };
}

export async function listChapterTexts(db: Kysely<Database>, workId: number): Promise<string[]> {
  const rows = await db.selectFrom("chapters").select("text").where("work_id", "=", workId).orderBy("position").execute();
  return rows.map((r) => r.text);
}

/**
 * Puts the chapters in the order of the ids given, at positions 1 to n. Positions are unique within a work at
 * every moment, so each chapter first moves to its new place's negative, then every one to its place.
 */
export async function setChapterOrder(db: Kysely<Database>, workId: number, chapterIds: readonly number[]): Promise<void> {
  for (const [index, id] of chapterIds.entries()) {
    await db.updateTable("chapters").set({ position: -(index + 1) }).where("work_id", "=", workId).where("id", "=", id).execute();
  }
  await db.updateTable("chapters").set({ position: sql<number>`-position` }).where("work_id", "=", workId).where("position", "<", 0).execute();
}

/** Deletes the chapter at the position; the chapters after it move up one. */
export async function deleteChapterAt(db: Kysely<Database>, workId: number, position: number): Promise<void> {
  await db.deleteFrom("chapters").where("work_id", "=", workId).where("position", "=", position).execute();
  const rest = await listChapterOutline(db, workId);
  if (rest.some((c, i) => c.position !== i + 1)) await setChapterOrder(db, workId, rest.map((c) => c.id));
}

/**
 * Counts the work's chapters and words again from its chapters, and sets its fingerprint (and the date it was
 * revised, when given). A work in progress expecting fewer chapters than it now has expects as many as it has.
 */
export async function updateWorkTotals(db: Kysely<Database>, workId: number, totals: { fingerprint: string; revised?: string }): Promise<void> {
  const { chapters, words } = await db.selectFrom("chapters")
    .select((eb) => [eb.fn.countAll<number>().as("chapters"), eb.fn.sum<number>("word_count").as("words")])
    .where("work_id", "=", workId).executeTakeFirstOrThrow();
  const count = Number(chapters);
  await db.updateTable("works").set((eb) => ({
    chapter_count: count, word_count: Number(words ?? 0), fingerprint: totals.fingerprint, revised: totals.revised,
    expected_chapters: eb.case().when("expected_chapters", "<", count).then(count).else(eb.ref("expected_chapters")).end(),
  })).where("id", "=", workId).execute();
}

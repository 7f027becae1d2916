/**
 * A posted work's chapters, one at a time: add one after the last, edit one in place (its id, and so the comments
 * on it, stay), delete one (never the last: delete the work instead), and put them in a new order. After each, the
 * work's chapter count, word count, fingerprint, signature and full-text entry are made again from its chapters, and the
 * work is marked changed so listings notice. A new chapter of a work readers can see is news for its subscribers.
 */
import type { Kysely } from "kysely";
import {
  appendChapter, deleteChapterAt, findChapterSource, listChapterOutline, listChapterTexts, setChapterOrder, updateChapter,
  updateWorkTotals, type ChapterOutline,
} from "../../db/repositories/posted-works.js";
import { findWorkTitle, reindexWork, touchWork } from "../../db/repositories/works.js";
import { storeWorkSignature } from "../../db/repositories/work-signatures.js";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { signStory } from "../../domain/near-duplicates/near-duplicates.js";
import { storyFingerprint } from "../../importers/fingerprint.js";
import { TEXT_FORMATS, type TextFormat } from "../text/user-html.js";
import { mailUpdate, noticeUpdate } from "../community/announce-update.js";
import { chapterContent, chapterContentProblems } from "./chapter-content.js";
import { storyDate, type PostingDeps } from "./deps.js";
import { requireEditableWork } from "./posting-access.js";
import type { ChapterForm } from "./work-form.js";

export interface WorkChapters {
  workId: number;
  title: string;
  chapters: ChapterOutline[];
}

/** The work's title and chapter outline, for its creators. @throws as requireEditableWork. */
export async function readWorkChapters(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<WorkChapters> {
  await requireEditableWork(db, workId, viewer);
  const [title, chapters] = await Promise.all([findWorkTitle(db, workId), listChapterOutline(db, workId)]);
  if (title === undefined) throw new NotFoundError(`Work ${workId}`);
  return { workId, title, chapters };
}

function isTextFormat(value: string | null): value is TextFormat {
  return (TEXT_FORMATS as readonly (string | null)[]).includes(value);
}

/**
 * The chapter's form as its author left it: what they typed, in its format; a chapter read from a file offers its HTML.
 * @throws NotFoundError for a chapter the work does not have; as requireEditableWork.
 */
export async function loadChapterForm(db: Kysely<Database>, viewer: Viewer, workId: number, position: number): Promise<ChapterForm> {
  await requireEditableWork(db, workId, viewer);
  const chapter = await findChapterSource(db, workId, position);
  if (!chapter) throw new NotFoundError(`Chapter ${position} of work ${workId}`);
  const typed = chapter.source !== null && isTextFormat(chapter.sourceFormat) ? { text: chapter.source, format: chapter.sourceFormat } : null;
  return {
    title: chapter.title ?? "", summary: chapter.summary ?? "", notes: chapter.notes ?? "", endNotes: chapter.endNotes ?? "",
    ...(typed ?? { text: chapter.html, format: "html" }),
  };
}

function checkedContent(form: ChapterForm) {
  const content = chapterContent(form);
  const problems = chapterContentProblems(form, content, "chapter");
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return content;
}

/** The work's totals, signature and index made again from its chapters, and the work marked changed. */
async function refreshWork(db: Kysely<Database>, engine: Engine, workId: number, now: Date, revised: boolean): Promise<void> {
  const texts = await listChapterTexts(db, workId);
  const fingerprint = storyFingerprint(texts.map((text) => ({ text })));
  await updateWorkTotals(db, workId, { fingerprint, ...(revised ? { revised: storyDate(now) } : {}) });
  await storeWorkSignature(db, workId, fingerprint, signStory(texts));
  await touchWork(db, workId, now.toISOString());
  await reindexWork(db, engine, workId);
}

/**
 * Adds the chapter after the last and returns its position.
 * @throws as requireEditableWork; ValidationError (fields `chapter.title`, `chapter.text`…).
 */
export async function addChapter(deps: PostingDeps, viewer: Viewer, workId: number, form: ChapterForm, now: Date): Promise<number> {
  await requireEditableWork(deps.db, workId, viewer);
  const content = checkedContent(form);
  const { position, news } = await deps.engine.writeTransaction(deps.db, async (trx) => {
    const chapter = await appendChapter(trx, workId, content);
    await refreshWork(trx, deps.engine, workId, now, true);
    return { position: chapter.position, news: await noticeUpdate(trx, { kind: "new-chapter", workId, chapterId: chapter.id, position: chapter.position }, now.toISOString(), deps.siteOrigin) };
  });
  await mailUpdate(deps.mailer, news);
  return position;
}

/** @throws NotFoundError for a chapter the work does not have; as addChapter. */
export async function editChapter(deps: PostingDeps, viewer: Viewer, workId: number, position: number, form: ChapterForm, now: Date): Promise<void> {
  await requireEditableWork(deps.db, workId, viewer);
  const content = checkedContent(form);
  if (!(await findChapterSource(deps.db, workId, position))) throw new NotFoundError(`Chapter ${position} of work ${workId}`);
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await updateChapter(trx, workId, position, content);
    await refreshWork(trx, deps.engine, workId, now, true);
  });
}

/**
 * Deletes the chapter; those after it move up.
 * @throws NotFoundError for a chapter the work does not have; ValidationError for the work's only chapter; as
 *   requireEditableWork.
 */
export async function deleteChapter(deps: PostingDeps, viewer: Viewer, workId: number, position: number, now: Date): Promise<void> {
  await requireEditableWork(deps.db, workId, viewer);
  const chapters = await listChapterOutline(deps.db, workId);
  if (!chapters.some((c) => c.position === position)) throw new NotFoundError(`Chapter ${position} of work ${workId}`);
  if (chapters.length === 1) throw new ValidationError({ chapter: "A work needs at least one chapter: delete the work instead." });
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await deleteChapterAt(trx, workId, position);
    await refreshWork(trx, deps.engine, workId, now, true);
  });
}

/**
 * Puts the chapters in the order their requested positions give (ties and chapters left out keep their order
 * among themselves), numbered 1 to n.
 * @param requested the position asked for each chapter, by the chapter's current position.
 * @throws as requireEditableWork.
 */
export async function reorderChapters(deps: PostingDeps, viewer: Viewer, workId: number, requested: ReadonlyMap<number, number>, now: Date): Promise<void> {
  await requireEditableWork(deps.db, workId, viewer);
  const chapters = await listChapterOutline(deps.db, workId);
  const wanted = (c: ChapterOutline) => requested.get(c.position) ?? c.position;
  const ordered = [...chapters].sort((a, b) => wanted(a) - wanted(b) || a.position - b.position);
  if (ordered.every((c, i) => c.position === i + 1)) return;
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await setChapterOrder(trx, workId, ordered.map((c) => c.id));
    await refreshWork(trx, deps.engine, workId, now, false);
  });
}

/**
 * Posting a work from the work form, and editing one. A new work is stored whole in one transaction through the
 * store's insertWork (its chapters, its author — the chosen pseud, found by name — its tags and filters, its
 * full-text entry), then given what only posted works have: who may read it, how it takes comments, gifts,
 * co-author invitations and a series of the author's own. An edit changes the work's details and keeps its id, its
 * chapters (and the comments on them) and its creators: co-authors join only by accepting their invitation.
 * Subscribers hear of a work when it first becomes visible, never of a draft.
 */
import type { Kysely } from "kysely";
import { insertCoAuthorInvitation } from "../../db/repositories/co-author-invitations.js";
import {
  findPostedWork, replaceWorkGifts, setChapterSources, setPostingSettings, setWorkDates, updateWorkDetails, type ChapterContent,
  type PostedWork,
} from "../../db/repositories/posted-works.js";
import { listUserPseuds, type Pseud } from "../../db/repositories/user-pseuds.js";
import { insertWork, reindexWork, touchWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { Account, Viewer } from "../../domain/account.js";
import { CATEGORIES, type Category } from "../../domain/categories.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { FieldProblems } from "../../domain/posting-limits.js";
import { isRating } from "../../domain/rating.js";
import { workTags } from "../../domain/tags/work-tags.js";
import { ARCHIVE_WARNINGS, type ArchiveWarning } from "../../domain/warnings.js";
import type { ParsedChapter, ParsedWork } from "../../domain/work.js";
import { storyFingerprint } from "../../importers/fingerprint.js";
import { mailUpdate, noticeUpdate } from "../community/announce-update.js";
import { blankToNull, chapterContent, chapterContentProblems, toParsedChapter } from "./chapter-content.js";
import { storyDate, type PostingDeps } from "./deps.js";
import { requireEditableWork, requirePoster } from "./posting-access.js";
import { resolvePeople, resolveSeries, storeSeriesTarget, withArchiveSpellings, type ResolvedPeople, type SeriesTarget } from "./resolve-form.js";
import { workFormProblems, type WorkForm } from "./work-form.js";

function isArchiveWarning(value: string): value is ArchiveWarning {
  return (ARCHIVE_WARNINGS as readonly string[]).includes(value);
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The form as the store's ParsedWork: what insertWork stores and workTags reads. */
export function formToParsedWork(form: WorkForm, authors: readonly string[], chapters: readonly ParsedChapter[], today: string): ParsedWork {
  return {
    title: form.title.trim(), authors: [...authors], fandoms: form.fandoms, rating: isRating(form.rating) ? form.rating : "Not Rated", ratingRaw: null,
    warnings: form.warnings.filter(isArchiveWarning), categories: form.categories.filter(isCategory), relationships: form.relationships,
    characters: form.characters, freeforms: form.freeforms, summary: blankToNull(form.summary), notes: blankToNull(form.notes),
    endNotes: blankToNull(form.endNotes), disclaimer: null, language: form.language, status: form.complete ? "complete" : "in-progress",
    published: today, updated: today, statedWordCount: null, wordCount: chapters.reduce((n, c) => n + c.wordCount, 0), series: [], collections: [],
    sourceUrl: null, chapters: [...chapters], provenance: {}, extra: {}, inferred: [],
  };
}

function postingSettings(form: WorkForm) {
  return { visibility: form.visibility, commentPolicy: form.commentPolicy, moderateComments: form.moderateComments, expectedChapters: form.complete ? null : form.expectedChapters };
}

/** Gifts and invitations, as the form asked; an invitation already made is not made again. */
async function storePeople(db: Kysely<Database>, workId: number, title: string, people: ResolvedPeople, inviter: { userId: number; name: string }, now: string): Promise<void> {
  await replaceWorkGifts(db, workId, people.gifts);
  for (const pseud of people.coAuthors) {
    await insertCoAuthorInvitation(db, {
      workId, authorId: pseud.id, userId: pseud.userId, invitedBy: inviter.userId, message: `${inviter.name} invited you to co-author “${title}”.`,
    }, now);
  }
}

function throwProblems(problems: FieldProblems): void {
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

/** A new work's form, checked and made ready to store. */
export interface CheckedNewWork {
  author: Pseud;
  contents: ChapterContent[];
  people: ResolvedPeople;
  series: SeriesTarget;
  /** The form with its tags spelled as the library spells them. */
  form: WorkForm;
}

/**
 * Checks a new work's form against the limits and the library.
 * @throws ValidationError with every problem of the form, field by field (`chapters.0.text` for the first
 *   chapter's text).
 */
export async function checkNewWork(db: Kysely<Database>, poster: Account, form: WorkForm): Promise<CheckedNewWork> {
  const problems = workFormProblems(form, form.chapters.length);
  if (form.chapters.length === 0) problems["chapters.0.text"] = "The work needs a chapter.";
  const contents = form.chapters.map((chapter, i) => {
    const content = chapterContent(chapter);
    Object.assign(problems, chapterContentProblems(chapter, content, `chapters.${i}`));
    return content;
  });
  const pseuds = await listUserPseuds(db, poster.id);
  const author = form.pseudId === null ? pseuds[0] : pseuds.find((p) => p.id === form.pseudId);
  const people = await resolvePeople(db, poster, form, problems);
  const series = await resolveSeries(db, poster, form.series, [], problems);
  if (!author) throw new ValidationError({ ...problems, pseudId: "Choose one of your pseuds to post as." });
  throwProblems(problems);
  return { author, contents, people, series, form: await withArchiveSpellings(db, form) };
}

/**
 * Posts the work (or saves it as a draft, as its visibility says) and returns its id.
 * @throws SignInRequiredError, ForbiddenError (see requirePoster); ValidationError (see checkNewWork).
 */
export async function postWork(deps: PostingDeps, viewer: Viewer, form: WorkForm, now: Date): Promise<number> {
  const poster = requirePoster(viewer);
  const { db, engine } = deps;
  const { author, contents, people, series, form: spelled } = await checkNewWork(db, poster, form);
  const stamp = now.toISOString();
  const chapters = contents.map((content, i) => toParsedChapter(content, i + 1));
  const work = formToParsedWork(spelled, [author.name], chapters, storyDate(now));
  const title = work.title ?? "";
  const { workId, news } = await engine.writeTransaction(db, async (trx) => {
    const id = await insertWork(trx, engine, { work, title, fingerprint: storyFingerprint(chapters) }, stamp);
    await setChapterSources(trx, id, contents.map((c, i) => ({ position: i + 1, source: c.source, format: c.sourceFormat })));
    await setPostingSettings(trx, id, postingSettings(form));
    await storePeople(trx, id, title, people, { userId: poster.id, name: author.name }, stamp);
    await storeSeriesTarget(trx, id, series, form.seriesPart, poster.id, stamp);
    await touchWork(trx, id, stamp);
    await reindexWork(trx, engine, id);
    return { workId: id, news: form.visibility === "draft" ? null : await noticeUpdate(trx, { kind: "new-work", workId: id }, stamp, deps.siteOrigin) };
  });
  if (news) await mailUpdate(deps.mailer, news);
  return workId;
}

/** An edit's form, checked and made ready to store. */
export interface CheckedEdit {
  editor: Account;
  current: PostedWork;
  people: ResolvedPeople;
  series: SeriesTarget;
  form: WorkForm;
}

/**
 * Checks an edit of the work's details against the limits and the library.
 * @throws NotFoundError, SignInRequiredError, ForbiddenError (see requireEditableWork); ValidationError.
 */
export async function checkEdit(db: Kysely<Database>, viewer: Viewer, workId: number, form: WorkForm): Promise<CheckedEdit> {
  const { editor } = await requireEditableWork(db, workId, viewer);
  const current = await findPostedWork(db, workId);
  if (!current) throw new NotFoundError(`Work ${workId}`);
  const problems = workFormProblems(form, current.chapterCount);
  const people = await resolvePeople(db, editor, form, problems);
  const series = await resolveSeries(db, editor, form.series, current.series.map((s) => s.id), problems);
  throwProblems(problems);
  return { editor, current, people, series, form: await withArchiveSpellings(db, form) };
}

/**
 * Changes the work's details (its chapters have pages of their own), keeping its id and creators. A draft made
 * visible is posted that day: its published date becomes today's, and subscribers hear of it.
 * @throws NotFoundError, SignInRequiredError, ForbiddenError (see requireEditableWork); ValidationError as postWork.
 */
export async function updateWork(deps: PostingDeps, viewer: Viewer, workId: number, form: WorkForm, now: Date): Promise<void> {
  const { db, engine } = deps;
  const { editor, current, people, series, form: spelled } = await checkEdit(db, viewer, workId, form);
  const stamp = now.toISOString();
  const today = storyDate(now);
  const work = formToParsedWork(spelled, current.authors, [], today);
  const title = work.title ?? "";
  const publishing = current.visibility === "draft" && form.visibility !== "draft";
  const news = await engine.writeTransaction(db, async (trx) => {
    await updateWorkDetails(trx, workId, {
      title, summary: work.summary, notes: work.notes, endNotes: work.endNotes, language: work.language, status: work.status, tags: workTags(work),
    }, stamp);
    await setPostingSettings(trx, workId, postingSettings(form));
    if (publishing) await setWorkDates(trx, workId, { published: today, revised: today });
    await storePeople(trx, workId, title, people, { userId: editor.id, name: await editorName(trx, editor, current.authors) }, stamp);
    await storeSeriesTarget(trx, workId, series, form.seriesPart, editor.id, stamp);
    await touchWork(trx, workId, stamp);
    await reindexWork(trx, engine, workId);
    return publishing ? noticeUpdate(trx, { kind: "new-work", workId }, stamp, deps.siteOrigin) : null;
  });
  if (news) await mailUpdate(deps.mailer, news);
}

/** The editor's pseud on the work's byline, for the invitations they send. */
async function editorName(db: Kysely<Database>, editor: Account, authors: readonly string[]): Promise<string> {
  const pseuds = await listUserPseuds(db, editor.id);
  return pseuds.find((p) => authors.includes(p.name))?.name ?? editor.login;
}

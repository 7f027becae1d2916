/**
 * Bookmarks of works and series: each reader's one bookmark per work or series, with notes (safe HTML), their
 * own tags, private (only they see it) or public, and marked as a recommendation or not; and the listings of a
 * reader's bookmarks, which show only bookmarks of works the viewer may see.
 */
import { requireSignedIn } from "../accounts/roles.js";
import type { Kysely } from "kysely";
import { findSeries } from "../../db/repositories/archive-pages.js";
import {
  deleteBookmarkRow, findBookmark, findBookmarkById, findAuthorByName, listBookmarks, recountWorkBookmarks, saveBookmark,
  type BookmarkTarget, type ListedBookmark, type StoredBookmark,
} from "../../db/repositories/bookmarks.js";
import { findDefaultPseud } from "../../db/repositories/comments.js";
import { resolveFilterTags } from "../../db/repositories/tags.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { loadWorkBlurbs } from "../../db/search-index.js";
import type { Audience, Viewer } from "../../domain/account.js";
import { MAX_BOOKMARK_NOTES_LENGTH, MAX_BOOKMARK_TAG_LENGTH, MAX_BOOKMARK_TAGS, parseBookmarkTags } from "../../domain/bookmarks.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { WorkBlurb } from "../../search/search-index.js";
import { requireActiveAccount, requireWorkToActOn } from "./acting.js";
import { userTextAsHtml } from "./comment-text.js";

export type BookmarkSubject = { kind: "work"; id: number } | { kind: "series"; id: number };

export interface BookmarkForm {
  notes: string;
  /** Comma-separated. */
  tags: string;
  private: boolean;
  rec: boolean;
}

export interface BookmarkDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/** What the bookmark is of: the store holds exactly one of its work and its series. */
function subjectOf(bookmark: StoredBookmark): BookmarkSubject {
  if (bookmark.workId !== null) return { kind: "work", id: bookmark.workId };
  if (bookmark.seriesId !== null) return { kind: "series", id: bookmark.seriesId };
  throw new Error(`bookmark ${bookmark.id} is of neither a work nor a series`);
}

function targetOf(subject: BookmarkSubject): BookmarkTarget {
  return subject.kind === "work" ? { workId: subject.id } : { seriesId: subject.id };
}

/**
 * The work's title or series' name, when the viewer may see it and act.
 * @throws NotFoundError, SignInRequiredError, ForbiddenError (suspended)
 */
async function requireSubject(db: Kysely<Database>, subject: BookmarkSubject, viewer: Viewer, audience: Audience): Promise<string> {
  if (subject.kind === "work") {
    await requireWorkToActOn(db, subject.id, viewer);
    const title = await findWorkTitle(db, subject.id);
    if (title === undefined) throw new NotFoundError(`Work ${subject.id}`);
    return title;
  }
  const series = await findSeries(db, subject.id, audience);
  if (!series) throw new NotFoundError(`Series ${subject.id}`);
  return series.name;
}

export interface BookmarkEditor {
  subject: BookmarkSubject;
  /** The work's title or the series' name. */
  title: string;
  bookmark: StoredBookmark | null;
}

/** The bookmark form's content. @throws SignInRequiredError for a guest; NotFoundError, ForbiddenError (see requireSubject). */
export async function readBookmarkEditor(db: Kysely<Database>, subject: BookmarkSubject, viewer: Viewer, audience: Audience): Promise<BookmarkEditor> {
  const account = requireActiveAccount(viewer, "Sign in to bookmark.");
  const [title, bookmark] = await Promise.all([requireSubject(db, subject, account, audience), findBookmark(db, account.id, targetOf(subject))]);
  return { subject, title, bookmark: bookmark ?? null };
}

/**
 * Creates the viewer's bookmark of the work or series, or replaces what it holds; the work's count of public
 * bookmarks moves in the same transaction.
 * @throws as readBookmarkEditor; ValidationError for notes or tags beyond the limits.
 */
export async function saveBookmarkOf({ db, now }: BookmarkDeps, subject: BookmarkSubject, viewer: Viewer, audience: Audience, form: BookmarkForm): Promise<number> {
  const account = requireActiveAccount(viewer, "Sign in to bookmark.");
  await requireSubject(db, subject, account, audience);
  const tags = parseBookmarkTags(form.tags);
  const problems: Record<string, string> = {};
  if (form.notes.length > MAX_BOOKMARK_NOTES_LENGTH) problems.notes = `Notes have at most ${MAX_BOOKMARK_NOTES_LENGTH.toLocaleString("en")} characters.`;
  if (tags.length > MAX_BOOKMARK_TAGS) problems.tags = `A bookmark has at most ${MAX_BOOKMARK_TAGS} tags.`;
  else if (tags.some((t) => t.length > MAX_BOOKMARK_TAG_LENGTH)) problems.tags = `A tag has at most ${MAX_BOOKMARK_TAG_LENGTH} characters.`;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const notes = form.notes.trim() === "" ? null : userTextAsHtml(form.notes);
  const pseud = await findDefaultPseud(db, account.id);
  return db.transaction().execute(async (trx) => {
    const id = await saveBookmark(trx, account.id, pseud?.id ?? null, targetOf(subject), { notes, tags, private: form.private, rec: form.rec }, now().toISOString());
    if (subject.kind === "work") await recountWorkBookmarks(trx, subject.id);
    return id;
  });
}

/**
 * Deletes one of the viewer's bookmarks. @returns what it bookmarked.
 * @throws SignInRequiredError, ForbiddenError (suspended); NotFoundError when the viewer has no bookmark of that id.
 */
export async function deleteBookmark({ db }: BookmarkDeps, bookmarkId: number, viewer: Viewer): Promise<BookmarkSubject> {
  const account = requireActiveAccount(viewer, "Sign in to manage your bookmarks.");
  const bookmark = await findBookmarkById(db, bookmarkId);
  if (!bookmark || bookmark.userId !== account.id) throw new NotFoundError(`Bookmark ${bookmarkId}`);
  await db.transaction().execute(async (trx) => {
    await deleteBookmarkRow(trx, bookmark.id);
    if (bookmark.workId !== null) await recountWorkBookmarks(trx, bookmark.workId);
  });
  return subjectOf(bookmark);
}

export interface BookmarkFilters {
  /** One of the bookmarker's own tags. */
  bookmarkerTag: string | null;
  recOnly: boolean;
  /** A tag the bookmarked work must have (through its synonyms and meta tags, as search reads it). */
  workTag: string | null;
  page: number;
}

export const BOOKMARKS_PER_PAGE = 20;

export interface BookmarkEntry extends ListedBookmark {
  /** The bookmarked work's blurb; null for a series. */
  blurb: WorkBlurb | null;
}

export interface BookmarkListing {
  /** Whose bookmarks: the pseud's name as stored, or the viewer's own. */
  owner: { kind: "own" } | { kind: "pseud"; name: string };
  total: number;
  entries: BookmarkEntry[];
}

/**
 * The viewer's own bookmarks (the private ones too), or the public bookmarks of the account behind a pseud;
 * either way only bookmarks of works the audience may see, the latest first.
 * @throws SignInRequiredError for a guest asking for their own; NotFoundError for a pseud of no such name.
 */
export async function listBookmarksOf(db: Kysely<Database>, owner: { kind: "own" } | { kind: "pseud"; name: string }, viewer: Viewer, audience: Audience, filters: BookmarkFilters): Promise<BookmarkListing> {
  let userId: number | null;
  let listed: BookmarkListing["owner"];
  if (owner.kind === "own") {
    userId = requireSignedIn(viewer, "Sign in to see your bookmarks.").id;
    listed = owner;
  } else {
    const pseud = await findAuthorByName(db, owner.name);
    if (!pseud) throw new NotFoundError(`The author “${owner.name}”`);
    userId = pseud.userId;
    listed = { kind: "pseud", name: pseud.name };
  }
  if (userId === null) return { owner: listed, total: 0, entries: [] };
  const workFilterTagIds = filters.workTag === null ? null : ((await resolveFilterTags(db, [{ name: filters.workTag, type: null }]))[0] ?? []);
  const { total, bookmarks } = await listBookmarks(db, {
    userId, includePrivate: owner.kind === "own", bookmarkerTag: filters.bookmarkerTag, recOnly: filters.recOnly, workFilterTagIds,
  }, audience, filters.page, BOOKMARKS_PER_PAGE);
  const blurbs = new Map((await loadWorkBlurbs(db, bookmarks.flatMap((b) => (b.workId === null ? [] : [b.workId])))).map((b) => [b.id, b]));
  return { owner: listed, total, entries: bookmarks.map((b) => ({ ...b, blurb: b.workId === null ? null : blurbs.get(b.workId) ?? null })) };
}

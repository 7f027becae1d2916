/**
 * Series made on the web: an author makes one (a name, and a summary and notes if they like), puts works in it
 * from the work form, and renames it or orders its works at its edit page. Only the series' maker changes it.
 */
import type { Kysely } from "kysely";
import { touchWork } from "../../db/repositories/works.js";
import {
  findSeriesById, findSeriesIdByName, insertSeries, listSeriesParts, listUserSeries, setSeriesOrder, updateSeries as updateSeriesRow, type SeriesPart,
} from "../../db/repositories/user-series.js";
import { reindexWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { isActive, type Account, type Viewer } from "../../domain/account.js";
import { ForbiddenError, NotFoundError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import { characterCount, NOTES_MAX, SUMMARY_MAX, type FieldProblems } from "../../domain/posting-limits.js";
import { blankToNull } from "./chapter-content.js";
import type { PostingDeps } from "./deps.js";
import { requirePoster } from "./posting-access.js";

export type { SeriesPart };

export interface SeriesForm {
  name: string;
  summary: string;
  notes: string;
}

export interface SeriesEditing {
  id: number;
  form: SeriesForm;
  parts: SeriesPart[];
}

const SERIES_NAME_MAX = 240;

/** The viewer's own series, for the work form's choice. */
export async function listMySeries(db: Kysely<Database>, viewer: Account): Promise<{ id: number; name: string }[]> {
  return listUserSeries(db, viewer.id);
}

/** @param seriesId the series being renamed, whose own name is no clash. */
async function seriesProblems(db: Kysely<Database>, form: SeriesForm, seriesId: number | null): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  const name = form.name.trim();
  if (name.length === 0) problems.name = "A series needs a name.";
  else if (characterCount(name) > SERIES_NAME_MAX) problems.name = `A series name is at most ${SERIES_NAME_MAX} characters.`;
  else {
    const same = await findSeriesIdByName(db, name);
    if (same !== undefined && same !== seriesId) problems.name = `A series named “${name}” exists already: give yours another name.`;
  }
  if (characterCount(form.summary) > SUMMARY_MAX) problems.summary = `The summary must be at most ${SUMMARY_MAX.toLocaleString("en")} characters.`;
  if (characterCount(form.notes) > NOTES_MAX) problems.notes = `The notes must be at most ${NOTES_MAX.toLocaleString("en")} characters.`;
  return problems;
}

function seriesFields(form: SeriesForm) {
  return { name: form.name.trim().replace(/\s+/gu, " "), summary: blankToNull(form.summary), notes: blankToNull(form.notes) };
}

/**
 * Makes the series and returns its id.
 * @throws as requirePoster; ValidationError (`name`, `summary`, `notes`).
 */
export async function createSeries(deps: PostingDeps, viewer: Viewer, form: SeriesForm, now: Date): Promise<number> {
  const poster = requirePoster(viewer);
  const problems = await seriesProblems(deps.db, form, null);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return insertSeries(deps.db, seriesFields(form), poster.id, now.toISOString());
}

/** @throws SignInRequiredError; NotFoundError for no such series; ForbiddenError for another's series, or a suspended account. */
async function requireOwnSeries(db: Kysely<Database>, viewer: Viewer, seriesId: number) {
  if (viewer === null) throw new SignInRequiredError("Sign in to change your series.");
  const series = await findSeriesById(db, seriesId);
  if (!series) throw new NotFoundError(`Series ${seriesId}`);
  if (series.userId !== viewer.id) throw new ForbiddenError("Only the series' creator may change it.");
  if (!isActive(viewer)) throw new ForbiddenError("Your account is suspended: it cannot change series until the suspension ends.");
  return series;
}

/** The series as its maker edits it, with every one of its works (drafts too). @throws as requireOwnSeries. */
export async function readSeriesForEdit(db: Kysely<Database>, viewer: Viewer, seriesId: number): Promise<SeriesEditing> {
  const series = await requireOwnSeries(db, viewer, seriesId);
  return { id: series.id, form: { name: series.name, summary: series.summary ?? "", notes: series.notes ?? "" }, parts: await listSeriesParts(db, seriesId) };
}

/**
 * Renames the series and orders its works by the parts asked for (ties keep their order), numbered 1 to n.
 * @param requested the part asked for each work, by work id.
 * @throws as requireOwnSeries; ValidationError (`name`, `summary`, `notes`).
 */
export async function updateSeries(deps: PostingDeps, viewer: Viewer, seriesId: number, form: SeriesForm, requested: ReadonlyMap<number, number>, now: Date): Promise<void> {
  const series = await requireOwnSeries(deps.db, viewer, seriesId);
  const problems = await seriesProblems(deps.db, form, seriesId);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const parts = await listSeriesParts(deps.db, seriesId);
  const wanted = (p: SeriesPart) => requested.get(p.workId) ?? p.part;
  const ordered = [...parts].sort((a, b) => wanted(a) - wanted(b) || a.part - b.part);
  const fields = seriesFields(form);
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await updateSeriesRow(trx, seriesId, fields);
    await setSeriesOrder(trx, seriesId, ordered.map((p) => p.workId));
    // Each work's page and blurb name the series, and its index holds the name.
    for (const part of parts) {
      await touchWork(trx, part.workId, now.toISOString());
      if (fields.name !== series.name) await reindexWork(trx, deps.engine, part.workId);
    }
  });
}

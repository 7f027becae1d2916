/** What the posting pages show before anything is posted: the poster's choices, a work's form for an edit, their works. */
import type { Kysely } from "kysely";
import { listInvitedPseudNames } from "../../db/repositories/co-author-invitations.js";
import { findPostedWork, listChapterOutline, listWorksByUser, type ChapterOutline, type CreatorWork } from "../../db/repositories/posted-works.js";
import { listUserPseuds, type Pseud } from "../../db/repositories/user-pseuds.js";
import { listUserSeries } from "../../db/repositories/user-series.js";
import type { Database } from "../../db/schema.js";
import type { Viewer, WorkVisibility } from "../../domain/account.js";
import { NotFoundError, SignInRequiredError } from "../../domain/errors.js";
import { requireEditableWork, requirePoster } from "./posting-access.js";
import { newWorkForm, type WorkForm } from "./work-form.js";

export type { ChapterOutline, CreatorWork, Pseud };

/** The pseuds the poster may post as (their default first) and the series they may add a work to. */
export interface PostingChoices {
  pseuds: Pseud[];
  series: { id: number; name: string }[];
}

/** @throws as requirePoster. */
export async function readPostingChoices(db: Kysely<Database>, viewer: Viewer): Promise<PostingChoices> {
  const poster = requirePoster(viewer);
  const [pseuds, series] = await Promise.all([listUserPseuds(db, poster.id), listUserSeries(db, poster.id)]);
  return { pseuds, series };
}

/** A new work's form and the choices it offers. @throws as requirePoster. */
export async function startNewWork(db: Kysely<Database>, viewer: Viewer): Promise<{ form: WorkForm; choices: PostingChoices }> {
  const choices = await readPostingChoices(db, viewer);
  return { form: newWorkForm(choices.pseuds[0]?.id ?? null), choices };
}

export interface WorkEditing {
  workId: number;
  form: WorkForm;
  /** The work's creators' pseuds, as its byline has them. */
  authors: string[];
  /** Pseuds invited to co-author who have not answered yet. */
  invited: string[];
  chapters: ChapterOutline[];
  visibility: WorkVisibility;
  choices: PostingChoices;
}

/** The edit form filled in from the stored work. @throws as requireEditableWork. */
export async function readWorkForEdit(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<WorkEditing> {
  const { editor } = await requireEditableWork(db, workId, viewer);
  const [work, invited, chapters, pseuds, ownSeries] = await Promise.all([
    findPostedWork(db, workId), listInvitedPseudNames(db, workId), listChapterOutline(db, workId), listUserPseuds(db, editor.id), listUserSeries(db, editor.id),
  ]);
  if (!work) throw new NotFoundError(`Work ${workId}`);
  const inSeries = work.series[0];
  const form: WorkForm = {
    title: work.title, rating: work.tags.Rating[0] ?? "", warnings: work.tags.ArchiveWarning, categories: work.tags.Category, fandoms: work.tags.Fandom,
    relationships: work.tags.Relationship, characters: work.tags.Character, freeforms: work.tags.Freeform, pseudId: null, coAuthors: [], gifts: work.gifts,
    summary: work.summary ?? "", notes: work.notes ?? "", endNotes: work.endNotes ?? "", language: work.language,
    series: inSeries ? { kind: "existing", seriesId: inSeries.id } : { kind: "none" }, seriesPart: inSeries?.part ?? null,
    visibility: work.visibility, commentPolicy: work.commentPolicy, moderateComments: work.moderateComments, complete: work.status === "complete",
    expectedChapters: work.expectedChapters, chapters: [],
  };
  // A co-author edits a work in a series its first author made: that series stays a choice.
  const series = [...ownSeries, ...work.series.filter((s) => !ownSeries.some((o) => o.id === s.id)).map((s) => ({ id: s.id, name: s.name }))];
  return { workId, form, authors: work.authors, invited, chapters, visibility: work.visibility, choices: { pseuds, series } };
}

/** The viewer's works, drafts included, and their series. @throws SignInRequiredError for a guest. */
export async function listMyWorks(db: Kysely<Database>, viewer: Viewer): Promise<{ works: CreatorWork[]; series: { id: number; name: string }[] }> {
  if (viewer === null) throw new SignInRequiredError("Sign in to see your works.");
  const [works, series] = await Promise.all([listWorksByUser(db, viewer.id), listUserSeries(db, viewer.id)]);
  return { works, series };
}

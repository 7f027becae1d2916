/** A work for reading: its preface, then the chapters asked for. */
import type { Kysely } from "kysely";
import { findWorkChapters, findWorkPreface, findWorkProvenance, type WorkChapter, type WorkPreface, type WorkProvenance } from "../../db/repositories/work-pages.js";
import type { Database } from "../../db/schema.js";
import type { Audience, Viewer, WorkAccess } from "../../domain/account.js";
import { readAudience } from "../accounts/audience.js";
import { NotFoundError } from "../../domain/errors.js";
import { readHiddenReason } from "../moderation/work-moderation.js";
import { requireReadableWork } from "./work-access.js";

export type { WorkChapter, WorkPreface, WorkProvenance };

/** A work the viewer may read: its preface, who may do what with it, and why a moderator hid it (if one did). */
export type ReadableWork = WorkPreface & { access: WorkAccess; hiddenReason: string | null };

/**
 * Which chapters: one by its 1-based position, the whole work, or its opening — the first chapter of a work in
 * chapters, all of a one-shot.
 */
export type ChapterChoice = { position: number } | "entire-work" | "opening";

export interface ChaptersRead {
  chapters: WorkChapter[];
  /** Every chapter is here (the entire work was asked for, or the work has one chapter). */
  entireWork: boolean;
}

/** @throws NotFoundError when the work has no chapter at that position. */
export async function readChapters(db: Kysely<Database>, work: WorkPreface, choice: ChapterChoice): Promise<ChaptersRead> {
  const entireWork = choice === "entire-work" || (choice === "opening" && work.chapters.length <= 1);
  const position = entireWork ? null : typeof choice === "object" ? choice.position : 1;
  const chapters = await findWorkChapters(db, work.id, position);
  if (chapters.length === 0 && position !== null) throw new NotFoundError(`Chapter ${position} of “${work.title}”`);
  return { chapters, entireWork };
}

/**
 * The work's preface and chapter outline alone (a chapter index, an interstitial), if the viewer may read it.
 * @throws NotFoundError, SignInRequiredError (see requireReadableWork)
 */
export async function readWorkPreface(db: Kysely<Database>, workId: number, viewer: Viewer): Promise<ReadableWork> {
  const access = await requireReadableWork(db, workId, viewer);
  const preface = await findWorkPreface(db, workId, await readAudience(db, viewer));
  if (!preface) throw new NotFoundError(`Work ${workId}`);
  return { ...preface, access, hiddenReason: access.hiddenByModerator ? await readHiddenReason(db, workId) : null };
}

/** The owner's views of a work (provenance, exports) name the work alone; its neighbours are read as any signed-in reader's. */
export const OWNER_AUDIENCE: Audience = { members: true, mutedUsers: [] };

/** For the archive's owner, who sees every work. @throws NotFoundError when there is no such work. */
export async function readWorkProvenance(db: Kysely<Database>, workId: number): Promise<WorkProvenance & { title: string }> {
  const [provenance, preface] = await Promise.all([findWorkProvenance(db, workId), findWorkPreface(db, workId, OWNER_AUDIENCE)]);
  if (!provenance || !preface) throw new NotFoundError(`Work ${workId}`);
  return { ...provenance, title: preface.title };
}

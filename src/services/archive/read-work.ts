/** A work for reading: its preface and the chapters asked for. */
import type { Kysely } from "kysely";
import { findWorkChapters, findWorkPreface, findWorkProvenance, type WorkChapter, type WorkPreface, type WorkProvenance } from "../../db/repositories/work-pages.js";
import type { Database } from "../../db/schema.js";
import { NotFoundError } from "../../domain/errors.js";

export interface WorkReading {
  preface: WorkPreface;
  chapters: WorkChapter[];
}

/** Which chapters: one by its 1-based position, or the whole work. */
export type ChapterChoice = { position: number } | "entire-work";

/** @throws NotFoundError when there is no such work, or no chapter at that position. */
export async function readWork(db: Kysely<Database>, workId: number, choice: ChapterChoice): Promise<WorkReading> {
  const preface = await findWorkPreface(db, workId);
  if (!preface) throw new NotFoundError(`Work ${workId}`);
  const chapters = await findWorkChapters(db, workId, choice === "entire-work" ? null : choice.position);
  if (chapters.length === 0 && choice !== "entire-work") throw new NotFoundError(`Chapter ${choice.position} of “${preface.title}”`);
  return { preface, chapters };
}

/** The work's preface and chapter outline alone (a chapter index, an interstitial). @throws NotFoundError */
export async function readWorkPreface(db: Kysely<Database>, workId: number): Promise<WorkPreface> {
  const preface = await findWorkPreface(db, workId);
  if (!preface) throw new NotFoundError(`Work ${workId}`);
  return preface;
}

/** @throws NotFoundError when there is no such work. */
export async function readWorkProvenance(db: Kysely<Database>, workId: number): Promise<WorkProvenance & { title: string }> {
  const [provenance, preface] = await Promise.all([findWorkProvenance(db, workId), findWorkPreface(db, workId)]);
  if (!provenance || !preface) throw new NotFoundError(`Work ${workId}`);
  return { ...provenance, title: preface.title };
}

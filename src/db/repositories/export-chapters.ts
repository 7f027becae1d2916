/** What the download formats read beyond a work's pages: each chapter's plain text beside its HTML, and every work's title. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { WorkTitle } from "./moderation-targets.js";
import { toWorkChapter, WORK_CHAPTER_COLUMNS, type WorkChapter } from "./work-pages.js";

export interface ChapterForExport extends WorkChapter {
  /** Plain text: paragraphs parted by a blank line, each scene break `* * *`. */
  text: string;
}

/** The work's chapters in order, with their text and HTML. */
export async function findChaptersForExport(db: Kysely<Database>, workId: number): Promise<ChapterForExport[]> {
  const rows = await db.selectFrom("chapters").select([...WORK_CHAPTER_COLUMNS, "text"]).where("work_id", "=", workId).orderBy("position").execute();
  return rows.map((r) => ({ ...toWorkChapter(r), text: r.text }));
}

/** Every work in the library with its title, in id order (the owner's export of all of it). */
export function listAllWorkTitles(db: Kysely<Database>): Promise<WorkTitle[]> {
  return db.selectFrom("works").select(["id", "title"]).orderBy("id").execute();
}

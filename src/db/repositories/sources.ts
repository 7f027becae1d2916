/** Import provenance: the files the importer has read and the works they became. */
import type { Kysely } from "kysely";
import type { Database, WorkSourceRow } from "../schema.js";
import { chunks } from "./wrangling.js";

export type NewWorkSource = Omit<WorkSourceRow, "id">;

export async function findSourceByPath(db: Kysely<Database>, path: string): Promise<WorkSourceRow | undefined> {
  return db.selectFrom("work_sources").selectAll().where("path", "=", path).executeTakeFirst();
}

/** A file already read with exactly these bytes, under any name. */
export async function findSourceByHash(db: Kysely<Database>, contentHash: string): Promise<WorkSourceRow | undefined> {
  return db.selectFrom("work_sources").selectAll().where("content_hash", "=", contentHash).orderBy("id").limit(1).executeTakeFirst();
}

/** The file a work was first imported from, for reports ("same as …"). */
export async function findPrimarySourcePath(db: Kysely<Database>, workId: number): Promise<string | undefined> {
  return (await findPrimarySource(db, workId))?.path;
}

export async function insertSource(db: Kysely<Database>, source: NewWorkSource): Promise<void> {
  await db.insertInto("work_sources").values(source).execute();
}

export async function updateSource(db: Kysely<Database>, id: number, changes: Partial<NewWorkSource>): Promise<void> {
  await db.updateTable("work_sources").set(changes).where("id", "=", id).execute();
}

/**
 * Forgets the bytes of the files recorded as duplicates of a work, so that the next import reads them again:
 * called when the work's own story changed, since theirs may no longer be stored anywhere.
 */
export async function forgetDuplicateContents(db: Kysely<Database>, workId: number): Promise<void> {
  await db.updateTable("work_sources").set({ content_hash: "" }).where("work_id", "=", workId).where("role", "=", "duplicate").execute();
}

/** The file a work was first imported from, as recorded; undefined for a work posted on the web. */
export async function findPrimarySource(db: Kysely<Database>, workId: number): Promise<WorkSourceRow | undefined> {
  return db.selectFrom("work_sources").selectAll().where("work_id", "=", workId).orderBy("role", "desc").orderBy("id").limit(1).executeTakeFirst();
}

/** The primary files of the works (a work posted on the web has none), in work id order. */
export async function listPrimarySources(db: Kysely<Database>, workIds: readonly number[]): Promise<WorkSourceRow[]> {
  const rows: WorkSourceRow[] = [];
  for (const part of chunks(workIds)) {
    rows.push(...await db.selectFrom("work_sources").selectAll().where("role", "=", "primary").where("work_id", "in", part).orderBy("work_id").execute());
  }
  return rows;
}

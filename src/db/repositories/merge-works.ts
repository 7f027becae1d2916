/**
 * Moving what readers and the importer left on one work onto another, before the first is deleted as a duplicate
 * of the second. Where a reader has a row of a kind on both and the store allows one (kudos, a bookmark, a
 * subscription, a history entry, a day's hit), the kept work's row stays and the other's goes. Run inside the
 * transaction that deletes the duplicate, then recount (recountMergedWork).
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Moves `fromId`'s sources, community rows and reports onto `toId`. */
export async function moveWorkHoldings(db: Kysely<Database>, fromId: number, toId: number): Promise<void> {
  // Every file that was read into the duplicate is now a duplicate source of the kept work.
  await db.updateTable("work_sources").set({ work_id: toId, role: "duplicate" }).where("work_id", "=", fromId).execute();

  await sql`delete from kudos where work_id = ${fromId} and exists (select 1 from kudos k where k.work_id = ${toId}
    and (k.user_id = kudos.user_id or k.guest_key = kudos.guest_key))`.execute(db);
  await db.updateTable("kudos").set({ work_id: toId }).where("work_id", "=", fromId).execute();

  await sql`delete from bookmarks where work_id = ${fromId} and exists (select 1 from bookmarks b where b.work_id = ${toId} and b.user_id = bookmarks.user_id)`.execute(db);
  await db.updateTable("bookmarks").set({ work_id: toId }).where("work_id", "=", fromId).execute();

  await sql`delete from subscriptions where target_type = 'work' and target_id = ${fromId} and exists (select 1 from subscriptions s
    where s.target_type = 'work' and s.target_id = ${toId} and s.user_id = subscriptions.user_id)`.execute(db);
  await db.updateTable("subscriptions").set({ target_id: toId }).where("target_type", "=", "work").where("target_id", "=", fromId).execute();

  await sql`delete from reading_history where work_id = ${fromId} and exists (select 1 from reading_history h where h.work_id = ${toId} and h.user_id = reading_history.user_id)`.execute(db);
  await db.updateTable("reading_history").set({ work_id: toId }).where("work_id", "=", fromId).execute();

  await sql`delete from work_hits where work_id = ${fromId} and exists (select 1 from work_hits h where h.work_id = ${toId}
    and h.visitor_key = work_hits.visitor_key and h.day = work_hits.day)`.execute(db);
  await db.updateTable("work_hits").set({ work_id: toId }).where("work_id", "=", fromId).execute();

  await moveChapterReferences(db, fromId, toId);
  await db.updateTable("comments").set({ work_id: toId }).where("work_id", "=", fromId).execute();
  await db.updateTable("inbox_items").set({ work_id: toId }).where("work_id", "=", fromId).execute();
  await db.updateTable("reports").set({ target_id: toId }).where("target_type", "=", "work").where("target_id", "=", fromId).execute();
}

/**
 * Comments and inbox items on a chapter of the duplicate go to the kept work's chapter of the same number, or to
 * the whole work when it has fewer chapters: the duplicate's chapters are deleted with it, and their comments with
 * them unless moved.
 */
async function moveChapterReferences(db: Kysely<Database>, fromId: number, toId: number): Promise<void> {
  const [from, to] = await Promise.all([
    db.selectFrom("chapters").select(["id", "position"]).where("work_id", "=", fromId).execute(),
    db.selectFrom("chapters").select(["id", "position"]).where("work_id", "=", toId).execute(),
  ]);
  const kept = new Map(to.map((c) => [c.position, c.id]));
  for (const chapter of from) {
    const target = kept.get(chapter.position) ?? null;
    await db.updateTable("comments").set({ chapter_id: target }).where("chapter_id", "=", chapter.id).execute();
    await db.updateTable("inbox_items").set({ chapter_id: target }).where("chapter_id", "=", chapter.id).execute();
  }
}

/**
 * Sets the kept work's kudos and hits counts to its rows after a merge (comments and bookmarks have their own
 * recounts). The row is locked first by an update that changes nothing, as recountWorkComments explains.
 */
export async function recountKudosAndHits(db: Kysely<Database>, workId: number): Promise<void> {
  await db.updateTable("works").set((eb) => ({ kudos: eb.ref("kudos") })).where("id", "=", workId).execute();
  await db.updateTable("works")
    .set((eb) => ({
      kudos: eb.selectFrom("kudos").select((s) => s.fn.countAll<number>().as("n")).where("work_id", "=", workId),
      hits: eb.selectFrom("work_hits").select((s) => s.fn.countAll<number>().as("n")).where("work_id", "=", workId),
    }))
    .where("id", "=", workId)
    .execute();
}

/**
 * What each user read, when, and how often; and the works they marked to read later. Recording a visit is one
 * statement, so reading a page costs one write at most.
 */
import { sql, type Kysely, type SqlBool } from "kysely";
import type { Audience } from "../../domain/account.js";
import { audienceCondition } from "../audience.js";
import type { Database } from "../schema.js";

/**
 * Records the visit — when, which chapter, one more visit — if the user keeps a history (users.history_enabled);
 * nothing otherwise. One statement: an insert of a row selected from the user, which is no row when the history
 * is off, merged into the row already there.
 */
export async function recordReading(db: Kysely<Database>, userId: number, workId: number, chapter: number | null, now: string): Promise<void> {
  await db.insertInto("reading_history")
    .columns(["user_id", "work_id", "last_read_at", "last_chapter", "visits", "marked_for_later"])
    // Literals, not parameters: PostgreSQL would type a bare parameter in a select list as text.
    .expression((eb) => eb.selectFrom("users")
      .select([
        "id",
        eb.lit(workId).as("work_id"),
        sql<string>`${now}`.as("last_read_at"),
        sql<number | null>`${chapter === null ? sql`null` : sql.lit(chapter)}`.as("last_chapter"),
        eb.lit(1).as("visits"),
        eb.lit(0).as("marked_for_later"),
      ])
      .where("id", "=", userId)
      .where("history_enabled", "=", 1))
    .onConflict((oc) => oc.columns(["user_id", "work_id"]).doUpdateSet((eb) => ({
      last_read_at: eb.ref("excluded.last_read_at"),
      last_chapter: eb.ref("excluded.last_chapter"),
      visits: eb("reading_history.visits", "+", 1),
    })))
    .execute();
}

/** Marks the work for later, or takes the mark off. @returns whether it is marked now. */
export async function toggleMarkedForLater(db: Kysely<Database>, userId: number, workId: number, now: string): Promise<boolean> {
  const row = await db.insertInto("reading_history")
    .values({ user_id: userId, work_id: workId, last_read_at: now, last_chapter: null, visits: 0, marked_for_later: 1 })
    .onConflict((oc) => oc.columns(["user_id", "work_id"]).doUpdateSet({ marked_for_later: sql<number>`1 - reading_history.marked_for_later` }))
    .returning("marked_for_later")
    .executeTakeFirstOrThrow();
  return row.marked_for_later === 1;
}

export async function isMarkedForLater(db: Kysely<Database>, userId: number, workId: number): Promise<boolean> {
  const row = await db.selectFrom("reading_history").select("marked_for_later").where("user_id", "=", userId).where("work_id", "=", workId).executeTakeFirst();
  return row?.marked_for_later === 1;
}

/** Forgets what the user read, but keeps the works they marked for later. */
export async function clearReadingHistory(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("reading_history").where("user_id", "=", userId).where("marked_for_later", "=", 0).execute();
}

export interface ReadingEntry {
  workId: number;
  lastReadAt: string;
  lastChapter: number | null;
  visits: number;
  markedForLater: boolean;
  /** The library changed the work (a chapter added, say) after the user last read it. */
  updatedSince: boolean;
}

/** A page of the user's history (or of the works marked for later), the latest read first; only works the audience may see. */
export async function listReadingHistory(
  db: Kysely<Database>, userId: number, audience: Audience, options: { markedOnly: boolean; page: number; perPage: number },
): Promise<{ total: number; entries: ReadingEntry[] }> {
  let base = db.selectFrom("reading_history as h").innerJoin("works as w", "w.id", "h.work_id").where("h.user_id", "=", userId).where(audienceCondition(audience));
  if (options.markedOnly) base = base.where("h.marked_for_later", "=", 1);
  const [rows, count] = await Promise.all([
    base.select(["h.work_id", "h.last_read_at", "h.last_chapter", "h.visits", "h.marked_for_later", sql<SqlBool>`w.updated_at > h.last_read_at`.as("updated_since")])
      .orderBy("h.last_read_at", "desc").orderBy("h.work_id", "desc")
      .limit(options.perPage).offset((options.page - 1) * options.perPage).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((r) => ({
      workId: r.work_id, lastReadAt: r.last_read_at, lastChapter: r.last_chapter, visits: r.visits, markedForLater: r.marked_for_later === 1,
      updatedSince: Number(r.updated_since) === 1,
    })),
  };
}

export async function isHistoryEnabled(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom("users").select("history_enabled").where("id", "=", userId).executeTakeFirst();
  return row?.history_enabled === 1;
}

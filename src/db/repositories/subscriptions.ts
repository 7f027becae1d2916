/**
 * Subscriptions to a work, a series, an author (a pseud) or a tag, and who hears of an update to a work through
 * them.
 */
import { sql, type Kysely, type SqlBool } from "kysely";
import { GUEST_AUDIENCE, type SubscriptionTarget } from "../../domain/account.js";
import { anonymousCondition, unrevealedCondition } from "../audience.js";
import type { Database } from "../schema.js";

export interface Subscription {
  id: number;
  targetType: SubscriptionTarget;
  targetId: number;
  mail: boolean;
}

export async function findSubscription(db: Kysely<Database>, userId: number, targetType: SubscriptionTarget, targetId: number): Promise<Subscription | undefined> {
  const row = await db.selectFrom("subscriptions").select(["id", "target_type", "target_id", "mail"])
    .where("user_id", "=", userId).where("target_type", "=", targetType).where("target_id", "=", targetId).executeTakeFirst();
  return row && { id: row.id, targetType: row.target_type, targetId: row.target_id, mail: row.mail === 1 };
}

/** Subscribes the user, or changes whether an existing subscription mails. @returns the subscription's id. */
export async function upsertSubscription(db: Kysely<Database>, userId: number, targetType: SubscriptionTarget, targetId: number, mail: boolean, now: string): Promise<number> {
  const { id } = await db.insertInto("subscriptions")
    .values({ user_id: userId, target_type: targetType, target_id: targetId, mail: mail ? 1 : 0, created_at: now })
    .onConflict((oc) => oc.columns(["target_type", "target_id", "user_id"]).doUpdateSet({ mail: mail ? 1 : 0 }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** @returns false when the user has no subscription of that id. */
export async function deleteSubscription(db: Kysely<Database>, userId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom("subscriptions").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface ListedSubscription extends Subscription {
  /** The work's title, the series', author's or tag's name; null when the target is gone. */
  name: string | null;
  createdAt: string;
}

export async function listSubscriptions(db: Kysely<Database>, userId: number): Promise<ListedSubscription[]> {
  const rows = await db.selectFrom("subscriptions as s")
    .leftJoin("works as w", (join) => join.onRef("w.id", "=", "s.target_id").on("s.target_type", "=", "work"))
    .leftJoin("series as r", (join) => join.onRef("r.id", "=", "s.target_id").on("s.target_type", "=", "series"))
    .leftJoin("authors as a", (join) => join.onRef("a.id", "=", "s.target_id").on("s.target_type", "=", "author"))
    .leftJoin("tags as t", (join) => join.onRef("t.id", "=", "s.target_id").on("s.target_type", "=", "tag"))
    .select(["s.id", "s.target_type", "s.target_id", "s.mail", "s.created_at", "w.title", "r.name as series_name", "a.name as author_name", "t.name as tag_name"])
    .where("s.user_id", "=", userId)
    .orderBy("s.target_type")
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({
    id: r.id, targetType: r.target_type, targetId: r.target_id, mail: r.mail === 1, createdAt: r.created_at,
    name: r.title ?? r.series_name ?? r.author_name ?? r.tag_name,
  }));
}

/** Is there an author (pseud) or a tag of this id? */
export async function namedTargetExists(db: Kysely<Database>, targetType: "author" | "tag", targetId: number): Promise<boolean> {
  const row = await (targetType === "author"
    ? db.selectFrom("authors").select("id").where("id", "=", targetId)
    : db.selectFrom("tags").select("id").where("id", "=", targetId)).executeTakeFirst();
  return row !== undefined;
}

export interface UpdateSubscriber {
  userId: number;
  email: string;
  /** One of the subscriptions the update matched asked for mail. */
  mail: boolean;
}

/**
 * The users subscribed to the work's authors, its series or a tag it filters as — and, with `workToo`, to the
 * work itself — each once, whatever number of their subscriptions matched; the users given are left out.
 */
export async function listUpdateSubscribers(db: Kysely<Database>, workId: number, workToo: boolean, except: readonly number[]): Promise<UpdateSubscriber[]> {
  let query = db.selectFrom("subscriptions as s").innerJoin("users as u", "u.id", "s.user_id").select(["s.user_id", "s.mail", "u.email"])
    .where((eb) => eb.or([
      ...(workToo ? [eb.and([eb("s.target_type", "=", "work"), eb("s.target_id", "=", workId)])] : []),
      eb.and([eb("s.target_type", "=", "series"), eb("s.target_id", "in", eb.selectFrom("series_works").select("series_id").where("work_id", "=", workId))]),
      // Subscribers to an author hear nothing of a work whose creators an anonymous collection hides.
      eb.and([eb("s.target_type", "=", "author"), eb("s.target_id", "in", eb.selectFrom("work_authors").select("author_id").where("work_id", "=", workId)),
        sql<SqlBool>`not exists (select 1 from works w where w.id = ${workId} and ${anonymousCondition(GUEST_AUDIENCE)})`]),
      eb.and([eb("s.target_type", "=", "tag"), eb("s.target_id", "in", eb.selectFrom("work_filters").select("tag_id").where("work_id", "=", workId))]),
    ]));
  if (except.length > 0) query = query.where("s.user_id", "not in", [...except]);
  // A work in an unrevealed collection is news to nobody until the collection is revealed.
  query = query.where(sql<SqlBool>`not exists (select 1 from works w where w.id = ${workId} and ${unrevealedCondition(GUEST_AUDIENCE)})`);
  const subscribers = new Map<number, UpdateSubscriber>();
  for (const row of await query.execute()) {
    const seen = subscribers.get(row.user_id);
    subscribers.set(row.user_id, { userId: row.user_id, email: row.email, mail: (seen?.mail ?? false) || row.mail === 1 });
  }
  return [...subscribers.values()];
}

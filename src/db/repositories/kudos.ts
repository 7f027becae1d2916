/** Kudos: one per account, or per guest (a keyed digest of their address), per work; the work counts them. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Who leaves kudos: an account, or a guest known only by the digest of their address. */
export type KudosGiver = { userId: number } | { guestKey: string };

/**
 * Stores the kudos and adds one to the work's count, unless this giver left kudos on the work before. Run it in
 * a transaction, so the count never drifts from the rows. @returns whether the kudos are new.
 */
export async function addKudos(db: Kysely<Database>, workId: number, giver: KudosGiver, now: string): Promise<boolean> {
  const inserted = await db.insertInto("kudos")
    .values({ work_id: workId, user_id: "userId" in giver ? giver.userId : null, guest_key: "guestKey" in giver ? giver.guestKey : null, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return false;
  await db.updateTable("works").set((eb) => ({ kudos: eb("kudos", "+", 1) })).where("id", "=", workId).execute();
  return true;
}

export async function hasGivenKudos(db: Kysely<Database>, workId: number, giver: KudosGiver): Promise<boolean> {
  const query = db.selectFrom("kudos").select("id").where("work_id", "=", workId);
  const found = await ("userId" in giver ? query.where("user_id", "=", giver.userId) : query.where("guest_key", "=", giver.guestKey)).executeTakeFirst();
  return found !== undefined;
}

export interface KudosList {
  /** The accounts' default pseuds (their logins when they have none), the latest first, at most as many as asked. */
  names: string[];
  /** Accounts beyond those named. */
  moreUsers: number;
  guests: number;
}

export async function listKudos(db: Kysely<Database>, workId: number, maxNames: number): Promise<KudosList> {
  const [named, counts] = await Promise.all([
    db.selectFrom("kudos as k")
      .innerJoin("users as u", "u.id", "k.user_id")
      .leftJoin("authors as a", "a.id", "u.default_author_id")
      .select(["u.login", "a.name"])
      .where("k.work_id", "=", workId)
      .orderBy("k.id", "desc")
      .limit(maxNames)
      .execute(),
    db.selectFrom("kudos")
      .select((eb) => [eb.fn.count<number>("user_id").as("users"), eb.fn.countAll<number>().as("all")])
      .where("work_id", "=", workId)
      .executeTakeFirstOrThrow(),
  ]);
  const users = Number(counts.users);
  return { names: named.map((r) => r.name ?? r.login), moreUsers: users - named.length, guests: Number(counts.all) - users };
}

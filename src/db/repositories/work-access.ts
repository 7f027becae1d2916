/** What the access rules (domain/account.ts) need to know of a work: its visibility and its creators. */
import type { Kysely } from "kysely";
import type { WorkAccess } from "../../domain/account.js";
import { CONCEALING_STATUSES } from "../../domain/collections/rules.js";
import type { Database } from "../schema.js";

/**
 * The work's access facts, or undefined when there is no such work. Creators are the users whose pseuds are
 * its authors — but only of works posted here: a work imported from files belongs to the archive until its author
 * claims it, even when an account shares the author's name.
 */
export async function findWorkAccess(db: Kysely<Database>, workId: number): Promise<WorkAccess | undefined> {
  const work = await db.selectFrom("works").select(["visibility", "hidden_by_moderator"])
    .select((eb) => eb.exists(eb.selectFrom("work_sources").select("id").where("work_sources.work_id", "=", workId)).as("imported"))
    .where("id", "=", workId).executeTakeFirst();
  if (!work) return undefined;
  const creators = Number(work.imported) === 1 || work.imported === true ? [] : await db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id")
    .select("a.user_id").where("wa.work_id", "=", workId).where("a.user_id", "is not", null).execute();
  return {
    visibility: work.visibility,
    hiddenByModerator: work.hidden_by_moderator === 1,
    creatorUserIds: [...new Set(creators.flatMap((c) => (c.user_id === null ? [] : [c.user_id])))],
    unrevealedTo: await findUnrevealedMaintainers(db, workId),
  };
}

/** For each unrevealed collection the work is placed in (approved or asked for), the users who maintain it. */
async function findUnrevealedMaintainers(db: Kysely<Database>, workId: number): Promise<number[][]> {
  const rows = await db.selectFrom("collection_works as cw").innerJoin("collections as c", "c.id", "cw.collection_id")
    .leftJoin("collection_maintainers as m", "m.collection_id", "c.id")
    .select(["c.id", "m.user_id"])
    .where("cw.work_id", "=", workId).where("c.unrevealed", "=", 1).where("cw.status", "in", [...CONCEALING_STATUSES])
    .execute();
  const byCollection = new Map<number, number[]>();
  for (const row of rows) {
    const maintainers = byCollection.get(row.id) ?? [];
    if (row.user_id !== null) maintainers.push(row.user_id);
    byCollection.set(row.id, maintainers);
  }
  return [...byCollection.values()];
}

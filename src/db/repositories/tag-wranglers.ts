/**
 * Wranglers and their fandoms (tag_wranglers), and which tags belong to which fandoms for wrangling: a tag is in a
 * fandom when it is filed under it (tag_parents), when a work that carries it filters as the fandom (so a
 * franchise's wranglers also have the tags of its fandoms' works), and, for a fandom tag, when it is the fandom or
 * one of its synonyms.
 */
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../schema.js";
import { chunks } from "./wrangling.js";

export interface WranglerAssignment {
  userId: number;
  login: string;
  fandomId: number;
  fandomName: string;
  assignedAt: string;
}

/** @returns false when the user wrangled the fandom already. */
export async function insertWranglerAssignment(db: Kysely<Database>, userId: number, fandomId: number, now: string): Promise<boolean> {
  const result = await db.insertInto("tag_wranglers").values({ user_id: userId, fandom_id: fandomId, assigned_at: now })
    .onConflict((oc) => oc.columns(["user_id", "fandom_id"]).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** @returns false when there was no such assignment. */
export async function deleteWranglerAssignment(db: Kysely<Database>, userId: number, fandomId: number): Promise<boolean> {
  const result = await db.deleteFrom("tag_wranglers").where("user_id", "=", userId).where("fandom_id", "=", fandomId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every assignment, by wrangler then fandom name. */
export async function listWranglerAssignments(db: Kysely<Database>): Promise<WranglerAssignment[]> {
  const rows = await db.selectFrom("tag_wranglers as w").innerJoin("users as u", "u.id", "w.user_id").innerJoin("tags as f", "f.id", "w.fandom_id")
    .select(["w.user_id", "u.login", "w.fandom_id", "f.name", "w.assigned_at"]).orderBy("u.login_key").orderBy("f.name_key").execute();
  return rows.map((r) => ({ userId: r.user_id, login: r.login, fandomId: r.fandom_id, fandomName: r.name, assignedAt: r.assigned_at }));
}

/** The fandoms the user wrangles, by name. */
export async function listWranglerFandoms(db: Kysely<Database>, userId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("tag_wranglers as w").innerJoin("tags as f", "f.id", "w.fandom_id").select(["f.id", "f.name"])
    .where("w.user_id", "=", userId).orderBy("f.name_key").execute();
}

/** The condition "tag `t` is in one of these fandoms", for a query over `tags as t`. */
export function tagInFandoms(eb: ExpressionBuilder<Database & { t: Database["tags"] }, "t">, fandomIds: readonly number[]) {
  return eb.or([
    eb.exists(eb.selectFrom("tag_parents as p").select("p.child_id").whereRef("p.child_id", "=", "t.id").where("p.parent_id", "in", fandomIds)),
    eb.exists(eb.selectFrom("work_tags as wt").innerJoin("work_filters as wf", "wf.work_id", "wt.work_id").select("wt.work_id")
      .whereRef("wt.tag_id", "=", "t.id").where("wf.tag_id", "in", fandomIds)),
    eb.and([eb("t.type", "=", "Fandom"), eb.or([eb("t.id", "in", fandomIds), eb("t.merger_id", "in", fandomIds)])]),
  ]);
}

/** Those of the tags that are in none of the fandoms. */
export async function findTagsOutsideFandoms(db: Kysely<Database>, tagIds: readonly number[], fandomIds: readonly number[]): Promise<number[]> {
  const wanted = [...new Set(tagIds)];
  if (fandomIds.length === 0) return wanted;
  const inside = new Set<number>();
  for (const part of chunks(wanted)) {
    const rows = await db.selectFrom("tags as t").select("t.id").where("t.id", "in", part).where((eb) => tagInFandoms(eb, fandomIds)).execute();
    for (const { id } of rows) inside.add(id);
  }
  return wanted.filter((id) => !inside.has(id));
}

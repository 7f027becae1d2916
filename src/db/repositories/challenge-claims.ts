/** A prompt meme's claims: who claimed which prompt, and the work that filled each claim. */
import type { Kysely } from "kysely";
import type { ClaimState } from "../../domain/challenges/prompt-meme.js";
import type { Database } from "../schema.js";

export interface StoredClaim extends ClaimState {
  id: number;
  promptId: number;
  login: string;
  createdAt: string;
  workTitle: string | null;
}

/** @returns the new claim's id. */
export async function insertClaim(db: Kysely<Database>, promptId: number, userId: number, now: string): Promise<number> {
  const { id } = await db.insertInto("challenge_claims").values({ prompt_id: promptId, user_id: userId, created_at: now }).returning("id").executeTakeFirstOrThrow();
  return id;
}

function claimQuery(db: Kysely<Database>) {
  return db.selectFrom("challenge_claims as c").innerJoin("users as u", "u.id", "c.user_id").leftJoin("works as w", "w.id", "c.filled_by_work_id")
    .select(["c.id", "c.prompt_id", "c.user_id", "u.login", "c.created_at", "c.filled_by_work_id", "w.title"]);
}

const toClaim = (r: { id: number; prompt_id: number; user_id: number; login: string; created_at: string; filled_by_work_id: number | null; title: string | null }): StoredClaim => ({
  id: r.id, promptId: r.prompt_id, userId: r.user_id, login: r.login, createdAt: r.created_at, filledByWorkId: r.filled_by_work_id, workTitle: r.title,
});

/** The claims on these prompts, oldest first. */
export async function listClaims(db: Kysely<Database>, promptIds: readonly number[]): Promise<StoredClaim[]> {
  const claims: StoredClaim[] = [];
  for (let start = 0; start < promptIds.length; start += 500) {
    const rows = await claimQuery(db).where("c.prompt_id", "in", promptIds.slice(start, start + 500)).orderBy("c.id").execute();
    claims.push(...rows.map(toClaim));
  }
  return claims;
}

export async function findClaim(db: Kysely<Database>, claimId: number): Promise<StoredClaim | undefined> {
  const row = await claimQuery(db).where("c.id", "=", claimId).executeTakeFirst();
  return row && toClaim(row);
}

/** Fills the claim with the work, unless it was filled already. @returns false when it was. */
export async function setClaimFilled(db: Kysely<Database>, claimId: number, workId: number, now: string): Promise<boolean> {
  const result = await db.updateTable("challenge_claims").set({ filled_by_work_id: workId, filled_at: now }).where("id", "=", claimId).where("filled_by_work_id", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

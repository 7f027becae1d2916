/** Invitations to sign up while the archive takes new accounts by invitation only; found by their token's digest. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface InvitationRow {
  id: number;
  email: string | null;
  createdBy: string | null;
  createdAt: string;
  usedBy: string | null;
  usedAt: string | null;
}

export async function insertInvitation(db: Kysely<Database>, invitation: { tokenHash: string; email: string | null; createdBy: number; now: string }): Promise<number> {
  const { id } = await db.insertInto("invitations").values({
    token_hash: invitation.tokenHash, email: invitation.email, created_by: invitation.createdBy, created_at: invitation.now, used_by: null, used_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Is there an unused invitation with this digest? */
export async function isInvitationUsable(db: Kysely<Database>, tokenHash: string): Promise<boolean> {
  const row = await db.selectFrom("invitations").select("id").where("token_hash", "=", tokenHash).where("used_at", "is", null).executeTakeFirst();
  return row !== undefined;
}

/** Marks the invitation used, if it is unused: of two sign-ups with one invitation, only one gets true. */
export async function claimInvitation(db: Kysely<Database>, tokenHash: string, now: string): Promise<number | undefined> {
  const row = await db.updateTable("invitations").set({ used_at: now }).where("token_hash", "=", tokenHash).where("used_at", "is", null)
    .returning("id").executeTakeFirst();
  return row?.id;
}

export async function setInvitationUser(db: Kysely<Database>, id: number, userId: number): Promise<void> {
  await db.updateTable("invitations").set({ used_by: userId }).where("id", "=", id).execute();
}

/** Every invitation, newest first, with the logins of who made it and who used it. */
export async function listInvitations(db: Kysely<Database>): Promise<InvitationRow[]> {
  const rows = await db.selectFrom("invitations as i")
    .leftJoin("users as maker", "maker.id", "i.created_by")
    .leftJoin("users as taker", "taker.id", "i.used_by")
    .select(["i.id", "i.email", "i.created_at", "i.used_at", "maker.login as maker", "taker.login as taker"])
    .orderBy("i.id", "desc").execute();
  return rows.map((r) => ({ id: r.id, email: r.email, createdBy: r.maker, createdAt: r.created_at, usedBy: r.taker, usedAt: r.used_at }));
}

/** Withdraws an unused invitation. @returns false when there was none to withdraw. */
export async function deleteUnusedInvitation(db: Kysely<Database>, id: number): Promise<boolean> {
  const rows = await db.deleteFrom("invitations").where("id", "=", id).where("used_at", "is", null).returning("id").execute();
  return rows.length > 0;
}

/**
 * Asking another account's pseud to co-author a work: the invitation waits, with a line in the invited user's
 * inbox, until they accept (the pseud joins the work's authors) or decline (the invitation goes).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface CoAuthorInvitation {
  id: number;
  workId: number;
  workTitle: string;
  /** The pseud invited. */
  authorId: number;
  authorName: string;
  /** The account that owns the invited pseud. */
  userId: number;
  createdAt: string;
}

/**
 * Invites the pseud unless it is already an author of the work or already invited, and tells its user.
 * @returns whether an invitation was made.
 */
export async function insertCoAuthorInvitation(
  db: Kysely<Database>,
  invitation: { workId: number; authorId: number; userId: number; invitedBy: number; message: string },
  now: string,
): Promise<boolean> {
  const taken = await db.selectFrom("work_authors").select("author_id").where("work_id", "=", invitation.workId).where("author_id", "=", invitation.authorId)
    .union(db.selectFrom("work_author_invitations").select("author_id").where("work_id", "=", invitation.workId).where("author_id", "=", invitation.authorId))
    .executeTakeFirst();
  if (taken) return false;
  await db.insertInto("work_author_invitations").values({ work_id: invitation.workId, author_id: invitation.authorId, invited_by: invitation.invitedBy, created_at: now }).execute();
  await db.insertInto("inbox_items").values({
    user_id: invitation.userId, kind: "co-author-invitation", work_id: invitation.workId, chapter_id: null, comment_id: null,
    message: invitation.message, created_at: now, read_at: null,
  }).execute();
  return true;
}

function invitationQuery(db: Kysely<Database>) {
  return db.selectFrom("work_author_invitations as i")
    .innerJoin("authors as a", "a.id", "i.author_id")
    .innerJoin("works as w", "w.id", "i.work_id")
    .select(["i.id", "i.work_id", "w.title", "i.author_id", "a.name", "a.user_id", "i.created_at"])
    .where("a.user_id", "is not", null)
    .$narrowType<{ user_id: number }>();
}

function toInvitation(row: { id: number; work_id: number; title: string; author_id: number; name: string; user_id: number; created_at: string }): CoAuthorInvitation {
  return { id: row.id, workId: row.work_id, workTitle: row.title, authorId: row.author_id, authorName: row.name, userId: row.user_id, createdAt: row.created_at };
}

/** The invitations waiting for any of the user's pseuds, oldest first. */
export async function listCoAuthorInvitations(db: Kysely<Database>, userId: number): Promise<CoAuthorInvitation[]> {
  const rows = await invitationQuery(db).where("a.user_id", "=", userId).orderBy("i.id").execute();
  return rows.map(toInvitation);
}

export async function findCoAuthorInvitation(db: Kysely<Database>, id: number): Promise<CoAuthorInvitation | undefined> {
  const row = await invitationQuery(db).where("i.id", "=", id).executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** The names of the pseuds invited to the work who have not answered yet. */
export async function listInvitedPseudNames(db: Kysely<Database>, workId: number): Promise<string[]> {
  const rows = await db.selectFrom("work_author_invitations as i").innerJoin("authors as a", "a.id", "i.author_id")
    .select("a.name").where("i.work_id", "=", workId).orderBy("i.id").execute();
  return rows.map((r) => r.name);
}

export async function deleteCoAuthorInvitation(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("work_author_invitations").where("id", "=", id).execute();
}

/** Adds the pseud after the work's other authors. */
export async function appendWorkAuthor(db: Kysely<Database>, workId: number, authorId: number): Promise<void> {
  const { last } = await db.selectFrom("work_authors").select((eb) => eb.fn.max("position").as("last")).where("work_id", "=", workId).executeTakeFirstOrThrow();
  await db.insertInto("work_authors").values({ work_id: workId, author_id: authorId, position: (last ?? -1) + 1 })
    .onConflict((oc) => oc.columns(["work_id", "author_id"]).doNothing()).execute();
}

/**
 * A gift exchange's assignments: who writes for whom after the matching, who defaulted, which pinch hitter took
 * over, and the work that fulfilled each.
 */
import type { Kysely } from "kysely";
import type { AssignmentState } from "../../domain/challenges/assignments.js";
import type { Database } from "../schema.js";

export interface StoredAssignment extends AssignmentState {
  id: number;
  challengeId: number;
  giverSignupId: number | null;
  recipientSignupId: number;
  giverLogin: string | null;
  recipientLogin: string;
  pinchHitterLogin: string | null;
  workTitle: string | null;
}

/** Replaces the challenge's assignments with these (a rerun of the matching keeps nothing of the last). */
export async function replaceAssignments(db: Kysely<Database>, challengeId: number, assignments: readonly { giverSignupId: number | null; recipientSignupId: number }[], now: string): Promise<void> {
  await db.deleteFrom("challenge_assignments").where("challenge_id", "=", challengeId).execute();
  for (let start = 0; start < assignments.length; start += 200) {
    await db.insertInto("challenge_assignments").values(assignments.slice(start, start + 200).map((a) => ({
      challenge_id: challengeId, giver_signup_id: a.giverSignupId, recipient_signup_id: a.recipientSignupId, created_at: now,
    }))).execute();
  }
}

function assignmentQuery(db: Kysely<Database>) {
  return db.selectFrom("challenge_assignments as a")
    .innerJoin("challenge_signups as rs", "rs.id", "a.recipient_signup_id").innerJoin("users as ru", "ru.id", "rs.user_id")
    .leftJoin("challenge_signups as gs", "gs.id", "a.giver_signup_id").leftJoin("users as gu", "gu.id", "gs.user_id")
    .leftJoin("users as pu", "pu.id", "a.pinch_hitter_id").leftJoin("works as w", "w.id", "a.fulfilled_by_work_id")
    .select([
      "a.id", "a.challenge_id", "a.giver_signup_id", "a.recipient_signup_id", "a.pinch_hitter_id", "a.defaulted", "a.fulfilled_by_work_id",
      "rs.user_id as recipient_user_id", "ru.login as recipient_login", "gs.user_id as giver_user_id", "gu.login as giver_login", "pu.login as pinch_hitter_login", "w.title as work_title",
    ]);
}

type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentQuery>["executeTakeFirstOrThrow"]>>;

function toAssignment(r: AssignmentRow): StoredAssignment {
  return {
    id: r.id, challengeId: r.challenge_id, giverSignupId: r.giver_signup_id, recipientSignupId: r.recipient_signup_id,
    recipientUserId: r.recipient_user_id, giverUserId: r.giver_user_id, pinchHitterUserId: r.pinch_hitter_id,
    defaulted: r.defaulted === 1, fulfilledByWorkId: r.fulfilled_by_work_id,
    giverLogin: r.giver_login, recipientLogin: r.recipient_login, pinchHitterLogin: r.pinch_hitter_login, workTitle: r.work_title,
  };
}

/** The challenge's assignments, by recipient's sign-up. */
export async function listAssignments(db: Kysely<Database>, challengeId: number): Promise<StoredAssignment[]> {
  const rows = await assignmentQuery(db).where("a.challenge_id", "=", challengeId).orderBy("a.recipient_signup_id").orderBy("a.id").execute();
  return rows.map(toAssignment);
}

export async function findAssignment(db: Kysely<Database>, assignmentId: number): Promise<StoredAssignment | undefined> {
  const row = await assignmentQuery(db).where("a.id", "=", assignmentId).executeTakeFirst();
  return row && toAssignment(row);
}

export async function setAssignmentDefaulted(db: Kysely<Database>, assignmentId: number): Promise<void> {
  await db.updateTable("challenge_assignments").set({ defaulted: 1 }).where("id", "=", assignmentId).execute();
}

export async function setAssignmentPinchHitter(db: Kysely<Database>, assignmentId: number, userId: number): Promise<void> {
  await db.updateTable("challenge_assignments").set({ pinch_hitter_id: userId }).where("id", "=", assignmentId).execute();
}

/** Hands the work in for the assignment, unless one was handed in already. @returns false when one was. */
export async function setAssignmentFulfilled(db: Kysely<Database>, assignmentId: number, workId: number): Promise<boolean> {
  const result = await db.updateTable("challenge_assignments").set({ fulfilled_by_work_id: workId }).where("id", "=", assignmentId).where("fulfilled_by_work_id", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * A participant's side of a sent exchange: whom they write for (and what that person asked for), the gift they
 * received once the works are revealed; defaulting, pinch hitters, and fulfilling an assignment with a work,
 * which puts the work in the collection and names the recipient as its gift's recipient.
 */
import type { Library } from "../../db/connect.js";
import { findAssignment, listAssignments, setAssignmentDefaulted, setAssignmentFulfilled, setAssignmentPinchHitter, type StoredAssignment } from "../../db/repositories/challenge-assignments.js";
import { listPrompts, type StoredPrompt } from "../../db/repositories/challenge-signups.js";
import type { StoredChallenge } from "../../db/repositories/challenges.js";
import { setItemStatus } from "../../db/repositories/collections.js";
import { addWorkGift, listWorksByUser, type CreatorWork } from "../../db/repositories/posted-works.js";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import { findUserByLoginOrEmail } from "../../db/repositories/users.js";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import { canEditWork, canReadWork, type Account, type Viewer } from "../../domain/account.js";
import { checkCanDefault, checkCanFulfil, checkCanPinchHit, currentWriter } from "../../domain/challenges/assignments.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { isMaintainer, requireChallenge, requireMaintainer, requireParticipant } from "./challenge-access.js";
import { assignmentNotice } from "./gift-exchange.js";
import { refreshWork } from "../collections/refresh-works.js";

type ChallengeLibrary = Pick<Library, "db" | "engine">;

export type { StoredAssignment };

/** An assignment its writer sees: the recipient and what they asked for. */
export interface AssignmentToWrite {
  assignment: StoredAssignment;
  requests: StoredPrompt[];
}

/** A gift the viewer received, once the challenge's works are revealed. */
export interface ReceivedGift {
  workId: number;
  title: string;
  /** The writer's name, or null while the collection is anonymous. */
  from: string | null;
}

export interface ParticipantAssignments {
  challenge: StoredChallenge;
  maintainer: boolean;
  toWrite: AssignmentToWrite[];
  received: ReceivedGift[];
  /** The viewer's own posted works (not drafts, which join no collection), to fulfil an assignment with. */
  works: CreatorWork[];
}

/** The viewer's assignments in the exchange. Before the assignments are sent there are none to see. */
export async function readParticipantAssignments(library: ChallengeLibrary, viewer: Viewer, name: string): Promise<ParticipantAssignments> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  const account = requireParticipant(viewer);
  const maintainer = await isMaintainer(library.db, challenge, account);
  if (challenge.assignmentsSentAt === null) return { challenge, maintainer, toWrite: [], received: [], works: [] };
  const assignments = await listAssignments(library.db, challenge.id);
  const mine = assignments.filter((a) => currentWriter(a) === account.id || (a.giverUserId === account.id && a.fulfilledByWorkId !== null && a.pinchHitterUserId === null));
  const toWrite: AssignmentToWrite[] = [];
  for (const assignment of mine) toWrite.push({ assignment, requests: await listPrompts(library.db, challenge.id, ["request"], assignment.recipientSignupId) });
  const received: ReceivedGift[] = [];
  for (const a of challenge.unrevealed ? [] : assignments) {
    if (a.recipientUserId !== account.id || a.fulfilledByWorkId === null || a.workTitle === null) continue;
    // A gift the recipient may not read (hidden by a moderator, in another collection still unrevealed) is not named.
    const access = await findWorkAccess(library.db, a.fulfilledByWorkId);
    if (!access || !canReadWork(account, access)) continue;
    received.push({ workId: a.fulfilledByWorkId, title: a.workTitle, from: challenge.anonymous ? null : (a.pinchHitterLogin ?? a.giverLogin) });
  }
  return { challenge, maintainer, toWrite, received, works: (await listWorksByUser(library.db, account.id)).filter((w) => w.visibility !== "draft") };
}

async function requireAssignment(library: ChallengeLibrary, name: string, assignmentId: number): Promise<{ challenge: StoredChallenge; assignment: StoredAssignment }> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  const assignment = await findAssignment(library.db, assignmentId);
  if (!assignment || assignment.challengeId !== challenge.id || challenge.assignmentsSentAt === null) throw new NotFoundError(`Assignment ${assignmentId}`);
  return { challenge, assignment };
}

/**
 * The giver (or a maintainer) says the gift will not be written: the assignment waits for a pinch hitter.
 * @throws ForbiddenError for anyone else; ValidationError when it is fulfilled or defaulted already.
 */
export async function defaultAssignment(library: ChallengeLibrary, viewer: Viewer, name: string, assignmentId: number): Promise<void> {
  const { challenge, assignment } = await requireAssignment(library, name, assignmentId);
  const account = requireParticipant(viewer);
  if (assignment.giverUserId !== account.id && !(await isMaintainer(library.db, challenge, account))) throw new ForbiddenError("Only the assignment's giver or the collection's maintainers may default it.");
  checkCanDefault(assignment);
  await library.engine.writeTransaction(library.db, (trx) => setAssignmentDefaulted(trx, assignment.id));
}

/**
 * A maintainer gives a defaulted (or never matched) assignment to a pinch hitter, by login; a note in their inbox
 * tells them.
 * @throws ValidationError for an unknown login, the recipient, or an assignment that does not need one.
 */
export async function assignPinchHitter(library: ChallengeLibrary, viewer: Viewer, name: string, assignmentId: number, login: string, now: Date): Promise<void> {
  const { challenge, assignment } = await requireAssignment(library, name, assignmentId);
  await requireMaintainer(library.db, challenge, viewer);
  const user = await findUserByLoginOrEmail(library.db, nameKey(login));
  if (!user) throw new ValidationError({ pinchHitter: `there is no account named "${login.trim()}"` });
  checkCanPinchHit(assignment, user.id);
  await library.engine.writeTransaction(library.db, async (trx) => {
    await setAssignmentPinchHitter(trx, assignment.id, user.id);
    await insertInboxItems(trx, [{ userId: user.id, kind: "challenge-assignment", workId: null, chapterId: null, commentId: null, message: assignmentNotice(challenge, assignment.recipientLogin) }], now.toISOString());
  });
}

/**
 * The assignment's writer fulfils it with one of their works: the work joins the collection (approved) and is a
 * gift to the recipient. The collection's unrevealed and anonymous flags keep it hidden until the reveal.
 * @throws ForbiddenError when the viewer is not the writer or not the work's creator; ValidationError when fulfilled
 *   already or the work is a draft.
 */
export async function fulfilAssignment(library: ChallengeLibrary, viewer: Viewer, name: string, assignmentId: number, workId: number, now: Date): Promise<void> {
  const { challenge, assignment } = await requireAssignment(library, name, assignmentId);
  const account: Account = requireParticipant(viewer);
  checkCanFulfil(assignment, account.id);
  const access = await findWorkAccess(library.db, workId);
  if (!access || !canEditWork(account, access)) throw new ForbiddenError("An assignment is fulfilled with a work of your own.");
  // As for any collection (collections/collection-items.ts): a draft is its creators' alone.
  if (access.visibility === "draft") throw new ValidationError({ work: "Post the work before handing it in: a draft joins no collection." });
  await library.engine.writeTransaction(library.db, async (trx) => {
    // Checked again by the update itself: a second hand-in sent at once is refused, not stored twice.
    if (!(await setAssignmentFulfilled(trx, assignment.id, workId))) throw new ValidationError({ work: "This assignment has been fulfilled already." });
    await setItemStatus(trx, challenge.collectionId, workId, "approved", now.toISOString());
    await addWorkGift(trx, workId, { recipient: assignment.recipientLogin, userId: assignment.recipientUserId });
    // Under the collection's modes from now on: its creators' names leave the text index while it is anonymous.
    await refreshWork(trx, library.engine, workId, now.toISOString());
  });
}

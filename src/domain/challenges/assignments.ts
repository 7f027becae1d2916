/**
 * An exchange's assignments after matching: who writes for whom, and what happens when a giver defaults. A
 * defaulted assignment waits for a pinch hitter, who then writes in the giver's place; an assignment is fulfilled
 * by a work posted to the collection for it.
 */
import { ForbiddenError, ValidationError } from "../errors.js";

export interface AssignmentState {
  /** The sign-up whose participant gets the gift. */
  readonly recipientUserId: number;
  /** The participant first asked to write it (null: none could be matched, a pinch hitter is needed at once). */
  readonly giverUserId: number | null;
  /** Set when a maintainer assigned someone else to write it. */
  readonly pinchHitterUserId: number | null;
  /** The giver said they cannot write it (or a maintainer recorded that). */
  readonly defaulted: boolean;
  /** The work that fulfils it, once posted. */
  readonly fulfilledByWorkId: number | null;
}

export type AssignmentStatus = "open" | "needs-pinch-hitter" | "fulfilled";

/** Where an assignment stands: fulfilled once a work is linked; waiting for a pinch hitter when its giver
 *  defaulted (or it never had one) and no pinch hitter has been assigned; open otherwise. */
export function assignmentStatus(assignment: AssignmentState): AssignmentStatus {
  if (assignment.fulfilledByWorkId !== null) return "fulfilled";
  if (assignment.pinchHitterUserId !== null) return "open";
  return assignment.defaulted || assignment.giverUserId === null ? "needs-pinch-hitter" : "open";
}

/** Who is to write the gift now: the pinch hitter if there is one, else the giver unless they defaulted. */
export function currentWriter(assignment: AssignmentState): number | null {
  if (assignment.pinchHitterUserId !== null) return assignment.pinchHitterUserId;
  return assignment.defaulted ? null : assignment.giverUserId;
}

/**
 * Checks that the assignment can be defaulted.
 * @throws ValidationError when it is already fulfilled or already defaulted.
 */
export function checkCanDefault(assignment: AssignmentState): void {
  if (assignment.fulfilledByWorkId !== null) throw new ValidationError({ assignment: "this assignment is already fulfilled" });
  if (assignment.defaulted || assignment.giverUserId === null) throw new ValidationError({ assignment: "this assignment has already been defaulted" });
}

/**
 * Checks that `pinchHitterUserId` may take the assignment over.
 * @throws ValidationError when it is fulfilled, or still with a giver who has not defaulted, or when the pinch
 *   hitter is the recipient (no one writes their own gift).
 */
export function checkCanPinchHit(assignment: AssignmentState, pinchHitterUserId: number): void {
  if (assignment.fulfilledByWorkId !== null) throw new ValidationError({ pinchHitter: "this assignment is already fulfilled" });
  if (assignmentStatus(assignment) !== "needs-pinch-hitter" && assignment.pinchHitterUserId === null) {
    throw new ValidationError({ pinchHitter: "the giver has not defaulted: default the assignment first" });
  }
  if (pinchHitterUserId === assignment.recipientUserId) throw new ValidationError({ pinchHitter: "the recipient cannot write their own gift" });
}

/**
 * Checks that `userId` may fulfil the assignment with a work.
 * @throws ForbiddenError when they are not its current writer; ValidationError when it is fulfilled already.
 */
export function checkCanFulfil(assignment: AssignmentState, userId: number): void {
  if (assignment.fulfilledByWorkId !== null) throw new ValidationError({ assignment: "this assignment is already fulfilled" });
  if (currentWriter(assignment) !== userId) throw new ForbiddenError("Only the assignment's writer can post its gift.");
}

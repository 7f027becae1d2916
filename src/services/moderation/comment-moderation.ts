/**
 * Hiding a published comment, and publishing it again. A hidden comment keeps its place in its thread (its
 * replies stay), but no one reads its text; the comments pages show it as hidden.
 */
import type { Kysely } from "kysely";
import { findModeratedComments, setCommentStatus } from "../../db/repositories/moderation-targets.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { MODERATOR_TEXT_LENGTH } from "../../domain/moderation.js";
import { requireReadableWork } from "../archive/work-access.js";
import { requireLength, requireModerator } from "./authorize.js";
import { recordAction } from "./record-action.js";

/**
 * Hides the comment (`hidden` true) or publishes it again. Only a published comment can be hidden, so showing it
 * again restores exactly what was there.
 * @throws SignInRequiredError, ForbiddenError (see requireModerator); NotFoundError when there is no such comment
 * or its work is not one the moderator may read; ValidationError without a reason, or for a comment not in the
 * state the action needs.
 */
export async function setCommentHiddenByModerator(db: Kysely<Database>, viewer: Viewer, commentId: number, hidden: boolean, reasonText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  const reason = requireLength("reason", "A reason", reasonText, MODERATOR_TEXT_LENGTH);
  const [comment] = await findModeratedComments(db, [commentId]);
  if (!comment) throw new NotFoundError(`Comment ${commentId}`);
  await requireReadableWork(db, comment.workId, moderator);
  if (hidden && comment.status !== "published") throw new ValidationError({ comment: comment.status === "hidden" ? "This comment is hidden already." : "Only a published comment can be hidden." });
  if (!hidden && comment.status !== "hidden") throw new ValidationError({ comment: "This comment is not hidden." });
  await recordAction(db, moderator, { action: hidden ? "hide-comment" : "unhide-comment", targetType: "comment", targetId: commentId, reason }, now,
    (trx) => setCommentStatus(trx, commentId, hidden ? "hidden" : "published"));
}

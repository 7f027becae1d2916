/**
 * Hiding a work, and showing it again. A hidden work leaves every listing, count, series and search for everyone
 * but its creators and the moderators (db/audience.ts); its creators still read and edit it, under a banner that
 * quotes the moderator's reason.
 */
import type { Kysely } from "kysely";
import { listLogEntriesAbout } from "../../db/repositories/moderation-log.js";
import { setWorkHidden } from "../../db/repositories/moderation-targets.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { MODERATOR_TEXT_LENGTH } from "../../domain/moderation.js";
import { requireReadableWork } from "../archive/work-access.js";
import { requireLength, requireModerator } from "./authorize.js";
import { recordAction } from "./record-action.js";

/**
 * Hides the work (`hidden` true) or shows it again, with the moderator's reason in the log.
 * @throws SignInRequiredError, ForbiddenError (see requireModerator); NotFoundError when there is no such work or
 * it is a draft; ValidationError without a reason, or when the work is already as asked.
 */
export async function setWorkHiddenByModerator(db: Kysely<Database>, viewer: Viewer, workId: number, hidden: boolean, reasonText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  const reason = requireLength("reason", "A reason", reasonText, MODERATOR_TEXT_LENGTH);
  const access = await requireReadableWork(db, workId, moderator);
  if (access.hiddenByModerator === hidden) throw new ValidationError({ work: hidden ? "This work is hidden already." : "This work is not hidden." });
  await recordAction(db, moderator, { action: hidden ? "hide" : "unhide", targetType: "work", targetId: workId, reason }, now, (trx) => setWorkHidden(trx, workId, hidden, now.toISOString()));
}

/** Why the work was hidden: the reason of the latest "hide" in the log, or null when none is recorded. */
export async function readHiddenReason(db: Kysely<Database>, workId: number): Promise<string | null> {
  const [latest] = await listLogEntriesAbout(db, "work", workId, 1, ["hide"]);
  return latest?.reason ?? null;
}

/** Closing a report, with the moderator's note of what was done (or why nothing was). */
import type { Kysely } from "kysely";
import { findReport, resolveReport } from "../../db/repositories/reports.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { MODERATOR_TEXT_LENGTH } from "../../domain/moderation.js";
import { requireLength, requireModerator } from "./authorize.js";
import { recordAction } from "./record-action.js";

/**
 * @throws SignInRequiredError, ForbiddenError (see requireModerator); NotFoundError when there is no such report;
 * ValidationError without a note, or when the report is resolved already.
 */
export async function resolveReportWithNote(db: Kysely<Database>, viewer: Viewer, reportId: number, noteText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  const note = requireLength("note", "A note", noteText, MODERATOR_TEXT_LENGTH);
  const report = await findReport(db, reportId);
  if (!report) throw new NotFoundError(`Report ${reportId}`);
  await recordAction(db, moderator, { action: "resolve-report", targetType: "report", targetId: reportId, reason: note }, now, async (trx) => {
    // Checked inside the transaction: two moderators resolving at once leave one resolution and one log line.
    if (!(await resolveReport(trx, reportId, moderator.id, note, now.toISOString()))) throw new ValidationError({ report: "This report was resolved already." });
  });
}

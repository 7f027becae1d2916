/**
 * Reporting a work or a comment to the moderators. Anyone who can read it may report it — guests too, since a
 * guest can read public works — except a suspended account, which only reads. The web edge limits how often.
 */
import type { Kysely } from "kysely";
import { findModeratedComments, findWorkTitles } from "../../db/repositories/moderation-targets.js";
import { insertReport } from "../../db/repositories/reports.js";
import type { Database } from "../../db/schema.js";
import { isActive, type Viewer } from "../../domain/account.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import { REPORT_REASON_LENGTH, type ReportCategory, type ReportTarget } from "../../domain/moderation.js";
import { requireReadableWork } from "../archive/work-access.js";
import { htmlExcerpt } from "../text/excerpt.js";
import { requireLength } from "./authorize.js";

/** How much of a reported comment its report form quotes. */
const COMMENT_EXCERPT_CHARS = 300;

export interface ReportableTarget {
  type: ReportTarget;
  id: number;
  workId: number;
  workTitle: string;
  /** The comment's text, shortened; null for a work. */
  excerpt: string | null;
}

export interface ReportForm {
  category: ReportCategory;
  reason: string;
}

/**
 * What the viewer is about to report.
 * @throws NotFoundError when there is no such work or published comment, or the viewer may not read it;
 * SignInRequiredError for a guest at a work for signed-in users; ForbiddenError for a suspended account.
 */
export async function readReportTarget(db: Kysely<Database>, target: { type: ReportTarget; id: number }, viewer: Viewer): Promise<ReportableTarget> {
  if (viewer !== null && !isActive(viewer)) throw new ForbiddenError("Your account is suspended: you can read, but not report.");
  let workId = target.id;
  let excerpt: string | null = null;
  if (target.type === "comment") {
    const [comment] = await findModeratedComments(db, [target.id]);
    if (!comment || comment.status !== "published") throw new NotFoundError(`Comment ${target.id}`);
    workId = comment.workId;
    excerpt = htmlExcerpt(comment.html, COMMENT_EXCERPT_CHARS);
  }
  await requireReadableWork(db, workId, viewer);
  const [work] = await findWorkTitles(db, [workId]);
  if (!work) throw new NotFoundError(`Work ${workId}`);
  return { type: target.type, id: target.id, workId, workTitle: work.title, excerpt };
}

/**
 * Files the report. @returns its id.
 * @throws ValidationError when the reason is shorter than 10 or longer than 2,000 characters; the errors of
 * readReportTarget.
 */
export async function fileReport(db: Kysely<Database>, viewer: Viewer, target: { type: ReportTarget; id: number }, form: ReportForm, now: Date): Promise<number> {
  await readReportTarget(db, target, viewer);
  const reason = requireLength("reason", "The reason", form.reason, REPORT_REASON_LENGTH);
  return insertReport(db, { targetType: target.type, targetId: target.id, reporterId: viewer?.id ?? null, category: form.category, reason }, now.toISOString());
}

/**
 * The moderators' queue: open reports, oldest first, each with what it is about — the work's title or the
 * comment's text, whether it is hidden already — and the people a moderator may act on (the work's creators, the
 * commenter).
 */
import type { Kysely } from "kysely";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import { findModeratedComments, findWorkTitles } from "../../db/repositories/moderation-targets.js";
import { countOpenReports, listOpenReports } from "../../db/repositories/reports.js";
import type { Database } from "../../db/schema.js";
import type { CommentStatus, Viewer } from "../../domain/account.js";
import type { ReportCategory } from "../../domain/moderation.js";
import { htmlExcerpt } from "../text/excerpt.js";
import { requireModerator } from "./authorize.js";
import { readUsersForModerator, type UserForModerator } from "./moderated-users.js";
import { pageCount, type Paged } from "./paging.js";

export const REPORTS_PER_PAGE = 25;
const EXCERPT_CHARS = 300;

/** A target whose row is gone (a deleted work or comment) has null for what it no longer holds. */
export type QueueTarget =
  | { type: "work"; id: number; title: string | null; hidden: boolean; creators: UserForModerator[] }
  | { type: "comment"; id: number; workId: number | null; workTitle: string | null; excerpt: string | null; status: CommentStatus | null; byline: string | null; commenter: UserForModerator | null };

export interface QueueReport {
  id: number;
  createdAt: string;
  category: ReportCategory;
  reason: string;
  /** The reporter's login; null for a guest. */
  reporter: string | null;
  target: QueueTarget;
}

/** @throws SignInRequiredError, ForbiddenError (see requireModerator) */
export async function readReportQueue(db: Kysely<Database>, viewer: Viewer, page: number, now: Date): Promise<Paged<QueueReport>> {
  const moderator = requireModerator(viewer);
  const [reports, total] = await Promise.all([listOpenReports(db, (page - 1) * REPORTS_PER_PAGE, REPORTS_PER_PAGE), countOpenReports(db)]);
  const comments = new Map((await findModeratedComments(db, reports.filter((r) => r.targetType === "comment").map((r) => r.targetId))).map((c) => [c.id, c]));
  const workIds = [...new Set([...reports.filter((r) => r.targetType === "work").map((r) => r.targetId), ...[...comments.values()].map((c) => c.workId)])];
  const titles = new Map((await findWorkTitles(db, workIds)).map((w) => [w.id, w.title]));
  const access = new Map(await Promise.all(workIds.map(async (id) => [id, await findWorkAccess(db, id)] as const)));
  const userIds = [...[...access.values()].flatMap((a) => a?.creatorUserIds ?? []), ...[...comments.values()].flatMap((c) => (c.userId === null ? [] : [c.userId]))];
  const users = await readUsersForModerator(db, userIds, moderator, now);
  const known = (ids: readonly number[]) => ids.flatMap((id) => users.get(id) ?? []);

  const items = reports.map((report): QueueReport => {
    const base = { id: report.id, createdAt: report.createdAt, category: report.category, reason: report.reason, reporter: report.reporterLogin };
    if (report.targetType === "work") {
      const work = access.get(report.targetId);
      return { ...base, target: { type: "work", id: report.targetId, title: titles.get(report.targetId) ?? null, hidden: work?.hiddenByModerator ?? false, creators: known(work?.creatorUserIds ?? []) } };
    }
    const comment = comments.get(report.targetId);
    return {
      ...base,
      target: {
        type: "comment", id: report.targetId, workId: comment?.workId ?? null, workTitle: comment ? titles.get(comment.workId) ?? null : null,
        excerpt: comment ? htmlExcerpt(comment.html, EXCERPT_CHARS) : null, status: comment?.status ?? null, byline: comment?.byline ?? null,
        commenter: comment === undefined || comment.userId === null ? null : users.get(comment.userId) ?? null,
      },
    };
  });
  return { items, total, page, pages: pageCount(total, REPORTS_PER_PAGE) };
}

/** How the moderators' words read on the pages: report categories, log actions, dates and suspensions. */
import { isIndefiniteSuspension, type ReportCategory } from "../../domain/moderation.js";

export const CATEGORY_LABELS: Readonly<Record<ReportCategory, string>> = {
  spam: "Spam",
  harassment: "Harassment",
  "rating-or-warnings": "Wrong rating or warnings",
  plagiarism: "Plagiarism",
  other: "Something else",
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
  hide: "hid a work",
  unhide: "showed a work again",
  "hide-comment": "hid a comment",
  "unhide-comment": "showed a comment again",
  warn: "warned a user",
  suspend: "suspended a user",
  unsuspend: "lifted a suspension",
  "resolve-report": "resolved a report",
  "set-role": "changed a role",
  "assign-wrangler": "made a tag wrangler",
  "unassign-wrangler": "relieved a tag wrangler",
  "merge-duplicate": "merged a near-duplicate into a work",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

/** "30 November 2026, 12:00 UTC" */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "until 7 December 2026, 12:00 UTC", or "until a moderator lifts it". */
export function suspensionText(until: string): string {
  return isIndefiniteSuspension(until) ? "until a moderator lifts it" : `until ${formatDateTime(until)}`;
}

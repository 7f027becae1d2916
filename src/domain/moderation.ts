/**
 * The moderators' rules: what a report says and how long it may be, the actions moderators take and the log
 * records, how long a suspension lasts, and who may act on whom. Pure: services ask, the store remembers.
 */
import { ROLES, isActive, isModerator, type Account, type Role, type Viewer } from "./account.js";

export const REPORT_CATEGORIES = ["spam", "harassment", "rating-or-warnings", "plagiarism", "other"] as const;
/** What a report is about, besides its free text. */
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** A reason shorter than this says too little for a moderator to act on; a longer one is an essay. */
export const REPORT_REASON_LENGTH = { min: 10, max: 2000 } as const;
/** Moderators' own reasons, notes and warnings: a word at least, a letter at most. */
export const MODERATOR_TEXT_LENGTH = { min: 1, max: 2000 } as const;

export type ReportTarget = "work" | "comment";

/** Every action the moderators' log records (0005's schema names them); `set-role` and the wranglers' assignments
 *  are written by the admins' pages. */
export const MODERATION_ACTIONS = [
  "hide", "unhide", "hide-comment", "unhide-comment", "warn", "suspend", "unsuspend", "resolve-report", "set-role", "assign-wrangler", "unassign-wrangler",
  "merge-duplicate",
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What a log entry is about. */
export type ModerationTarget = "work" | "comment" | "user" | "report";

/** A suspension "until lifted" ends on this date: far enough that no clock reaches it, and it sorts as a date. */
export const SUSPENDED_UNTIL_LIFTED = "9999-12-31T23:59:59.999Z";
export const MAX_SUSPENSION_DAYS = 3650;

/** When a suspension of `days` days begun `now` ends; null days: until a moderator lifts it. */
export function suspensionEnd(now: Date, days: number | null): string {
  return days === null ? SUSPENDED_UNTIL_LIFTED : new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString();
}

export function isIndefiniteSuspension(until: string): boolean {
  return until === SUSPENDED_UNTIL_LIFTED;
}

/** May moderate at all: a moderator or admin whose own account is not suspended. */
export function canModerate(viewer: Viewer): viewer is Account {
  return isModerator(viewer) && isActive(viewer);
}

/**
 * May this moderator warn, suspend or unsuspend this user? Never themselves, and only users of a lower role: a
 * moderator acts on readers and authors, an admin on moderators too, and nobody on an admin.
 */
export function canActOnUser(actor: Account, target: { id: number; role: Role }): boolean {
  return canModerate(actor) && actor.id !== target.id && ROLES.indexOf(target.role) < ROLES.indexOf(actor.role);
}

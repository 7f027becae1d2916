/**
 * Acting on a user: a warning (in their inbox, and by mail), a suspension for some days or until lifted (they
 * stay signed in and read, but post, comment, give kudos and bookmark no more), and lifting it. A moderator acts
 * on readers and authors, an admin on moderators too; nobody on an admin, or on themselves.
 */
import type { Kysely } from "kysely";
import { listLogEntriesAbout, type StoredLogEntry } from "../../db/repositories/moderation-log.js";
import { findModeratedUsers, insertModeratorWarning, setUserSuspendedUntil } from "../../db/repositories/moderation-targets.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { MAX_SUSPENSION_DAYS, MODERATOR_TEXT_LENGTH, suspensionEnd } from "../../domain/moderation.js";
import type { Mailer } from "../mail/mailer.js";
import { requireLength, requireModerator } from "./authorize.js";
import { requireActionableUser, toUserForModerator, type UserForModerator } from "./moderated-users.js";
import { recordAction } from "./record-action.js";

/** The log entries a user's page shows. */
const USER_HISTORY = 50;

export interface UserModeration {
  user: UserForModerator;
  /** The log entries about the user, newest first. */
  history: StoredLogEntry[];
}

/** @throws SignInRequiredError, ForbiddenError (see requireModerator); NotFoundError when there is no such user. */
export async function readUserModeration(db: Kysely<Database>, viewer: Viewer, userId: number, now: Date): Promise<UserModeration> {
  const moderator = requireModerator(viewer);
  const [user] = await findModeratedUsers(db, [userId]);
  if (!user) throw new NotFoundError(`User ${userId}`);
  return { user: toUserForModerator(user, moderator, now), history: await listLogEntriesAbout(db, "user", userId, USER_HISTORY) };
}

export interface WarnDeps {
  db: Kysely<Database>;
  mailer: Mailer;
}

/**
 * Leaves the moderator's message in the user's inbox (kind "moderator-warning") and mails it to them.
 * @throws SignInRequiredError, ForbiddenError (requireModerator, requireActionableUser); NotFoundError;
 * ValidationError for an empty or over-long message.
 */
export async function warnUser({ db, mailer }: WarnDeps, viewer: Viewer, userId: number, messageText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  const message = requireLength("message", "The message", messageText, MODERATOR_TEXT_LENGTH);
  const user = await requireActionableUser(db, moderator, userId);
  await recordAction(db, moderator, { action: "warn", targetType: "user", targetId: userId, reason: message }, now,
    (trx) => insertModeratorWarning(trx, userId, message, now.toISOString()));
  // After the commit: the inbox item is the record, and a mail server that is down must not undo it (nor make
  // the moderator send it twice), so a failure to mail is logged and the warning stands.
  try {
    await mailer.send({ to: user.email, subject: "A warning from the moderators", text: `${user.login}, a moderator of this archive has warned you:\n\n${message}\n\nThe warning is also in your inbox.\n` });
  } catch (error) {
    console.error(`the warning to user ${userId} could not be mailed:`, error);
  }
}

/**
 * Suspends the user for `days` days from now, or until lifted (`days` null); a suspension already running is
 * replaced by this one.
 * @throws SignInRequiredError, ForbiddenError, NotFoundError as warnUser; ValidationError for days outside 1 to
 * 3,650, or no reason.
 */
export async function suspendUser(db: Kysely<Database>, viewer: Viewer, userId: number, days: number | null, reasonText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  if (days !== null && (!Number.isSafeInteger(days) || days < 1 || days > MAX_SUSPENSION_DAYS)) {
    throw new ValidationError({ days: `A suspension lasts from 1 to ${MAX_SUSPENSION_DAYS} days, or until lifted.` });
  }
  const reason = requireLength("reason", "A reason", reasonText, MODERATOR_TEXT_LENGTH);
  await requireActionableUser(db, moderator, userId);
  const until = suspensionEnd(now, days);
  await recordAction(db, moderator, { action: "suspend", targetType: "user", targetId: userId, reason: `${reason} (until ${days === null ? "lifted" : until})` }, now,
    (trx) => setUserSuspendedUntil(trx, userId, until));
}

/**
 * Lifts the user's suspension.
 * @throws as suspendUser; ValidationError when the user is not suspended.
 */
export async function unsuspendUser(db: Kysely<Database>, viewer: Viewer, userId: number, reasonText: string, now: Date): Promise<void> {
  const moderator = requireModerator(viewer);
  const reason = requireLength("reason", "A reason", reasonText, MODERATOR_TEXT_LENGTH);
  const user = await requireActionableUser(db, moderator, userId);
  if (user.suspendedUntil === null || user.suspendedUntil <= now.toISOString()) throw new ValidationError({ user: `${user.login} is not suspended.` });
  await recordAction(db, moderator, { action: "unsuspend", targetType: "user", targetId: userId, reason }, now, (trx) => setUserSuspendedUntil(trx, userId, null));
}

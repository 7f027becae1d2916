/** Users as moderators see them: their role, whether they are suspended now, and whether this moderator may act on them. */
import type { Kysely } from "kysely";
import { findModeratedUsers, type ModeratedUser } from "../../db/repositories/moderation-targets.js";
import type { Database } from "../../db/schema.js";
import type { Account, Role } from "../../domain/account.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import { canActOnUser } from "../../domain/moderation.js";

export interface UserForModerator {
  id: number;
  login: string;
  role: Role;
  /** When the current suspension ends; null when the user is not suspended now. */
  suspendedUntil: string | null;
  /** This moderator may warn, suspend and unsuspend them. */
  actionable: boolean;
}

export function toUserForModerator(user: ModeratedUser, moderator: Account, now: Date): UserForModerator {
  const suspended = user.suspendedUntil !== null && user.suspendedUntil > now.toISOString();
  return { id: user.id, login: user.login, role: user.role, suspendedUntil: suspended ? user.suspendedUntil : null, actionable: canActOnUser(moderator, user) };
}

export async function readUsersForModerator(db: Kysely<Database>, userIds: readonly number[], moderator: Account, now: Date): Promise<Map<number, UserForModerator>> {
  const users = await findModeratedUsers(db, [...new Set(userIds)]);
  return new Map(users.map((u) => [u.id, toUserForModerator(u, moderator, now)]));
}

/**
 * The user, if this moderator may act on them.
 * @throws NotFoundError when there is no such user; ForbiddenError for themselves, an admin, or (for a
 * moderator) another moderator.
 */
export async function requireActionableUser(db: Kysely<Database>, moderator: Account, userId: number): Promise<ModeratedUser> {
  const [user] = await findModeratedUsers(db, [userId]);
  if (!user) throw new NotFoundError(`User ${userId}`);
  if (!canActOnUser(moderator, user)) {
    throw new ForbiddenError(user.id === moderator.id ? "Moderators cannot act on their own account." : "Only an admin may act on a moderator, and nobody may act on an admin.");
  }
  return user;
}

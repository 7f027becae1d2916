/**
 * Who may do what with accounts: signed-in users manage their own; admins see every account and set roles. The
 * archive always keeps an admin, so the last one cannot step down. Role changes go in the moderators' log.
 */
import type { Kysely } from "kysely";
import { hasRole, type Account, type Role, type Viewer } from "../../domain/account.js";
import { ForbiddenError, NotFoundError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { insertLogEntry } from "../../db/repositories/moderation-log.js";
import { countAdmins, findUserByLoginKey, listUsers, updateUserRole, type UserListRow } from "../../db/repositories/user-settings.js";
import { findUserById } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import type { AccountLibrary } from "./account-library.js";

/** @throws SignInRequiredError for a guest. */
export function requireSignedIn(viewer: Viewer, message?: string): Account {
  if (!viewer) throw new SignInRequiredError(message);
  return viewer;
}

/** @throws SignInRequiredError for a guest, ForbiddenError for anyone but an admin, and for a suspended admin. */
export function requireAdmin(viewer: Viewer): Account {
  const account = requireSignedIn(viewer, "Sign in as an admin to see this.");
  if (!hasRole(account, "admin")) throw new ForbiddenError("Only the archive's admins may see this page.");
  // An admin may suspend a moderator and then make them an admin, so a suspended admin can exist; like a
  // suspended moderator (requireModerator), they lose the role's powers until the suspension ends.
  if (account.suspended) throw new ForbiddenError("Your account is suspended: a suspended admin cannot act as one.");
  return account;
}

export const USERS_PER_PAGE = 50;

export interface UsersPage {
  total: number;
  page: number;
  pages: number;
  users: (UserListRow & { suspended: boolean })[];
}

/** @throws as requireAdmin. */
export async function listUsersForAdmin(db: Kysely<Database>, viewer: Viewer, page: number, now: string): Promise<UsersPage> {
  requireAdmin(viewer);
  const { total, users } = await listUsers(db, { offset: (page - 1) * USERS_PER_PAGE, limit: USERS_PER_PAGE });
  return {
    total, page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)),
    users: users.map((u) => ({ ...u, suspended: u.suspended_until !== null && u.suspended_until > now })),
  };
}

/**
 * An admin gives a user a role.
 * @throws as requireAdmin; NotFoundError for no such user; ValidationError when it would leave the archive
 *   without an admin.
 */
export async function changeRole(library: AccountLibrary, viewer: Viewer, userId: number, role: Role, now: string): Promise<void> {
  const admin = requireAdmin(viewer);
  await library.engine.writeTransaction(library.db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError(`User ${userId}`);
    if (user.role === role) return;
    if (user.role === "admin" && (await countAdmins(trx)) <= 1) {
      throw new ValidationError({ role: "The archive needs an admin: make someone else an admin before this account stops being one." });
    }
    await updateUserRole(trx, userId, role);
    await insertLogEntry(trx, {
      at: now, moderatorId: admin.id, moderatorLogin: admin.login, action: "set-role", targetType: "user", targetId: userId, reason: `${user.role} → ${role}`,
    });
  });
}

/**
 * The command line's role change (`quire users role`): whoever runs it owns the library, so no rule but that the
 * user exists. @throws NotFoundError for no such login.
 */
export async function setRoleByLogin(library: AccountLibrary, login: string, role: Role, now: string): Promise<{ previous: Role }> {
  return library.engine.writeTransaction(library.db, async (trx) => {
    const user = await findUserByLoginKey(trx, nameKey(login));
    if (!user) throw new NotFoundError(`The user "${login}"`);
    if (user.role !== role) {
      await updateUserRole(trx, user.id, role);
      await insertLogEntry(trx, {
        at: now, moderatorId: null, moderatorLogin: "(command line)", action: "set-role", targetType: "user", targetId: user.id, reason: `${user.role} → ${role}`,
      });
    }
    return { previous: user.role };
  });
}

/** How many admins the archive has: `quire serve` says how to make the first. */
export function countAdminAccounts(db: Kysely<Database>): Promise<number> {
  return countAdmins(db);
}

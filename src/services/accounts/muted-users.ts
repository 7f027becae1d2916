/**
 * The users a reader muted: their works leave that reader's listings and every count (db/audience.ts applies it
 * wherever works are listed). Muting is the reader's own business: the muted user is not told.
 */
import type { Kysely } from "kysely";
import type { Viewer } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { deleteMutedUser, insertMutedUser, listMutedUsers } from "../../db/repositories/muted-users.js";
import { findUserByLoginKey } from "../../db/repositories/user-settings.js";
import type { Database } from "../../db/schema.js";
import { requireSignedIn } from "./roles.js";

/** @throws SignInRequiredError. */
export function listMutedUsersOf(db: Kysely<Database>, viewer: Viewer): Promise<{ id: number; login: string }[]> {
  return listMutedUsers(db, requireSignedIn(viewer).id);
}

/** Mutes the user of that login (muting twice changes nothing). @throws SignInRequiredError; ValidationError (`login`) for no such user, or oneself. */
export async function muteUser(db: Kysely<Database>, viewer: Viewer, login: string): Promise<void> {
  const account = requireSignedIn(viewer);
  const user = await findUserByLoginKey(db, nameKey(login));
  if (!user) throw new ValidationError({ login: `There is no user “${login.trim()}”.` });
  if (user.id === account.id) throw new ValidationError({ login: "You cannot mute yourself." });
  await insertMutedUser(db, account.id, user.id);
}

/** @throws SignInRequiredError. */
export function unmuteUser(db: Kysely<Database>, viewer: Viewer, userId: number): Promise<void> {
  return deleteMutedUser(db, requireSignedIn(viewer).id, userId);
}

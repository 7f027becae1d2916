/**
 * A user's pseuds: the names they post under. Each is an author, unique by folded name among all authors and
 * other users' logins; one is the default that new works and comments use. Renaming a pseud renames its byline
 * on every work, so those works' search entries are written again.
 */
import type { Kysely } from "kysely";
import { isActive, type Account, type Viewer } from "../../domain/account.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { pseudNameProblem, tidyPseudName } from "../../domain/pseud-name.js";
import { nameKey } from "../../domain/sort-key.js";
import { findUserPseud, insertPseud, isAuthorKeyTaken, isOtherUsersLogin, renameAuthor, setDefaultAuthor } from "../../db/repositories/pseuds.js";
import { reindexWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { AccountLibrary } from "./account-library.js";
import { requireSignedIn } from "./roles.js";

function activeUser(viewer: Viewer): Account {
  const account = requireSignedIn(viewer);
  if (!isActive(account)) throw new ForbiddenError("A suspended account cannot change its pseuds.");
  return account;
}

/** The tidied name, when it is a pseud name that no other author or user has. @throws ValidationError. */
async function freeName(db: Kysely<Database>, userId: number, name: string, exceptAuthorId: number | null): Promise<{ name: string; key: string }> {
  const tidy = tidyPseudName(name);
  const problem = pseudNameProblem(tidy);
  if (problem) throw new ValidationError({ name: problem });
  const key = nameKey(tidy);
  if ((await isAuthorKeyTaken(db, key, exceptAuthorId)) || (await isOtherUsersLogin(db, key, userId))) {
    throw new ValidationError({ name: `The name “${tidy}” is taken.` });
  }
  return { name: tidy, key };
}

/**
 * @returns the new pseud's id.
 * @throws SignInRequiredError; ForbiddenError when suspended; ValidationError (`name`).
 */
export async function addPseud(library: AccountLibrary, viewer: Viewer, name: string): Promise<number> {
  const user = activeUser(viewer);
  return library.engine.writeTransaction(library.db, async (trx) => {
    const free = await freeName(trx, user.id, name, null);
    return insertPseud(trx, user.id, free.name, free.key);
  });
}

/**
 * Renames one of the user's pseuds (a change of case alone is always free).
 * @throws SignInRequiredError; ForbiddenError when suspended; NotFoundError for a pseud not theirs; ValidationError (`name`).
 */
export async function renamePseud(library: AccountLibrary, viewer: Viewer, authorId: number, name: string, now: string): Promise<void> {
  const user = activeUser(viewer);
  await library.engine.writeTransaction(library.db, async (trx) => {
    const pseud = await findUserPseud(trx, user.id, authorId);
    if (!pseud) throw new NotFoundError(`Your pseud ${authorId}`);
    const free = await freeName(trx, user.id, name, pseud.id);
    if (free.name === pseud.name) return;
    const workIds = await renameAuthor(trx, pseud.id, free.name, free.key, now);
    for (const workId of workIds) await reindexWork(trx, library.engine, workId);
  });
}

/** @throws SignInRequiredError; ForbiddenError when suspended; NotFoundError for a pseud not theirs. */
export async function setDefaultPseud(db: Kysely<Database>, viewer: Viewer, authorId: number): Promise<void> {
  const user = activeUser(viewer);
  if (!(await findUserPseud(db, user.id, authorId))) throw new NotFoundError(`Your pseud ${authorId}`);
  await setDefaultAuthor(db, user.id, authorId);
}

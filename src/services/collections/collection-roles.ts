/**
 * Who a viewer is to a collection: an owner, a moderator, or nobody. A collection the importer made has no owner,
 * and the archive's admins act as its owners, so that its settings can still be changed.
 */
import type { Kysely } from "kysely";
import { findCollectionByName, findMaintainerRole } from "../../db/repositories/collections.js";
import type { Database } from "../../db/schema.js";
import { hasRole, isActive, type Account, type Viewer } from "../../domain/account.js";
import type { Collection, MaintainerRole } from "../../domain/collections/collection.js";
import { canChangeSettings } from "../../domain/collections/rules.js";
import { ForbiddenError, NotFoundError, SignInRequiredError } from "../../domain/errors.js";

/** The viewer's role in the collection; null for a guest, a suspended account, or a user who maintains nothing of it. */
export async function readCollectionRole(db: Kysely<Database>, collection: Collection, viewer: Viewer): Promise<MaintainerRole | null> {
  if (!isActive(viewer)) return null;
  const role = await findMaintainerRole(db, collection.id, viewer.id);
  if (role) return role;
  return collection.ownerId === null && hasRole(viewer, "admin") ? "owner" : null;
}

/** @throws NotFoundError when there is no collection of that name. */
export async function requireCollection(db: Kysely<Database>, name: string): Promise<Collection> {
  const collection = await findCollectionByName(db, name);
  if (!collection) throw new NotFoundError(`The collection “${name}”`);
  return collection;
}

/**
 * The viewer, when they maintain the collection (as an owner, with `owner`).
 * @throws SignInRequiredError for a guest; ForbiddenError for anyone else.
 */
export async function requireMaintainer(db: Kysely<Database>, collection: Collection, viewer: Viewer, owner = false): Promise<{ account: Account; role: MaintainerRole }> {
  if (viewer === null) throw new SignInRequiredError("Sign in to manage this collection.");
  const role = await readCollectionRole(db, collection, viewer);
  if (!role) throw new ForbiddenError("Only the collection's maintainers may do this.");
  if (owner && !canChangeSettings(role)) throw new ForbiddenError("Only the collection's owners may change its settings and maintainers.");
  return { account: viewer, role };
}

/**
 * Making and running collections: a new collection with its owner, its settings (title, description, parent,
 * state, modes), its maintainers, and what its pages show. Changing a mode re-indexes and touches its works, so
 * that searches and cached pages see the works (and their creators) hidden or revealed at once.
 */
import type { Kysely } from "kysely";
import {
  countOwners, findCollectionById, findCollectionByName, findParentId, insertCollection, listCollections, listCollectionTreeIds, listItemWorkIds, listMaintainers, listSubCollections,
  removeMaintainer, setMaintainer, updateCollectionSettings, type CollectionSettings, type CollectionSummary, type Maintainer,
} from "../../db/repositories/collections.js";
import { findUserByLoginKey } from "../../db/repositories/user-settings.js";
import { touchWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { canPostWorks, type Audience, type Viewer } from "../../domain/account.js";
import type { Collection, MaintainerRole } from "../../domain/collections/collection.js";
import { collectionFieldProblems, makesCycle } from "../../domain/collections/rules.js";
import { ForbiddenError, NotFoundError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { readCollectionRole, requireCollection, requireMaintainer } from "./collection-roles.js";
import type { CollectionDeps } from "./deps.js";
import { refreshCollectionWorks } from "./refresh-works.js";

export type { CollectionSettings, CollectionSummary, Maintainer };

/** A collection's settings as a form gives them: the parent by name ("" for none). */
export interface SettingsInput extends Omit<CollectionSettings, "parentId"> {
  parent: string;
}

/**
 * Makes a collection owned by the viewer. @returns its name.
 * @throws SignInRequiredError for a guest; ForbiddenError for an account that may not post (readers, suspended);
 * ValidationError for a bad or taken name, a bad title or description, or a parent that is not there.
 */
export async function createCollection(deps: CollectionDeps, viewer: Viewer, input: SettingsInput & { name: string }, now: Date): Promise<string> {
  if (viewer === null) throw new SignInRequiredError("Sign in to make a collection.");
  if (!canPostWorks(viewer)) throw new ForbiddenError("Only authors whose accounts are not suspended may make collections.");
  const name = input.name.trim();
  const problems = collectionFieldProblems({ name, title: input.title, description: input.description ?? "" });
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return deps.engine.writeTransaction(deps.db, async (trx) => {
    if (await findCollectionByName(trx, name)) throw new ValidationError({ name: `There is a collection named “${name}” already.` });
    const parentId = await resolveParent(trx, viewer, input.parent, null);
    await insertCollection(trx, { ...settingsOf(input), parentId, name, ownerId: viewer.id }, now.toISOString());
    return name;
  });
}

/**
 * Changes the collection's settings. A mode that changes re-indexes and touches every work in the collection.
 * @throws NotFoundError; SignInRequiredError, ForbiddenError for anyone but an owner; ValidationError.
 */
export async function updateCollection(deps: CollectionDeps, viewer: Viewer, name: string, input: SettingsInput, now: Date): Promise<void> {
  const collection = await requireCollection(deps.db, name);
  const { account } = await requireMaintainer(deps.db, collection, viewer, true);
  const problems = collectionFieldProblems({ title: input.title, description: input.description ?? "" });
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    const parentId = await resolveParent(trx, account, input.parent, collection.id);
    const stamp = now.toISOString();
    await updateCollectionSettings(trx, collection.id, { ...settingsOf(input), parentId }, stamp);
    if (input.anonymous !== collection.anonymous || input.unrevealed !== collection.unrevealed) await refreshCollectionWorks(trx, deps.engine, [collection.id], stamp);
  });
}

function settingsOf(input: SettingsInput): Omit<CollectionSettings, "parentId"> {
  const description = input.description?.trim() ?? "";
  return { title: input.title.trim(), description: description.length > 0 ? description : null, state: input.state, anonymous: input.anonymous, unrevealed: input.unrevealed };
}

/**
 * The parent named, which the viewer must maintain (nobody files their collection under another's), and which
 * must not be the collection itself or one below it. @throws ValidationError.
 */
async function resolveParent(db: Kysely<Database>, viewer: NonNullable<Viewer>, parent: string, collectionId: number | null): Promise<number | null> {
  const wanted = parent.trim();
  if (wanted.length === 0) return null;
  const found = await findCollectionByName(db, wanted);
  if (!found) throw new ValidationError({ parent: `There is no collection named “${wanted}”.` });
  if ((await readCollectionRole(db, found, viewer)) === null) throw new ValidationError({ parent: `You do not maintain “${found.name}”, so you cannot put a collection in it.` });
  if (collectionId !== null) {
    // Walk up from the new parent; the chain is read one step at a time, as collections nest a few levels at most.
    const parents = new Map<number, number | null>();
    for (let at: number | null | undefined = found.id; at !== null && at !== undefined && !parents.has(at) && at !== collectionId;) {
      const up: number | null | undefined = await findParentId(db, at);
      parents.set(at, up ?? null);
      at = up;
    }
    if (makesCycle(collectionId, found.id, (id) => parents.get(id))) throw new ValidationError({ parent: "A collection cannot be inside itself or one of its own sub-collections." });
  }
  return found.id;
}

/**
 * Makes the user of that login a maintainer with the role (or changes their role).
 * @throws NotFoundError for the collection or the login; SignInRequiredError, ForbiddenError for anyone but an owner.
 */
export async function setCollectionMaintainer(deps: CollectionDeps, viewer: Viewer, name: string, login: string, role: MaintainerRole, now: Date): Promise<void> {
  const collection = await requireCollection(deps.db, name);
  await requireMaintainer(deps.db, collection, viewer, true);
  const user = await findUserByLoginKey(deps.db, nameKey(login.trim()));
  if (!user) throw new NotFoundError(`The user “${login.trim()}”`);
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await setMaintainer(trx, collection.id, user.id, role, now.toISOString());
    await refuseOwnerless(trx, collection);
    // The new maintainer sees through the collection's modes: cached pages must be made again.
    for (const workId of await listItemWorkIds(trx, collection.id)) await touchWork(trx, workId, now.toISOString());
  });
}

/** @throws as setCollectionMaintainer; ValidationError when it would leave a user's collection without an owner. */
export async function removeCollectionMaintainer(deps: CollectionDeps, viewer: Viewer, name: string, userId: number, now: Date): Promise<void> {
  const collection = await requireCollection(deps.db, name);
  await requireMaintainer(deps.db, collection, viewer, true);
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await removeMaintainer(trx, collection.id, userId);
    await refuseOwnerless(trx, collection);
    for (const workId of await listItemWorkIds(trx, collection.id)) await touchWork(trx, workId, now.toISOString());
  });
}

async function refuseOwnerless(db: Kysely<Database>, collection: Collection): Promise<void> {
  if (collection.ownerId !== null && (await countOwners(db, collection.id)) === 0) {
    throw new ValidationError({ maintainer: "A collection keeps at least one owner." });
  }
}

/** What a collection's page shows beside its works. */
export interface CollectionView {
  collection: Collection;
  parent: Collection | null;
  children: Collection[];
  /** The viewer's role in it, for the links to its management page. */
  role: MaintainerRole | null;
  /** The collection and its sub-collections at any depth: whose approved works the page lists. */
  treeIds: number[];
}

/** @throws NotFoundError when there is no collection of that name. */
export async function readCollection(db: Kysely<Database>, viewer: Viewer, name: string): Promise<CollectionView> {
  const collection = await requireCollection(db, name);
  const [parent, children, role, treeIds] = await Promise.all([
    collection.parentId === null ? Promise.resolve(undefined) : findCollectionById(db, collection.parentId),
    listSubCollections(db, collection.id),
    readCollectionRole(db, collection, viewer),
    listCollectionTreeIds(db, collection.id),
  ]);
  return { collection, parent: parent ?? null, children, role, treeIds };
}

export const COLLECTIONS_PER_PAGE = 50;

/** One page of collections, those matching `query` by name or title when one is given. */
export async function listCollectionsPage(db: Kysely<Database>, audience: Audience, query: string, page: number): Promise<{ total: number; page: number; pages: number; items: CollectionSummary[] }> {
  const result = await listCollections(db, audience, { query: query.slice(0, 100), limit: COLLECTIONS_PER_PAGE, offset: (page - 1) * COLLECTIONS_PER_PAGE });
  return { ...result, page, pages: Math.max(1, Math.ceil(result.total / COLLECTIONS_PER_PAGE)) };
}

/** The collection's maintainers, for its management page. @throws as requireMaintainer. */
export async function readMaintainers(db: Kysely<Database>, viewer: Viewer, name: string): Promise<{ collection: Collection; role: MaintainerRole; maintainers: Maintainer[] }> {
  const collection = await requireCollection(db, name);
  const { role } = await requireMaintainer(db, collection, viewer);
  return { collection, role, maintainers: await listMaintainers(db, collection.id) };
}

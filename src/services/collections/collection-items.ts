/**
 * Works in collections: an author asks to add their work (or a maintainer invites it), maintainers approve or
 * reject what waits, authors accept or decline invitations, and an author takes their work out. Each change
 * touches the work, and re-indexes it when the collection is anonymous, so that listings, searches and cached
 * pages hide or show the work and its creators at once.
 */
import type { Kysely } from "kysely";
import {
  deleteItem, findItemStatus, listInvitationsForUser, listItems, listWorkCollections,
  setItemStatus, type CollectionInvitation, type CollectionItem, type WorkCollection,
} from "../../db/repositories/collections.js";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import type { Database } from "../../db/schema.js";
import { isCreator, type Viewer, type WorkAccess } from "../../domain/account.js";
import type { Collection, CollectionItemStatus, MaintainerRole } from "../../domain/collections/collection.js";
import { addingOutcome, decideItem, type ItemActor, type ItemDecision } from "../../domain/collections/rules.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireSignedIn } from "../accounts/roles.js";
import { requireWorkToActOn } from "../community/acting.js";
import { readCollectionRole, requireCollection, requireMaintainer } from "./collection-roles.js";
import type { CollectionDeps } from "./deps.js";
import { refreshWork } from "./refresh-works.js";

export type { CollectionInvitation, CollectionItem, WorkCollection };

/** Who the viewer is to the work and the collection. @throws as requireWorkToActOn (the viewer must be able to read the work). */
async function actorOn(db: Kysely<Database>, viewer: Viewer, collection: Collection, workId: number): Promise<ItemActor & { creators: readonly number[] }> {
  const account = requireSignedIn(viewer, "Sign in to add works to collections.");
  const access = await requireWorkToActOn(db, workId, account);
  // A draft is its creators' alone: no maintainer's queue may show even its title.
  if (access.visibility === "draft") throw new ForbiddenError("Post the work before adding it to a collection.");
  return { author: isCreator(account, access), maintainer: (await readCollectionRole(db, collection, account)) !== null, creators: access.creatorUserIds };
}

/** Records the item's new status (null: gone); an invitation goes to the inbox of each of the work's creators. */
async function record(deps: CollectionDeps, collection: Collection, workId: number, status: CollectionItemStatus | null, now: Date, creators: readonly number[] = []): Promise<void> {
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    if (status === null) await deleteItem(trx, collection.id, workId);
    else await setItemStatus(trx, collection.id, workId, status, now.toISOString());
    if (status === "invited") {
      const message = `The collection “${collection.title}” invites your work. Accept or decline on your collection invitations page.`;
      await insertInboxItems(trx, creators.map((userId) => ({ userId, kind: "collection-invitation", workId, chapterId: null, commentId: null, message })), now.toISOString());
    }
    await refreshWork(trx, deps.engine, workId, now.toISOString());
  });
}

/**
 * Puts the work in the collection as the viewer may (domain/collections/rules.ts addingOutcome): an author's request
 * joins, waits or is refused by the collection's state; a maintainer's is an invitation. @returns the new status.
 * @throws NotFoundError for the collection or a work the viewer may not read; SignInRequiredError;
 * ForbiddenError when the rules refuse, with their reason.
 */
export async function addWorkToCollection(deps: CollectionDeps, viewer: Viewer, name: string, workId: number, now: Date): Promise<CollectionItemStatus> {
  const collection = await requireCollection(deps.db, name);
  const actor = await actorOn(deps.db, viewer, collection, workId);
  const outcome = addingOutcome(collection.state, actor, await findItemStatus(deps.db, collection.id, workId));
  if ("refused" in outcome) throw new ForbiddenError(outcome.refused);
  await record(deps, collection, workId, outcome.status, now, actor.creators);
  return outcome.status;
}

/**
 * A maintainer's approval or rejection, or an author's answer to an invitation. @returns the new status.
 * @throws NotFoundError when the work is not in the collection (or the viewer may not read it); ForbiddenError.
 */
export async function decideCollectionItem(deps: CollectionDeps, viewer: Viewer, name: string, workId: number, decision: ItemDecision, now: Date): Promise<CollectionItemStatus> {
  const collection = await requireCollection(deps.db, name);
  const current = await findItemStatus(deps.db, collection.id, workId);
  // A maintainer decides on works they cannot read otherwise (a draft asked for is not theirs to see, but an
  // unrevealed work is): the queue's own rows are their warrant, checked before the work's access.
  const role = viewer === null ? null : await readCollectionRole(deps.db, collection, viewer);
  const actor: ItemActor = role !== null && (decision === "approve" || decision === "reject")
    ? { author: false, maintainer: true }
    : await actorOn(deps.db, viewer, collection, workId);
  if (current === null) throw new NotFoundError(`Work ${workId} in “${collection.name}”`);
  const outcome = decideItem(decision, actor, current);
  if ("refused" in outcome) throw new ForbiddenError(outcome.refused);
  await record(deps, collection, workId, outcome.status, now);
  return outcome.status;
}

/**
 * Takes the work out of the collection, whatever its status: its creators' right at any time.
 * @throws NotFoundError; ForbiddenError for anyone but a creator.
 */
export async function removeWorkFromCollection(deps: CollectionDeps, viewer: Viewer, name: string, workId: number, now: Date): Promise<void> {
  const collection = await requireCollection(deps.db, name);
  const actor = await actorOn(deps.db, viewer, collection, workId);
  if (!actor.author) throw new ForbiddenError("Only the work's creators take it out of a collection; maintainers reject it.");
  if ((await findItemStatus(deps.db, collection.id, workId)) === null) throw new NotFoundError(`Work ${workId} in “${collection.name}”`);
  await record(deps, collection, workId, null, now);
}

/** The management queue: what waits for the maintainers, what waits for authors, and what they rejected. */
export interface CollectionQueue {
  collection: Collection;
  role: MaintainerRole;
  pending: CollectionItem[];
  invited: CollectionItem[];
  approved: CollectionItem[];
  rejected: CollectionItem[];
}

/** @throws NotFoundError; SignInRequiredError, ForbiddenError for anyone but a maintainer. */
export async function readCollectionQueue(db: Kysely<Database>, viewer: Viewer, name: string): Promise<CollectionQueue> {
  const collection = await requireCollection(db, name);
  const { role } = await requireMaintainer(db, collection, viewer);
  const [pending, invited, approved, rejected] = await Promise.all((["pending", "invited", "approved", "rejected"] as const).map((s) => listItems(db, collection.id, [s])));
  return { collection, role, pending: pending ?? [], invited: invited ?? [], approved: approved ?? [], rejected: rejected ?? [] };
}

/** The invitations waiting on the viewer's works. @throws SignInRequiredError for a guest. */
export async function listMyCollectionInvitations(db: Kysely<Database>, viewer: Viewer): Promise<CollectionInvitation[]> {
  return listInvitationsForUser(db, requireSignedIn(viewer, "Sign in to see your collection invitations.").id);
}

/**
 * The collections a work's page names: those it is approved in, for everyone; for its creators, also those it
 * waits in, was invited to or was rejected by, so they can answer or withdraw. `access` is the work's, as the page
 * already read it to show the work.
 */
export async function readWorkCollections(db: Kysely<Database>, viewer: Viewer, workId: number, access: WorkAccess): Promise<{ approved: WorkCollection[]; others: WorkCollection[]; creator: boolean }> {
  const creator = isCreator(viewer, access);
  const all = await listWorkCollections(db, workId, creator ? ["approved", "pending", "invited", "rejected"] : ["approved"]);
  return { approved: all.filter((c) => c.status === "approved"), others: all.filter((c) => c.status !== "approved"), creator };
}

/** @throws ValidationError for anything but the four decisions. */
export function parseDecision(value: string): ItemDecision {
  if (value === "approve" || value === "reject" || value === "accept" || value === "decline") return value;
  throw new ValidationError({ decision: "Choose approve, reject, accept or decline." });
}

/**
 * The rules of collections, pure: who may put a work in a collection and where it then stands, how an item moves
 * between its states, which items hide a work or its creators, names and nesting. The services ask these and
 * turn a refusal into an error; the store only records the outcome.
 */
import type { CollectionItemStatus, CollectionState, MaintainerRole } from "./collection.js";

/** Who is acting on one work in one collection. */
export interface ItemActor {
  /** A creator of the work. */
  author: boolean;
  /** An owner or moderator of the collection (or an admin, for a collection the importer made). */
  maintainer: boolean;
}

/** An action's outcome: the item's new status, or why it is refused, in words fit to show. */
export type ItemOutcome = { status: CollectionItemStatus } | { refused: string };

/**
 * Where a work stands once someone puts it in a collection. An author's request joins an open collection at once,
 * waits for a maintainer in a moderated one, and is refused by a closed one; a maintainer's is an invitation the
 * author must accept; someone who is both gives both consents at once, closed or not. A work already in the
 * collection moves only where both sides now agree: an invitation the author asks for is accepted, a request a
 * maintainer invites is approved; a rejected work is not asked for again by its author.
 *
 * @example addingOutcome("moderated", { author: true, maintainer: false }, null) // { status: "pending" }
 */
export function addingOutcome(state: CollectionState, actor: ItemActor, current: CollectionItemStatus | null): ItemOutcome {
  if (!actor.author && !actor.maintainer) return { refused: "Only the work's creators and the collection's maintainers may add it." };
  if (current === "approved") return { refused: "The work is already in this collection." };
  if (actor.author && actor.maintainer) return { status: "approved" };
  if (actor.maintainer) {
    if (current === "pending") return { status: "approved" };
    if (current === "invited") return { refused: "The work's creators have been invited already." };
    return { status: "invited" };
  }
  if (current === "invited") return { status: "approved" };
  if (current === "pending") return { refused: "The work is waiting for the collection's approval already." };
  if (current === "rejected") return { refused: "The collection's maintainers declined this work." };
  if (state === "closed") return { refused: "This collection is closed to new works." };
  return { status: state === "open" ? "approved" : "pending" };
}

/** approve, reject: a maintainer on the queue; accept, decline: the work's creator on an invitation. */
export type ItemDecision = "approve" | "reject" | "accept" | "decline";

/**
 * The status a decision moves an item to. Maintainers approve what waits for them, and reject what waits, an
 * invitation they sent, or an approved work (taking it out); creators accept or decline an invitation, and nothing
 * else.
 */
export function decideItem(decision: ItemDecision, actor: ItemActor, current: CollectionItemStatus): ItemOutcome {
  switch (decision) {
    case "approve":
      if (!actor.maintainer) return { refused: "Only the collection's maintainers approve works." };
      // Only what its creators asked for: "rejected" also stands for an invitation they declined or one the
      // maintainers withdrew, and approving that would put a stranger's work in the collection (and under its
      // unrevealed or anonymous mode) without their consent. A rejected work comes back by a new invitation.
      return current === "pending" ? { status: "approved" } : { refused: `The work is ${STATUS_WORDS[current]}.` };
    case "reject":
      if (!actor.maintainer) return { refused: "Only the collection's maintainers reject works." };
      return current === "rejected" ? { refused: "The work is rejected already." } : { status: "rejected" };
    case "accept":
    case "decline":
      if (!actor.author) return { refused: "Only the work's creators answer an invitation." };
      if (current !== "invited") return { refused: `The work is ${STATUS_WORDS[current]}.` };
      return { status: decision === "accept" ? "approved" : "rejected" };
  }
}

const STATUS_WORDS: Record<CollectionItemStatus, string> = {
  approved: "in the collection already",
  pending: "waiting for the collection's approval",
  invited: "waiting for its creators to accept",
  rejected: "rejected",
};

/**
 * The statuses in which a work takes on its collection's modes (anonymous, unrevealed): approved, and asked for by
 * its author but not yet approved; the author chose the collection. An invitation the author has not accepted, or
 * a rejected work, never hides anything of a work.
 */
export const CONCEALING_STATUSES: readonly CollectionItemStatus[] = ["approved", "pending"];

/** One of a work's places in a collection, as concealment needs it. */
export interface WorkPlacement {
  status: CollectionItemStatus;
  anonymous: boolean;
  unrevealed: boolean;
  /** The viewer maintains the collection. */
  viewerMaintains: boolean;
}

/**
 * What of a work a viewer may not see. Its creators see everything of it; a collection's maintainers see through
 * that collection's modes; everyone else sees neither the work while a collection it is in is unrevealed, nor its
 * creators while one is anonymous.
 */
export function concealment(placements: readonly WorkPlacement[], viewerIsCreator: boolean): { unrevealed: boolean; anonymous: boolean } {
  if (viewerIsCreator) return { unrevealed: false, anonymous: false };
  const binding = placements.filter((p) => CONCEALING_STATUSES.includes(p.status) && !p.viewerMaintains);
  return { unrevealed: binding.some((p) => p.unrevealed), anonymous: binding.some((p) => p.anonymous) };
}

/** Changing settings and maintainers is an owner's; the queue and invitations are every maintainer's. */
export function canChangeSettings(role: MaintainerRole | null): boolean {
  return role === "owner";
}

export const COLLECTION_NAME_MAX = 60;
export const COLLECTION_TITLE_MAX = 255;
export const COLLECTION_DESCRIPTION_MAX = 10_000;

/**
 * Problems with a new collection's name (its address), title and description, by field; empty when there are
 * none. A name is letters, digits and underscores, as the Archive's are, so that it reads the same in an address.
 */
export function collectionFieldProblems(fields: { name?: string; title: string; description: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.name !== undefined) {
    if (fields.name.length === 0) problems.name = "A collection needs a name.";
    else if (fields.name.length > COLLECTION_NAME_MAX) problems.name = `A name is at most ${COLLECTION_NAME_MAX} characters.`;
    else if (!/^[\p{L}\p{N}_]+$/u.test(fields.name)) problems.name = "A name is letters, digits and underscores only.";
  }
  if (fields.title.trim().length === 0) problems.title = "A collection needs a title.";
  else if (fields.title.length > COLLECTION_TITLE_MAX) problems.title = `A title is at most ${COLLECTION_TITLE_MAX} characters.`;
  if (fields.description.length > COLLECTION_DESCRIPTION_MAX) problems.description = `A description is at most ${COLLECTION_DESCRIPTION_MAX.toLocaleString("en")} characters.`;
  return problems;
}

/**
 * Would making `parentId` the parent of `collectionId` close a loop? True when the parent is the collection itself
 * or one of its sub-collections, at any depth. `parentOf` gives each collection's parent (undefined: top level).
 */
export function makesCycle(collectionId: number, parentId: number, parentOf: (id: number) => number | null | undefined): boolean {
  const seen = new Set<number>();
  for (let at: number | null | undefined = parentId; at !== null && at !== undefined; at = parentOf(at)) {
    if (at === collectionId || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

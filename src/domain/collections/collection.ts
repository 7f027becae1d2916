/**
 * Collections, as the Archive keeps them: a named group of works that users own and moderate, nested under a
 * parent collection or not, and the state of each work in it. Pure types; the rules are in rules.ts.
 */

/** open: a work joins at once; moderated: it waits for a maintainer's approval; closed: no new works. */
export type CollectionState = "open" | "moderated" | "closed";
export const COLLECTION_STATES: readonly CollectionState[] = ["open", "moderated", "closed"];

/**
 * Where a work stands in a collection. An item needs both sides' consent, as on the Archive:
 * - approved: the author and the collection both agreed (imported collections' items are approved);
 * - pending: the author asked to add the work and a maintainer has not yet approved it;
 * - invited: a maintainer invited the work and its author has not yet accepted;
 * - rejected: a maintainer refused the work, or its author declined the invitation.
 */
export type CollectionItemStatus = "approved" | "pending" | "invited" | "rejected";
export const COLLECTION_ITEM_STATUSES: readonly CollectionItemStatus[] = ["approved", "pending", "invited", "rejected"];

/** owner: changes the settings and the maintainers; moderator: approves, rejects and invites works. */
export type MaintainerRole = "owner" | "moderator";
export const MAINTAINER_ROLES: readonly MaintainerRole[] = ["owner", "moderator"];

export interface Collection {
  id: number;
  /** The short name its address uses (`/collections/:name`); unique by its folded key. */
  name: string;
  /** The display title; the name for collections the importer made. */
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  description: string | null;
  /** The user who made it; null for a collection the importer made from a work's header. */
  ownerId: number | null;
  parentId: number | null;
  state: CollectionState;
  /** Creators are hidden on the works while they are in the collection. */
  anonymous: boolean;
  /** The works are hidden from everyone but their authors and the maintainers until the collection is revealed. */
  unrevealed: boolean;
  createdAt: string;
  updatedAt: string | null;
}

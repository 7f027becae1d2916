/**
 * Who is reading, and what they may do: the rules every surface asks, so that a work hidden from someone is
 * hidden from them everywhere. Pure: the store supplies a work's creators, the web edge the signed-in account.
 */

export const ROLES = ["reader", "author", "moderator", "admin"] as const;
/** Each role can do all that the ones before it can. A reader reads, comments and bookmarks; an author also posts. */
export type Role = (typeof ROLES)[number];

export const WORK_VISIBILITIES = ["public", "restricted", "draft"] as const;
/** Public: everyone. Restricted: signed-in users only (the Archive's "registered users only"). Draft: its creators. */
export type WorkVisibility = (typeof WORK_VISIBILITIES)[number];

export const COMMENT_POLICIES = ["open", "registered", "closed"] as const;
/** Who may comment on a work: anyone (guests too), signed-in users only, or nobody. */
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];

/** Published; waiting for the creators' approval; deleted (kept as a placeholder while it has replies); hidden by a moderator. */
export type CommentStatus = "published" | "pending" | "deleted" | "hidden";

export const SUBSCRIPTION_TARGETS = ["work", "series", "author", "tag"] as const;
export type SubscriptionTarget = (typeof SUBSCRIPTION_TARGETS)[number];

export const API_TOKEN_SCOPES = ["read", "write"] as const;
/** What an API token may do: read what its user may read; write: also post, edit, comment and so on, as its user may. */
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A signed-in user, as a request knows them. */
export interface Account {
  id: number;
  login: string;
  role: Role;
  /** Suspended accounts read, and do nothing else. */
  suspended: boolean;
  /** While suspended, when the suspension ends (an ISO timestamp; domain/moderation.ts's far date: until lifted). */
  suspendedUntil: string | null;
}

/** The account reading, or null for a guest. */
export type Viewer = Account | null;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isWorkVisibility(value: string): value is WorkVisibility {
  return (WORK_VISIBILITIES as readonly string[]).includes(value);
}

/** The viewer holds the role or one above it. */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer !== null && ROLES.indexOf(viewer.role) >= ROLES.indexOf(role);
}

/** May change things (post, comment, give kudos, bookmark…) rather than only read. */
export function isActive(viewer: Viewer): viewer is Account {
  return viewer !== null && !viewer.suspended;
}

export function canPostWorks(viewer: Viewer): viewer is Account {
  return isActive(viewer) && hasRole(viewer, "author");
}

export function isModerator(viewer: Viewer): viewer is Account {
  return hasRole(viewer, "moderator");
}

/** What the rules need to know of a work. */
export interface WorkAccess {
  visibility: WorkVisibility;
  hiddenByModerator: boolean;
  /** The users whose pseuds are the work's authors (co-authors who accepted included). */
  creatorUserIds: readonly number[];
  /**
   * For each unrevealed collection the work is in (domain/collections/rules.ts CONCEALING_STATUSES), the users who
   * maintain it: besides its creators, only someone who maintains every one of them may see the work.
   */
  unrevealedTo: readonly (readonly number[])[];
}

export function isCreator(viewer: Viewer, work: Pick<WorkAccess, "creatorUserIds">): viewer is Account {
  return viewer !== null && work.creatorUserIds.includes(viewer.id);
}

/**
 * May the viewer read the work at all? Creators always may; a work in an unrevealed collection is for its
 * maintainers besides; moderators may read a hidden work (to judge it) but
 * never another's draft; everyone else needs it public, or restricted and themselves signed in.
 */
export function canReadWork(viewer: Viewer, work: WorkAccess): boolean {
  const viewerId = viewer?.id;
  if (isCreator(viewer, work)) return true;
  if (!work.unrevealedTo.every((maintainers) => viewerId !== undefined && maintainers.includes(viewerId))) return false;
  if (work.visibility === "draft") return false;
  if (work.hiddenByModerator) return isModerator(viewer);
  return work.visibility === "public" || viewer !== null;
}

/** Edit, add chapters, delete: the creators, unless suspended. */
export function canEditWork(viewer: Viewer, work: WorkAccess): viewer is Account {
  return isActive(viewer) && isCreator(viewer, work);
}

/** Who a search is for: what listings, counts and feeds may include. */
export interface Audience {
  /** Signed in: restricted works are listed too. */
  members: boolean;
  /** Works by these users are left out (the viewer muted them), from the results and every count. */
  mutedUsers: readonly number[];
  /**
   * The signed-in reader, who sees their own works and the works of collections they maintain through those
   * collections' unrevealed and anonymous modes. Absent: nobody's, so the modes hold for everyone.
   */
  viewerId?: number;
}

export const GUEST_AUDIENCE: Audience = { members: false, mutedUsers: [] };

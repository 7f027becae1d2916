/**
 * What a work's page shows of its readers — kudos, comments, and the viewer's own bookmark, subscription and
 * mark for later — read in one round of queries; and the visit itself, counted as a hit and kept in the
 * viewer's reading history, without ever failing the page.
 */
import type { Kysely } from "kysely";
import { findBookmark } from "../../db/repositories/bookmarks.js";
import { findCommentSettings, findDefaultPseud, listWorkComments, type CommentSettings } from "../../db/repositories/comments.js";
import { recordHit } from "../../db/repositories/hits.js";
import { hasGivenKudos, listKudos, type KudosList } from "../../db/repositories/kudos.js";
import { isMarkedForLater, recordReading } from "../../db/repositories/reading-history.js";
import { findSubscription, type Subscription } from "../../db/repositories/subscriptions.js";
import type { Database } from "../../db/schema.js";
import { isActive, isCreator, type Audience, type WorkAccess } from "../../domain/account.js";
import { NotFoundError } from "../../domain/errors.js";
import { threadsFor, type CommentThreads } from "./read-comments.js";
import { guestKey, visitorKey, type Visitor } from "./visitor.js";

/** The most names the kudos line shows; the rest are counted. */
const KUDOS_NAMES = 100;

export interface WorkCommunityDeps {
  db: Kysely<Database>;
  siteSecret: string;
  now: () => Date;
}

export interface WorkVisit extends Visitor {
  workId: number;
  access: WorkAccess;
  audience: Audience;
  /** The chapter read, whose comments the page shows; null for the whole work (a one-shot, or every chapter at once). */
  chapterPosition: number | null;
}

export interface WorkCommunity {
  workId: number;
  chapterPosition: number | null;
  viewerIsCreator: boolean;
  /** Signed in, and not suspended. */
  viewerIsActive: boolean;
  kudos: KudosList & { givenByViewer: boolean };
  settings: CommentSettings;
  comments: CommentThreads;
  /** The pseud a signed-in viewer comments as. */
  pseud: string | null;
  /** Whether the signed-in viewer bookmarked the work. */
  bookmarked: boolean;
  subscription: Subscription | null;
  markedForLater: boolean;
}

/**
 * Counts the visit (a hit, unless by a creator; the reading history, for a signed-in reader who keeps one) and
 * reads what the page shows of the work's readers. The counting is logged, never thrown, when it fails.
 * @throws NotFoundError when the work is gone.
 */
export async function visitWork(deps: WorkCommunityDeps, visit: WorkVisit): Promise<WorkCommunity> {
  const { db } = deps;
  const viewer = visit.viewer;
  const creator = isCreator(viewer, visit.access);
  const giver = viewer ? { userId: viewer.id } : { guestKey: guestKey(deps.siteSecret, visit.address) };
  const [, settings, comments, kudos, givenByViewer, pseud, bookmark, subscription, markedForLater] = await Promise.all([
    countVisit(deps, visit, creator),
    findCommentSettings(db, visit.workId),
    listWorkComments(db, visit.workId, visit.chapterPosition ?? "all"),
    listKudos(db, visit.workId, KUDOS_NAMES),
    hasGivenKudos(db, visit.workId, giver),
    viewer ? findDefaultPseud(db, viewer.id) : undefined,
    viewer ? findBookmark(db, viewer.id, { workId: visit.workId }) : undefined,
    viewer ? findSubscription(db, viewer.id, "work", visit.workId) : undefined,
    viewer ? isMarkedForLater(db, viewer.id, visit.workId) : false,
  ]);
  if (!settings) throw new NotFoundError(`Work ${visit.workId}`);
  return {
    workId: visit.workId,
    chapterPosition: visit.chapterPosition,
    viewerIsCreator: creator,
    viewerIsActive: isActive(viewer),
    kudos: { ...kudos, givenByViewer },
    settings,
    comments: threadsFor(comments, viewer, visit.audience, visit.access, settings),
    pseud: pseud?.name ?? null,
    bookmarked: bookmark !== undefined,
    subscription: subscription ?? null,
    markedForLater,
  };
}

/** One hit per visitor per work per day, never the creators'; the reading history for a signed-in reader. */
async function countVisit(deps: WorkCommunityDeps, visit: WorkVisit, creator: boolean): Promise<void> {
  const now = deps.now();
  try {
    await Promise.all([
      creator ? undefined : recordHit(deps.db, visit.workId, visitorKey(deps.siteSecret, visit), now.toISOString().slice(0, 10)),
      visit.viewer ? recordReading(deps.db, visit.viewer.id, visit.workId, visit.chapterPosition, now.toISOString()) : undefined,
    ]);
  } catch (error) {
    console.error(`The visit to work ${visit.workId} was not counted:`, error);
  }
}

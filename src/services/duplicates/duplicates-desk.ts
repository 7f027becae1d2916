/**
 * Near-duplicates on the web, for moderators and admins: the pairs `quire duplicates` finds, less those a moderator
 * judged not to be duplicates; a pair merged the way `quire duplicates merge` merges it, logged in the moderators'
 * log in the merge's own transaction; and a pair dismissed, so that it is not offered again.
 */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import { insertDuplicateDismissal, listDismissedPairs, pairKey } from "../../db/repositories/duplicate-dismissals.js";
import { insertLogEntry } from "../../db/repositories/moderation-log.js";
import { listComparedWorks, type ComparedWork } from "../../db/repositories/work-signatures.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { requireModerator } from "../moderation/authorize.js";
import { findNearDuplicates, type NearDuplicatePair } from "./find-near-duplicates.js";
import { mergeWorksIn, type MergedWorks } from "./merge-works.js";

export type { ComparedWork };

type DeskDeps = { db: Kysely<Database>; engine: Engine };

/** Pairs on one page of the desk. */
const DUPLICATES_PAGE_SIZE = 25;

export interface DuplicatePairRow extends Omit<NearDuplicatePair, "workIds"> {
  /** The longer story first (by words; then the lower id). */
  works: [ComparedWork, ComparedWork];
}

export interface DuplicatesDesk {
  /** Every pair still to judge (all pages). */
  total: number;
  pairs: DuplicatePairRow[];
  page: number;
  pages: number;
}

/**
 * One page of the near-duplicate pairs not dismissed, the groups of the longest stories first and, in a group, the
 * most alike pair first. The library is searched whole on every call (unsigned works signed first).
 * @throws SignInRequiredError, ForbiddenError for anyone but an active moderator or admin.
 */
export async function readDuplicatesDesk(deps: DeskDeps, viewer: Viewer, request: { page: number }): Promise<DuplicatesDesk> {
  requireModerator(viewer);
  const dismissed = await listDismissedPairs(deps.db);
  const rows = (await findNearDuplicates(deps)).flatMap((group) => {
    const byId = new Map(group.works.map((w) => [w.id, w]));
    return group.pairs.flatMap(({ workIds: [a, b], jaccard, containment }): DuplicatePairRow[] => {
      const [first, second] = [byId.get(a), byId.get(b)];
      if (first === undefined || second === undefined || dismissed.has(pairKey(a, b))) return [];
      const longerFirst = second.wordCount > first.wordCount;
      return [{ works: longerFirst ? [second, first] : [first, second], jaccard, containment }];
    });
  });
  const pages = Math.max(1, Math.ceil(rows.length / DUPLICATES_PAGE_SIZE));
  const start = (request.page - 1) * DUPLICATES_PAGE_SIZE;
  return { total: rows.length, pairs: rows.slice(start, start + DUPLICATES_PAGE_SIZE), page: request.page, pages };
}

export interface MergeChoice {
  kept: ComparedWork;
  merged: ComparedWork;
}

/**
 * The two works of a merge, for the page that asks to confirm it.
 * @throws ValidationError when they are one work; NotFoundError when either is not in the library;
 *   SignInRequiredError, ForbiddenError as readDuplicatesDesk.
 */
export async function readMergeChoice(db: Kysely<Database>, viewer: Viewer, keptId: number, mergedId: number): Promise<MergeChoice> {
  requireModerator(viewer);
  if (keptId === mergedId) throw new ValidationError({ merge: "A work cannot be merged into itself." });
  const works = new Map((await listComparedWorks(db, [keptId, mergedId])).map((w) => [w.id, w]));
  const [kept, merged] = [works.get(keptId), works.get(mergedId)];
  if (kept === undefined) throw new NotFoundError(`Work ${keptId}`);
  if (merged === undefined) throw new NotFoundError(`Work ${mergedId}`);
  return { kept, merged };
}

/**
 * Merges work `mergedId` into work `keptId` (services/duplicates/merge-works.ts says what moves) and logs it
 * against the kept work, in one transaction.
 * @throws ValidationError, NotFoundError as mergeWorks; SignInRequiredError, ForbiddenError as readDuplicatesDesk.
 */
export async function mergeOnDesk(deps: DeskDeps, viewer: Viewer, keptId: number, mergedId: number, now: Date): Promise<MergedWorks> {
  const account = requireModerator(viewer);
  return deps.engine.writeTransaction(deps.db, async (trx) => {
    const merged = await mergeWorksIn({ db: trx, engine: deps.engine }, keptId, mergedId, now);
    await insertLogEntry(trx, {
      at: now.toISOString(), moderatorId: account.id, moderatorLogin: account.login, action: "merge-duplicate", targetType: "work", targetId: keptId,
      reason: `Merged work ${mergedId}, “${merged.merged.title}”, into “${merged.kept.title}” as a near-duplicate.`,
    });
    return merged;
  });
}

/**
 * Records that the two works are not duplicates, so that the desk does not offer the pair again. Dismissing a pair
 * twice changes nothing.
 * @throws ValidationError when they are one work; NotFoundError when either is not in the library;
 *   SignInRequiredError, ForbiddenError as readDuplicatesDesk.
 */
export async function dismissDuplicatePair(deps: DeskDeps, viewer: Viewer, a: number, b: number, now: Date): Promise<void> {
  const account = requireModerator(viewer);
  if (a === b) throw new ValidationError({ pair: "A work is always a duplicate of itself." });
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    const found = await listComparedWorks(trx, [a, b]);
    for (const id of [a, b]) if (!found.some((w) => w.id === id)) throw new NotFoundError(`Work ${id}`);
    await insertDuplicateDismissal(trx, { a, b, by: account.id, at: now.toISOString() });
  });
}

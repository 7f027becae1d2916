/**
 * Merging a near-duplicate into the work kept: in one transaction, the duplicate's source files become duplicate
 * sources of the kept work, its kudos, bookmarks, comments, subscriptions, reading history, hits and reports move
 * over (a reader's kudos or bookmark on both stays one), the kept work's counts are made again from its rows, and
 * the duplicate is deleted. The kept work's own text, tags and metadata stay as they are.
 */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";
import { recountWorkBookmarks } from "../../db/repositories/bookmarks.js";
import { recountWorkComments } from "../../db/repositories/comments.js";
import { moveWorkHoldings, recountKudosAndHits } from "../../db/repositories/merge-works.js";
import { deleteWork } from "../../db/repositories/posted-works.js";
import { findWorkTitle, touchWork } from "../../db/repositories/works.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";

export interface MergedWorks {
  kept: { id: number; title: string };
  merged: { id: number; title: string };
}

/**
 * Merges work `mergedId` into work `keptId`, in a transaction of its own.
 * @throws ValidationError when the two are one work; NotFoundError when either is not in the library.
 */
export async function mergeWorks(deps: { db: Kysely<Database>; engine: Engine }, keptId: number, mergedId: number, now: Date): Promise<MergedWorks> {
  return deps.engine.writeTransaction(deps.db, (trx) => mergeWorksIn({ db: trx, engine: deps.engine }, keptId, mergedId, now));
}

/**
 * Merges work `mergedId` into work `keptId` inside the caller's transaction, for a caller that records more in the
 * same one (the moderators' page logs the merge).
 * @throws as mergeWorks.
 */
export async function mergeWorksIn(deps: { db: Kysely<Database>; engine: Engine }, keptId: number, mergedId: number, now: Date): Promise<MergedWorks> {
  if (keptId === mergedId) throw new ValidationError({ works: `work ${keptId} cannot be merged into itself` });
  const { db: trx, engine } = deps;
  const [keptTitle, mergedTitle] = [await findWorkTitle(trx, keptId), await findWorkTitle(trx, mergedId)];
  if (keptTitle === undefined) throw new NotFoundError(`Work ${keptId}`);
  if (mergedTitle === undefined) throw new NotFoundError(`Work ${mergedId}`);
  await moveWorkHoldings(trx, mergedId, keptId);
  await deleteWork(trx, engine, mergedId);
  await recountKudosAndHits(trx, keptId);
  await recountWorkComments(trx, keptId);
  await recountWorkBookmarks(trx, keptId);
  await touchWork(trx, keptId, now.toISOString());
  return { kept: { id: keptId, title: keptTitle }, merged: { id: mergedId, title: mergedTitle } };
}

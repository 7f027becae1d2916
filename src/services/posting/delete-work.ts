/** Deleting a work, by its creators: the work goes with its chapters, comments, kudos and bookmarks. */
import { deleteWork as deleteWorkRows } from "../../db/repositories/posted-works.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError } from "../../domain/errors.js";
import type { PostingDeps } from "./deps.js";
import { requireEditableWork } from "./posting-access.js";

/** The title of the work about to be deleted, for the "Are you sure?" page. @throws as requireEditableWork. */
export async function readWorkToDelete(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<{ workId: number; title: string }> {
  await requireEditableWork(db, workId, viewer);
  const title = await findWorkTitle(db, workId);
  if (title === undefined) throw new NotFoundError(`Work ${workId}`);
  return { workId, title };
}

/** @throws as requireEditableWork. */
export async function deleteWork(deps: PostingDeps, viewer: Viewer, workId: number): Promise<void> {
  await requireEditableWork(deps.db, workId, viewer);
  await deps.engine.writeTransaction(deps.db, (trx) => deleteWorkRows(trx, deps.engine, workId));
}

/**
 * What a work's place in a collection changes beyond the collection's own rows: a collection's modes decide what
 * listings and cached pages show of its works (the change stamp) and whether the text index holds their creators'
 * names (an anonymous work's are left out). So whenever a work joins, leaves or its collection's modes change, the
 * work is touched and indexed again, in the same transaction.
 */
import type { Kysely } from "kysely";
import { listItemWorkIds } from "../../db/repositories/collections.js";
import { reindexWork, touchWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { CollectionDeps } from "./deps.js";

/** Touches and indexes the work again (module comment). */
export async function refreshWork(trx: Kysely<Database>, engine: CollectionDeps["engine"], workId: number, stamp: string): Promise<void> {
  await touchWork(trx, workId, stamp);
  await reindexWork(trx, engine, workId);
}

/** Refreshes every work in the collections (refreshWork), after their modes changed. */
export async function refreshCollectionWorks(trx: Kysely<Database>, engine: CollectionDeps["engine"], collectionIds: readonly number[], stamp: string): Promise<void> {
  for (const collectionId of collectionIds) {
    for (const workId of await listItemWorkIds(trx, collectionId)) await refreshWork(trx, engine, workId, stamp);
  }
}

/**
 * What every wrangling operation shares: one write transaction, the affected works' filters refreshed inside it,
 * and a history row when something changed.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import { refreshWorkFilters } from "../../db/repositories/tags.js";
import { insertWrangling, type WranglingRecord } from "../../db/repositories/wrangling-history.js";
import { findTagById, type WrangledTag } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { WranglingError } from "../../domain/errors.js";
import { isFixedTagType } from "../../domain/tags/wrangling-rules.js";

/** The part of the library wrangling needs: the database and the engine's write transactions. */
export type TagLibrary = Pick<Library, "db" | "engine">;

/** What an operation reports. `changed` is false when the vocabulary already was as asked. */
export interface WranglingOutcome {
  changed: boolean;
  /** Works whose filters were refreshed. */
  works: number;
}

/** What an operation did inside its transaction: the works whose filters must follow, and its history row. */
export interface WranglingChange<T> {
  outcome: T;
  works: readonly number[];
  /** Null when nothing changed. */
  record: WranglingRecord | null;
}

/** One operation, as run inside a transaction: what it changed, for `wrangle` or `wrangleAll` to apply. */
export type WranglingStep<T> = (trx: Kysely<Database>, now: string) => Promise<WranglingChange<T>>;

/** Runs one operation in a write transaction, refreshes the works it reached and records it. */
export function wrangle<T extends object>(library: TagLibrary, operation: WranglingStep<T>): Promise<T & WranglingOutcome> {
  const now = new Date().toISOString();
  return library.engine.writeTransaction(library.db, (trx) => applyStep(trx, now, operation));
}

/**
 * Runs several operations, in order, in one write transaction: each refreshes its works and is recorded as if run
 * alone, so a later one sees what an earlier one did; when one throws, none of them is kept. `recorded` joins each
 * history row's detail (who did it, from the web).
 */
export function wrangleAll<T extends object>(
  library: TagLibrary,
  operations: readonly WranglingStep<T>[],
  recorded: Readonly<Record<string, unknown>> = {},
): Promise<(T & WranglingOutcome)[]> {
  const now = new Date().toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    const outcomes: (T & WranglingOutcome)[] = [];
    for (const operation of operations) outcomes.push(await applyStep(trx, now, operation, recorded));
    return outcomes;
  });
}

async function applyStep<T extends object>(trx: Kysely<Database>, now: string, operation: WranglingStep<T>, recorded: Readonly<Record<string, unknown>> = {}): Promise<T & WranglingOutcome> {
  const change = await operation(trx, now);
  await refreshWorkFilters(trx, change.works);
  if (change.record) await insertWrangling(trx, { ...change.record, detail: { ...change.record.detail, ...recorded } }, now);
  return { ...change.outcome, changed: change.record !== null, works: new Set(change.works).size };
}

/** Nothing to do: the outcome as it is, no works, no history. */
export function unchanged<T>(outcome: T): WranglingChange<T> {
  return { outcome, works: [], record: null };
}

/** @throws WranglingError("fixed-tag") for a rating, archive warning or category: their names are the Archive's. */
export function assertWranglable(tag: WrangledTag): void {
  if (isFixedTagType(tag.type)) throw new WranglingError("fixed-tag", `"${tag.name}" is a fixed ${tag.type} tag: the Archive's ratings, warnings and categories are not wrangled`);
}

/** @throws WranglingError("not-canonical") unless the tag is canonical, saying what it is instead. */
export async function assertCanonical(db: Kysely<Database>, tag: WrangledTag, role: string): Promise<void> {
  if (tag.canonical) return;
  if (tag.mergerId === null) throw new WranglingError("not-canonical", `"${tag.name}" is not canonical, so it cannot be ${role}: make it canonical first`);
  const merger = await findTagById(db, tag.mergerId);
  throw new WranglingError("not-canonical", `"${tag.name}" is a synonym of "${merger?.name ?? "?"}", so it cannot be ${role}: use "${merger?.name ?? "?"}"`);
}

/**
 * Inferred values and the decisions about them (`inferred_values`): stored with each work as the import writes
 * it, listed as the review queue, marked accepted or corrected. The queue is a value's state, not a table of its
 * own: an undecided value is open when it is an inferred rating or its confidence is below the threshold.
 */
import { sql, type Kysely } from "kysely";
import { batchPathPrefix } from "../../domain/import-batch.js";
import type { Correction, InferredField, ReviewDecision } from "../../domain/review.js";
import type { InferredValue } from "../../domain/work.js";
import type { Database } from "../schema.js";

/** An inferred value as stored, with the decision about it. */
export interface StoredInferredValue extends InferredValue {
  id: number;
  workId: number;
  decision: ReviewDecision | null;
  /** What a correction replaced the value with; null when it removed the value (or for other decisions). */
  correctedTo: string | null;
  /** Who decided on the web (null: on the command line), and the rule that decided it, if one did. */
  decidedBy: number | null;
  ruleId: number | null;
  decidedAt: string | null;
}

/** Who made a decision, and by which rule: recorded with it. */
export interface DecisionMaker {
  userId: number | null;
  ruleId: number | null;
}

const COMMAND_LINE: DecisionMaker = { userId: null, ruleId: null };

/** Which open values to list: those below `below` (and every inferred rating), in one field or all. */
export interface OpenValuesFilter {
  below: number;
  field: InferredField | null;
}

export interface ReviewQueuePage extends OpenValuesFilter {
  /** Only the works of this import batch (domain/import-batch.ts); null for every work. */
  batch: string | null;
  limit: number;
  offset: number;
}

export interface WorkToReview {
  workId: number;
  title: string;
  /** The work's open values, least sure first. */
  values: InferredValue[];
}

export interface ReviewQueue {
  /** How many works have open values (all pages). */
  total: number;
  works: WorkToReview[];
}

/**
 * Stores the work's inferred values in one statement. A value stored already keeps its row, and with it any
 * decision made about it, so a file imported again never undoes a review.
 */
export async function storeInferredValues(db: Kysely<Database>, workId: number, values: readonly InferredValue[]): Promise<void> {
  const unique = new Map(values.map((v) => [`${v.field}\u0000${v.value}`, v]));
  if (unique.size === 0) return;
  await db
    .insertInto("inferred_values")
    .values([...unique.values()].map((v) => ({ work_id: workId, field: v.field, value: v.value, confidence: v.confidence, evidence: v.evidence })))
    .onConflict((oc) => oc.columns(["work_id", "field", "value"]).doNothing())
    .execute();
}

/** Drops the work's undecided values: a new reading of the work stores those it infers again. */
export async function deleteUndecidedValues(db: Kysely<Database>, workId: number): Promise<void> {
  await db.deleteFrom("inferred_values").where("work_id", "=", workId).where("decision", "is", null).execute();
}

/** The corrections made to the work's inferred values, oldest first. */
export async function listCorrections(db: Kysely<Database>, workId: number): Promise<Correction[]> {
  const rows = await db
    .selectFrom("inferred_values")
    .select(["field", "value", "corrected_to"])
    .where("work_id", "=", workId)
    .where("decision", "=", "corrected")
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ field: r.field, value: r.value, correctedTo: r.corrected_to }));
}

/** The open values as a query over `inferred_values as v`, to select from. */
export function openValues(db: Kysely<Database>, { below, field }: OpenValuesFilter) {
  const open = db
    .selectFrom("inferred_values as v")
    .where("v.decision", "is", null)
    .where((eb) => eb.or([eb("v.confidence", "<", below), eb("v.field", "=", "rating")]));
  return field ? open.where("v.field", "=", field) : open;
}

const VALUE_COLUMNS = ["v.id", "v.work_id", "v.field", "v.value", "v.confidence", "v.evidence", "v.decision", "v.corrected_to", "v.decided_by", "v.rule_id", "v.decided_at"] as const;

/**
 * Whether the work whose id is in `workColumn` has its primary file in the batch. Dialect-neutral: substr, replace
 * and length count characters on both engines, where LIKE would need escaping and differs in case.
 */
export function workInBatch(workColumn: "v.work_id" | "w.id", batch: string) {
  const { prefix, nested } = batchPathPrefix(batch);
  const start = [...prefix].length;
  const rest = sql<string>`substr(s.path, ${start + 1})`;
  return sql<boolean>`exists (select 1 from work_sources s where s.work_id = ${sql.ref(workColumn)} and s.role = 'primary'
    and substr(s.path, 1, ${start}) = ${prefix}${nested ? sql`` : sql` and replace(${rest}, '/', '') = ${rest}`})`;
}

/** One page of the works with open values, the work with the least sure value first (ties by work id). */
export async function listWorksToReview(db: Kysely<Database>, page: ReviewQueuePage): Promise<ReviewQueue> {
  const inPage = () => {
    const open = openValues(db, page);
    return page.batch === null ? open : open.where(workInBatch("v.work_id", page.batch));
  };
  const { n } = await inPage()
    .select((eb) => eb.fn.count<number>("v.work_id").distinct().as("n"))
    .executeTakeFirstOrThrow();
  const works = await inPage()
    .innerJoin("works as w", "w.id", "v.work_id")
    .select((eb) => ["v.work_id", "w.title", eb.fn.min("v.confidence").as("lowest")])
    .groupBy(["v.work_id", "w.title"])
    .orderBy("lowest")
    .orderBy("v.work_id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const values = works.length === 0 ? [] : await openValues(db, page)
    .select(VALUE_COLUMNS)
    .where("v.work_id", "in", works.map((w) => w.work_id))
    .orderBy("v.confidence")
    .orderBy("v.id")
    .execute();
  return {
    total: Number(n),
    works: works.map((w) => ({ workId: w.work_id, title: w.title, values: values.filter((v) => v.work_id === w.work_id).map((v) => inferredValue(storedValue(v))) })),
  };
}

/** The work's open values (see OpenValuesFilter), least sure first. */
export async function listOpenValues(db: Kysely<Database>, workId: number, filter: OpenValuesFilter): Promise<StoredInferredValue[]> {
  const rows = await openValues(db, filter).select(VALUE_COLUMNS).where("v.work_id", "=", workId).orderBy("v.confidence").orderBy("v.id").execute();
  return rows.map(storedValue);
}

/** Every value inferred for the work, decided or not, in one field or all, in the order stored. */
export async function listWorkInferredValues(db: Kysely<Database>, workId: number, field: InferredField | null): Promise<StoredInferredValue[]> {
  let query = db.selectFrom("inferred_values as v").select(VALUE_COLUMNS).where("v.work_id", "=", workId);
  if (field) query = query.where("v.field", "=", field);
  return (await query.orderBy("v.id").execute()).map(storedValue);
}

/** Records a decision about the values; `correctedTo` only for a correction. */
export async function markDecided(
  db: Kysely<Database>, ids: readonly number[], decision: ReviewDecision, correctedTo: string | null, now: string, by: DecisionMaker = COMMAND_LINE,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("inferred_values")
    .set({ decision, corrected_to: decision === "corrected" ? correctedTo : null, decided_at: now, decided_by: by.userId, rule_id: by.ruleId })
    .where("id", "in", ids)
    .execute();
}

type ValueRow = {
  id: number; work_id: number; field: InferredField; value: string; confidence: number; evidence: string; decision: ReviewDecision | null; corrected_to: string | null;
  decided_by: number | null; rule_id: number | null; decided_at: string | null;
};

function storedValue(row: ValueRow): StoredInferredValue {
  return {
    id: row.id, workId: row.work_id, field: row.field, value: row.value, confidence: Number(row.confidence), evidence: row.evidence, decision: row.decision, correctedTo: row.corrected_to,
    decidedBy: row.decided_by, ruleId: row.rule_id, decidedAt: row.decided_at,
  };
}

function inferredValue({ field, value, confidence, evidence }: StoredInferredValue): InferredValue {
  return { field, value, confidence, evidence };
}

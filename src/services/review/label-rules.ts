/**
 * Label rules on the import review desk: an archivist decides what a header label meant in one batch ("in this
 * archive, 'Category' is the fandom"), and the label's value in each of the batch's files is put on that field of
 * the file's work as a reviewer's correction would put it (correctStoredValue: tags made and linked, filters and the
 * full-text entry refreshed, the decision recorded with who made it and the rule). The parser is not changed: the
 * values are read again from the stored source files' headers (batch-headers.ts), as the labels page reads them.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import { deleteReviewRule, hasLabelRules, insertReviewRule, listReviewRules, type ReviewRule } from "../../db/repositories/review-rules.js";
import { listWorkInferredValues, storeInferredValues } from "../../db/repositories/review.js";
import { listPrimarySources } from "../../db/repositories/sources.js";
import { workHasTag } from "../../db/repositories/tags.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { importBatchOf } from "../../domain/import-batch.js";
import type { InferredField } from "../../domain/review.js";
import { nameKey } from "../../domain/sort-key.js";
import type { HeaderLine } from "../../importers/metadata/header-lines.js";
import { normaliseLabel } from "../../importers/metadata/labels.js";
import { cleanItem, normaliseRelationship, splitCharacters, splitFandoms, splitList } from "../../importers/metadata/values.js";
import { requireModerator } from "../moderation/authorize.js";
import { readBatchHeaders, readHeaders, type WorkHeader } from "./batch-headers.js";
import { checkedCorrection, correctStoredValue, TAG_TYPE_OF_FIELD } from "./correct-inferred-value.js";

/** Files a label rule reads at once: a batch is one closing archive, which this covers many times over. */
const LABEL_RULE_FILES = 100_000;

/** How a label's value splits into the field's values, as the importer splits that field's lists. */
const SPLIT_BY_FIELD: Readonly<Record<InferredField, (value: string) => string[]>> = {
  fandoms: (value) => splitFandoms(value, false),
  characters: splitCharacters,
  relationships: (value) => splitList(value).map(normaliseRelationship),
  categories: splitList,
  rating: (value) => [cleanItem(value)].filter(Boolean),
};

export interface LabelRuleRequest {
  batch: string;
  /** As written or normalised: it is normalised here. */
  label: string;
  field: InferredField;
}

export interface LabelRuleOutcome {
  /** The rules applied (one when a rule was made or found). */
  rules: number;
  /** Works whose values changed. */
  works: number;
  /** Values in the files that the field cannot take (a category that is none of the Archive's, say), left alone. */
  refused: number;
}

/**
 * Records the rule "the batch's `label` is its `field`" (or finds the same rule made before) and applies it at once
 * to every work of the batch whose file has the label, in one transaction.
 * @throws ValidationError for an empty batch or label; SignInRequiredError, ForbiddenError for anyone but an active
 *   moderator or admin.
 */
export async function makeLabelRule(library: Pick<Library, "db" | "engine">, viewer: Viewer, request: LabelRuleRequest): Promise<LabelRuleOutcome & { ruleId: number }> {
  const account = requireModerator(viewer);
  const label = normaliseLabel(request.label);
  if (request.batch === "") throw new ValidationError({ batch: "Name the batch the rule is for." });
  if (label === "") throw new ValidationError({ label: "Name the label the rule reads." });
  const { db, engine } = library;
  // The files are read before the transaction: a write lock is not held while the disk is read.
  const { headers } = await readBatchHeaders(db, request.batch, LABEL_RULE_FILES);
  return engine.writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const known = (await listReviewRules(trx, request.batch)).find((r) => r.label === label && r.field === request.field);
    const written = headers.flatMap((h) => h.lines).find((line) => normaliseLabel(line.label) === label)?.label ?? request.label.trim();
    const ruleId = known?.id ?? await insertReviewRule(trx, { batch: request.batch, field: request.field, from: written, to: null, label, createdBy: account.id, createdAt: now });
    const { changed, refused } = await applyLabelRuleTo({ db: trx, engine }, { id: ruleId, field: request.field, label }, headers, now, account.id);
    return { ruleId, rules: 1, works: changed.size, refused };
  });
}

/**
 * Applies the batch's label rules again, oldest first, in one transaction: for files imported or imported again
 * since the rules were made (an import that reads a file again drops the values its rules put on the work).
 * @throws SignInRequiredError, ForbiddenError as makeLabelRule.
 */
export async function applyLabelRules(library: Pick<Library, "db" | "engine">, viewer: Viewer, batch: string): Promise<LabelRuleOutcome> {
  const account = requireModerator(viewer);
  const { db, engine } = library;
  const rules = (await listReviewRules(db, batch)).filter((r) => r.label !== null);
  if (rules.length === 0) return { rules: 0, works: 0, refused: 0 };
  const { headers } = await readBatchHeaders(db, batch, LABEL_RULE_FILES);
  return engine.writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const changed = new Set<number>();
    let refused = 0;
    for (const rule of rules) {
      const outcome = await applyLabelRuleTo({ db: trx, engine }, { id: rule.id, field: rule.field, label: rule.label ?? "" }, headers, now, account.id);
      for (const workId of outcome.changed) changed.add(workId);
      refused += outcome.refused;
    }
    return { rules: rules.length, works: changed.size, refused };
  });
}

/**
 * Applies the label rules of the batches the works' files are in to those works: for the import, once it has stored
 * them (a file imported again is read afresh, which takes off what a rule put on its work). Each batch's works are
 * decided in a transaction of their own; the decisions name the rule and no account, as a decision made on the
 * command line does. @returns how many works changed.
 */
export async function applyLabelRulesToImported(library: Pick<Library, "db" | "engine">, workIds: readonly number[]): Promise<number> {
  const { db, engine } = library;
  if (workIds.length === 0 || !(await hasLabelRules(db))) return 0;
  const byBatch = new Map<string, Awaited<ReturnType<typeof listPrimarySources>>>();
  for (const source of await listPrimarySources(db, workIds)) {
    const batch = importBatchOf(source.path);
    const sources = byBatch.get(batch) ?? [];
    if (sources.length === 0) byBatch.set(batch, sources);
    sources.push(source);
  }
  let changed = 0;
  for (const [batch, sources] of byBatch) {
    const rules = (await listReviewRules(db, batch)).filter((r) => r.label !== null);
    if (rules.length === 0) continue;
    const headers = await readHeaders(sources);
    changed += await engine.writeTransaction(db, async (trx) => {
      const now = new Date().toISOString();
      const works = new Set<number>();
      for (const rule of rules) {
        for (const workId of (await applyLabelRuleTo({ db: trx, engine }, { id: rule.id, field: rule.field, label: rule.label ?? "" }, headers, now, null)).changed) works.add(workId);
      }
      return works.size;
    });
  }
  return changed;
}

/**
 * Removes one of the batch's rules (a label rule or a rule about one value). What it decided stays decided, as a
 * reviewer's correction does; the decisions no longer name it.
 * @throws NotFoundError when the batch has no such rule; SignInRequiredError, ForbiddenError as makeLabelRule.
 */
export async function removeReviewRule(library: Pick<Library, "db" | "engine">, viewer: Viewer, batch: string, ruleId: number): Promise<void> {
  requireModerator(viewer);
  const { db, engine } = library;
  const removed = await engine.writeTransaction(db, (trx) => deleteReviewRule(trx, batch, ruleId));
  if (!removed) throw new NotFoundError(`Rule ${ruleId} of this batch`);
}

type LabelRule = Pick<ReviewRule, "id" | "field"> & { label: string };
type Writer = { db: Kysely<Database>; engine: Library["engine"] };

/** The rule applied to each file's work, in the caller's transaction. @returns the works changed. */
async function applyLabelRuleTo(library: Writer, rule: LabelRule, headers: readonly WorkHeader[], now: string, userId: number | null): Promise<{ changed: Set<number>; refused: number }> {
  const changed = new Set<number>();
  let refused = 0;
  for (const { workId, lines } of headers) {
    const labelled = lines.filter((line) => normaliseLabel(line.label) === rule.label);
    if (labelled.length === 0) continue;
    const names: string[] = [];
    for (const value of labelled.flatMap((line) => SPLIT_BY_FIELD[rule.field](line.value))) {
      try {
        const name = checkedCorrection(rule.field, value);
        if (name !== null && !names.some((n) => nameKey(n) === nameKey(name))) names.push(name);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        refused += 1;
      }
    }
    // A work has one rating: the file's first.
    const wanted = rule.field === "rating" ? names.slice(0, 1) : names;
    if (await putValues(library, rule, workId, wanted, labelled, now, userId)) changed.add(workId);
  }
  return { changed, refused };
}

/**
 * Puts each value on the work as a correction by the rule: of the inferred value of that name (or, for a rating,
 * the undecided inferred rating) when there is one, else of a value recorded now with the header line as its
 * evidence. A value a reviewer or another rule decided is left as they decided it; one this rule decided before is
 * put back only if the work lost it (read again by an import). @returns whether anything changed.
 */
async function putValues(library: Writer, rule: LabelRule, workId: number, names: readonly string[], lines: readonly HeaderLine[], now: string, userId: number | null): Promise<boolean> {
  const { db } = library;
  let changed = false;
  for (const name of names) {
    const stored = await listWorkInferredValues(db, workId, rule.field);
    let target = stored.find((v) => nameKey(v.value) === nameKey(name)) ?? (rule.field === "rating" ? stored.find((v) => v.decision === null) : undefined);
    if (target && target.decision !== null) {
      if (target.ruleId !== rule.id) continue;
      if (await workHasTag(db, workId, TAG_TYPE_OF_FIELD[rule.field], nameKey(target.correctedTo ?? name))) continue;
    }
    if (!target) {
      const evidence = lines.map((line) => `${line.label}: ${line.value}`).join("; ").slice(0, 500);
      await storeInferredValues(db, workId, [{ field: rule.field, value: name, confidence: 1, evidence }]);
      target = (await listWorkInferredValues(db, workId, rule.field)).find((v) => v.value === name);
      if (!target) continue;
    }
    await correctStoredValue(library, target, name, now, { userId, ruleId: rule.id });
    changed = true;
  }
  return changed;
}

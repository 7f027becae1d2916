/**
 * Label rules on every engine: an imported batch whose files put the fandom on a `Section:` line gets that fandom
 * on each work whose file has the line, and no other batch's work does; search and its filters find them at once;
 * each value is recorded as a correction by the moderator and the rule; the rule is listed, applied again after a
 * file is imported again, and removable; and only moderators and admins may make one.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Account } from "../../src/domain/account.js";
import { ForbiddenError, NotFoundError } from "../../src/domain/errors.js";
import { parseQueryString } from "../../src/search/parse-query.js";
import { emptyWorkSearch, type WorkSearch } from "../../src/search/work-search.js";
import { readBatchLabels } from "../../src/services/review/batch-labels.js";
import { applyLabelRules, makeLabelRule, removeReviewRule } from "../../src/services/review/label-rules.js";
import { applyBatchRules, readWorkReview } from "../../src/services/review/review-desk.js";
import { searchWorks } from "../../src/services/search-works.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { importLabelFiles, LABEL_FANDOM, LABEL_FILES, writeLabelFiles, type LabelKey } from "../support/label-rules-library.js";

let root = "";
beforeAll(async () => {
  root = await writeLabelFiles();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(TEST_ENGINES)("label rules on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  const ids = {} as Record<LabelKey, number>;
  let moderator: Account;
  let reader: Account;
  const batch = () => join(root, "lamplight");

  beforeEach(async () => {
    for (const { path, text } of Object.values(LABEL_FILES)) await writeFile(join(root, path), text);
    Object.assign(ids, await importLabelFiles(quire(), root));
    const { db } = quire().library;
    const mod = await makeAccount(db, "Label_Mod", "moderator");
    const plain = await makeAccount(db, "Label_Reader", "reader");
    moderator = { id: mod.userId, login: mod.login, role: "moderator", suspended: false, suspendedUntil: null };
    reader = { id: plain.userId, login: plain.login, role: "reader", suspended: false, suspendedUntil: null };
  });

  const keyOf = (workId: number) => (Object.keys(ids) as LabelKey[]).find((k) => ids[k] === workId) ?? `#${workId}`;
  const fandomsOf = async (key: LabelKey) => (await quire().library.db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id")
    .select("t.name").where("wt.work_id", "=", ids[key]).where("t.type", "=", "Fandom").orderBy("wt.position").execute()).map((r) => r.name);
  const search = async (change: Partial<WorkSearch>) =>
    (await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), perPage: 100, ...change })).works.map((w) => keyOf(w.id)).sort();
  const withFandom = (name: string) => search({ includeTags: [{ type: "Fandom", name }] });

  it("reads the batch's Section line as no fandom before the rule", async () => {
    expect(await fandomsOf("wick")).toEqual([]);
    const labels = await readBatchLabels(quire().library.db, moderator, batch());
    expect(labels.labels.find((l) => l.key === "section")).toMatchObject({ label: "Section", field: null, files: 2 });
    expect(await withFandom(LABEL_FANDOM)).toEqual([]);
  });

  it("puts the label's value on the field of every work of the batch with the label, and of no other batch, found by search at once", async () => {
    const outcome = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Section", field: "fandoms" });
    expect(outcome).toMatchObject({ works: 2, refused: 0 });
    expect(await fandomsOf("wick")).toEqual([LABEL_FANDOM]);
    expect(await fandomsOf("ledger")).toEqual([LABEL_FANDOM, "Tidewater Saga"]);
    expect(await fandomsOf("quiet")).toEqual([]);
    expect(await fandomsOf("shore")).toEqual([]);
    expect(await withFandom(LABEL_FANDOM)).toEqual(["ledger", "wick"]);
    expect(await withFandom("Tidewater Saga")).toEqual(["ledger"]);
    expect(await search({ text: parseQueryString("tag:tidewater").text })).toEqual(["ledger"]);
  });

  it("records each value as the moderator's correction by the rule, and lists the rule on the labels page", async () => {
    const { ruleId } = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "section:", field: "fandoms" });
    const review = await readWorkReview(quire().library.db, moderator, ids.wick);
    expect(review.values.filter((v) => v.field === "fandoms")).toMatchObject([
      { value: LABEL_FANDOM, decision: "corrected", correctedTo: LABEL_FANDOM, decidedBy: moderator.id, evidence: `Section: ${LABEL_FANDOM}`, rule: { id: ruleId, label: "section", from: "Section" } },
    ]);
    const { rules } = await readBatchLabels(quire().library.db, moderator, batch());
    expect(rules).toMatchObject([{ id: ruleId, batch: batch(), label: "section", field: "fandoms", from: "Section", to: null, createdBy: "Label_Mod" }]);
    expect((await readBatchLabels(quire().library.db, moderator, join(root, "harbour"))).rules).toEqual([]);
    // The desk's rules about one value leave a label rule alone.
    expect(await applyBatchRules(quire().library, moderator, batch())).toBe(0);
  });

  it("is made once: the same rule again finds it and changes nothing more", async () => {
    const first = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Section", field: "fandoms" });
    const again = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "SECTION", field: "fandoms" });
    expect(again).toMatchObject({ ruleId: first.ruleId, works: 0 });
    expect(await applyLabelRules(quire().library, moderator, batch())).toEqual({ rules: 1, works: 0, refused: 0 });
    expect(await fandomsOf("ledger")).toEqual([LABEL_FANDOM, "Tidewater Saga"]);
  });

  it("applies again when the batch's files are imported again, and to a file imported into the batch since", async () => {
    await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Section", field: "fandoms" });
    await writeFile(join(root, LABEL_FILES.wick.path), `${LABEL_FILES.wick.text}\nShe lit it at dusk, and it burned till morning.\n`);
    const late = join(root, "lamplight", "late.txt");
    await writeFile(late, `Title: Late Lamps\nAuthor: Wren Hollis\nSection: ${LABEL_FANDOM}\n\nThe last lamps went up after the harbour bell.\n`);
    try {
      await importLabelFiles(quire(), root);
      const lateId = (await quire().library.db.selectFrom("work_sources").select("work_id").where("path", "=", late).executeTakeFirstOrThrow()).work_id;
      const wick = await quire().library.db.selectFrom("works").select("word_count").where("id", "=", ids.wick).executeTakeFirstOrThrow();
      expect(wick.word_count).toBeGreaterThan(20);
      expect(await fandomsOf("wick")).toEqual([LABEL_FANDOM]);
      expect(await fandomsOf("shore")).toEqual([]);
      const found = await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), perPage: 100, includeTags: [{ type: "Fandom", name: LABEL_FANDOM }] });
      expect(found.works.map((w) => w.id).sort((a, b) => a - b)).toEqual([ids.wick, ids.ledger, lateId].sort((a, b) => a - b));
    } finally {
      await rm(late);
    }
  });

  it("leaves a value the field cannot take, and a reviewer's decision, as they are", async () => {
    const categories = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Section", field: "categories" });
    expect(categories).toMatchObject({ works: 0, refused: 3 });
    const authors = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Author", field: "characters" });
    expect(authors.works).toBe(3);
    const { db } = quire().library;
    const charactersOf = async (key: LabelKey) => (await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select("t.name")
      .where("wt.work_id", "=", ids[key]).where("t.type", "=", "Character").execute()).map((r) => r.name);
    // Wick's value is now a reviewer's decision (no rule's); both works lose their tags, as a new reading would.
    await db.updateTable("inferred_values").set({ rule_id: null }).where("work_id", "=", ids.wick).where("field", "=", "characters").execute();
    await db.deleteFrom("work_tags").where("work_id", "in", [ids.wick, ids.ledger]).execute();
    expect(await applyLabelRules(quire().library, moderator, batch())).toEqual({ rules: 2, works: 1, refused: 3 });
    expect(await charactersOf("wick")).toEqual([]);
    expect(await charactersOf("ledger")).toEqual(["Wren Hollis"]);
  });

  it("removes a rule, leaving what it decided, and refuses a rule of another batch", async () => {
    const { ruleId } = await makeLabelRule(quire().library, moderator, { batch: batch(), label: "Section", field: "fandoms" });
    await expect(removeReviewRule(quire().library, moderator, join(root, "harbour"), ruleId)).rejects.toBeInstanceOf(NotFoundError);
    await removeReviewRule(quire().library, moderator, batch(), ruleId);
    expect((await readBatchLabels(quire().library.db, moderator, batch())).rules).toEqual([]);
    expect(await fandomsOf("wick")).toEqual([LABEL_FANDOM]);
    const [value] = (await readWorkReview(quire().library.db, moderator, ids.wick)).values.filter((v) => v.field === "fandoms");
    expect(value).toMatchObject({ decision: "corrected", ruleId: null, decidedBy: moderator.id });
  });

  it("is for moderators and admins only", async () => {
    await expect(makeLabelRule(quire().library, reader, { batch: batch(), label: "Section", field: "fandoms" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyLabelRules(quire().library, reader, batch())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await fandomsOf("wick")).toEqual([]);
    expect(await quire().library.db.selectFrom("review_rules").select("id").execute()).toEqual([]);
  });
});

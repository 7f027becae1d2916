/**
 * The import review desk's services on every engine: the queue by import batch (the folder or zip a file came
 * from), a work's values beside its source file, acceptance of many works recording who accepted, and a
 * correction made a rule that decides the same value on the batch's other works, and on no other batch's.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Account } from "../../src/domain/account.js";
import { QuireError } from "../../src/domain/errors.js";
import { acceptWorks, applyBatchRules, correctOnDesk, readDeskQueue, readWorkReview } from "../../src/services/review/review-desk.js";
import { SOURCE_EXCERPT_MAX } from "../../src/services/review/source-excerpt.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { DESK_FILES as FILES, storeDeskWorks, storeLateWork, writeDeskFiles, type DeskKey as Key } from "../support/review-desk-library.js";

let root = "";
beforeAll(async () => {
  root = await writeDeskFiles();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(TEST_ENGINES)("the import review desk on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  const ids = {} as Record<Key, number>;
  let moderator: Account;
  let reader: Account;

  beforeEach(async () => {
    const { db } = quire().library;
    Object.assign(ids, await storeDeskWorks(quire(), root));
    const mod = await makeAccount(db, "Desk_Mod", "moderator");
    const plain = await makeAccount(db, "Desk_Reader", "reader");
    moderator = { id: mod.userId, login: mod.login, role: "moderator", suspended: false, suspendedUntil: null };
    reader = { id: plain.userId, login: plain.login, role: "reader", suspended: false, suspendedUntil: null };
  });

  const keyOf = (workId: number) => (Object.keys(ids) as Key[]).find((k) => ids[k] === workId);
  const queueKeys = async (batch: string | null) => (await readDeskQueue(quire().library.db, moderator, { batch, page: 1 })).queue.works.map((w) => keyOf(w.workId));
  const fandomDecision = async (key: Key) => {
    const fandom = (await readWorkReview(quire().library.db, moderator, ids[key])).values.find((v) => v.field === "fandoms");
    return { decision: fandom?.decision, to: fandom?.correctedTo, by: fandom?.decidedBy, rule: fandom?.rule?.from };
  };

  it("groups the queue by the folder or zip archive each work's file came from, the least sure first", async () => {
    const desk = await readDeskQueue(quire().library.db, moderator, { batch: null, page: 1 });
    expect(desk.batches).toEqual([
      { batch: join(root, "gateroom"), works: 1 }, { batch: join(root, "hellmouth"), works: 2 }, { batch: join(root, "mailing.zip"), works: 1 },
    ]);
    expect(desk.queue.works.map((w) => keyOf(w.workId))).toEqual(["gate", "lanterns", "crypt", "long"]);
    expect(await queueKeys(join(root, "hellmouth"))).toEqual(["lanterns", "crypt"]);
    expect(await queueKeys(join(root, "mailing.zip"))).toEqual(["long"]);
    // A folder's batch is its own files: a parent folder holds none of them.
    expect(await queueKeys(root)).toEqual([]);
  });

  it("shows a work's values beside its source file's text, read from a folder or a zip, long files cut", async () => {
    const review = await readWorkReview(quire().library.db, moderator, ids.lanterns);
    expect(review).toMatchObject({ title: "lanterns", batch: join(root, "hellmouth"), values: [{ value: "Btvs", confidence: 0.4, evidence: "Category: Btvs", decision: null }, { value: "Willow Rosenberg" }] });
    expect(review.source).toMatchObject({ kind: "text", truncated: false, changed: false, text: expect.stringContaining("Willow lit the lanterns") });
    const long = await readWorkReview(quire().library.db, moderator, ids.long);
    expect(long.source).toMatchObject({ kind: "text", truncated: true, changed: false });
    expect(long.source?.kind === "text" ? [long.source.text.length, long.source.totalCharacters > SOURCE_EXCERPT_MAX] : null).toEqual([SOURCE_EXCERPT_MAX, true]);
  });

  it("says when the source file has changed or gone, rather than failing", async () => {
    await writeFile(join(root, FILES.crypt.path), "Rewritten since.");
    expect((await readWorkReview(quire().library.db, moderator, ids.crypt)).source).toMatchObject({ kind: "text", changed: true, text: "Rewritten since." });
    await rm(join(root, FILES.crypt.path));
    expect((await readWorkReview(quire().library.db, moderator, ids.crypt)).source).toMatchObject({ kind: "unreadable", reason: expect.stringContaining("cannot be read") });
    await writeFile(join(root, FILES.crypt.path), FILES.crypt.text);
  });

  it("accepts many works at once, recording who accepted, and the queue drops them", async () => {
    const accepted = await acceptWorks(quire().library, moderator, [ids.lanterns, ids.gate, ids.lanterns]);
    expect(accepted.map((w) => [keyOf(w.workId), w.values.length])).toEqual([["lanterns", 2], ["gate", 1]]);
    expect(await queueKeys(null)).toEqual(["crypt", "long"]);
    expect(await fandomDecision("gate")).toEqual({ decision: "accepted", to: null, by: moderator.id, rule: undefined });
  });

  it("makes a correction a rule for the batch: the same value on its other works is corrected, naming the rule", async () => {
    const corrected = await correctOnDesk(quire().library, moderator, ids.lanterns, { field: "fandoms", value: "btvs", to: "Buffy the Vampire Slayer", applyToBatch: true });
    expect(corrected).toMatchObject({ value: "Btvs", correctedTo: "Buffy the Vampire Slayer", rule: { batch: join(root, "hellmouth"), decided: 1 } });
    expect(await fandomDecision("lanterns")).toEqual({ decision: "corrected", to: "Buffy the Vampire Slayer", by: moderator.id, rule: "Btvs" });
    expect(await fandomDecision("crypt")).toEqual({ decision: "corrected", to: "Buffy the Vampire Slayer", by: moderator.id, rule: "Btvs" });
    // The other batch's same guess waits for its own decision.
    expect(await fandomDecision("gate")).toEqual({ decision: null, to: null, by: null, rule: undefined });
    const desk = await readDeskQueue(quire().library.db, moderator, { batch: join(root, "hellmouth"), page: 1 });
    expect(desk.rules).toMatchObject([{ field: "fandoms", from: "Btvs", to: "Buffy the Vampire Slayer", createdBy: "Desk_Mod" }]);
    // The corrected work carries the tag: the correction went through the same service as the command line's.
    const tags = await quire().library.db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select("t.name").where("wt.work_id", "=", ids.crypt).execute();
    expect(tags.map((t) => t.name)).toContain("Buffy the Vampire Slayer");
    expect(tags.map((t) => t.name)).not.toContain("BTVS");
  });

  it("applies a batch's rules again to the works imported into it since", async () => {
    await correctOnDesk(quire().library, moderator, ids.lanterns, { field: "fandoms", value: "Btvs", to: "Buffy the Vampire Slayer", applyToBatch: true });
    const late = await storeLateWork(quire(), join(root, "hellmouth", "late.txt"), "btvs");
    expect(await applyBatchRules(quire().library, moderator, join(root, "gateroom"))).toBe(0);
    expect(await applyBatchRules(quire().library, moderator, join(root, "hellmouth"))).toBe(1);
    const value = (await readWorkReview(quire().library.db, moderator, late)).values[0];
    expect(value).toMatchObject({ decision: "corrected", correctedTo: "Buffy the Vampire Slayer", decidedByLogin: "Desk_Mod", rule: { from: "Btvs" } });
    expect(await applyBatchRules(quire().library, moderator, join(root, "hellmouth"))).toBe(0);
    expect(await applyBatchRules(quire().library, reader, join(root, "hellmouth")).catch((e: unknown) => e)).toMatchObject({ code: "forbidden" });
  });

  it("corrects one work alone without a rule, and refuses what the field cannot take", async () => {
    expect((await correctOnDesk(quire().library, moderator, ids.lanterns, { field: "fandoms", value: "Btvs", to: null, applyToBatch: false })).rule).toBeNull();
    expect(await fandomDecision("lanterns")).toMatchObject({ decision: "corrected", to: null });
    expect(await fandomDecision("crypt")).toMatchObject({ decision: null });
    const refusal = await correctOnDesk(quire().library, moderator, ids.crypt, { field: "fandoms", value: "Angel", to: "Angel", applyToBatch: true }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ name: "ValidationError" });
    expect((await readDeskQueue(quire().library.db, moderator, { batch: null, page: 1 })).rules).toEqual([]);
  });

  it("is for moderators and admins only", async () => {
    for (const attempt of [
      readDeskQueue(quire().library.db, reader, { batch: null, page: 1 }), readWorkReview(quire().library.db, reader, ids.crypt),
      acceptWorks(quire().library, reader, [ids.crypt]), correctOnDesk(quire().library, null, ids.crypt, { field: "fandoms", value: "BTVS", to: "X", applyToBatch: true }),
    ]) {
      expect(await attempt.then(() => null, (e: unknown) => (e instanceof QuireError ? e.code : e))).toMatch(/forbidden|sign-in/u);
    }
    expect(await fandomDecision("crypt")).toMatchObject({ decision: null });
  });
});

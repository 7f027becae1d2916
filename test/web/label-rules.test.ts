/**
 * Label rules through the web app, on both engines: the labels page offers each label as a field, with the page's
 * CSRF token; a moderator's rule puts the batch's `Section:` values on its works' fandoms, reports how many works it
 * changed, lists the rule and lets it be removed; the works listing's fandom filter finds them at once; readers,
 * authors and guests are refused, as is a form without the token, and nothing changes.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { deskScene, type DeskScene } from "../support/desk-scene.js";
import { importLabelFiles, LABEL_FANDOM, writeLabelFiles, type LabelKey } from "../support/label-rules-library.js";

let root = "";
beforeAll(async () => {
  root = await writeLabelFiles();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Scene = DeskScene<LabelKey>;

const setUp = (quire: Quire): Promise<Scene> => deskScene(quire, (library) => importLabelFiles(library, root));

const labelsPage = (batch: string) => `/moderation/review/labels?${new URLSearchParams({ batch }).toString()}`;
const sectionRule = (batch: string) => ({ batch, label: "section", field: "fandoms" });

async function rules(quire: Quire) {
  return quire.library.db.selectFrom("review_rules").select(["id", "label", "field"]).orderBy("id").execute();
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("label rules on the web on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("offers each label as a field, and a rule puts the label's values on the batch's works, found by the fandom filter at once", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const batch = join(root, "lamplight");
    const page = await (await moderator.get(labelsPage(batch))).text();
    expect(page).toContain(`<input type="hidden" name="label" value="section"/>`);
    expect(page).toMatch(/<form method="post" action="\/moderation\/review\/labels\/rules" class="label-rule"><input type="hidden" name="_csrf" value="[^"]+"\/>/u);
    expect(page).toContain(`<option value="fandoms">fandom</option>`);
    expect(await (await s.guest().get(`/works?${new URLSearchParams({ fandom: LABEL_FANDOM }).toString()}`)).text()).not.toContain("Trimming the Wick");

    const made = await moderator.post("/moderation/review/labels/rules", sectionRule(batch));
    expect(made.status).toBe(303);
    expect(made.headers.get("Location")).toBe(`/moderation/review/labels?${new URLSearchParams({ batch, changed: "2", refused: "0" }).toString()}`);
    const report = await (await moderator.follow(made)).text();
    expect(report).toContain("The batch’s label rules changed 2 works.");
    const [rule] = await rules(s.quire);
    expect(rule).toMatchObject({ label: "section", field: "fandoms" });
    expect(report).toContain(`Rule ${rule?.id} (${batch}): the files’ “Section” line is the fandom`);
    expect(report).toContain(`action="/moderation/review/labels/rules/${rule?.id}/remove"`);

    const listing = await (await s.guest().get(`/works?${new URLSearchParams({ fandom: LABEL_FANDOM }).toString()}`)).text();
    expect(listing).toContain("Trimming the Wick");
    expect(listing).toContain("The Ember Ledger");
    expect(listing).not.toContain("The Far Shore");
    expect(listing).not.toContain("Quiet Harbour");
    const review = await (await moderator.get(`/moderation/review/works/${s.ids.wick}`)).text();
    expect(review).toContain(`Corrected to “${LABEL_FANDOM}” — Archivist`);
    expect(review).toContain(`by <a href="#rule-${rule?.id}">rule ${rule?.id}</a>`);
  });

  it("applies the rules again from a button, and removes a rule, leaving what it decided", async () => {
    const s = await setUp(library());
    const admin = await s.as(s.accounts.admin);
    const batch = join(root, "lamplight");
    await admin.post("/moderation/review/labels/rules", sectionRule(batch));
    const [rule] = await rules(s.quire);
    await s.quire.library.db.deleteFrom("work_tags").where("work_id", "=", s.ids.wick).execute();
    const applied = await admin.post("/moderation/review/labels/rules/apply", { batch });
    expect(applied.headers.get("Location")).toBe(`/moderation/review/labels?${new URLSearchParams({ batch, changed: "1", refused: "0" }).toString()}`);
    expect(await (await s.guest().get(`/works?${new URLSearchParams({ fandom: LABEL_FANDOM }).toString()}`)).text()).toContain("Trimming the Wick");

    expect((await admin.post(`/moderation/review/labels/rules/${rule?.id}/remove`, { batch: join(root, "harbour") })).status).toBe(404);
    const removed = await admin.post(`/moderation/review/labels/rules/${rule?.id}/remove`, { batch });
    expect(removed.headers.get("Location")).toBe(labelsPage(batch));
    expect(await rules(s.quire)).toEqual([]);
    expect(await (await admin.follow(removed)).text()).toContain("None yet.");
    expect(await (await s.guest().get(`/works?${new URLSearchParams({ fandom: LABEL_FANDOM }).toString()}`)).text()).toContain("Trimming the Wick");
  });

  it("refuses guests, readers and authors, and any form without the page's CSRF token", async () => {
    const s = await setUp(library());
    const batch = join(root, "lamplight");
    expect((await s.guest().get(labelsPage(batch))).headers.get("Location")).toMatch(/^\/login\?return=/u);
    for (const account of [s.accounts.reader, s.accounts.author]) {
      const client = await s.as(account);
      expect((await client.get(labelsPage(batch))).status).toBe(403);
      expect((await client.post("/moderation/review/labels/rules", sectionRule(batch))).status).toBe(403);
      expect((await client.post("/moderation/review/labels/rules/apply", { batch })).status).toBe(403);
    }
    const moderator = await s.as(s.accounts.moderator);
    expect((await moderator.post("/moderation/review/labels/rules", sectionRule(batch), { csrf: false })).status).toBe(403);
    expect((await moderator.post("/moderation/review/labels/rules", sectionRule(batch), { csrf: "forged" })).status).toBe(403);
    expect(await rules(s.quire)).toEqual([]);
    expect((await moderator.post("/moderation/review/labels/rules", { ...sectionRule(batch), field: "genres" })).status).toBe(400);
    await moderator.post("/moderation/review/labels/rules", sectionRule(batch));
    const [rule] = await rules(s.quire);
    const author = await s.as(s.accounts.author);
    expect((await author.post(`/moderation/review/labels/rules/${rule?.id}/remove`, { batch })).status).toBe(403);
    expect((await moderator.post(`/moderation/review/labels/rules/${rule?.id}/remove`, { batch }, { csrf: false })).status).toBe(403);
    expect(await rules(s.quire)).toHaveLength(1);
  });
});

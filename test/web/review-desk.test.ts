/**
 * The import review desk through the web app, on both engines: moderators and admins only, the queue by batch,
 * a work's values beside its source file (escaped), bulk acceptance from the queue's checkboxes, a correction made
 * a rule that decides another work of the batch, and CSRF on every decision.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { deskScene, type DeskScene } from "../support/desk-scene.js";
import { storeDeskWorks, storeLateWork, writeDeskFiles, type DeskKey } from "../support/review-desk-library.js";

let root = "";
beforeAll(async () => {
  root = await writeDeskFiles();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Scene = DeskScene<DeskKey>;

const setUp = (quire: Quire): Promise<Scene> => deskScene(quire, (library) => storeDeskWorks(library, root));

async function decisions(quire: Quire, workId: number) {
  return quire.library.db.selectFrom("inferred_values").select(["value", "decision", "corrected_to", "decided_by", "rule_id"]).where("work_id", "=", workId).orderBy("id").execute();
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("the import review desk on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("is for moderators and admins: guests sign in, readers and authors are refused and decide nothing", async () => {
    const s = await setUp(library());
    const workPage = `/moderation/review/works/${s.ids.crypt}`;
    expect((await s.guest().get("/moderation/review")).headers.get("Location")).toMatch(/^\/login\?return=/u);
    for (const account of [s.accounts.reader, s.accounts.author]) {
      const client = await s.as(account);
      expect((await client.get("/moderation/review")).status).toBe(403);
      expect((await client.get(workPage)).status).toBe(403);
      expect((await client.post("/moderation/review/accept", { work: String(s.ids.crypt) })).status).toBe(403);
      expect((await client.post(`${workPage}/accept`)).status).toBe(403);
      expect((await client.post(`${workPage}/correct`, { field: "fandoms", value: "BTVS", to: "Angel", batch: "on" })).status).toBe(403);
    }
    expect(await decisions(s.quire, s.ids.crypt)).toMatchObject([{ decision: null }]);
    for (const account of [s.accounts.moderator, s.accounts.admin]) expect((await (await s.as(account)).get("/moderation/review")).status).toBe(200);
  });

  it("lists the batches and the works to review, the least sure first, and filters by batch", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const all = await (await moderator.get("/moderation/review")).text();
    const order = ["gate", "lanterns", "crypt", "long"].map((key) => all.indexOf(`id="review-work-${s.ids[key as DeskKey]}"`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(all).toContain(`<option value="${join(root, "hellmouth")}">${join(root, "hellmouth")} (2 works)</option>`);
    const batch = await (await moderator.get(`/moderation/review?batch=${encodeURIComponent(join(root, "hellmouth"))}`)).text();
    expect(batch).toContain("2 works with values to review in this batch");
    expect(batch).not.toContain(`id="review-work-${s.ids.gate}"`);
  });

  it("shows a work's values beside its source file's text, escaped", async () => {
    const s = await setUp(library());
    const html = await (await (await s.as(s.accounts.moderator)).get(`/moderation/review/works/${s.ids.lanterns}`)).text();
    expect(html).toContain("Fandom: Btvs");
    expect(html).toContain("40%");
    expect(html).toContain("Category: Btvs");
    expect(html).toContain("Willow lit the lanterns one by one. &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    const long = await (await (await s.as(s.accounts.moderator)).get(`/moderation/review/works/${s.ids.long}`)).text();
    expect(long).toMatch(/The file is [\d,]+ characters long: the first 60,000 are shown\./u);
  });

  it("accepts the works chosen on the queue, back to the queue, recording who accepted", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const accepted = await moderator.post("/moderation/review/accept", { work: [String(s.ids.lanterns), String(s.ids.gate)], return: "/moderation/review?page=1" });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("Location")).toBe("/moderation/review?page=1");
    expect(await decisions(s.quire, s.ids.lanterns)).toMatchObject([{ decision: "accepted", decided_by: s.accounts.moderator.userId }, { decision: "accepted" }]);
    expect(await decisions(s.quire, s.ids.gate)).toMatchObject([{ decision: "accepted" }]);
    expect(await decisions(s.quire, s.ids.crypt)).toMatchObject([{ decision: null }]);
    const queue = await (await moderator.follow(accepted)).text();
    expect(queue).not.toContain(`id="review-work-${s.ids.lanterns}"`);
    expect(queue).toContain(`id="review-work-${s.ids.crypt}"`);
    expect((await moderator.post("/moderation/review/accept", {})).status).toBe(400);
  });

  it("makes a correction a rule for the batch: another work's same value is corrected, and the rule is its reason", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const corrected = await moderator.post(`/moderation/review/works/${s.ids.lanterns}/correct`, { field: "fandoms", value: "Btvs", to: "Buffy the Vampire Slayer", batch: "on" });
    expect(corrected.status).toBe(303);
    expect(corrected.headers.get("Location")).toBe(`/moderation/review/works/${s.ids.lanterns}`);
    const [crypt] = await decisions(s.quire, s.ids.crypt);
    expect(crypt).toMatchObject({ decision: "corrected", corrected_to: "Buffy the Vampire Slayer", decided_by: s.accounts.moderator.userId, rule_id: expect.any(Number) });
    expect(await decisions(s.quire, s.ids.gate)).toMatchObject([{ decision: null }]);
    const page = await (await moderator.get(`/moderation/review/works/${s.ids.crypt}`)).text();
    expect(page).toContain(`Corrected to “Buffy the Vampire Slayer” — Archivist`);
    expect(page).toContain(`by <a href="#rule-${crypt?.rule_id}">rule ${crypt?.rule_id}</a>`);
    expect(page).toContain(`Fandom “Btvs” is “Buffy the Vampire Slayer”`);
    expect(await (await moderator.get("/moderation/review")).text()).toContain(`id="rule-${crypt?.rule_id}"`);
  });

  it("applies the batch's rules again from the queue, to a work imported since", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const hellmouth = join(root, "hellmouth");
    await moderator.post(`/moderation/review/works/${s.ids.crypt}/correct`, { field: "fandoms", value: "BTVS", to: "Buffy the Vampire Slayer", batch: "on" });
    const late = await storeLateWork(s.quire, join(hellmouth, "late.txt"), "Btvs");
    expect(await (await moderator.get(`/moderation/review?batch=${encodeURIComponent(hellmouth)}`)).text()).toContain("Apply this batch’s rules to its undecided values");
    const applied = await moderator.post("/moderation/review/rules/apply", { batch: hellmouth });
    expect(applied.headers.get("Location")).toBe(`/moderation/review?${new URLSearchParams({ batch: hellmouth }).toString()}`);
    expect(await decisions(s.quire, late)).toMatchObject([{ decision: "corrected", corrected_to: "Buffy the Vampire Slayer", rule_id: expect.any(Number) }]);
    expect((await (await s.as(s.accounts.author)).post("/moderation/review/rules/apply", { batch: hellmouth })).status).toBe(403);
  });

  it("corrects or removes one value alone, and refuses a value the work lacks, a field that is none, a work that is none", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    expect((await moderator.post(`/moderation/review/works/${s.ids.lanterns}/correct`, { field: "characters", value: "Willow Rosenberg", to: "", remove: "on" })).status).toBe(303);
    expect(await decisions(s.quire, s.ids.lanterns)).toMatchObject([{ decision: null }, { decision: "corrected", corrected_to: null, rule_id: null }]);
    expect((await moderator.post(`/moderation/review/works/${s.ids.lanterns}/correct`, { field: "fandoms", value: "Angel", to: "Angel" })).status).toBe(400);
    expect((await moderator.post(`/moderation/review/works/${s.ids.lanterns}/correct`, { field: "genre", value: "Btvs", to: "Angel" })).status).toBe(400);
    expect((await moderator.post(`/moderation/review/works/999999/correct`, { field: "fandoms", value: "Btvs", to: "Angel" })).status).toBe(404);
  });

  it("refuses every decision without the page's CSRF token", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    expect((await moderator.post("/moderation/review/accept", { work: String(s.ids.crypt) }, { csrf: false })).status).toBe(403);
    expect((await moderator.post(`/moderation/review/works/${s.ids.crypt}/accept`, {}, { csrf: "forged" })).status).toBe(403);
    expect((await moderator.post(`/moderation/review/works/${s.ids.crypt}/correct`, { field: "fandoms", value: "BTVS", to: "Angel", batch: "on" }, { csrf: false })).status).toBe(403);
    expect(await decisions(s.quire, s.ids.crypt)).toMatchObject([{ decision: null }]);
    expect((await moderator.post(`/moderation/review/works/${s.ids.crypt}/accept`)).status).toBe(303);
    expect(await decisions(s.quire, s.ids.crypt)).toMatchObject([{ decision: "accepted" }]);
  });
});

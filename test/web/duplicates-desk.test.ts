/**
 * Near-duplicates on the web, on both engines: moderators and admins only; the pairs with both works' titles,
 * authors and sizes and their overlap; a merge asked for on a confirmation page and done in one transaction by the
 * merge service (kudos moved, the duplicate gone, the merge logged); a pair dismissed and not offered again; and
 * CSRF on both forms.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { addKudos } from "../../src/db/repositories/kudos.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { parsedWork, toStore } from "../factories.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";

const NOW = "2026-11-30T12:00:00.000Z";

// Original fixture prose: a story, a longer version of it, and a story it has nothing to do with.
const BEACON = `The keeper of the beacon on Saltwick Head kept two logs, one for the ships and one for the gulls. The
ships' log was the one the harbour board asked to see each quarter, with its columns of names and hours and the state
of the sea. The gulls' log was written in pencil in the back of an almanac, and it said which birds had come to the
rail that morning, and what they had brought, and which of them had looked at her as though they wanted to speak.`;

const BEACON_MORE = `In the ninth winter a gull came to the rail with a brass button in its beak, stamped with an anchor,
and set it down beside her tea as carefully as a clerk sets down a receipt. She wrote it in the almanac and then,
after a long while, in the ships' log too, under a column meant for wrecks, though no ship had been lost that year.`;

const ORCHARD = `Nobody in the valley could say who had planted the orchard on the wrong side of the river. The trees
stood in rows too straight for an accident, pears and quinces and one old medlar, and every autumn they fruited for
no one, because the ford had washed out in a flood before anybody's grandmother was born and the bridge was never built.`;

interface Scene {
  quire: Quire;
  short: number;
  long: number;
  other: number;
  accounts: Record<"reader" | "author" | "moderator" | "admin", TestAccount>;
  as(account: TestAccount): Promise<WebClient>;
  guest(): WebClient;
}

async function setUp(quire: Quire): Promise<Scene> {
  const { db, engine } = quire.library;
  const store = (title: string, author: string, chapters: string[]) => insertWork(db, engine, toStore(parsedWork({ title, authors: [author], chapters })), NOW);
  const short = await store("The Beacon Logs", "Marram Grey", [BEACON]);
  const long = await store("The Beacon Logs, complete", "Marram Grey", [BEACON, BEACON_MORE]);
  const other = await store("The Orchard Across the River", "Teasel Hart", [ORCHARD]);
  const app = createApp(webDeps(quire));
  const [reader, author, moderator, admin] = await Promise.all([
    makeAccount(db, "Reader", "reader"), makeAccount(db, "Author", "author"), makeAccount(db, "Keeper", "moderator"), makeAccount(db, "Admin", "admin"),
  ]);
  return {
    quire, short, long, other, accounts: { reader, author, moderator, admin },
    guest: () => new WebClient(app),
    as: async (account) => {
      const client = new WebClient(app);
      await signInAs(db, client, account, TODAY);
      return client;
    },
  };
}

const workIds = async (quire: Quire) => (await quire.library.db.selectFrom("works").select("id").orderBy("id").execute()).map((r) => r.id);

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("near-duplicates on the web on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("is for moderators and admins: guests sign in, readers and authors are refused and change nothing", async () => {
    const s = await setUp(library());
    expect((await s.guest().get("/moderation/duplicates")).headers.get("Location")).toMatch(/^\/login\?return=/u);
    for (const account of [s.accounts.reader, s.accounts.author]) {
      const client = await s.as(account);
      expect((await client.get("/moderation/duplicates")).status).toBe(403);
      expect((await client.get(`/moderation/duplicates/merge?keep=${s.long}&merge=${s.short}`)).status).toBe(403);
      expect((await client.post("/moderation/duplicates/merge", { keep: String(s.long), merge: String(s.short) })).status).toBe(403);
      expect((await client.post("/moderation/duplicates/dismiss", { a: String(s.long), b: String(s.short) })).status).toBe(403);
    }
    expect(await workIds(s.quire)).toEqual([s.short, s.long, s.other]);
    expect(await s.quire.library.db.selectFrom("duplicate_dismissals").selectAll().execute()).toEqual([]);
    for (const account of [s.accounts.moderator, s.accounts.admin]) expect((await (await s.as(account)).get("/moderation/duplicates")).status).toBe(200);
  });

  it("lists the pair found with both works' titles, authors, sizes and overlap, and leaves the unrelated work out", async () => {
    const s = await setUp(library());
    const html = await (await (await s.as(s.accounts.moderator)).get("/moderation/duplicates")).text();
    expect(html).toContain("1 pair of works");
    // The longer story first, and all of the shorter one is in it.
    expect(html).toContain(`id="pair-${s.long}-${s.short}"`);
    expect(html).toContain("100% of the shorter story is in the longer");
    expect(html).toMatch(new RegExp(`<a href="/works/${s.long}">The Beacon Logs, complete</a> \\(work ${s.long}\\) by Marram Grey: \\d+ words, 2 chapters`, "u"));
    expect(html).toMatch(new RegExp(`<a href="/works/${s.short}">The Beacon Logs</a> \\(work ${s.short}\\) by Marram Grey: \\d+ words, 1 chapter\\.`, "u"));
    expect(html).toContain(`href="/moderation/duplicates/merge?keep=${s.short}&amp;merge=${s.long}"`);
    expect(html).not.toContain("The Orchard Across the River");
  });

  it("asks to confirm a merge, then merges in one go: kudos moved, the duplicate gone, the merge logged", async () => {
    const s = await setUp(library());
    const { db } = s.quire.library;
    await addKudos(db, s.short, { userId: s.accounts.reader.userId }, NOW);
    const moderator = await s.as(s.accounts.moderator);
    const confirm = await (await moderator.get(`/moderation/duplicates/merge?keep=${s.long}&merge=${s.short}`)).text();
    expect(confirm).toContain("Merge “The Beacon Logs” into “The Beacon Logs, complete”?");
    expect(confirm).toContain('name="_csrf"');
    expect(await workIds(s.quire)).toEqual([s.short, s.long, s.other]);

    const merged = await moderator.post("/moderation/duplicates/merge", { keep: String(s.long), merge: String(s.short) });
    expect(merged.status).toBe(303);
    expect(merged.headers.get("Location")).toBe("/moderation/duplicates");
    expect(await workIds(s.quire)).toEqual([s.long, s.other]);
    expect(await db.selectFrom("works").select("kudos").where("id", "=", s.long).executeTakeFirstOrThrow()).toEqual({ kudos: 1 });
    const log = await db.selectFrom("moderation_log").select(["action", "target_id", "moderator_id", "reason"]).execute();
    expect(log).toEqual([{ action: "merge-duplicate", target_id: s.long, moderator_id: s.accounts.moderator.userId, reason: expect.stringContaining(`Merged work ${s.short}`) }]);
    expect(await (await moderator.get("/moderation/log")).text()).toContain("merged a near-duplicate into a work");
    expect(await (await moderator.follow(merged)).text()).toContain("0 pairs of works");
  });

  it("remembers a pair dismissed as no duplicate and does not offer it again", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    const dismissed = await moderator.post("/moderation/duplicates/dismiss", { a: String(s.long), b: String(s.short) });
    expect(dismissed.status).toBe(303);
    expect(await s.quire.library.db.selectFrom("duplicate_dismissals").select(["low_work_id", "high_work_id", "dismissed_by"]).execute())
      .toEqual([{ low_work_id: s.short, high_work_id: s.long, dismissed_by: s.accounts.moderator.userId }]);
    const html = await (await moderator.follow(dismissed)).text();
    expect(html).toContain("0 pairs of works");
    expect(html).not.toContain(`id="pair-${s.long}-${s.short}"`);
    // Twice, or in the other order, is the same pair.
    expect((await moderator.post("/moderation/duplicates/dismiss", { a: String(s.short), b: String(s.long) })).status).toBe(303);
    expect(await s.quire.library.db.selectFrom("duplicate_dismissals").selectAll().execute()).toHaveLength(1);
    expect(await workIds(s.quire)).toEqual([s.short, s.long, s.other]);
  });

  it("refuses a merge or dismissal of a work with itself, of a work that is none, and without the page's CSRF token", async () => {
    const s = await setUp(library());
    const moderator = await s.as(s.accounts.moderator);
    expect((await moderator.post("/moderation/duplicates/merge", { keep: String(s.long), merge: String(s.long) })).status).toBe(400);
    expect((await moderator.get(`/moderation/duplicates/merge?keep=${s.long}&merge=${s.long}`)).status).toBe(400);
    expect((await moderator.post("/moderation/duplicates/merge", { keep: String(s.long), merge: "999999" })).status).toBe(404);
    expect((await moderator.get(`/moderation/duplicates/merge?keep=999999&merge=${s.short}`)).status).toBe(404);
    expect((await moderator.post("/moderation/duplicates/dismiss", { a: String(s.long), b: "999999" })).status).toBe(404);
    expect((await moderator.post("/moderation/duplicates/dismiss", { a: String(s.long) })).status).toBe(400);
    expect((await moderator.post("/moderation/duplicates/merge", { keep: String(s.long), merge: String(s.short) }, { csrf: false })).status).toBe(403);
    expect((await moderator.post("/moderation/duplicates/dismiss", { a: String(s.long), b: String(s.short) }, { csrf: "forged" })).status).toBe(403);
    expect(await workIds(s.quire)).toEqual([s.short, s.long, s.other]);
    expect(await s.quire.library.db.selectFrom("duplicate_dismissals").selectAll().execute()).toEqual([]);
  });
});

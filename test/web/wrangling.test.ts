/**
 * Wrangling through the web app, on both engines: the queue page, a suggestion accepted with one click and the
 * listing of the canonical tag gaining the synonym's works on the very next request (the archive's search cache is
 * keyed by the library stamp, which moves with every wrangling operation), bulk actions from checkboxes, the
 * CSRF check, the 403s of wranglers outside their fandoms, and the admins' page of wranglers.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { storeVocabulary } from "../../src/db/repositories/vocabulary.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { ParsedWork } from "../../src/domain/work.js";
import { createApp } from "../../src/web/app.js";
import { tagWorksUrl } from "../../src/web/tag-url.js";
import { parsedWork, toStore } from "../factories.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { smallVocabulary } from "../support/small-vocabulary.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";

const NOW = "2026-11-01T00:00:00.000Z";
const HARBOUR = "Moonlit Harbour (TV)";
const ORCHARD = "Glass Orchard (Books)";

const WORKS: Record<string, Partial<ParsedWork>> = {
  keeper: { title: "The Keeper's Log", fandoms: [HARBOUR], freeforms: ["Hurt/Comfort", "Lamp Keeping"] },
  storm: { title: "Storm Season", fandoms: [HARBOUR], freeforms: ["Lamp Keeping", "Hurt/Comfrot"] },
  orchard: { title: "Under the Glass", fandoms: [ORCHARD], freeforms: ["Orchard Ghosts"] },
};

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("wrangling on the web on $name", (engine) => {
  const quire = freshQuirePerTest(engine);

  async function setUp() {
    const library: Quire = quire();
    const { db, engine: libraryEngine } = library.library;
    await libraryEngine.writeTransaction(db, async (trx) => {
      await storeVocabulary(trx, smallVocabulary(), NOW);
      for (const work of Object.values(WORKS)) await insertWork(trx, libraryEngine, toStore(parsedWork(work)), NOW);
    });
    const app = createApp(webDeps(library));
    const [wrangler, reader, moderator, admin] = await Promise.all([
      makeAccount(db, "Harbour_Wrangler", "reader"), makeAccount(db, "Plain_Reader", "reader"), makeAccount(db, "Moderator", "moderator"), makeAccount(db, "Admin", "admin"),
    ]);
    const as = async (account: TestAccount) => {
      const client = new WebClient(app);
      await signInAs(db, client, account, TODAY);
      return client;
    };
    const tagId = async (name: string) => (await db.selectFrom("tags").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
    const status = async (name: string) => {
      const row = await db.selectFrom("tags").select(["canonical", "merger_id"]).where("name", "=", name).executeTakeFirstOrThrow();
      return row.canonical ? "canonical" : row.merger_id === null ? "unwrangled" : "synonym";
    };
    const adminClient = await as(admin);
    expect((await adminClient.post("/admin/wranglers", { login: "Harbour_Wrangler", fandom: HARBOUR })).status).toBe(303);
    return { app, db, wrangler: await as(wrangler), reader: await as(reader), moderator: await as(moderator), admin: adminClient, guest: new WebClient(app), tagId, status };
  }

  it("changes the filters at once: the canonical tag's listing gains the works of a suggestion accepted on the page", async () => {
    const { wrangler, guest, tagId, status } = await setUp();
    const listing = tagWorksUrl("Hurt/Comfort");
    const before = await (await guest.get(listing)).text();
    expect(before).toContain("The Keeper&#39;s Log");
    expect(before).not.toContain("Storm Season");
    // The whole library's listing is kept by the archive's search cache until the library stamp moves.
    const counted = (html: string) => /Hurt\/Comfort <span class="count">\((\d+)\)<\/span>/u.exec(html)?.[1];
    expect(counted(await (await guest.get("/works")).text())).toBe("1");

    const page = await (await wrangler.get("/wrangling")).text();
    const comfrot = await tagId("Hurt/Comfrot");
    const comfort = await tagId("Hurt/Comfort");
    expect(page).toContain("Lamp Keeping");
    expect(page).not.toContain("Orchard Ghosts");
    expect(page).toContain(`name="accept" value="${comfrot}:${comfort}"`);

    const accepted = await wrangler.post("/wrangling", { accept: `${comfrot}:${comfort}` });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("Location")).toBe("/wrangling?done=1");
    expect(await status("Hurt/Comfrot")).toBe("synonym");
    const after = await (await guest.get(listing)).text();
    expect(after).toContain("Storm Season");
    expect(after).toContain("The Keeper&#39;s Log");
    const everything = await (await guest.get("/works")).text();
    expect(counted(everything)).toBe("2");
    expect(everything).not.toContain('value="Hurt/Comfrot"');
  });

  it("acts on every tag checked, and answers a refused action with the page and its reason, changing nothing", async () => {
    const { wrangler, tagId, status } = await setUp();
    const tags = [String(await tagId("Lamp Keeping")), String(await tagId("Hurt/Comfrot"))];
    const refused = await wrangler.post("/wrangling", { tag: tags, action: "merge", into: "No Such Tag" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("No Such Tag");
    expect(await status("Lamp Keeping")).toBe("unwrangled");
    const noAction = await wrangler.post("/wrangling", { tag: tags });
    expect(noAction.status).toBe(400);
    expect(await noAction.text()).toContain("Choose what to do with the chosen tags.");
    const noTags = await wrangler.post("/wrangling", { action: "canonical" });
    expect(await noTags.text()).toContain("Choose the tags to wrangle.");

    const done = await wrangler.post("/wrangling", { tag: tags, action: "canonical", type: "Freeform", page: "1" });
    expect(done.headers.get("Location")).toBe("/wrangling?type=Freeform&done=2");
    expect([await status("Lamp Keeping"), await status("Hurt/Comfrot")]).toEqual(["canonical", "canonical"]);
    expect(await (await wrangler.follow(done)).text()).toContain("2 tags wrangled");
  });

  it("refuses a post without the CSRF token, and a wrangler's action on another fandom's tag with 403", async () => {
    const { wrangler, moderator, tagId, status } = await setUp();
    const ghosts = String(await tagId("Orchard Ghosts"));
    expect((await wrangler.post("/wrangling", { tag: ghosts, action: "canonical" }, { csrf: false })).status).toBe(403);
    expect((await wrangler.post("/wrangling", { tag: ghosts, action: "canonical" })).status).toBe(403);
    expect((await wrangler.post("/wrangling", { tag: String(await tagId("Lamp Keeping")), action: "parent", parent: ORCHARD })).status).toBe(403);
    expect((await wrangler.get(`/wrangling?fandom=${encodeURIComponent(ORCHARD)}`)).status).toBe(403);
    expect(await status("Orchard Ghosts")).toBe("unwrangled");
    expect((await moderator.post("/wrangling", { tag: ghosts, action: "canonical" }, { csrf: false })).status).toBe(403);
    expect((await moderator.post("/wrangling", { tag: ghosts, action: "canonical" })).status).toBe(303);
    expect(await status("Orchard Ghosts")).toBe("canonical");
  });

  it("sends guests to sign in, refuses accounts that wrangle nothing, and keeps the wranglers' page to admins", async () => {
    const { reader, moderator, admin, guest, db } = await setUp();
    expect((await guest.get("/wrangling")).headers.get("Location")).toMatch(/^\/login/u);
    expect((await reader.get("/wrangling")).status).toBe(403);
    expect((await moderator.get("/admin/wranglers")).status).toBe(403);
    expect((await moderator.post("/admin/wranglers", { login: "Plain_Reader", fandom: HARBOUR })).status).toBe(403);

    const page = await (await admin.get("/admin/wranglers")).text();
    expect(page).toContain("Harbour_Wrangler");
    const refused = await admin.post("/admin/wranglers", { login: "Plain_Reader", fandom: "MH" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("is not a canonical fandom");
    expect((await admin.post("/admin/wranglers", { login: "Plain_Reader", fandom: ORCHARD })).status).toBe(303);
    const queue = await (await reader.get("/wrangling")).text();
    expect(queue).toContain("Orchard Ghosts");
    expect(queue).not.toContain("Lamp Keeping");

    const row = await db.selectFrom("tag_wranglers as w").innerJoin("users as u", "u.id", "w.user_id").select(["w.user_id", "w.fandom_id"]).where("u.login", "=", "Plain_Reader").executeTakeFirstOrThrow();
    expect((await admin.post(`/admin/wranglers/${row.user_id}/${row.fandom_id}/delete`)).status).toBe(303);
    expect((await reader.get("/wrangling")).status).toBe(403);
  });
});

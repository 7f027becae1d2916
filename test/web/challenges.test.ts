/**
 * The challenge pages through the web app, on both engines: who sees the maintainers' summary and the assignments
 * page, user text escaped, broken forms answered with a 400 page that stores nothing, CSRF on the forms, and the
 * reveal date taking effect on the first request after it (the middleware's once-a-minute check).
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";

const MINUTE = 60_000;

async function setUp(quire: Quire) {
  let now = TODAY;
  const app = createApp({ ...webDeps(quire), now: () => now });
  const { db } = quire.library;
  const as = async (account: TestAccount) => {
    const client = new WebClient(app);
    await signInAs(db, client, account, TODAY);
    return client;
  };
  const keeper = await makeAccount(db, "Swap_Keeper");
  const keeperClient = await as(keeper);
  const started = await keeperClient.post("/challenges", { name: "Tide_Swap", title: "Tide Swap", kind: "gift_exchange", worksRevealAt: "2026-12-10T12:00" });
  expect(started.headers.get("Location")).toBe("/collections/Tide_Swap/challenge");
  return { quire, app, keeper, keeperClient, as, guest: () => new WebClient(app), setNow: (date: Date) => { now = date; } };
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("the challenge pages on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("shows the summary to the maintainers only, and the assignments page to signed-in participants", async () => {
    const scene = await setUp(library());
    const reader = await makeAccount(library().library.db, "Tide_Reader", "reader");
    const readerClient = await scene.as(reader);
    expect((await scene.guest().get("/collections/Tide_Swap/signups")).headers.get("Location")).toMatch(/^\/login/u);
    expect((await readerClient.get("/collections/Tide_Swap/signups")).status).toBe(403);
    expect((await scene.keeperClient.get("/collections/Tide_Swap/signups")).status).toBe(200);
    expect((await scene.guest().get("/collections/Tide_Swap/assignments")).headers.get("Location")).toMatch(/^\/login/u);
    expect(await (await readerClient.get("/collections/Tide_Swap/assignments")).text()).toContain("The assignments have not been sent yet.");
    expect((await scene.guest().get("/collections/No_Such/challenge")).status).toBe(404);
  });

  it("escapes what participants type, refuses broken sign-ups with a 400 page, and needs the CSRF token", async () => {
    const scene = await setUp(library());
    const hostile = '<script>alert("x")</script>';
    const reader = await scene.as(await makeAccount(library().library.db, "Tide_Signer", "reader"));
    const signups = () => library().library.db.selectFrom("challenge_signups").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n));

    const refused = await reader.post("/collections/Tide_Swap/signups", { request1_fandom: "Tide Pools" }); // no offer
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("at least 1 offers needed");
    expect((await reader.post("/collections/Tide_Swap/signups", { request1_fandom: hostile, offer1_fandom: "Tide Pools" }, { csrf: false })).status).toBe(403);
    expect(await signups()).toBe(0);

    expect((await reader.post("/collections/Tide_Swap/signups", { request1_fandom: hostile, offer1_fandom: "Tide Pools" })).status).toBe(303);
    expect(await signups()).toBe(1);
    const summary = await (await scene.keeperClient.get("/collections/Tide_Swap/signups")).text();
    expect(summary).not.toContain(hostile);
    expect(summary).toContain("&lt;script&gt;");
  });

  it("reveals the works on the first request after the reveal date", async () => {
    const scene = await setUp(library());
    const writer = await makeAccount(library().library.db, "Tide_Writer");
    const work = await postWork(library(), writer, { title: "Low Water" });
    const { db } = library().library;
    const collection = await db.selectFrom("collections").select("id").where("name", "=", "Tide_Swap").executeTakeFirstOrThrow();
    await db.insertInto("collection_works").values({ collection_id: collection.id, work_id: work, status: "approved", added_at: TODAY.toISOString() }).execute();

    expect((await scene.guest().get(`/works/${work}`)).status).toBe(404);
    const revealAt = Date.UTC(2026, 11, 10, 12, 0);
    scene.setNow(new Date(revealAt - 2 * MINUTE));
    expect((await scene.guest().get(`/works/${work}`)).status).toBe(404);
    scene.setNow(new Date(revealAt));
    expect((await scene.guest().get(`/works/${work}`)).status).toBe(200);
  });
});

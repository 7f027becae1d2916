/**
 * Collections on the web, on both engines: making one, the author's request and the maintainers' queue in a
 * moderated collection, a closed collection refusing works, an invitation the author accepts, sub-collections and
 * the loop a parent cannot make, the index's name search, who may manage, and CSRF on the forms.
 */
import { describe, expect, it } from "vitest";
import { makeAccount, type TestAccount } from "../support/accounts.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import type { WebClient } from "../support/web-client.js";
import { webActors } from "../support/web-actors.js";
import { storeWebWorks } from "../support/web-library.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

const SETTINGS = { title: "", description: "", parent: "", state: "open" };

function titlesIn(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "").sort();
}

describe.each(TEST_ENGINES)("collections on the web on $name", (engine) => {
  let clients = {} as Record<"keeper" | "creator" | "reader" | "guest", WebClient>;
  const works = {} as Record<"plain" | "second" | "invited" | "draft", number>;
  let keeper: TestAccount;

  freshQuirePerSuite(engine, async (quire) => {
    const { db } = quire.library;
    await storeWebWorks(quire);
    keeper = await makeAccount(db, "Keeper", "author");
    const creator = await makeAccount(db, "Quill", "author");
    const post = (title: string, text: string) => postWork(quire, creator, { title, fandoms: ["Moonlit Harbour (TV)"], rating: "General Audiences", chapters: [text] });
    works.plain = await post("Quince Plain", "The quince tree stood by the harbour wall.");
    works.second = await post("Quince Second", "A second quince, smaller than the first.");
    works.invited = await post("Quince Invited", "Someone asked for this quince by name.");
    works.draft = await postWork(quire, creator, { title: "Quince Unfinished", rating: "General Audiences", chapters: ["Not yet."] }, { visibility: "draft" });
    ({ clients } = await webActors(quire, { keeper, creator, reader: await makeAccount(db, "Reader", "reader") }));
  });

  const html = async (who: keyof typeof clients, path: string) => {
    const response = await clients[who].get(path);
    expect(response.status, `${who} at ${path}`).toBe(200);
    return response.text();
  };

  it("makes a moderated collection, whose works wait for the maintainers' approval", async () => {
    const made = await clients.keeper.post("/collections/new", { ...SETTINGS, name: "Quince_Fest", title: "Quince Fest", description: "Stories of quinces.\n\nAll kinds.", state: "moderated" });
    expect(made.status).toBe(303);
    expect(made.headers.get("Location")).toBe("/collections/Quince_Fest");
    expect(await html("guest", "/collections/Quince_Fest")).toContain("Stories of quinces.");

    const asked = await clients.creator.post(`/works/${works.plain}/collections`, { collection: "Quince_Fest" });
    expect(asked.status).toBe(303);
    expect(await html("creator", `/works/${works.plain}`)).toContain("waiting for approval");
    expect(titlesIn(await html("guest", "/collections/Quince_Fest"))).toEqual([]);

    const queue = await html("keeper", "/collections/Quince_Fest/manage");
    expect(queue).toContain(`<a href="/works/${works.plain}">Quince Plain</a>`);
    const approved = await clients.keeper.post(`/collections/Quince_Fest/works/${works.plain}/decide`, { decision: "approve" });
    expect(approved.headers.get("Location")).toBe("/collections/Quince_Fest/manage?saved=approved");
    expect(titlesIn(await html("guest", "/collections/Quince_Fest"))).toEqual(["Quince Plain"]);
    // The work's page names the collections it is in, for everyone.
    expect(await html("guest", `/works/${works.plain}`)).toContain(`<a href="/collections/Quince_Fest">Quince Fest</a>`);
  });

  it("lists a collection's works with the usual filters and sorts", async () => {
    const page = await html("guest", "/collections/Quince_Fest?sort=title&complete=T");
    expect(titlesIn(page)).toEqual(["Quince Plain"]);
    expect(page).toContain('id="filters-heading"');
    expect(titlesIn(await html("guest", "/collections/Quince_Fest?exclude-fandom=Moonlit%20Harbour%20(TV)"))).toEqual([]);
  });

  it("refuses new works once closed, and lets a maintainer invite one the author accepts", async () => {
    expect((await clients.keeper.post("/collections/Quince_Fest/settings", { ...SETTINGS, title: "Quince Fest", state: "closed" })).status).toBe(303);
    const refused = await clients.creator.post(`/works/${works.second}/collections`, { collection: "Quince_Fest" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("closed to new works");

    expect((await clients.keeper.post("/collections/Quince_Fest/invite", { work: String(works.invited) })).headers.get("Location")).toBe("/collections/Quince_Fest/manage?saved=invited");
    expect(titlesIn(await html("guest", "/collections/Quince_Fest"))).toEqual(["Quince Plain"]);
    // The creator hears of it in their inbox, and answers on their invitations page.
    expect(await html("creator", "/inbox")).toContain("The collection “Quince Fest” invites your work.");
    const invitations = await html("creator", "/account/collection-invitations");
    expect(invitations).toContain("Quince Invited");
    // Nobody but the work's creators answers for it.
    expect((await clients.reader.post(`/works/${works.invited}/collections/Quince_Fest/decide`, { decision: "accept" })).status).toBe(403);
    expect((await clients.creator.post(`/works/${works.invited}/collections/Quince_Fest/decide`, { decision: "accept" })).status).toBe(303);
    expect(titlesIn(await html("guest", "/collections/Quince_Fest"))).toEqual(["Quince Invited", "Quince Plain"]);
    expect(await html("creator", "/account/collection-invitations")).toContain("No collection has invited your works.");
  });

  it("nests sub-collections, lists their works on the parent's page, and refuses a loop", async () => {
    const made = await clients.keeper.post("/collections/new", { ...SETTINGS, name: "Quince_Side", title: "Quince Side Room", parent: "Quince_Fest" });
    expect(made.status).toBe(303);
    expect((await clients.creator.post(`/works/${works.second}/collections`, { collection: "Quince_Side" })).status).toBe(303);
    const parent = await html("guest", "/collections/Quince_Fest");
    expect(parent).toContain(`<a href="/collections/Quince_Side">Quince Side Room</a>`);
    expect(titlesIn(parent)).toEqual(["Quince Invited", "Quince Plain", "Quince Second"]);
    expect(await html("guest", "/collections/Quince_Side")).toContain(`Part of <a href="/collections/Quince_Fest">Quince Fest</a>`);

    const loop = await clients.keeper.post("/collections/Quince_Fest/settings", { ...SETTINGS, title: "Quince Fest", state: "closed", parent: "Quince_Side" });
    expect(loop.status).toBe(400);
    expect(await loop.text()).toContain("cannot be inside itself");
    // Nobody files a collection under one they do not maintain.
    const foreign = await clients.creator.post("/collections/new", { ...SETTINGS, name: "Quill_Own", title: "Quill's", parent: "Quince_Fest" });
    expect(foreign.status).toBe(400);
  });

  it("finds collections by name or title on the index", async () => {
    const index = await html("guest", "/collections?q=side%20room");
    expect(index).toContain("Quince Side Room");
    expect(index).not.toContain(">Quince Fest<");
    expect(await html("guest", "/collections?q=nothing_like_it")).toContain("No collections found");
  });

  it("lets only the maintainers manage, and an owner add a moderator who then decides", async () => {
    expect((await clients.reader.get("/collections/Quince_Fest/manage")).status).toBe(403);
    expect((await clients.guest.get("/collections/Quince_Fest/manage")).status).toBe(303);
    expect((await clients.reader.post(`/collections/Quince_Fest/works/${works.plain}/decide`, { decision: "reject" })).status).toBe(403);
    expect((await clients.reader.post("/collections/Quince_Fest/settings", { ...SETTINGS, title: "Taken over" })).status).toBe(403);

    expect((await clients.keeper.post("/collections/Quince_Fest/maintainers", { login: "Reader", role: "moderator" })).status).toBe(303);
    const manage = await html("reader", "/collections/Quince_Fest/manage");
    // A moderator sees the queue, not the owners' settings.
    expect(manage).toContain("Waiting for approval");
    expect(manage).not.toContain("Save settings");
    expect((await clients.reader.post(`/collections/Quince_Fest/works/${works.plain}/decide`, { decision: "reject" })).status).toBe(303);
    expect(titlesIn(await html("guest", "/collections/Quince_Fest"))).toEqual(["Quince Invited", "Quince Second"]);
    // The last owner stays.
    const last = await clients.keeper.post(`/collections/Quince_Fest/maintainers/${keeper.userId}/delete`);
    expect(last.status).toBe(400);
    expect(await last.text()).toContain("at least one owner");
  });

  it("keeps drafts out of every collection, and sends a guest to sign in before making one", async () => {
    const refused = await clients.creator.post(`/works/${works.draft}/collections`, { collection: "Quince_Side" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Post the work before adding it");
    expect(await html("keeper", "/collections/Quince_Side/manage")).not.toContain("Quince Unfinished");
    const guest = await clients.guest.get("/collections/new");
    expect(guest.status).toBe(303);
    expect(guest.headers.get("Location")).toMatch(/^\/login\?return=/u);
  });

  it("refuses every collection form without the page's CSRF token", async () => {
    expect((await clients.keeper.post("/collections/new", { ...SETTINGS, name: "No_Token", title: "No token" }, { csrf: false })).status).toBe(403);
    expect((await clients.creator.post(`/works/${works.second}/collections`, { collection: "Quince_Fest" }, { csrf: false })).status).toBe(403);
    expect((await clients.keeper.post("/collections/Quince_Fest/settings", { ...SETTINGS, title: "x" }, { csrf: false })).status).toBe(403);
    expect((await clients.guest.get("/collections/No_Token")).status).toBe(404);
  });
});

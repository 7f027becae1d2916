/**
 * Who sees which work, on every surface that lists, counts, links or suggests works, on both engines: a draft, a
 * restricted work and a hidden work beside public ones, read by a guest, a signed-in reader, their creator and
 * a moderator. Drafts are for their creators' eyes (the work page) and never listed; restricted works are listed
 * and counted for signed-in readers only; hidden works are open to their creators and the moderators (the work
 * page), and never listed.
 */
import { isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, webDeps } from "../support/web-library.js";

type Actor = "guest" | "reader" | "creator" | "moderator";
const ACTORS: readonly Actor[] = ["guest", "reader", "creator", "moderator"];
const MEMBERS: readonly Actor[] = ["reader", "creator", "moderator"];

/** Each posted work: a word of its own in its title, a fandom and a tag of its own, and the shared fandom. */
const POSTED = {
  open: { title: "Marigold Open", fandom: "Open Posting Fandom", tag: "Open Only Tag" },
  draft: { title: "Marigold Draft", fandom: "Draft Only Fandom", tag: "Draft Only Tag" },
  restricted: { title: "Marigold Members", fandom: "Members Only Fandom", tag: "Members Only Tag" },
  hidden: { title: "Marigold Hidden", fandom: "Hidden Only Fandom", tag: "Hidden Only Tag" },
} as const;
type Posted = keyof typeof POSTED;

/** What each actor may list (and count): never a draft or a hidden work. */
function listedFor(actor: Actor): Posted[] {
  return actor === "guest" ? ["open"] : ["open", "restricted"];
}

function titlesIn(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "").sort();
}

function postedTitlesIn(html: string): string[] {
  return titlesIn(html).filter((t) => t.startsWith("Marigold"));
}

function expectedTitles(actor: Actor): string[] {
  return listedFor(actor).map((k) => POSTED[k].title).sort();
}

/** The secret words of what the actor may not see listed: no page that lists may mention them. */
function unlistedWords(actor: Actor): string[] {
  const unlisted = (Object.keys(POSTED) as Posted[]).filter((k) => !listedFor(actor).includes(k));
  return unlisted.flatMap((k) => [POSTED[k].title, POSTED[k].fandom, POSTED[k].tag]);
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("what each reader sees on $name", (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  let quire: Quire;
  let app: ReturnType<typeof createApp>;
  const ids = {} as Record<Posted, number>;
  let seriesId = 0;
  const clients = {} as Record<Actor, WebClient>;

  beforeAll(async () => {
    if (engine.unavailable) return;
    const fresh = await freshQuire(engine);
    dispose = fresh.dispose;
    quire = fresh.quire;
    const { db } = quire.library;
    await storeWebWorks(quire);
    const creator = await makeAccount(db, "Creator", "author");
    const accounts: Record<Exclude<Actor, "guest" | "creator">, TestAccount> = {
      reader: await makeAccount(db, "Reader", "reader"),
      moderator: await makeAccount(db, "Moderator", "moderator"),
    };
    for (const key of Object.keys(POSTED) as Posted[]) {
      const { title, fandom, tag } = POSTED[key];
      ids[key] = await postWork(quire, creator, {
        title, fandoms: ["Moonlit Harbour (TV)", fandom], rating: "General Audiences", freeforms: [tag], summary: `The ${key} one.`,
        chapters: [`The first part of ${title}, which is short.`, `The second part of ${title}, shorter still.`],
        // The draft and the public work share a series: the draft is part 1.
        series: key === "draft" ? [{ name: "Marigold Series", part: 1 }] : key === "open" ? [{ name: "Marigold Series", part: 2 }] : [],
      }, { visibility: key === "draft" ? "draft" : key === "restricted" ? "restricted" : "public", hiddenByModerator: key === "hidden" });
    }
    seriesId = (await db.selectFrom("series").select("id").where("name", "=", "Marigold Series").executeTakeFirstOrThrow()).id;
    app = createApp({ ...webDeps(quire), now: () => TODAY });
    clients.guest = new WebClient(app);
    for (const [actor, account] of [["reader", accounts.reader], ["creator", creator], ["moderator", accounts.moderator]] as const) {
      clients[actor] = new WebClient(app);
      await signInAs(db, clients[actor], account, TODAY);
    }
  });
  afterAll(async () => dispose?.());
  beforeEach((context) => {
    if (engine.unavailable) context.skip();
  });

  const page = async (actor: Actor, path: string) => {
    const response = await clients[actor].get(path);
    expect(response.status, `${actor} at ${path}`).toBe(200);
    return response.text();
  };

  it.each(ACTORS)("lists and counts on /works only what %s may see", async (actor) => {
    const html = await page(actor, "/works?per-page=100");
    expect(postedTitlesIn(html)).toEqual(expectedTitles(actor));
    expect(html).toContain(`of ${5 + listedFor(actor).length} works`);
    for (const word of unlistedWords(actor)) expect(html).not.toContain(word);
  });

  it.each(ACTORS)("finds and counts in search results and their facets only what %s may see", async (actor) => {
    const html = await page(actor, "/works/search?q=marigold");
    expect(postedTitlesIn(html)).toEqual(expectedTitles(actor));
    expect(html).toContain(`of ${listedFor(actor).length} work`);
    // The shared fandom is counted once per listed work; the others' fandoms and tags are not there at all.
    expect(html).toMatch(new RegExp(`Moonlit Harbour \\(TV\\) <span class="count">\\(${listedFor(actor).length}\\)</span>`, "u"));
    expect(html).toMatch(new RegExp(`General Audiences <span class="count">\\(${listedFor(actor).length}\\)</span>`, "u"));
    for (const word of unlistedWords(actor)) expect(html).not.toContain(word);
  });

  it.each(ACTORS)("counts on the home page, the fandom index, the stats and a tag's page only what %s may see", async (actor) => {
    const visible = 5 + listedFor(actor).length;
    // Moonlit Harbour, Glass Orchard, and one fandom of each listed posted work.
    const fandoms = 2 + listedFor(actor).length;
    const home = await page(actor, "/");
    expect(home).toContain(`${visible} works in ${fandoms} fandoms.`);
    const fandomIndex = await page(actor, "/fandoms");
    const stats = await page(actor, "/stats");
    expect(stats).toContain(`${visible} works, ${fandoms} fandoms`);
    for (const html of [home, fandomIndex, stats]) for (const word of unlistedWords(actor)) expect(html).not.toContain(word);
    if (actor !== "guest") expect(fandomIndex).toContain(POSTED.restricted.fandom);
    // Four imported works and each listed posted work are in the shared fandom.
    expect(await page(actor, "/tags/Moonlit%20Harbour%20(TV)")).toContain(`${4 + listedFor(actor).length} works in Moonlit Harbour (TV)`);
    expect(await page(actor, `/tags/${encodeURIComponent(POSTED.draft.tag)}`)).toContain(`0 works in ${POSTED.draft.tag}`);
    expect(await page(actor, `/tags/${encodeURIComponent(POSTED.restricted.tag)}`)).toContain(`${actor === "guest" ? 0 : 1} work${actor === "guest" ? "s" : ""} in ${POSTED.restricted.tag}`);
  });

  it.each(ACTORS)("shows on the creator's page and the series page only what %s may see", async (actor) => {
    const author = await page(actor, "/users/Creator");
    expect(postedTitlesIn(author)).toEqual(expectedTitles(actor));
    for (const word of unlistedWords(actor)) expect(author).not.toContain(word);
    const series = await page(actor, `/series/${seriesId}`);
    expect(postedTitlesIn(series)).toEqual([POSTED.open.title]);
    expect(series).not.toContain(POSTED.draft.title);
    // The public part's page names no draft as the part before it.
    const work = await page(actor, `/works/${ids.open}`);
    expect(work).not.toContain(POSTED.draft.title);
  });

  it("opens a draft to its creator alone", async () => {
    for (const path of [`/works/${ids.draft}`, `/works/${ids.draft}/chapters/2`, `/works/${ids.draft}/navigate`]) {
      expect((await clients.creator.get(path)).status, path).toBe(200);
      for (const actor of ["guest", "reader", "moderator"] as const) expect((await clients[actor].get(path)).status, `${actor} at ${path}`).toBe(404);
    }
  });

  it("opens a restricted work to signed-in readers, and sends a guest to sign in", async () => {
    for (const path of [`/works/${ids.restricted}`, `/works/${ids.restricted}/chapters/2`, `/works/${ids.restricted}/navigate`]) {
      for (const actor of MEMBERS) expect((await clients[actor].get(path)).status, `${actor} at ${path}`).toBe(200);
      const guest = await clients.guest.get(path);
      expect(guest.status).toBe(303);
      expect(guest.headers.get("Location")).toMatch(/^\/login\?return=/u);
    }
  });

  it("opens a hidden work to its creator and the moderators only", async () => {
    for (const path of [`/works/${ids.hidden}`, `/works/${ids.hidden}/chapters/2`, `/works/${ids.hidden}/navigate`]) {
      for (const actor of ["creator", "moderator"] as const) expect((await clients[actor].get(path)).status, `${actor} at ${path}`).toBe(200);
      for (const actor of ["guest", "reader"] as const) expect((await clients[actor].get(path)).status, `${actor} at ${path}`).toBe(404);
    }
  });

  it.each(ACTORS)("suggests to %s no tag used only on works they may not see", async (actor) => {
    const suggest = async (term: string) => (await (await clients[actor].get(`/autocomplete/tags?term=${encodeURIComponent(term)}`)).json()) as { name: string }[];
    expect(await suggest("Draft Only")).toEqual([]);
    expect(await suggest("Hidden Only")).toEqual([]);
    expect((await suggest("Members Only")).map((t) => t.name).sort()).toEqual(actor === "guest" ? [] : [POSTED.restricted.fandom, POSTED.restricted.tag].sort());
    expect((await suggest("Open Only")).map((t) => t.name)).toEqual([POSTED.open.tag]);
  });

  it("lists in the sitemap only the works, fandoms and series a guest may read, whoever asks", async () => {
    const response = await clients.creator.get("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    const document = parseDocument(xml, { xmlMode: true });
    const urlset = document.children.find(isTag);
    expect([urlset?.name, urlset?.attribs.xmlns]).toEqual(["urlset", "http://www.sitemaps.org/schemas/sitemap/0.9"]);
    const locs = [...xml.matchAll(/<url><loc>([^<]*)<\/loc>/gu)].map((m) => m[1]);
    expect(locs.length).toBe(xml.split("<url>").length - 1);
    const works = locs.filter((loc) => loc?.startsWith("http://localhost/works/"));
    expect(works).toHaveLength(6);
    expect(works).toContain(`http://localhost/works/${ids.open}`);
    for (const key of ["draft", "restricted", "hidden"] as const) expect(works).not.toContain(`http://localhost/works/${ids[key]}`);
    expect(locs).toContain(`http://localhost/series/${seriesId}`);
    expect(locs).toContain("http://localhost/tags/Open%20Posting%20Fandom");
    expect(locs).toContain("http://localhost/tags/Moonlit%20Harbour%20(TV)");
    for (const key of ["draft", "restricted", "hidden"] as const) expect(xml).not.toContain(encodeURIComponent(POSTED[key].fandom));
  });

  it("never answers a member's request with a guest's cached listing, nor the other way round", async () => {
    const guestFirst = await clients.guest.get("/works?per-page=100");
    const guestTag = guestFirst.headers.get("ETag") ?? "";
    expect(guestTag).not.toBe("");
    expect((await clients.guest.get("/works?per-page=100", { "If-None-Match": guestTag })).status).toBe(304);
    const member = await clients.reader.get("/works?per-page=100", { "If-None-Match": guestTag });
    expect(member.status).toBe(200);
    expect(await member.text()).toContain(POSTED.restricted.title);
    const memberTag = member.headers.get("ETag") ?? "";
    const guestAgain = await clients.guest.get("/works?per-page=100", { "If-None-Match": memberTag });
    expect(guestAgain.status).toBe(200);
    expect(await guestAgain.text()).not.toContain(POSTED.restricted.title);
    expect(guestFirst.headers.get("Vary")).toContain("Cookie");
    expect(guestFirst.headers.get("Cache-Control")).toBe("private, no-cache");
  });
});

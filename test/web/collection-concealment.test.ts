/**
 * Unrevealed and anonymous collections leak nothing, on both engines. A work in an unrevealed collection is seen
 * by its creator and the collection's maintainers only: not on its page, the listings and their counts, search,
 * an author's page, feeds, OPDS, the API, downloads or the sitemap. A work in an anonymous collection is read by
 * all, but its creator's name is on none of those surfaces, and no author listing, count or name search finds it.
 * Revealing the collection reveals its works.
 */
import { describe, expect, it } from "vitest";
import { workDownloadPath } from "../../src/web/download-paths.js";
import { makeAccount } from "../support/accounts.js";
import { ApiClient } from "../support/api-client.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import type { WebClient } from "../support/web-client.js";
import { webActors } from "../support/web-actors.js";
import { storeWebWorks } from "../support/web-library.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

type Who = "guest" | "reader" | "creator" | "keeper" | "helper";
const OUTSIDERS = ["guest", "reader"] as const;
/** The creator's name: on no page about the veiled work an outsider reads. */
const CREATOR = "Quillon_Vesper";
const SEALED = "Sealed Quince";
const VEILED = "Veiled Quince";
const OPEN = "Open Quince";
const SETTINGS = { title: "", description: "", parent: "", state: "open" };

function titlesIn(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "").filter((t) => t.endsWith("Quince")).sort();
}

describe.each(TEST_ENGINES)("unrevealed and anonymous collections on $name", (engine) => {
  let app: Awaited<ReturnType<typeof webActors>>["app"];
  let clients = {} as Record<Who, WebClient>;
  const ids = {} as Record<"sealed" | "veiled" | "open", number>;

  freshQuirePerSuite(engine, async (quire) => {
    const { db } = quire.library;
    await storeWebWorks(quire);
    const creator = await makeAccount(db, CREATOR, "author");
    const post = (title: string, words: string) => postWork(quire, creator, {
      title, fandoms: ["Moonlit Harbour (TV)"], rating: "General Audiences", freeforms: ["Quince Keeping"], summary: `The ${words} one.`, status: "complete",
      chapters: [`A quince, ${words}, on the sill of the harbour office.`],
    });
    ids.sealed = await post(SEALED, "sealed");
    ids.veiled = await post(VEILED, "veiled");
    ids.open = await post(OPEN, "open");
    ({ app, clients } = await webActors(quire, {
      creator, reader: await makeAccount(db, "Plain_Reader"), keeper: await makeAccount(db, "Keeper", "author"), helper: await makeAccount(db, "Helper"),
    }));
    const made = async (fields: Record<string, string>) => expect((await clients.keeper.post("/collections/new", { ...SETTINGS, ...fields })).status).toBe(303);
    await made({ name: "Hidden_Harvest", title: "Hidden Harvest", unrevealed: "1" });
    await made({ name: "Masked_Ball", title: "Masked Ball", anonymous: "1" });
    expect((await clients.keeper.post("/collections/Hidden_Harvest/maintainers", { login: "Helper", role: "moderator" })).status).toBe(303);
    expect((await clients.creator.post(`/works/${ids.sealed}/collections`, { collection: "Hidden_Harvest" })).status).toBe(303);
    expect((await clients.creator.post(`/works/${ids.veiled}/collections`, { collection: "Masked_Ball" })).status).toBe(303);
  });

  const get = async (who: Who, path: string) => {
    const response = await clients[who].get(path);
    expect(response.status, `${who} at ${path}`).toBe(200);
    return response.text();
  };

  it("opens an unrevealed work to its creator and the collection's maintainers alone", async () => {
    for (const path of [`/works/${ids.sealed}`, `/works/${ids.sealed}/navigate`, workDownloadPath(ids.sealed, SEALED, "txt"), workDownloadPath(ids.sealed, SEALED, "epub")]) {
      for (const who of ["creator", "keeper", "helper"] as const) expect((await clients[who].get(path)).status, `${who} at ${path}`).toBe(200);
      for (const who of OUTSIDERS) expect((await clients[who].get(path)).status, `${who} at ${path}`).toBe(404);
    }
    expect((await new ApiClient(app).get(`/works/${ids.sealed}`)).status).toBe(404);
  });

  it.each(OUTSIDERS)("lists and counts no unrevealed work for %s, anywhere works are listed", async (who) => {
    const works = await get(who, "/works?per-page=100");
    expect(titlesIn(works)).toEqual([OPEN, VEILED]);
    expect(works).toContain("of 7 works");
    const search = await get(who, "/works/search?q=quince");
    expect(titlesIn(search)).toEqual([OPEN, VEILED]);
    expect(search).toMatch(/Quince Keeping <span class="count">\(2\)<\/span>/u);
    expect(titlesIn(await get(who, "/tags/Quince%20Keeping/works"))).toEqual([OPEN, VEILED]);
    expect(await get(who, "/")).toContain("7 works in 2 fandoms.");
    const collection = await get(who, "/collections/Hidden_Harvest");
    expect(collection).toContain("No works found");
    expect(await get(who, "/collections?q=harvest")).toContain("0 works");
    for (const path of ["/works/search/feed.atom?q=quince", "/tags/Quince%20Keeping/feed.atom", `/users/${CREATOR}/feed.atom`, "/opds/new", "/opds/search?q=sealed", "/sitemap.xml"]) {
      const text = await get(who, path);
      expect(text, path).not.toContain(SEALED);
      expect(text, path).not.toContain(`/works/${ids.sealed}`);
    }
    const api = (await (await new ApiClient(app).get("/works?q=quince")).json()) as { total: number; works: { title: string }[] };
    expect(api.total).toBe(2);
    expect(api.works.map((w) => w.title).sort()).toEqual([OPEN, VEILED]);
  });

  it("lists the unrevealed work for its creator and the collection's maintainers", async () => {
    for (const who of ["creator", "keeper", "helper"] as const) {
      expect(titlesIn(await get(who, "/works/search?q=quince")), who).toEqual([OPEN, SEALED, VEILED]);
      expect(titlesIn(await get(who, "/collections/Hidden_Harvest")), who).toEqual([SEALED]);
    }
  });

  it.each(OUTSIDERS)("shows %s the anonymous work by Anonymous, and under no author", async (who) => {
    const work = await get(who, `/works/${ids.veiled}`);
    expect(work).toContain('<p class="byline">by Anonymous</p>');
    expect(work).not.toContain(CREATOR);
    // The control: the creator's other work names them.
    expect(await get(who, `/works/${ids.open}`)).toContain(`/users/${CREATOR}`);

    const author = await get(who, `/users/${CREATOR}`);
    expect(titlesIn(author)).toEqual([OPEN]);
    expect(await get(who, `/users/${CREATOR}/feed.atom`)).not.toContain(VEILED);
    expect(titlesIn(await get(who, `/works/search?q=${CREATOR}`))).toEqual([OPEN]);
    expect(titlesIn(await get(who, `/works/search?author=${CREATOR}`))).toEqual([OPEN]);

    // Listings and feeds that show it name nobody beside it.
    const listing = await get(who, "/collections/Masked_Ball");
    expect(titlesIn(listing)).toEqual([VEILED]);
    expect(listing).not.toContain(CREATOR);
    const feed = await get(who, "/works/search/feed.atom?q=veiled");
    expect(feed).toContain(VEILED);
    expect(feed).not.toContain(CREATOR);
    const opds = await get(who, "/opds/search?q=veiled");
    expect(opds).toContain(VEILED);
    expect(opds).not.toContain(CREATOR);
    // The catalog's list of authors counts the open work alone under the creator's name.
    const entry = (await get(who, "/opds/authors")).split("<entry>").find((e) => e.includes(CREATOR)) ?? "";
    expect(entry).toMatch(/count="1"/u);
    expect(await get(who, `/opds/authors/${CREATOR}`)).not.toContain(VEILED);
    expect(await get(who, workDownloadPath(ids.veiled, VEILED, "txt"))).not.toContain(CREATOR);
    expect(await get(who, workDownloadPath(ids.veiled, VEILED, "html"))).not.toContain(CREATOR);

    const api = new ApiClient(app);
    expect(((await (await api.get(`/works/${ids.veiled}`)).json()) as { authors: string[] }).authors).toEqual([]);
    const found = (await (await api.get("/works?q=veiled")).json()) as { works: { authors: string[] }[] };
    expect(found.works.map((w) => w.authors)).toEqual([[]]);
  });

  it("names the anonymous work's creator to the creator and the collection's maintainers", async () => {
    expect(await get("creator", `/works/${ids.veiled}`)).toContain(`/users/${CREATOR}`);
    expect(await get("keeper", `/works/${ids.veiled}`)).toContain(`/users/${CREATOR}`);
    // A maintainer of another collection is an outsider here.
    expect(await get("helper", `/works/${ids.veiled}`)).not.toContain(CREATOR);
  });

  it("reveals the works, and their creators, when the collections are revealed", async () => {
    expect((await clients.keeper.post("/collections/Hidden_Harvest/settings", { ...SETTINGS, title: "Hidden Harvest" })).status).toBe(303);
    expect((await clients.keeper.post("/collections/Masked_Ball/settings", { ...SETTINGS, title: "Masked Ball" })).status).toBe(303);
    for (const who of OUTSIDERS) {
      expect((await clients[who].get(`/works/${ids.sealed}`)).status).toBe(200);
      expect(titlesIn(await get(who, "/works/search?q=quince"))).toEqual([OPEN, SEALED, VEILED]);
      expect(await get(who, `/works/${ids.veiled}`)).toContain(`/users/${CREATOR}`);
      expect(titlesIn(await get(who, `/works/search?q=${CREATOR}`))).toEqual([OPEN, SEALED, VEILED]);
    }
  });
});

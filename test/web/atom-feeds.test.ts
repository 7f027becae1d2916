/**
 * The Atom feeds, on both engines: a tag's of every type, an author's, a series' and a search's, each found through
 * the `<link rel="alternate">` in its page's head, listing what the page lists (new and updated works, latest first)
 * and nothing a reader may not see, every one valid against RFC 4287's schema.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { jingUnavailable, validateFeeds } from "../support/feed-schemas.js";
import { localPath, readFeed, type WalkedFeed } from "../support/opds-walker.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, WEB_WORKS, webDeps, type WebWorkKey } from "../support/web-library.js";

type Actor = "guest" | "reader";

const POSTED = {
  open: { title: "Marigold Open", tag: "Open Only Tag" },
  draft: { title: "Marigold Draft", tag: "Draft Only Tag" },
  restricted: { title: "Marigold Members", tag: "Members Only Tag" },
  hidden: { title: "Marigold Hidden", tag: "Hidden Only Tag" },
} as const;

/** A tag of each type from the web library, with the field of a parsed work that holds it. */
const TAGS = [
  ["Fandom", "Moonlit Harbour (TV)", "fandoms"],
  ["Relationship", "Mara Quell/Ilse Brand", "relationships"],
  ["Character", "Tobias Wren", "characters"],
  ["Freeform", "Angst", "freeforms"],
  ["Rating", "Mature", "rating"],
  ["ArchiveWarning", "No Archive Warnings Apply", "warnings"],
  ["Category", "Gen", "categories"],
] as const;

/** The web library's works that carry the tag (adult ones too: feeds list them, as listings do). */
function libraryTitlesWith(field: (typeof TAGS)[number][2] | "authors", name: string): string[] {
  return (Object.keys(WEB_WORKS) as WebWorkKey[]).filter((key) => {
    const value: unknown = WEB_WORKS[key][field];
    return Array.isArray(value) ? value.includes(name) : value === name;
  }).map((key) => WEB_WORKS[key].title ?? key);
}

function titlesInPage(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "").sort();
}

function feedLinkIn(html: string): string | undefined {
  return /<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]*)"/u.exec(html)?.[1]?.replace(/&amp;/gu, "&");
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);
const jing = jingUnavailable();
if (jing) console.warn(`schema validation skipped: ${jing}`);

describe.each(TEST_ENGINES)("the Atom feeds on $name", (engine) => {
  let quire: Quire;
  let ids: Record<WebWorkKey, number>;
  let marigoldSeries = 0;
  const clients = {} as Record<Actor, WebClient>;
  /** Every feed the tests fetched, for the schema check at the end. */
  const fetched = new Map<string, string>();

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    const { db } = quire.library;
    ids = await storeWebWorks(quire);
    const creator = await makeAccount(db, "Creator", "author");
    const reader = await makeAccount(db, "Reader", "reader");
    for (const [key, { title, tag }] of Object.entries(POSTED)) {
      await postWork(quire, creator, {
        title, fandoms: ["Moonlit Harbour (TV)"], rating: "Mature", freeforms: [tag, "Angst"], summary: `The ${key} one.`, chapters: [`The first part of ${title}.`],
        series: key === "draft" || key === "open" ? [{ name: "Marigold Series", part: key === "draft" ? 1 : 2 }] : [],
      }, { visibility: key === "draft" ? "draft" : key === "restricted" ? "restricted" : "public", hiddenByModerator: key === "hidden" });
    }
    marigoldSeries = (await db.selectFrom("series").select("id").where("name", "=", "Marigold Series").executeTakeFirstOrThrow()).id;
    // The orchard changed later than the rest: its entry says when.
    await db.updateTable("works").set({ updated_at: "2026-11-20T09:30:00.000Z" }).where("id", "=", ids.orchard).execute();
    const app = createApp({ ...webDeps(quire), now: () => TODAY });
    clients.guest = new WebClient(app);
    clients.reader = new WebClient(app);
    await signInAs(db, clients.reader, reader, TODAY);
  });

  const feed = async (actor: Actor, path: string): Promise<WalkedFeed> => {
    const response = await clients[actor].get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("Content-Type"), path).toBe("application/atom+xml;charset=utf-8");
    const xml = await response.text();
    fetched.set(`${actor} ${path}`, xml);
    return readFeed(path, response.status, "", xml);
  };
  const titles = (f: WalkedFeed) => f.entries.map((e) => e.title).sort();
  /** What the actor may see of the posted works. */
  const posted = (actor: Actor) => (actor === "guest" ? [POSTED.open.title] : [POSTED.open.title, POSTED.restricted.title]);
  const unseen = (actor: Actor) => [POSTED.draft, POSTED.hidden, ...(actor === "guest" ? [POSTED.restricted] : [])].flatMap((p) => [p.title, p.tag]);

  it.each(TAGS.map(([type, name, field]) => ({ type, name, field })))("has a feed for the $type $name with its works", async ({ name, field }) => {
    for (const actor of ["guest", "reader"] as const) {
      const f = await feed(actor, `/tags/${encodeURIComponent(name.replace("/", "*s*"))}/feed.atom`);
      const carriesPosted = name === "Moonlit Harbour (TV)" || name === "Mature" || name === "Angst";
      expect(titles(f), `${actor}: ${name}`).toEqual([...libraryTitlesWith(field, name), ...(carriesPosted ? posted(actor) : [])].sort());
      for (const word of unseen(actor)) expect(f.xml).not.toContain(word);
    }
  });

  it("lists the latest updated works first", async () => {
    const f = await feed("guest", "/tags/Moonlit%20Harbour%20(TV)/feed.atom");
    const order = f.entries.map((e) => e.title);
    const latestFirst = (["crossing", "tide", "lanterns", "uhr"] as const).map((k) => WEB_WORKS[k].title ?? k);
    expect(order.filter((t) => latestFirst.includes(t))).toEqual(latestFirst);
  });

  it("gives each entry the work's summary, tags, authors, page and the time it changed", async () => {
    const f = await feed("guest", "/tags/Glass%20Orchard%20(Books)/feed.atom");
    const orchard = f.xml.split("<entry>").find((e) => e.includes(`<title>${WEB_WORKS.orchard.title ?? ""}</title>`)) ?? "";
    expect(orchard).toContain("<updated>2026-11-20T09:30:00.000Z</updated>");
    expect(orchard).toContain(`<summary type="text">${WEB_WORKS.orchard.summary ?? ""}</summary>`);
    expect(orchard).toMatch(/<author>\s*<name>Pim Okafor<\/name>\s*<uri>http:\/\/localhost\/users\/Pim%20Okafor<\/uri>/u);
    for (const tag of ["Glass Orchard (Books)", "Tobias Wren", "Fluff", "General Audiences", "Gen"]) expect(orchard).toContain(`<category term="${tag}"`);
    expect(orchard).toContain(`<link rel="alternate" href="http://localhost/works/${ids.orchard}" type="text/html"`);
    expect(f.xml).toMatch(/<feed [^>]*>\s*<id>urn:uuid:[0-9a-f-]{36}<\/id>/u);
    // The feed changed when its latest work did, or later.
    expect(/<feed[\s\S]*?<updated>([^<]*)<\/updated>/u.exec(f.xml)?.[1]?.localeCompare("2026-11-20T09:30:00.000Z")).toBeGreaterThanOrEqual(0);
  });

  it("has an author's feed and a series' feed with what each reader may see", async () => {
    for (const actor of ["guest", "reader"] as const) {
      expect(titles(await feed(actor, "/users/Creator/feed.atom"))).toEqual(posted(actor).sort());
      expect(titles(await feed(actor, `/series/${marigoldSeries}/feed.atom`))).toEqual([POSTED.open.title]);
    }
    expect(titles(await feed("guest", "/users/Wren%20Tallow/feed.atom"))).toEqual(libraryTitlesWith("authors", "Wren Tallow").sort());
    expect((await clients.guest.get("/users/Nobody_At_All/feed.atom")).status).toBe(404);
  });

  it("has a feed for any search, with the search's own parameters", async () => {
    for (const actor of ["guest", "reader"] as const) {
      expect(titles(await feed(actor, "/works/search/feed.atom?q=marigold"))).toEqual(posted(actor).sort());
      expect(titles(await feed(actor, "/works/search/feed.atom?q=marigold&exclude-freeform=Members%20Only%20Tag"))).toEqual([POSTED.open.title]);
    }
    expect((await clients.guest.get("/works/search/feed.atom?words=lots")).status).toBe(400);
  });

  it("is announced in the head of each page that lists works, and lists what that page lists", async () => {
    const tagPage = await (await clients.guest.get("/tags/Mara%20Quell*s*Ilse%20Brand")).text();
    expect(feedLinkIn(tagPage)).toBe("/tags/Mara%20Quell*s*Ilse%20Brand/feed.atom");
    const pages = ["/tags/Angst/works", "/tags/Moonlit%20Harbour%20(TV)/works?rating=Mature", "/users/Wren%20Tallow", "/users/Creator", `/series/${marigoldSeries}`, "/works/search?q=marigold", "/works?fandom=Moonlit%20Harbour%20(TV)&page=1"];
    for (const actor of ["guest", "reader"] as const) {
      for (const page of pages) {
        const html = await (await clients[actor].get(page)).text();
        const href = feedLinkIn(html);
        expect(href, page).toBeDefined();
        expect(html, page).toContain(`type="application/atom+xml">Subscribe (Atom)</a>`);
        const f = await feed(actor, localPath(href ?? ""));
        expect(titles(f), `${actor} ${page}`).toEqual(titlesInPage(html));
      }
    }
  });

  it("answers a feed reader that already has the feed with 304, until a work in it changes", async () => {
    const path = "/tags/Glass%20Orchard%20(Books)/feed.atom";
    const first = await clients.guest.get(path);
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    expect((await clients.guest.get(path, { "If-None-Match": etag })).status).toBe(304);
    await quire.library.db.updateTable("works").set({ updated_at: "2026-11-21T10:00:00.000Z" }).where("id", "=", ids.crossing).execute();
    expect((await clients.guest.get(path, { "If-None-Match": etag })).status).toBe(200);
  });

  it.skipIf(jing !== null)("writes every feed the tests fetched valid against RFC 4287's schema", async () => {
    expect(fetched.size).toBeGreaterThan(20);
    const errors = await validateFeeds("atom", fetched);
    expect([...errors].filter(([, list]) => list.length > 0)).toEqual([]);
  });
});

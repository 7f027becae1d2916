/**
 * The OPDS catalog walked as an e-reader app walks it, on both engines, by a guest, a guest whose preferences show
 * adult content, a guest who muted a tag, and a signed-in reader: from /opds through every navigation and acquisition link and every next
 * page, then a search through the OpenSearch description's template. Every feed must be valid OPDS 1.2 and Atom,
 * every work the reader may read must be reached and nothing else (no draft, no hidden work, restricted works only
 * for members, adult works only by preference), and every count a navigation link gives must be the number of
 * works its feed holds, page after page.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { DEFAULT_PREFS, writePrefsCookie } from "../../src/web/reader-prefs.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { jingUnavailable, validateFeeds } from "../support/feed-schemas.js";
import { localPath, readFeed, walkCatalog, type WalkedFeed } from "../support/opds-walker.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, WEB_WORKS, webDeps } from "../support/web-library.js";

type Actor = "guest" | "adultGuest" | "reader" | "mutingGuest";
const ACTORS: readonly Actor[] = ["guest", "adultGuest", "reader", "mutingGuest"];

/** The muting guest muted a tag that only one work they could otherwise read carries (besides an adult one). */
const MUTED_TAG = "Angst";
const MUTED_ONLY_WORDS = ["Die Leuchtturmuhr", "Jonas Feld"];

const NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation";
const ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition";
const ACQUISITION_REL = "http://opds-spec.org/acquisition";

/** Enough public works by one author in one fandom that their feeds need a second page (20 a page). */
const FILLERS = 23;
const fillerTitle = (n: number) => `Paging Story ${String(n).padStart(2, "0")}`;

const POSTED = {
  open: { title: "Marigold Open", fandom: "Open Posting Fandom", tag: "Open Only Tag" },
  draft: { title: "Marigold Draft", fandom: "Draft Only Fandom", tag: "Draft Only Tag" },
  restricted: { title: "Marigold Members", fandom: "Members Only Fandom", tag: "Members Only Tag" },
  hidden: { title: "Marigold Hidden", fandom: "Hidden Only Fandom", tag: "Hidden Only Tag" },
} as const;

const titleOf = (key: keyof typeof WEB_WORKS): string => WEB_WORKS[key].title ?? key;

/** The adult works of the web library (Explicit and Mature), and what only they carry. */
const ADULT_TITLES = [titleOf("lanterns"), titleOf("tide")];
const ADULT_ONLY_WORDS = ["Wren Tallow", "Mara Quell/Ilse Brand", "Slow Burn", "Epistolary", "Major Character Death"];

function expectedTitles(actor: Actor): string[] {
  const titles = [titleOf("orchard"), titleOf("uhr"), titleOf("crossing"), POSTED.open.title, ...Array.from({ length: FILLERS }, (_, i) => fillerTitle(i + 1))];
  if (actor === "adultGuest") titles.push(...ADULT_TITLES);
  if (actor === "reader") titles.push(POSTED.restricted.title);
  return titles.filter((t) => actor !== "mutingGuest" || t !== titleOf("uhr")).sort();
}

function forbiddenWords(actor: Actor): string[] {
  const never = [POSTED.draft, POSTED.hidden].flatMap((p) => [p.title, p.fandom, p.tag]);
  const restricted = actor === "reader" ? [] : [POSTED.restricted.title, POSTED.restricted.fandom, POSTED.restricted.tag];
  const adult = actor === "adultGuest" ? [] : [...ADULT_TITLES, ...ADULT_ONLY_WORDS];
  const muted = actor === "mutingGuest" ? MUTED_ONLY_WORDS : [];
  return [...never, ...restricted, ...adult, ...muted];
}

/** The feed at `path` and each next page after it. */
function pagesFrom(feeds: ReadonlyMap<string, WalkedFeed>, path: string): WalkedFeed[] {
  const pages: WalkedFeed[] = [];
  let current = feeds.get(path);
  while (current && pages.length < 100) {
    pages.push(current);
    const next = current.links.find((l) => l.rel === "next");
    current = next ? feeds.get(localPath(next.href)) : undefined;
  }
  return pages;
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);
const jing = jingUnavailable();
if (jing) console.warn(`schema validation skipped: ${jing}`);

describe.each(TEST_ENGINES)("the OPDS catalog walked on $name", (engine) => {
  let quire: Quire;
  const clients = {} as Record<Actor, WebClient>;
  const walks = new Map<Actor, Map<string, WalkedFeed>>();

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    const { db } = quire.library;
    await storeWebWorks(quire);
    const creator = await makeAccount(db, "Creator", "author");
    const filler = await makeAccount(db, "Paging_Author", "author");
    const reader = await makeAccount(db, "Reader", "reader");
    for (const [key, { title, fandom, tag }] of Object.entries(POSTED)) {
      await postWork(quire, creator, {
        title, fandoms: ["Moonlit Harbour (TV)", fandom], rating: "General Audiences", freeforms: [tag], summary: `The ${key} one.`,
        chapters: [`The first part of ${title}.`], series: key === "draft" || key === "open" ? [{ name: "Marigold Series", part: key === "draft" ? 1 : 2 }] : [],
      }, { visibility: key === "draft" ? "draft" : key === "restricted" ? "restricted" : "public", hiddenByModerator: key === "hidden" });
    }
    for (let n = 1; n <= FILLERS; n += 1) {
      await postWork(quire, filler, {
        title: fillerTitle(n), fandoms: ["Paging Fandom"], rating: "General Audiences", published: `2025-01-${String(n).padStart(2, "0")}`, chapters: [`Page filler number ${n}.`],
      }, { at: `2026-10-${String(n).padStart(2, "0")}T08:00:00.000Z` });
    }
    const app = createApp({ ...webDeps(quire), now: () => TODAY });
    for (const actor of ACTORS) clients[actor] = new WebClient(app);
    clients.adultGuest.cookies.set("quire_prefs", writePrefsCookie({ ...DEFAULT_PREFS, showAdult: true }));
    clients.mutingGuest.cookies.set("quire_prefs", writePrefsCookie({ ...DEFAULT_PREFS, mutedTags: [MUTED_TAG] }));
    await signInAs(db, clients.reader, reader, TODAY);
    for (const actor of ACTORS) walks.set(actor, await walkCatalog(clients[actor], "/opds", 400));
  });

  const walked = (actor: Actor) => walks.get(actor) ?? new Map<string, WalkedFeed>();

  it.each(ACTORS)("answers every feed %s reaches, each with the media type its link promised and its self, start and up links", (actor) => {
    const feeds = walked(actor);
    expect(feeds.size).toBeGreaterThan(20);
    expect(feeds.size).toBeLessThan(400);
    const promised = new Map<string, string>([["/opds", NAVIGATION]]);
    for (const feed of feeds.values()) {
      for (const link of [...feed.entries.flatMap((e) => e.links), ...feed.links.filter((l) => l.rel === "next")]) {
        if (link.type.includes("profile=opds-catalog")) promised.set(localPath(link.href), link.type);
      }
    }
    for (const feed of feeds.values()) {
      expect(feed.status, feed.path).toBe(200);
      expect(feed.contentType.replace(/;charset=utf-8$/u, ""), feed.path).toBe(promised.get(feed.path));
      const rels = feed.links.map((l) => l.rel);
      for (const rel of ["self", "start", "up", "search"]) expect(rels, `${feed.path} ${rel}`).toContain(rel);
      expect(localPath(feed.links.find((l) => l.rel === "self")?.href ?? ""), feed.path).toBe(feed.path);
      expect(localPath(feed.links.find((l) => l.rel === "start")?.href ?? "")).toBe("/opds");
    }
  });

  it.skipIf(jing !== null).each(ACTORS)("finds every feed %s reaches valid OPDS 1.2 and Atom", async (actor) => {
    const documents = new Map([...walked(actor).values()].map((f) => [f.path, f.xml]));
    for (const schema of ["opds", "atom"] as const) {
      const errors = await validateFeeds(schema, documents);
      expect([...errors].filter(([, list]) => list.length > 0), schema).toEqual([]);
    }
  });

  it.each(ACTORS)("reaches every work %s may read, and nothing else anywhere", (actor) => {
    const feeds = [...walked(actor).values()];
    const reached = new Set(feeds.flatMap((f) => f.entries.filter((e) => e.links.some((l) => l.rel === ACQUISITION_REL)).map((e) => e.title)));
    expect([...reached].sort()).toEqual(expectedTitles(actor));
    for (const feed of feeds) for (const word of forbiddenWords(actor)) expect(feed.xml, `${feed.path} shows ${word}`).not.toContain(word);
  });

  it.each(ACTORS)("gives %s counts that are the works each linked feed holds, over all its pages", (actor) => {
    const feeds = walked(actor);
    let checked = 0;
    for (const feed of feeds.values()) {
      for (const link of feed.entries.flatMap((e) => e.links).filter((l) => l.count !== null && l.type === ACQUISITION)) {
        const pages = pagesFrom(feeds, localPath(link.href));
        expect(pages.length, link.href).toBeGreaterThan(0);
        expect(pages[0]?.totalResults, link.href).toBe(link.count);
        const ids = pages.flatMap((p) => p.entries.map((e) => e.id));
        expect(new Set(ids).size, link.href).toBe(link.count);
        expect(ids.length, link.href).toBe(link.count);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // The paging fandom needs two pages of 20.
    const fandom = [...feeds.values()].flatMap((f) => f.entries).find((e) => e.title === "Paging Fandom");
    expect(pagesFrom(feeds, localPath(fandom?.links[0]?.href ?? ""))).toHaveLength(2);
    // The root's two sorted feeds hold every work the reader may read.
    for (const path of ["/opds/new", "/opds/updated"]) expect(pagesFrom(feeds, path).flatMap((p) => p.entries).map((e) => e.title).sort()).toEqual(expectedTitles(actor));
  });

  it.each(ACTORS)("lists the newest works first for %s, and the series' works in order", (actor) => {
    const feeds = walked(actor);
    const newest = pagesFrom(feeds, "/opds/new").flatMap((p) => p.entries).map((e) => e.title);
    expect(newest.indexOf(fillerTitle(FILLERS))).toBeLessThan(newest.indexOf(fillerTitle(1)));
    const series = [...feeds.values()].flatMap((f) => f.entries).find((e) => e.title === "Harbour Letters");
    const parts = pagesFrom(feeds, localPath(series?.links[0]?.href ?? "")).flatMap((p) => p.entries).map((e) => e.title);
    expect(parts).toEqual(actor === "adultGuest" ? [titleOf("tide"), titleOf("crossing")] : [titleOf("crossing")]);
  });

  it.each(ACTORS)("gives %s each work's downloads in four formats, its cover and its page, which opens", async (actor) => {
    const entries = [...walked(actor).values()].flatMap((f) => f.entries).filter((e) => e.links.some((l) => l.rel === ACQUISITION_REL));
    for (const entry of entries) {
      expect(entry.links.filter((l) => l.rel === ACQUISITION_REL).map((l) => l.type).sort(), entry.title).toEqual(["application/epub+zip", "text/html", "text/markdown", "text/plain"]);
      expect(entry.links.filter((l) => l.rel.startsWith("http://opds-spec.org/image")).map((l) => localPath(l.href)), entry.title).toEqual([expect.stringMatching(/^\/works\/\d+\/cover\.svg$/u), expect.stringMatching(/^\/works\/\d+\/cover\.svg$/u)]);
    }
    const pages = new Set(entries.map((e) => localPath(e.links.find((l) => l.rel === "alternate")?.href ?? "")));
    for (const page of pages) expect((await clients[actor].get(page)).status, page).toBe(200);
  });

  // Each link an acquisition entry gives must answer with what it promised (src/web/routes/downloads.ts serves them).
  it.each(ACTORS)("serves %s the EPUB its acquisition link names, the other formats and the cover", async (actor) => {
    const entry = [...walked(actor).values()].flatMap((f) => f.entries).find((e) => e.title === POSTED.open.title);
    const links = (entry?.links ?? []).filter((l) => l.rel === ACQUISITION_REL || l.rel === "http://opds-spec.org/image");
    expect(links.map((l) => l.type).sort()).toEqual(["application/epub+zip", "image/svg+xml", "text/html", "text/markdown", "text/plain"]);
    for (const link of links) {
      const response = await clients[actor].get(localPath(link.href));
      expect(response.status, link.href).toBe(200);
      expect(response.headers.get("Content-Type"), link.href).toMatch(new RegExp(`^${link.type.replace(/[+]/gu, "\\+")}`, "u"));
    }
  });

  it.each(ACTORS)("searches for %s through the OpenSearch description's template", async (actor) => {
    const root = walked(actor).get("/opds");
    const description = root?.links.find((l) => l.rel === "search");
    expect(description?.type).toBe("application/opensearchdescription+xml");
    const response = await clients[actor].get(localPath(description?.href ?? ""));
    expect(response.headers.get("Content-Type")).toMatch(/^application\/opensearchdescription\+xml/u);
    const xml = await response.text();
    const template = [...xml.matchAll(/<Url type="([^"]*)" template="([^"]*)"/gu)].find((m) => m[1] === ACQUISITION)?.[2]?.replace(/&amp;/gu, "&");
    expect(template).toContain("{searchTerms}");
    // A client fills in the terms and leaves out the optional parameters it does not use.
    const path = localPath((template ?? "").replace("{searchTerms}", encodeURIComponent("marigold")).replace(/[&?][a-z]+=\{[^}]*\?\}/gu, ""));
    const results = await clients[actor].get(path);
    expect(results.headers.get("Content-Type")).toMatch(/^application\/atom\+xml;profile=opds-catalog;kind=acquisition/u);
    const feed = readFeed(path, results.status, "", await results.text());
    expect(feed.entries.map((e) => e.title).sort()).toEqual(expectedTitles(actor).filter((t) => t.startsWith("Marigold")));
    expect(feed.totalResults).toBe(feed.entries.length);
  });
});

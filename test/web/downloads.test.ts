/**
 * Downloads on both engines: a work in each format (headers, the file read back by the importer, revalidation),
 * a series as one book, a page of search results as a zip, the cover; the Download menus on the work, series and
 * search pages; and the visibility rules (a draft, a restricted and a hidden work) for a guest, a reader and the
 * creator. Adult works download without a second gate.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { openZip } from "../../src/importers/epub/zip.js";
import { parseStory } from "../../src/importers/parse-story.js";
import { renameTag } from "../../src/services/tags/rename-tag.js";
import { createApp } from "../../src/web/app.js";
import { SEARCH_BUNDLES_PER_MINUTE } from "../../src/web/routes/downloads.js";
import { searchBundlePath, seriesDownloadPath, workCoverPath, workDownloadPath } from "../../src/web/download-paths.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, webDeps, WEB_WORKS, type WebWorkKey } from "../support/web-library.js";

type Actor = "guest" | "reader" | "creator";
const titleOf = (key: WebWorkKey) => WEB_WORKS[key].title ?? "";
const POSTED = { open: "Marigold Open", draft: "Marigold Draft", restricted: "Marigold Members", hidden: "Marigold Hidden" } as const;
type Posted = keyof typeof POSTED;

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("downloads on $name", (engine) => {
  let quire: Quire;
  let web: Record<WebWorkKey, number>;
  const ids = {} as Record<Posted, number>;
  let seriesId = 0;
  const clients = {} as Record<Actor, WebClient>;

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    const { db } = quire.library;
    web = await storeWebWorks(quire);
    const creator = await makeAccount(db, "Creator", "author");
    const reader = await makeAccount(db, "Reader", "reader");
    for (const [index, key] of (Object.keys(POSTED) as Posted[]).entries()) {
      ids[key] = await postWork(quire, creator, {
        title: POSTED[key], fandoms: ["Marigold Fandom"], rating: "General Audiences", summary: `The ${key} one.`,
        chapters: [`The first part of ${POSTED[key]}, which is short.`, `The second part of ${POSTED[key]}.`],
        series: [{ name: "Marigold Series", part: index + 1 }],
      }, { visibility: key === "draft" ? "draft" : key === "restricted" ? "restricted" : "public", hiddenByModerator: key === "hidden" });
    }
    seriesId = (await db.selectFrom("series").select("id").where("name", "=", "Marigold Series").executeTakeFirstOrThrow()).id;
    const app = createApp({ ...webDeps(quire), now: () => TODAY });
    clients.guest = new WebClient(app);
    clients.reader = new WebClient(app);
    clients.creator = new WebClient(app);
    await signInAs(db, clients.reader, reader, TODAY);
    await signInAs(db, clients.creator, creator, TODAY);
  });

  const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

  it.each([
    ["epub", "application/epub+zip"],
    ["html", "text/html; charset=utf-8"],
    ["txt", "text/plain; charset=utf-8"],
    ["md", "text/markdown; charset=utf-8"],
  ] as const)("serves a work as %s, named after its title, that the importer reads back", async (format, mediaType) => {
    const response = await clients.guest.get(workDownloadPath(web.lanterns, "any name", format));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(mediaType);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Three_Lanterns.${format}"`);
    expect(response.headers.get("Last-Modified")).toBe(new Date("2026-11-01T00:00:00.000Z").toUTCString());
    const { work } = await parseStory(await bytesOf(response), `Three_Lanterns.${format}`);
    const stored = WEB_WORKS.lanterns;
    expect(work).toMatchObject({ title: titleOf("lanterns"), authors: stored.authors, fandoms: stored.fandoms, rating: stored.rating, relationships: stored.relationships, summary: stored.summary, endNotes: stored.endNotes, });
    // The Archive's layout (EPUB, HTML) is read as the Archive's, whose work addresses the importer makes https.
    expect(work.sourceUrl?.replace(/^https:/u, "http:")).toBe(`http://localhost/works/${web.lanterns}`);
    expect(work.chapters.map((c) => c.text)).toEqual(stored.chapters.map((c) => c.text));
  });

  it("answers a revalidation with 304 while the work is unchanged", async () => {
    const path = workDownloadPath(web.orchard, titleOf("orchard"), "epub");
    const first = await clients.guest.get(path);
    const tag = first.headers.get("ETag") ?? "";
    expect(tag).toMatch(/^"[0-9a-f]{40}"$/u);
    expect((await clients.guest.get(path, { "If-None-Match": tag })).status).toBe(304);
    // Another format is another file.
    const html = await clients.guest.get(workDownloadPath(web.orchard, titleOf("orchard"), "html"));
    expect(html.headers.get("ETag")).not.toBe(tag);
    // A tag renamed by wrangling (here its case) changes the book, though not the work's change time.
    await renameTag(quire.library, { name: "Glass Orchard (Books)", type: "Fandom" }, "Glass orchard (books)");
    try {
      const renamed = await clients.guest.get(path, { "If-None-Match": tag });
      expect(renamed.status).toBe(200);
      expect(renamed.headers.get("ETag")).not.toBe(tag);
    } finally {
      await renameTag(quire.library, { name: "Glass orchard (books)", type: "Fandom" }, "Glass Orchard (Books)");
    }
    expect((await clients.guest.get(path, { "If-None-Match": tag })).status).toBe(304);
  });

  it("gives the same bytes for the same work", async () => {
    const path = workDownloadPath(web.tide, titleOf("tide"), "epub");
    const [a, b] = [await bytesOf(await clients.guest.get(path)), await bytesOf(await clients.reader.get(path))];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("has no download of another format or of a work that is not there", async () => {
    expect((await clients.guest.get(`/downloads/${web.orchard}/A_Ladder.pdf`)).status).toBe(404);
    expect((await clients.guest.get(`/downloads/${web.orchard}/A_Ladder`)).status).toBe(404);
    expect((await clients.guest.get("/downloads/999999/Nothing.epub")).status).toBe(404);
    expect((await clients.guest.get("/downloads/99999999999/Nothing.epub")).status).toBe(404);
  });

  it("serves an adult work's download without a second gate, linked from the page behind the interstitial", async () => {
    expect((await clients.guest.get(workDownloadPath(web.lanterns, titleOf("lanterns"), "epub"))).status).toBe(200);
    const gate = await (await clients.guest.get(`/works/${web.lanterns}`)).text();
    expect(gate).not.toContain(workDownloadPath(web.lanterns, titleOf("lanterns"), "epub"));
    const page = await (await clients.guest.get(`/works/${web.lanterns}?view_adult=true`)).text();
    for (const format of ["epub", "html", "txt", "md"] as const) expect(page).toContain(`href="${workDownloadPath(web.lanterns, titleOf("lanterns"), format)}"`);
    expect(page).toContain('<details class="download-menu">');
  });

  const expectations: Record<Actor, Record<Posted, number>> = {
    // A guest's app is asked to sign in (reader-apps.ts); a guest's browser is sent to the sign-in page, below.
    guest: { open: 200, draft: 404, restricted: 401, hidden: 404 },
    reader: { open: 200, draft: 404, restricted: 200, hidden: 404 },
    creator: { open: 200, draft: 200, restricted: 200, hidden: 200 },
  };

  it.each(["guest", "reader", "creator"] as const)("downloads and covers only the works %s may read", async (actor) => {
    for (const key of Object.keys(POSTED) as Posted[]) {
      for (const path of [workDownloadPath(ids[key], POSTED[key], "txt"), workCoverPath(ids[key])]) {
        const response = await clients[actor].get(path);
        expect(response.status, `${actor} at ${path} (${key})`).toBe(expectations[actor][key]);
        if (response.status === 401) {
          const navigation = await clients[actor].get(path, { "Sec-Fetch-Mode": "navigate" });
          expect(navigation.status).toBe(303);
          expect(navigation.headers.get("Location")).toMatch(/^\/login\?return=/u);
        }
        const body = await response.text();
        for (const other of Object.keys(POSTED) as Posted[]) if (expectations[actor][other] !== 200) expect(body).not.toContain(POSTED[other]);
      }
    }
  });

  it("draws the cover with the title, authors and fandom, escaped", async () => {
    const response = await clients.guest.get(workCoverPath(web.crossing));
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    const svg = await response.text();
    expect(svg).toContain("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    for (const text of ["Crossing the Orchard", "Pim Okafor", "Moonlit Harbour (TV)"]) expect(svg).toContain(text);
  });

  it.each(["guest", "reader", "creator"] as const)("makes a series one book of the parts %s may read", async (actor) => {
    const response = await clients[actor].get(seriesDownloadPath(seriesId, "Marigold Series", "html"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="Marigold_Series.html"');
    const html = await response.text();
    // The series page lists public and (for members) restricted works; drafts and hidden works never.
    const readable: Posted[] = actor === "guest" ? ["open"] : ["open", "restricted"];
    for (const key of Object.keys(POSTED) as Posted[]) {
      if (readable.includes(key)) expect(html, key).toContain(`The first part of ${POSTED[key]}`);
      else expect(html, key).not.toContain(POSTED[key]);
    }
    const page = await (await clients[actor].get(`/series/${seriesId}`)).text();
    expect(page).toContain(`href="${seriesDownloadPath(seriesId, "Marigold Series", "epub")}"`);
  });

  it("has no book of a series the reader may read nothing of", async () => {
    const creator = await makeAccount(quire.library.db, "Shelf Maker", "author");
    await postWork(quire, creator, { title: "Shelved Draft", series: [{ name: "Empty Shelf", part: 1 }] }, { visibility: "draft" });
    const { id } = await quire.library.db.selectFrom("series").select("id").where("name", "=", "Empty Shelf").executeTakeFirstOrThrow();
    expect((await clients.guest.get(seriesDownloadPath(id, "Empty Shelf", "epub"))).status).toBe(404);
  });

  it.each(["guest", "reader"] as const)("bundles the search results %s sees, and links the bundle from the results", async (actor) => {
    const params = new URLSearchParams({ q: "marigold" });
    const response = await clients[actor].get(searchBundlePath(params, "txt"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const zip = await openZip(await bytesOf(response));
    try {
      const expected = actor === "guest" ? ["Marigold_Open.txt"] : ["Marigold_Members.txt", "Marigold_Open.txt"];
      expect([...zip.names].sort()).toEqual(expected);
    } finally {
      zip.close();
    }
    const page = await (await clients[actor].get("/works/search?q=marigold")).text();
    expect(page).toContain(`href="${searchBundlePath(params, "epub").replaceAll("&", "&amp;")}"`);
    expect((await clients[actor].get(searchBundlePath(new URLSearchParams({ q: "nothingmatchesthis" }), "epub"))).status).toBe(404);
    expect((await clients[actor].get("/downloads/search.zip?q=marigold&format=pdf")).status).toBe(400);
  });

  it("limits how many bundles one guest address or account makes a minute, as each is up to 50 books to write", async () => {
    const clock = { now: TODAY };
    const app = createApp({ ...webDeps(quire), now: () => clock.now });
    const path = searchBundlePath(new URLSearchParams({ q: "marigold" }), "txt");
    const guest = new WebClient(app);
    for (let i = 0; i < SEARCH_BUNDLES_PER_MINUTE; i += 1) expect((await guest.get(path)).status).toBe(200);
    const refused = await guest.get(path);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    // The pages and single downloads go on.
    expect((await guest.get(workDownloadPath(ids.open, POSTED.open, "txt"))).status).toBe(200);
    const reader = new WebClient(app);
    await signInAs(quire.library.db, reader, await makeAccount(quire.library.db, "Bundler", "reader"), TODAY);
    expect((await reader.get(path)).status).toBe(200);
    clock.now = new Date(TODAY.getTime() + 61_000);
    expect((await guest.get(path)).status).toBe(200);
  });
});

/**
 * A user a reader muted stays out of every way out of Quire for that reader, on both engines: the OPDS catalog
 * (works, authors, series and their counts), the Atom feeds, the JSON API (search, series, a tag's count), a
 * series book and a search bundle. A reader who muted no one sees the same works there, so each check can fail.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { openZip } from "../../src/importers/epub/zip.js";
import { muteUser } from "../../src/services/accounts/muted-users.js";
import { createApp } from "../../src/web/app.js";
import { searchBundlePath, seriesDownloadPath } from "../../src/web/download-paths.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { ApiClient, tokenFor } from "../support/api-client.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, webDeps } from "../support/web-library.js";

const FANDOM = "Bellwether Shoals";
const SERIES = "Bellwether Almanac";
const LOUD = "Loud Bell Morning";
const QUIET = "Quiet Bell Evening";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("a muted user's works on every way out, on $name", (engine) => {
  let quire: Quire;
  let seriesId = 0;
  const readers = {} as Record<"muting" | "other", { web: WebClient; api: ApiClient }>;

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    const { db } = quire.library;
    await storeWebWorks(quire);
    const [loud, quiet] = [await makeAccount(db, "Loudbell"), await makeAccount(db, "Quietbell")];
    for (const [author, title, part] of [[loud, LOUD, 1], [quiet, QUIET, 2]] as const) {
      await postWork(quire, author, { title, fandoms: [FANDOM], rating: "General Audiences", summary: `${title}, told once.`, chapters: [`The text of ${title}.`], series: [{ name: SERIES, part }] });
    }
    seriesId = (await db.selectFrom("series").select("id").where("name", "=", SERIES).executeTakeFirstOrThrow()).id;
    const app = createApp({ ...webDeps(quire), now: () => TODAY });
    for (const key of ["muting", "other"] as const) {
      const account = await makeAccount(db, `${key}-reader`, "reader");
      const web = new WebClient(app);
      await signInAs(db, web, account, TODAY);
      readers[key] = { web, api: new ApiClient(app, await tokenFor(db, account, "read")) };
      if (key === "muting") await muteUser(db, { id: account.userId, login: account.login, role: "reader", suspended: false, suspendedUntil: null }, quiet.login);
    }
  });

  const fandomSegment = encodeURIComponent(FANDOM);
  const textOf = async (response: Response) => {
    expect(response.status, response.url).toBe(200);
    return response.text();
  };

  it.each(["muting", "other"] as const)("the %s reader's catalog, feeds and API", async (key) => {
    const { web, api } = readers[key];
    const bodies = [
      ...(await Promise.all([
        "/opds/new", "/opds/updated", `/opds/tags/${fandomSegment}`, `/opds/series/${seriesId}`, "/opds/search?q=bell",
        `/tags/${fandomSegment}/feed.atom`, `/series/${seriesId}/feed.atom`, "/works/search/feed.atom?q=bell",
      ].map(async (path) => [path, await textOf(await web.get(path))] as const))),
      ...(await Promise.all([`/works?fandom=${fandomSegment}`, `/series/${seriesId}`].map(async (path) => [`/api/v1${path}`, await textOf(await api.get(path))] as const))),
    ];
    for (const [path, body] of bodies) {
      expect(body, path).toContain(LOUD);
      expect(body.includes(QUIET), path).toBe(key === "other");
    }
    const authors = await textOf(await web.get("/opds/authors"));
    expect(authors).toContain("Loudbell");
    expect(authors.includes("Quietbell"), "the author list").toBe(key === "other");
    const series = await textOf(await web.get("/opds/series"));
    expect(series).toMatch(new RegExp(`${SERIES}[\\s\\S]*?thr:count="${key === "muting" ? 1 : 2}"`, "u"));
    const tag = JSON.parse(await textOf(await api.get(`/tags/${fandomSegment}`))) as { tags: { works: number }[] };
    expect(tag.tags.map((t) => t.works)).toEqual([key === "muting" ? 1 : 2]);
  });

  it.each(["muting", "other"] as const)("the %s reader's series book and search bundle", async (key) => {
    const { web } = readers[key];
    const book = await textOf(await web.get(seriesDownloadPath(seriesId, SERIES, "html")));
    expect(book).toContain(`The text of ${LOUD}.`);
    expect(book.includes(`The text of ${QUIET}.`)).toBe(key === "other");
    const response = await web.get(searchBundlePath(new URLSearchParams({ q: "bell" }), "txt"));
    expect(response.status).toBe(200);
    const zip = await openZip(new Uint8Array(await response.arrayBuffer()));
    try {
      expect([...zip.names].sort()).toEqual(key === "muting" ? ["Loud_Bell_Morning.txt"] : ["Loud_Bell_Morning.txt", "Quiet_Bell_Evening.txt"]);
    } finally {
      zip.close();
    }
  });
});

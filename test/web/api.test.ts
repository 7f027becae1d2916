/**
 * The JSON API in process on both engines: tokens made, shown once and revoked on /account/tokens; searching
 * with the listings' filters; works, chapters, tags and series; the visibility of drafts, restricted and hidden
 * works for a guest, a reader, their creator and a moderator; writes that show on the pages; problems as
 * problem+json; scopes, suspension, cookies that never act through the API; the rate limit; and the OpenAPI
 * document, valid and naming every route the API serves.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { SUSPENDED_UNTIL_LIFTED } from "../../src/domain/moderation.js";
import { tokenDigest } from "../../src/services/accounts/secrets.js";
import { GUEST_REQUESTS_PER_MINUTE, TOKEN_REQUESTS_PER_MINUTE } from "../../src/web/api/caller.js";
import { PROBLEM_TYPE } from "../../src/web/api/problems.js";
import { ChapterCreated, ChapterList, Chapter, CommentCreated, BookmarkSaved, KudosResult, Problem, SeriesDetail, TagList, TagSuggestions, WorkDetail, WorkPage } from "../../src/web/api/schemas.js";
import { workCoverPath, workDownloadPath } from "../../src/web/download-paths.js";
import { ApiClient, bodyAs, tokenFor } from "../support/api-client.js";
import { COMMENTS_PER_MINUTE } from "../../src/web/routes/community.js";
import { communityFixture, pageHtml, type CommunityFixture } from "../support/community.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { TODAY } from "../support/web-library.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

const titles = (page: { works: readonly { title: string }[] }) => page.works.map((w) => w.title);
const encoded = (value: string) => encodeURIComponent(value);

async function problemOf(response: Response, status: number) {
  expect(response.headers.get("Content-Type")).toBe(PROBLEM_TYPE);
  return bodyAs(Problem, response, status);
}

/** Pim's draft, restricted work and hidden work, the last two in the "Harbour Letters" series beside the public parts. */
async function unseenWorks(f: CommunityFixture) {
  const glass = { fandoms: ["Glass Orchard (Books)"], freeforms: ["Greenhouse Secrets"] };
  const draft = await postWork(f.quire, f.pim, { title: "Pim's Draft", ...glass }, { visibility: "draft" });
  const restricted = await postWork(f.quire, f.pim, { title: "Pim's Members Only", ...glass, series: [{ name: "Harbour Letters", part: 3 }] }, { visibility: "restricted" });
  const hidden = await postWork(f.quire, f.pim, { title: "Pim's Hidden Work", ...glass, series: [{ name: "Harbour Letters", part: 4 }] }, { hiddenByModerator: true });
  return { draft, restricted, hidden };
}

const NEW_WORK = {
  title: "Posted by Script", rating: "General Audiences", warnings: ["No Archive Warnings Apply"], fandoms: ["Glass Orchard (Books)"],
  freeforms: ["Robots", " robots "], summary: "A robot tends the glass trees.", chapters: [{ text: "The **robot** woke before the orchard did.", format: "markdown" }],
};

describe.each(TEST_ENGINES)("the JSON API on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  describe("tokens", () => {
    it("are made on /account/tokens, shown once, kept only as a digest, and refused once revoked; an unknown token is refused too", async () => {
      const f = await communityFixture(library());
      const { restricted } = await unseenWorks(f);
      const { account, client } = await f.reader("fern");

      const nameless = await client.post("/account/tokens", { name: "  ", scope: "read" });
      expect(nameless.status).toBe(400);
      expect(await nameless.text()).toContain("Name the token");

      const made = await client.post("/account/tokens", { name: "E-reader  sync", scope: "read" });
      expect(made.status).toBe(200);
      expect(made.headers.get("Cache-Control")).toBe("no-store");
      const token = /value="(quire_[\w-]{43})"/u.exec(await made.text())?.[1] ?? "";
      expect(token).not.toBe("");

      const list = await pageHtml(client, "/account/tokens");
      expect(list).toContain("E-reader sync");
      expect(list).not.toContain(token);
      const rows = await f.db.selectFrom("api_tokens").selectAll().where("user_id", "=", account.userId).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.digest).toBe(tokenDigest(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]?.last_used_at).toBeNull();

      const api = new ApiClient(f.app, token);
      expect((await bodyAs(WorkDetail, await api.get(`/works/${restricted}`))).title).toBe("Pim's Members Only");
      expect((await f.db.selectFrom("api_tokens").select("last_used_at").executeTakeFirstOrThrow()).last_used_at).toBe(TODAY.toISOString());

      const revokeAction = /action="(\/account\/tokens\/\d+\/revoke)"/u.exec(list)?.[1] ?? "";
      const revoked = await client.post(revokeAction);
      expect(revoked.status).toBe(303);
      expect(await pageHtml(client, "/account/tokens")).toContain("revoked");
      const refused = await api.get(`/works/${restricted}`);
      expect(refused.headers.get("WWW-Authenticate")).toContain("Bearer");
      expect((await problemOf(refused, 401)).detail).toContain("unknown or revoked");

      expect((await new ApiClient(f.app, `quire_${"x".repeat(43)}`).get("/works")).status).toBe(401);
      expect((await new ApiClient(f.app).request("GET", "/works", undefined, { Authorization: `Basic ${token}` })).status).toBe(401);
      // Another's token is not theirs to revoke.
      const other = await f.reader("ash");
      expect((await other.client.post(revokeAction)).status).toBe(404);
    });
  });

  describe("reading", () => {
    it("searches with the listings' filters, a page at a time, with totals and facets", async () => {
      const f = await communityFixture(library());
      const guest = new ApiClient(f.app);

      const first = await bodyAs(WorkPage, await guest.get(`/works?fandom=${encoded("Moonlit Harbour (TV)")}&exclude-freeform=Angst&sort=title&per_page=1`));
      expect(first).toMatchObject({ total: 2, page: 1, perPage: 1, pages: 2 });
      expect(titles(first)).toEqual(["Crossing the Orchard Harbour"]);
      expect(first.facets.fandoms).toContainEqual({ name: "Moonlit Harbour (TV)", count: 2 });
      const second = await bodyAs(WorkPage, await guest.get(`/works?fandom=${encoded("Moonlit Harbour (TV)")}&exclude-freeform=Angst&sort=title&per_page=1&page=2`));
      expect(titles(second)).toEqual(["Three Lanterns"]);

      const both = await bodyAs(WorkPage, await guest.get(`/works?tag=Fluff&tag=${encoded("Glass Orchard (Books)")}&crossover=exclude`));
      expect(titles(both)).toEqual(["A Ladder in the Orchard"]);
      expect(titles(await bodyAs(WorkPage, await guest.get("/works?q=lantern")))).toEqual(["Three Lanterns"]);
      expect(titles(await bodyAs(WorkPage, await guest.get("/works?language=de")))).toEqual(["Die Leuchtturmuhr"]);
      expect(new Set(titles(await bodyAs(WorkPage, await guest.get("/works?rating=Mature&rating=Explicit"))))).toEqual(new Set());
      expect(titles(await bodyAs(WorkPage, await guest.get(`/works?status=in-progress&author=${encoded("Wren Tallow")}`)))).toEqual(["Low Tide Letters"]);

      const wrong = await problemOf(await guest.get("/works?words=lots&sort=sideways&per_page=5000"), 422);
      expect(Object.keys(wrong.errors ?? {}).sort()).toEqual(["per_page", "sort", "words"]);
    });

    it("leaves out the works of the tags the caller muted in their preferences, from results and tag counts", async () => {
      const f = await communityFixture(library());
      const { account: fern } = await f.reader("fern");
      const reader = new ApiClient(f.app, await tokenFor(f.db, fern, "read"));
      const harbour = `/works?fandom=${encoded("Moonlit Harbour (TV)")}`;
      const withoutAngst = titles(await bodyAs(WorkPage, await reader.get(`${harbour}&exclude-freeform=Angst`)));
      const before = titles(await bodyAs(WorkPage, await reader.get(harbour)));
      expect(before.length).toBeGreaterThan(withoutAngst.length);
      expect((await bodyAs(TagList, await reader.get("/tags/Angst"))).tags[0]?.works).toBeGreaterThan(0);
      await f.db.updateTable("users").set({ prefs: JSON.stringify({ mutedTags: ["Angst"] }) }).where("id", "=", fern.userId).execute();
      expect(titles(await bodyAs(WorkPage, await reader.get(harbour)))).toEqual(withoutAngst);
      expect((await bodyAs(TagList, await reader.get("/tags/Angst"))).tags[0]?.works).toBe(0);
      expect(titles(await bodyAs(WorkPage, await new ApiClient(f.app).get(harbour)))).toEqual(before);
    });

    it("gives a work with its tags, stats, outline and downloads, its chapters, its series and its tags", async () => {
      const f = await communityFixture(library());
      const guest = new ApiClient(f.app);
      const id = f.ids.lanterns;

      const work = await bodyAs(WorkDetail, await guest.get(`/works/${id}`));
      expect(work).toMatchObject({ title: "Three Lanterns", rating: "Explicit", relationships: ["Mara Quell/Ilse Brand"], chapters: 3, visibility: "public", hiddenByModerator: false });
      expect(work.chapterOutline.map((ch) => ch.title)).toEqual(["Green", "Amber", "White"]);
      expect(work.downloads.epub).toBe(workDownloadPath(id, "Three Lanterns", "epub"));
      expect(work.cover).toBe(workCoverPath(id));

      const etag = (await guest.get(`/works/${id}`)).headers.get("ETag") ?? "";
      expect(etag).toMatch(/^W\//u);
      expect((await guest.request("GET", `/works/${id}`, undefined, { "If-None-Match": etag })).status).toBe(304);

      const all = await bodyAs(ChapterList, await guest.get(`/works/${id}/chapters`));
      expect(all.chapters.map((ch) => ch.position)).toEqual([1, 2, 3]);
      const amber = await bodyAs(Chapter, await guest.get(`/works/${id}/chapters/2`));
      expect(amber.title).toBe("Amber");
      expect(amber.html).toContain("<p>The second lantern was amber.");
      for (const path of [`/works/${id}/chapters/9`, "/works/99999", "/works/abc", "/works/99999999999", "/no-such-thing"]) expect((await problemOf(await guest.get(path), 404)).code).toBe("not-found");

      const tide = await bodyAs(WorkDetail, await guest.get(`/works/${f.ids.tide}`));
      const seriesId = tide.series[0]?.id ?? 0;
      const series = await bodyAs(SeriesDetail, await guest.get(`/series/${seriesId}`));
      expect(titles(series)).toEqual(["Low Tide Letters", "Crossing the Orchard Harbour"]);
      expect(series.downloads.epub).toMatch(/^\/downloads\/series\/\d+\/Harbour_Letters\.epub$/u);

      const angst = await bodyAs(TagList, await guest.get("/tags/Angst"));
      expect(angst.tags).toMatchObject([{ name: "Angst", type: "Freeform", works: 2 }]);
      expect((await problemOf(await guest.get("/tags/No%20Such%20Tag"), 404)).code).toBe("not-found");
      const suggested = await bodyAs(TagSuggestions, await guest.get("/tags?q=mara&type=Character"));
      expect(suggested.tags).toEqual([{ name: "Mara Quell", type: "Character" }]);
    });
  });

  describe("visibility", () => {
    it("hides drafts, restricted and hidden works from a guest; shows restricted ones to a reader; opens them to creators and moderators as the pages do", async () => {
      const f = await communityFixture(library());
      const { draft, restricted, hidden } = await unseenWorks(f);
      const glass = `/works?fandom=${encoded("Glass Orchard (Books)")}`;
      const harbour = async (api: ApiClient) => {
        const tide = await bodyAs(WorkDetail, await api.get(`/works/${f.ids.tide}`));
        return titles(await bodyAs(SeriesDetail, await api.get(`/series/${tide.series[0]?.id ?? 0}`)));
      };
      const greenhouse = async (api: ApiClient) => (await bodyAs(TagList, await api.get(`/tags/${encoded("Greenhouse Secrets")}`))).tags[0]?.works;

      const guest = new ApiClient(f.app);
      expect(new Set(titles(await bodyAs(WorkPage, await guest.get(glass))))).toEqual(new Set(["A Ladder in the Orchard", "Crossing the Orchard Harbour"]));
      expect((await guest.get(`/works/${draft}`)).status).toBe(404);
      expect((await guest.get(`/works/${hidden}/chapters`)).status).toBe(404);
      expect((await problemOf(await guest.get(`/works/${restricted}/chapters/1`), 401)).code).toBe("sign-in-required");
      expect(await harbour(guest)).toEqual(["Low Tide Letters", "Crossing the Orchard Harbour"]);
      expect(await greenhouse(guest)).toBe(0);
      expect((await bodyAs(TagSuggestions, await guest.get("/tags?q=greenhouse"))).tags).toEqual([]);

      const { account: fern } = await f.reader("fern");
      const reader = new ApiClient(f.app, await tokenFor(f.db, fern, "read"));
      expect(new Set(titles(await bodyAs(WorkPage, await reader.get(glass))))).toEqual(new Set(["A Ladder in the Orchard", "Crossing the Orchard Harbour", "Pim's Members Only"]));
      expect((await bodyAs(ChapterList, await reader.get(`/works/${restricted}/chapters`))).chapters).toHaveLength(1);
      expect((await reader.get(`/works/${draft}`)).status).toBe(404);
      expect((await reader.get(`/works/${hidden}`)).status).toBe(404);
      expect(await harbour(reader)).toEqual(["Low Tide Letters", "Crossing the Orchard Harbour", "Pim's Members Only"]);
      expect(await greenhouse(reader)).toBe(1);

      const creator = new ApiClient(f.app, await tokenFor(f.db, f.pim, "read"));
      expect(await bodyAs(WorkDetail, await creator.get(`/works/${draft}`))).toMatchObject({ title: "Pim's Draft", visibility: "draft" });
      expect(await bodyAs(WorkDetail, await creator.get(`/works/${hidden}`))).toMatchObject({ title: "Pim's Hidden Work", hiddenByModerator: true });
      // Listed for nobody, their creators included, as on the pages.
      expect(titles(await bodyAs(WorkPage, await creator.get(glass)))).not.toContain("Pim's Draft");
      expect(titles(await bodyAs(WorkPage, await creator.get(glass)))).not.toContain("Pim's Hidden Work");

      const { account: mod } = await f.reader("mod", "moderator");
      const moderator = new ApiClient(f.app, await tokenFor(f.db, mod, "read"));
      expect((await moderator.get(`/works/${hidden}`)).status).toBe(200);
      expect((await moderator.get(`/works/${draft}`)).status).toBe(404);

      // A browser's session is no token: through the API the signed-in reader is a guest.
      const { client: browser } = await f.reader("ash");
      expect((await browser.get(`/api/v1/works/${restricted}`)).status).toBe(401);
      expect(await browser.get(`/works/${restricted}`).then((r) => r.status)).toBe(200);
    });
  });

  describe("writing", () => {
    it("posts, edits, adds a chapter, leaves kudos, comments and bookmarks through the pages' services, and the pages show it", async () => {
      const f = await communityFixture(library());
      const pim = new ApiClient(f.app, await tokenFor(f.db, f.pim));
      const page = f.guest("203.0.113.99");

      const posted = await pim.post("/works", NEW_WORK);
      const work = await bodyAs(WorkDetail, posted, 201);
      expect(posted.headers.get("Location")).toBe(`/api/v1/works/${work.id}`);
      // As the work form posts it: as the poster's default pseud, and a tag typed twice once.
      expect(work).toMatchObject({ title: "Posted by Script", authors: [f.pim.login], rating: "General Audiences" });
      expect(work.freeforms.map((t) => t.toLowerCase())).toEqual(["robots"]);
      let html = await pageHtml(page, `/works/${work.id}`);
      expect(html).toContain("Posted by Script");
      expect(html).toContain("<strong>robot</strong>");

      const edited = await bodyAs(WorkDetail, await pim.patch(`/works/${work.id}`, { title: "Renamed by Script", complete: false, expectedChapters: 3 }));
      expect(edited).toMatchObject({ title: "Renamed by Script", status: "in-progress", expectedChapters: 3, freeforms: work.freeforms, summary: "A robot tends the glass trees." });
      expect(await pageHtml(page, `/works/${work.id}`)).toContain("Renamed by Script");

      const added = await pim.post(`/works/${work.id}/chapters`, { title: "Second Light", text: "<p>The robot <em>hummed</em>.<script>alert(1)</script></p>" });
      expect(await bodyAs(ChapterCreated, added, 201)).toEqual({ workId: work.id, position: 2, url: `/works/${work.id}/chapters/2` });
      html = await pageHtml(page, `/works/${work.id}/chapters/2`);
      expect(html).toContain("<em>hummed</em>");
      expect(html).not.toContain("alert(1)");

      const wren = new ApiClient(f.app, await tokenFor(f.db, f.wren));
      expect(await bodyAs(KudosResult, await wren.post(`/works/${work.id}/kudos`), 201)).toEqual({ workId: work.id, added: true, kudos: 1 });
      expect(await bodyAs(KudosResult, await wren.post(`/works/${work.id}/kudos`))).toEqual({ workId: work.id, added: false, kudos: 1 });
      expect(await pageHtml(page, `/works/${work.id}`)).toMatch(/<dt>Kudos:<\/dt><dd>1<\/dd>/u);

      const comment = await bodyAs(CommentCreated, await wren.post(`/works/${work.id}/comments`, { text: "The humming robot stayed with me." }), 201);
      expect(comment.status).toBe("published");
      expect(await pageHtml(page, `/works/${work.id}?view_full_work=true`)).toContain("The humming robot stayed with me.");

      await bodyAs(BookmarkSaved, await wren.post(`/works/${work.id}/bookmarks`, { notes: "Keep for winter.", tags: ["robots", "to reread"] }));
      const bookmarks = await pageHtml(await f.signedIn(f.wren), "/bookmarks");
      expect(bookmarks).toContain("Renamed by Script");
      expect(bookmarks).toContain("to reread");

      // The pages' permissions: only creators edit; nobody leaves kudos on their own work; readers do not post.
      expect((await problemOf(await wren.patch(`/works/${work.id}`, { title: "Taken Over" }), 403)).code).toBe("forbidden");
      expect((await pim.post(`/works/${work.id}/kudos`)).status).toBe(403);
      const { account: fern } = await f.reader("fern");
      expect((await new ApiClient(f.app, await tokenFor(f.db, fern)).post("/works", NEW_WORK)).status).toBe(403);
      expect((await bodyAs(WorkDetail, await pim.get(`/works/${work.id}`))).title).toBe("Renamed by Script");
    });

    it("answers input that breaks a rule with problem+json naming each field, and a body that is not JSON with 400", async () => {
      const f = await communityFixture(library());
      const pim = new ApiClient(f.app, await tokenFor(f.db, f.pim));

      const broken = await problemOf(await pim.post("/works", { ...NEW_WORK, title: " ", chapters: [{ text: "" }] }), 422);
      expect(broken.code).toBe("invalid");
      expect(broken.errors).toHaveProperty("title");
      expect(broken.errors).toHaveProperty(["chapters.0.text"]);
      const unrated = await problemOf(await pim.post("/works", { ...NEW_WORK, rating: "PG-13", visibility: "secret" }), 422);
      expect(Object.keys(unrated.errors ?? {}).sort()).toEqual(["rating", "visibility"]);
      expect((await problemOf(await pim.post(`/works/${f.ids.orchard}/comments`, { text: "x".repeat(10_001) }), 422)).errors).toHaveProperty("text");
      const notJson = await f.app.request("http://localhost/api/v1/works", { method: "POST", headers: { Authorization: `Bearer ${pim.token ?? ""}`, "Content-Type": "application/json" }, body: '{"title": "Half a wo' });
      expect((await problemOf(notJson, 400)).detail).toMatch(/JSON/u);
      const form = await f.app.request("http://localhost/api/v1/works", { method: "POST", headers: { Authorization: `Bearer ${pim.token ?? ""}`, "Content-Type": "application/x-www-form-urlencoded" }, body: "title=Lamplight" });
      expect((await problemOf(form, 415)).status).toBe(415);
      const count = await f.db.selectFrom("works").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(5);
    });

    it("writes only with a token of write scope and an account that may, never with a browser's cookies", async () => {
      const f = await communityFixture(library());
      const kudosOf = async () => Number((await f.db.selectFrom("kudos").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", f.ids.orchard).executeTakeFirstOrThrow()).n);
      const kudos = `/works/${f.ids.orchard}/kudos`;

      expect((await problemOf(await new ApiClient(f.app).post(kudos), 401)).code).toBe("sign-in-required");
      const { account: fern, client: browser } = await f.reader("fern");
      expect((await problemOf(await new ApiClient(f.app, await tokenFor(f.db, fern, "read")).post(kudos), 403)).detail).toContain("may only read");

      // The browser sends its session and its CSRF token, from this site: the API still sees a guest.
      expect((await browser.post(`/api/v1${kudos}`)).status).toBe(401);
      const csrf = browser.cookies.get("quire_csrf") ?? "";
      const cookieHeader = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const scripted = await f.app.request(`http://localhost/api/v1${kudos}`, { method: "POST", headers: { Cookie: cookieHeader, "X-CSRF-Token": csrf, Origin: "http://localhost", "Content-Type": "application/json" }, body: "{}" });
      expect(scripted.status).toBe(401);
      expect(await kudosOf()).toBe(0);

      // A suspended account's token reads, and writes nothing.
      const { account: suspended } = await f.reader("quill");
      await f.db.updateTable("users").set({ suspended_until: SUSPENDED_UNTIL_LIFTED }).where("id", "=", suspended.userId).execute();
      const suspendedApi = new ApiClient(f.app, await tokenFor(f.db, suspended));
      expect((await suspendedApi.get(`/works/${f.ids.orchard}`)).status).toBe(200);
      expect((await problemOf(await suspendedApi.post(kudos), 403)).detail).toContain("suspended");
      expect((await suspendedApi.post(`/works/${f.ids.orchard}/bookmarks`, {})).status).toBe(403);
      expect(await kudosOf()).toBe(0);

      expect((await new ApiClient(f.app, await tokenFor(f.db, fern)).post(kudos)).status).toBe(201);
      expect(await kudosOf()).toBe(1);
    });
  });

  describe("limits", () => {
    it("counts comments posted on the pages and through the API against one limit", async () => {
      const f = await communityFixture(library());
      const { account: fern, client } = await f.reader("fern");
      for (let i = 1; i <= COMMENTS_PER_MINUTE; i += 1) {
        expect((await client.post(`/works/${f.ids.orchard}/comments`, { text: `Page comment ${i}.` })).status).toBe(303);
      }
      const api = new ApiClient(f.app, await tokenFor(f.db, fern));
      expect((await problemOf(await api.post(`/works/${f.ids.orchard}/comments`, { text: "One more, by script." }), 429)).code).toBe("rate-limited");
    });

    it("counts requests per guest address and per account, answers 429 with Retry-After past the limit, and says where each caller stands", async () => {
      const f = await communityFixture(library());
      const guest = new ApiClient(f.app, null, "203.0.113.50");
      for (let i = 1; i <= GUEST_REQUESTS_PER_MINUTE; i += 1) {
        const response = await guest.get("/tags?q=ma");
        expect(response.status).toBe(200);
        expect(response.headers.get("RateLimit")).toBe(`limit=${GUEST_REQUESTS_PER_MINUTE}, remaining=${GUEST_REQUESTS_PER_MINUTE - i}, reset=60`);
      }
      const refused = await guest.get("/tags?q=ma");
      expect((await problemOf(refused, 429)).code).toBe("rate-limited");
      expect(Number(refused.headers.get("Retry-After"))).toBe(60);
      expect(refused.headers.get("RateLimit")).toBe(`limit=${GUEST_REQUESTS_PER_MINUTE}, remaining=0, reset=60`);
      expect(refused.headers.get("RateLimit-Policy")).toBe(`${GUEST_REQUESTS_PER_MINUTE};w=60`);

      // A token that opens nothing is no way round the limit.
      expect((await new ApiClient(f.app, `quire_${"x".repeat(43)}`, "203.0.113.50").get("/tags?q=ma")).status).toBe(429);
      expect((await new ApiClient(f.app, null, "203.0.113.51").get("/tags?q=ma")).status).toBe(200);
      const token = await tokenFor(f.db, f.pim, "read");
      const fromSameAddress = await new ApiClient(f.app, token, "203.0.113.50").get("/tags?q=ma");
      expect(fromSameAddress.headers.get("RateLimit")).toBe(`limit=${TOKEN_REQUESTS_PER_MINUTE}, remaining=${TOKEN_REQUESTS_PER_MINUTE - 1}, reset=60`);

      f.clock.now = new Date(TODAY.getTime() + 61_000);
      expect((await guest.get("/tags?q=ma")).status).toBe(200);
    });

    it("counts every token of one account together, so that making more tokens is no way round the limit", async () => {
      const f = await communityFixture(library());
      const first = new ApiClient(f.app, await tokenFor(f.db, f.pim, "read"), "203.0.113.60");
      for (let i = 1; i <= TOKEN_REQUESTS_PER_MINUTE; i += 1) expect((await first.get("/tags?q=ma")).status).toBe(200);
      expect((await first.get("/tags?q=ma")).status).toBe(429);
      const second = await new ApiClient(f.app, await tokenFor(f.db, f.pim, "read"), "203.0.113.61").get("/tags?q=ma");
      expect((await problemOf(second, 429)).code).toBe("rate-limited");
      expect((await new ApiClient(f.app, await tokenFor(f.db, f.wren, "read"), "203.0.113.61").get("/tags?q=ma")).status).toBe(200);
    });
  });

  describe("the OpenAPI document", () => {
    it("is a valid OpenAPI 3.1 document naming every route the API serves, and nothing else", async () => {
      const f = await communityFixture(library());
      const response = await new ApiClient(f.app).get("/openapi.json");
      expect(response.status).toBe(200);
      const text = await response.text();
      const file = join(mkdtempSync(join(tmpdir(), "quire-openapi-")), "openapi.json");
      writeFileSync(file, text);
      const result = await validate(file);
      expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);

      const doc: unknown = JSON.parse(text);
      const paths = typeof doc === "object" && doc !== null && "paths" in doc && typeof doc.paths === "object" && doc.paths !== null ? doc.paths : {};
      const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(typeof item === "object" && item !== null ? item : {}).map((method) => `${method.toUpperCase()} ${path}`));
      const served = f.app.routes
        .filter((route) => route.path.startsWith("/api/v1/") && route.method !== "ALL")
        .map((route) => `${route.method} ${route.path.slice("/api/v1".length).replace(/:(\w+)/gu, "{$1}")}`);
      expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
      expect(served).toContain("PATCH /works/{id}");
    });
  });
});

/**
 * The web app in process (app.request), on both engines: listings with filters and counts, reading a work
 * chapter by chapter, the adult interstitial, preferences, provenance for the owner only, caching, and the
 * safety rules (escaping, CSRF, redirects that stay on the site).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { createApp } from "../../src/web/app.js";
import { writePrefsCookie, DEFAULT_PREFS, type ReaderPrefs } from "../../src/web/reader-prefs.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { OWNER_KEY, storeWebWorks, webDeps, type WebWorkKey } from "../support/web-library.js";

type App = ReturnType<typeof createApp>;

function prefsCookie(prefs: Partial<ReaderPrefs>): string {
  return `quire_prefs=${writePrefsCookie({ ...DEFAULT_PREFS, ...prefs })}`;
}

/** A browser's CSRF cookie, and the form field that must match it. */
const CSRF_TOKEN = "t".repeat(43);
const CSRF_COOKIE = `quire_csrf=${CSRF_TOKEN}`;

/** A form POST as the site's own page sends it: its origin, the CSRF cookie and the token. */
function formPost(app: App, url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(url, {
    method: "POST", body: new URLSearchParams({ ...fields, _csrf: CSRF_TOKEN }),
    headers: { Origin: new URL(url).origin, Cookie: CSRF_COOKIE, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  }));
}

/** The titles of the works a listing shows, in order. */
function listedTitles(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "");
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("the archive's pages on $name", (engine) => {
  let app: App;
  let ids: Record<WebWorkKey, number>;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (engine.unavailable) return;
    const fresh = await freshQuire(engine);
    dispose = fresh.dispose;
    ids = await storeWebWorks(fresh.quire);
    app = createApp(webDeps(fresh.quire));
  });
  afterAll(async () => dispose?.());

  // A browser that has visited before: it holds its CSRF token, so a page sets only the cookies it is about.
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { ...headers, Cookie: [CSRF_COOKIE, headers.Cookie].filter(Boolean).join("; ") } });
  beforeEach((context) => {
    if (engine.unavailable) context.skip();
  });

  describe("listings", () => {
    it("filters by an included fandom and an excluded tag, with counts over the whole result", async () => {
      const response = await get("/works?fandom=Moonlit+Harbour+(TV)&exclude-freeform=Angst");
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(listedTitles(html).sort()).toEqual(["Crossing the Orchard Harbour", "Three Lanterns"]);
      expect(html).toContain("1 – 2 of 2 works");
      // The ticked boxes stay ticked, and the facets count the filtered works only.
      expect(html).toMatch(/name="fandom" value="Moonlit Harbour \(TV\)" checked=""/u);
      expect(html).toMatch(/name="exclude-freeform" value="Angst" checked=""/u);
      expect(html).toMatch(/Glass Orchard \(Books\) <span class="count">\(1\)<\/span>/u);
    });

    it("takes the Archive's query syntax, sorts and pages", async () => {
      const byTitle = listedTitles(await (await get("/works?sort=title")).text());
      expect(byTitle).toEqual(["Crossing the Orchard Harbour", "Die Leuchtturmuhr", "A Ladder in the Orchard", "Low Tide Letters", "Three Lanterns"]);
      const second = await (await get("/works?sort=title&per-page=2&page=2")).text();
      expect(listedTitles(second)).toEqual(["A Ladder in the Orchard", "Low Tide Letters"]);
      expect(second).toContain('aria-current="page">2<');
      expect(second).toMatch(/href="\/works\?sort=title&amp;per-page=2&amp;page=3" rel="next"/u);
      expect(listedTitles(await (await get("/works?q=lantern+OR+ladder")).text()).sort()).toEqual(["A Ladder in the Orchard", "Three Lanterns"]);
      expect(listedTitles(await (await get("/works?tag=Fluff,+Crossover")).text())).toEqual(["Crossing the Orchard Harbour"]);
      expect(listedTitles(await (await get("/works?crossover=only")).text())).toEqual(["Crossing the Orchard Harbour"]);
      expect(listedTitles(await (await get("/works?language=de")).text())).toEqual(["Die Leuchtturmuhr"]);
      expect(listedTitles(await (await get("/works?status=in-progress")).text())).toEqual(["Low Tide Letters"]);
    });

    it("keeps what the sidebar does not show when it is sent, and reads comma lists in every tag field", async () => {
      const html = await (await get("/works?author=Wren+Tallow&kudos=%3E0&per-page=5&page=2&fandom=Moonlit+Harbour+(TV)")).text();
      const sidebar = html.slice(html.indexOf('<form class="filters"'));
      expect(sidebar).toContain('<input type="hidden" name="author" value="Wren Tallow"/>');
      expect(sidebar).toContain('<input type="hidden" name="kudos" value="&gt;0"/>');
      expect(sidebar).toContain('<input type="hidden" name="per-page" value="5"/>');
      expect(sidebar).not.toMatch(/type="hidden" name="(?:page|fandom)"/u);
      expect(listedTitles(await (await get("/works?character=Mara+Quell,+Tobias+Wren")).text())).toEqual(["Crossing the Orchard Harbour"]);
    });

    it("answers a filter it cannot read with 400 and says which", async () => {
      const response = await get("/works?words=lots&rating=spicy");
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("<strong>words</strong> takes a number or a range");
      expect(html).toContain("<strong>rating</strong> &quot;spicy&quot; is not one of");
      expect(listedTitles(html)).toEqual([]);
    });

    it("lists a tag's works through the Archive's URL escapes, an author's works, and a series in order", async () => {
      const relationship = await get("/tags/Mara%20Quell*s*Ilse%20Brand/works");
      expect(relationship.status).toBe(200);
      expect(listedTitles(await relationship.text())).toEqual(["Three Lanterns"]);
      expect(listedTitles(await (await get("/users/wren%20tallow")).text()).sort()).toEqual(["Low Tide Letters", "Three Lanterns"]);
      expect((await get("/users/Nobody%20At%20All")).status).toBe(404);
      const series = await (await get("/series/1")).text();
      expect(listedTitles(series)).toEqual(["Low Tide Letters", "Crossing the Orchard Harbour"]);
      expect(series).toMatch(/<dt>Words:<\/dt><dd>\d+<\/dd>/u);
    });

    it("leaves works with a reader's muted tags out of the results and every count", async () => {
      const html = await (await get("/works", { Cookie: prefsCookie({ mutedTags: ["Angst"] }) })).text();
      expect(listedTitles(html)).not.toContain("Low Tide Letters");
      expect(listedTitles(html)).toHaveLength(3);
      expect(html).toMatch(/Moonlit Harbour \(TV\) <span class="count">\(2\)<\/span>/u);
      expect(html).toContain("you muted are left out");
    });
  });

  describe("reading", () => {
    it("puts an Explicit work behind the interstitial, without its text, until the reader proceeds", async () => {
      const gate = await get(`/works/${ids.lanterns}`);
      const gateHtml = await gate.text();
      expect(gate.status).toBe(200);
      expect(gateHtml).toContain("This work could have adult content");
      expect(gateHtml).not.toContain("The first lantern was green");
      expect(gateHtml).toContain(`href="/works/${ids.lanterns}?view_adult=true"`);

      const proceed = await get(`/works/${ids.lanterns}?view_adult=true`);
      expect(await proceed.text()).toContain("The first lantern was green");
      expect(proceed.headers.get("Set-Cookie")).toMatch(/^view_adult=true;.*HttpOnly/u);

      const remembered = await get(`/works/${ids.lanterns}/chapters/2`, { Cookie: "view_adult=true" });
      expect(await remembered.text()).toContain("The second lantern was amber");
      const byPreference = await get(`/works/${ids.tide}`, { Cookie: prefsCookie({ showAdult: true }) });
      expect(await byPreference.text()).toContain("the tide went out so far");
      expect(await (await get(`/works/${ids.orchard}`)).text()).toContain("Tobias carried the ladder");
    });

    it("shows a chapter at a time with previous, next and the chapter menu, or the entire work", async () => {
      const cookie = { Cookie: "view_adult=true" };
      const first = await (await get(`/works/${ids.lanterns}`, cookie)).text();
      expect(first).toContain("Chapter 1: Green");
      expect(first).toContain("The harbour in this chapter is invented.");
      expect(first).not.toContain("The second lantern");
      expect(first).toContain(`href="/works/${ids.lanterns}/chapters/2" rel="next"`);
      expect(first).toContain("Written for a winter exchange.");
      expect(first).not.toContain("Thank you for reading to the last lantern.");

      const last = await (await get(`/works/${ids.lanterns}/chapters/3`, cookie)).text();
      expect(last).toContain("The third lantern was white");
      expect(last).toContain("The stairs have 114 steps.");
      expect(last).toContain("Thank you for reading to the last lantern.");
      expect(last).toContain(`href="/works/${ids.lanterns}/chapters/2" rel="prev"`);
      expect(last).not.toContain('rel="next"');

      const menu = await get(`/works/${ids.lanterns}/chapters?n=3`, cookie);
      expect(menu.status).toBe(303);
      expect(menu.headers.get("Location")).toBe(`/works/${ids.lanterns}/chapters/3`);

      const whole = await (await get(`/works/${ids.lanterns}?view_full_work=true`, cookie)).text();
      for (const text of ["The first lantern", "The second lantern", "The third lantern", "Thank you for reading"]) expect(whole).toContain(text);
      expect((await get(`/works/${ids.lanterns}/chapters/4`, cookie)).status).toBe(404);
      expect((await get("/works/999999")).status).toBe(404);
      // Past what an id column holds: no such work, not a database error.
      for (const path of ["/works/3000000000", `/works/${ids.lanterns}/chapters/3000000000`, "/series/3000000000", "/works/99999999999999999999/navigate"]) {
        expect((await get(path, cookie)).status, path).toBe(404);
      }
    });

    it("lays out the preface as the Archive does, with the story's language marked", async () => {
      const html = await (await get(`/works/${ids.uhr}`)).text();
      expect(html).toContain("<title>Die Leuchtturmuhr - Jonas Feld - Moonlit Harbour (TV) | Quire</title>");
      expect(html).toMatch(/<dt>Language:<\/dt><dd>German<\/dd>/u);
      expect(html).toContain('<section class="chapter" id="chapter-1" aria-labelledby="chapter-1-heading" lang="de">');
      const tide = await (await get(`/works/${ids.tide}`, { Cookie: "view_adult=true" })).text();
      expect(tide).toContain(`Part 1 of <a href="/series/1">Harbour Letters</a>`);
      expect(tide).toContain(`href="/works/${ids.crossing}" aria-label="Next work in Harbour Letters: Crossing the Orchard Harbour"`);
    });

    it("hides warnings and additional tags behind a toggle for readers who ask", async () => {
      const html = await (await get(`/works/${ids.orchard}`, { Cookie: prefsCookie({ hideWarnings: true, hideFreeforms: true }) })).text();
      expect(html).toMatch(/<details class="hidden-tags"><summary>Show warnings<\/summary>/u);
      expect(html).toMatch(/<details class="hidden-tags"><summary>Show additional tags<\/summary>/u);
      expect(await (await get(`/works/${ids.orchard}`)).text()).not.toContain("hidden-tags");
    });

    it("shows provenance to the owner only", async () => {
      expect((await get(`/works/${ids.orchard}/provenance`)).status).toBe(404);
      const signIn = await get(`/owner?key=${OWNER_KEY}`);
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get("Set-Cookie") ?? "";
      expect(cookie).toMatch(/^quire_owner=.*HttpOnly/u);
      expect((await get("/owner?key=wrong")).status).toBe(403);
      const owner = { Cookie: cookie.split(";")[0] ?? "" };
      const page = await get(`/works/${ids.orchard}/provenance`, owner);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Provenance of");
      expect(await (await get(`/works/${ids.orchard}`, owner)).text()).toContain(`href="/works/${ids.orchard}/provenance"`);
    });
  });

  describe("index pages", () => {
    it("shows recent works and fandoms on the home page, and every fandom alphabetically", async () => {
      const home = await (await get("/")).text();
      expect(home).toContain("5 works in 2 fandoms.");
      expect(listedTitles(home)[0]).toBe("Crossing the Orchard Harbour");
      const fandoms = await (await get("/fandoms")).text();
      expect(fandoms.indexOf("Glass Orchard (Books)")).toBeLessThan(fandoms.indexOf("Moonlit Harbour (TV)"));
      expect(fandoms).toMatch(/Moonlit Harbour \(TV\)<\/a> \(4\)/u);
    });

    it("describes a tag with its filtered work count", async () => {
      const html = await (await get("/tags/Fluff")).text();
      expect(html.match(/<h1[ >]/gu)).toHaveLength(1);
      expect(html).toMatch(/2 works in Fluff/u);
      expect((await get("/tags/No%20Such%20Tag")).status).toBe(404);
    });

    it("draws the stats as SVG charts with their numbers", async () => {
      const html = await (await get("/stats")).text();
      expect(html).toContain('<svg class="chart"');
      expect(html).toMatch(/Works per rating: [^<]*Teen And Up Audiences 2/u);
      expect(html).toMatch(/Works per year first posted: 2018 1, 2019 1, 2020 0, 2021 1, 2022 1, 2023 1/u);
    });

    it("suggests canonical tags as a reader types", async () => {
      const response = await get("/autocomplete/tags?term=moon");
      expect(response.headers.get("Content-Type")).toMatch(/application\/json/u);
      expect(await response.json()).toEqual(expect.arrayContaining([{ name: "Moonlit Harbour (TV)", type: "Fandom" }]));
      expect(await (await get("/autocomplete/tags?term=m")).json()).toEqual([]);
    });
  });
});

describe("safety and caching", () => {
  let app: App;
  let dispose: (() => Promise<void>) | undefined;
  let hostileId = 0;
  let quire: Quire;
  let library: Quire["library"];

  beforeAll(async () => {
    const fresh = await freshQuire(TEST_ENGINES[0] ?? expect.unreachable());
    dispose = fresh.dispose;
    quire = fresh.quire;
    library = fresh.quire.library;
    await storeWebWorks(fresh.quire);
    const { db, engine } = fresh.quire.library;
    hostileId = await insertWork(db, engine, toStore(parsedWork({
      title: `<script>alert("title")</script>`, authors: [`"><img src=x onerror=alert(1)>`], rating: "General Audiences",
      freeforms: [`<b>bold</b> & "quoted"`], summary: "<iframe src=javascript:alert(1)>",
    })), "2026-11-01T00:00:00.000Z");
    app = createApp(webDeps(fresh.quire));
  });
  afterAll(async () => dispose?.());

  it("escapes every imported text on every page it appears on", async () => {
    for (const path of [`/works/${hostileId}`, "/works", "/"]) {
      const html = await (await app.request(path)).text();
      expect(html).not.toMatch(/<script>alert|<img src=x|<iframe/u);
      expect(html).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;");
    }
  });

  it("sends a strict Content-Security-Policy and no-sniff", async () => {
    const response = await app.request("/");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/script-src 'self'/u);
    expect(response.headers.get("Content-Security-Policy")).toMatch(/frame-ancestors 'none'/u);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("refuses a cross-site POST, and one without the page's CSRF token, and accepts one from the site's own form", async () => {
    const fields = { theme: "dark", return: "/works" };
    const crossSite = await formPost(app, "http://localhost/preferences/theme", fields, { Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("Set-Cookie")).toBeNull();
    const body = new URLSearchParams(fields);
    const headers = { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" };
    const noToken = await app.request("http://localhost/preferences/theme", { method: "POST", body, headers: { ...headers, Cookie: CSRF_COOKIE } });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain("This form has expired or was sent from another site");
    const wrongToken = await app.request("http://localhost/preferences/theme", { method: "POST", body: new URLSearchParams({ ...fields, _csrf: "u".repeat(43) }), headers: { ...headers, Cookie: CSRF_COOKIE } });
    expect(wrongToken.status).toBe(403);
    const noCookie = await app.request("http://localhost/preferences/theme", { method: "POST", body: new URLSearchParams({ ...fields, _csrf: CSRF_TOKEN }), headers });
    expect(noCookie.status).toBe(403);
    // The media type is read in any case, as the body parser reads it.
    const shouting = await formPost(app, "http://localhost/preferences/theme", fields, { "Content-Type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" });
    expect(shouting.status).toBe(303);
    const sameSite = await formPost(app, "http://localhost/preferences/theme", fields);
    expect(sameSite.status).toBe(303);
    expect(sameSite.headers.get("Location")).toBe("/works");
    expect(sameSite.headers.get("Set-Cookie")).toMatch(/^quire_prefs=.*HttpOnly.*SameSite=Lax/u);
  });

  it("gives every page's forms the browser's CSRF token, and keeps one token per browser", async () => {
    const first = await app.request("/preferences");
    const token = /quire_csrf=([\w-]{43})/u.exec(first.headers.get("Set-Cookie") ?? "")?.[1];
    expect(token).toBeDefined();
    expect(first.headers.get("Set-Cookie")).toMatch(/quire_csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/u);
    const html = await first.text();
    expect(html).toContain(`name="_csrf" value="${token ?? ""}"`);
    const again = await app.request("/preferences", { headers: { Cookie: `quire_csrf=${token ?? ""}` } });
    expect(again.headers.get("Set-Cookie")).toBeNull();
    expect(await again.text()).toContain(`name="_csrf" value="${token ?? ""}"`);
  });

  it("sends the theme switch only back to a path on this site", async () => {
    for (const target of ["//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example/", "/\r\nSet-Cookie: x=1"]) {
      const response = await formPost(app, "http://localhost/preferences/theme", { theme: "dark", return: target });
      expect(response.headers.get("Location")).toBe("/");
    }
  });

  it("saves the preferences form in a cookie that the pages then follow", async () => {
    const saved = await formPost(app, "http://localhost/preferences", { theme: "dark", fontSize: "large", lineWidth: "narrow", hideWarnings: "on", mutedTags: "Angst\nFluff" });
    expect(saved.status).toBe(303);
    const cookie = (saved.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    const page = await (await app.request("/preferences", { headers: { Cookie: cookie } })).text();
    expect(page).toContain('<html lang="en" class="theme-dark font-large width-narrow">');
    expect(page).toMatch(/<textarea[^>]*>Angst\nFluff<\/textarea>/u);
    const bad = await formPost(app, "http://localhost/preferences", { theme: "purple" });
    expect(bad.status).toBe(400);
  });

  it("refuses preferences too large for a cookie, and a request body too large to read", async () => {
    const mutedTags = Array.from({ length: 40 }, (_, i) => `A rather long tag name about lighthouses and their keepers and the ships that pass them in the night number ${i}`).join("\n");
    const tooMany = await formPost(app, "http://localhost/preferences", { theme: "dark", fontSize: "large", lineWidth: "narrow", mutedTags });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get("Set-Cookie")).toBeNull();
    expect(await tooMany.text()).toContain("too many or too long to keep in a cookie");
    const huge = await app.request("http://localhost/preferences", {
      method: "POST", body: `mutedTags=${"x".repeat(300_000)}`,
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(huge.status).toBe(413);
  });

  it("links a series part to its nearest neighbours when the parts skip a number", async () => {
    const { db, engine } = library;
    const [first, fourth] = [
      await insertWork(db, engine, toStore(parsedWork({ title: "Gap One", rating: "General Audiences", series: [{ name: "Gappy", part: 1 }], chapters: ["One of the gappy parts, the first."] })), "2026-11-01T00:00:00.000Z"),
      await insertWork(db, engine, toStore(parsedWork({ title: "Gap Four", rating: "General Audiences", series: [{ name: "Gappy", part: 4 }], chapters: ["One of the gappy parts, the fourth."] })), "2026-11-01T00:00:00.000Z"),
    ];
    expect(await (await app.request(`/works/${first}`)).text()).toContain(`href="/works/${fourth}" aria-label="Next work in Gappy: Gap Four"`);
    expect(await (await app.request(`/works/${fourth}`)).text()).toContain(`href="/works/${first}" aria-label="Previous work in Gappy: Gap One"`);
  });

  it("behind a trusted TLS proxy, marks cookies Secure and takes the proxy's origin for forms", async () => {
    const proxied = createApp({ ...webDeps(quire), trustProxy: true });
    const headers = { Origin: "https://archive.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "archive.example" };
    const saved = await formPost(proxied, "http://127.0.0.1:3000/preferences/theme", { theme: "dark" }, headers);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Set-Cookie")).toMatch(/; Secure/u);
    // Without trust, the same forwarded headers are nobody's word: the origin does not match.
    const untrusted = await formPost(app, "http://127.0.0.1:3000/preferences/theme", { theme: "dark" }, headers);
    expect(untrusted.status).toBe(403);
  });

  it("falls back to the default preferences for a forged cookie", async () => {
    const html = await (await app.request("/", { headers: { Cookie: "quire_prefs=not-base64-json" } })).text();
    expect(html).toContain('class="theme-system font-medium width-medium"');
  });

  it("answers a repeated page request with 304 and caches assets for a year", async () => {
    // A browser that has been here before: its CSRF token (in every page's forms) stays the same.
    const first = await app.request("/works", { headers: { Cookie: CSRF_COOKIE } });
    const tag = first.headers.get("ETag");
    expect(tag).toBeTruthy();
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const again = await app.request("/works", { headers: { "If-None-Match": tag ?? "", Cookie: CSRF_COOKIE } });
    expect(again.status).toBe(304);
    const dark = await app.request("/works", { headers: { "If-None-Match": tag ?? "", Cookie: `${CSRF_COOKIE}; ${prefsCookie({ theme: "dark" })}` } });
    expect(dark.status).toBe(200);

    const css = (await first.text()).match(/href="(\/assets\/quire\.[0-9a-f]{10}\.css)"/u)?.[1] ?? "";
    const asset = await app.request(css);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("Content-Type")).toMatch(/text\/css/u);
    expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect((await app.request("/assets/quire.0000000000.css")).status).toBe(404);
  });

  it("refers to no other host", async () => {
    for (const path of ["/", "/works", "/stats"]) {
      const html = await (await app.request(path)).text();
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//u);
    }
  });
});

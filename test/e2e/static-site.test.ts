/**
 * The static site in a real browser (Debian's Chromium through playwright-core), served from a subfolder by a tiny
 * static file server, as a static host would: search and filters with JavaScript; browsing by links, and the
 * search page's notice, without. Every request must succeed and no script may fail; axe-core checks the search
 * page and a work. Where Chromium is not installed the tests skip with the reason printed (and under CI=true the
 * skip fails the run).
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { chromiumUnavailable, launchChromium } from "../../scripts/chromium.js";
import { openQuire } from "../../src/composition.js";
import { loadAssets } from "../../src/web/assets.js";
import { exportSite } from "../../src/web/static-site/export-site.js";
import { archiveDownloads } from "../../src/web/static-site/site-downloads.js";
import { sqliteLibraryPath } from "../support/databases.js";
import { storeWebWorks, WEB_WORKS } from "../support/web-library.js";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The site lives below this path on the server, as on a host that serves it from a subfolder. */
const MOUNT = "/archive/";
const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain",
};

const unavailable = chromiumUnavailable();
let server: Server | undefined;
let base = "";
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let trouble: string[] = [];

/** Files of `root` under MOUNT, and 404 for anything else: no index files, no rewriting. */
function serveFolder(root: string): Promise<Server> {
  const files = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const inside = path.startsWith(MOUNT) ? normalize(path.slice(MOUNT.length)) : "..";
    if (inside.startsWith("..")) return void response.writeHead(404).end();
    readFile(join(root, inside)).then(
      (body) => response.writeHead(200, { "Content-Type": TYPES[extname(inside)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => files.listen(0, "127.0.0.1", () => resolve(files)));
}

beforeAll(async () => {
  if (unavailable) return;
  const quire = await openQuire({ engine: "sqlite", path: await sqliteLibraryPath() }, { starterVocabulary: false });
  const out = join(mkdtempSync(join(tmpdir(), "quire-site-browser-")), "site");
  try {
    await storeWebWorks(quire);
    const { db } = quire.library;
    await exportSite({ db, searchIndex: quire.searchIndex, assets: loadAssets(), downloads: archiveDownloads(db, { origin: "https://archive.example", archiveName: "Quire" }) }, out);
  } finally {
    await quire.close();
  }
  server = await serveFolder(out);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the file server has no port");
  base = `http://127.0.0.1:${address.port}${MOUNT}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

beforeEach((context) => {
  if (unavailable) {
    console.warn(`skipped: ${unavailable}`);
    context.skip();
  }
});

afterEach(async () => {
  const found = trouble;
  trouble = [];
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(found, "failed requests and script errors").toEqual([]);
});

async function openPage(javaScript: boolean): Promise<Page> {
  if (!browser) throw new Error("the browser runs only while Chromium is available");
  const context = await browser.newContext({ javaScriptEnabled: javaScript, colorScheme: "light" });
  contexts.push(context);
  const page = await context.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400) trouble.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    // The browser's own cancellation of what a page it left was still loading (its icon): nothing was refused.
    if (r.failure()?.errorText !== "net::ERR_ABORTED") trouble.push(`failed ${r.url()}`);
  });
  page.on("pageerror", (e) => trouble.push(`error ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") trouble.push(`console ${m.text()}`);
  });
  return page;
}

const axeViolations = z.array(z.object({ id: z.string(), impact: z.string().nullable(), help: z.string() }));

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this project's TypeScript has no DOM types, and zod checks what comes back.
  const found = axeViolations.parse(await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help })))`));
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

const resultTitles = (page: Page) => page.locator("#search-results h3 > a").allTextContents();

describe("the static site with JavaScript", () => {
  test("searches by words and filters in the browser, keeps the search in the address, and opens a result", async () => {
    const page = await openPage(true);
    await page.goto(`${base}search.html`);
    await expect.poll(() => page.locator("#results-heading").textContent()).toBe("1 – 5 of 5 works");

    await page.fill("#search-q", "lantern");
    await page.click("#site-search button[type=submit]");
    await expect.poll(() => resultTitles(page)).toEqual(["Three Lanterns"]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("lantern");

    // Include a fandom, exclude a rating, sort by title: the other Moonlit Harbour works, A to Z.
    await page.fill("#search-q", "");
    await page.fill("#search-fandom", "Moonlit Harbour (TV)");
    await page.locator("#site-search details", { hasText: "Ratings" }).nth(1).locator("summary").click();
    await page.check("input[name=exclude-rating][value=Explicit]");
    await page.selectOption("#search-sort", "title");
    await page.click("#site-search button[type=submit]");
    await expect.poll(() => resultTitles(page)).toEqual(["Crossing the Orchard Harbour", "Die Leuchtturmuhr", "Low Tide Letters"]);

    await page.selectOption("#search-language", "de");
    await page.click("#site-search button[type=submit]");
    await expect.poll(() => resultTitles(page)).toEqual(["Die Leuchtturmuhr"]);

    // The address holds the search: opened afresh, it shows the same.
    const address = page.url();
    await page.goto(address);
    await expect.poll(() => resultTitles(page)).toEqual(["Die Leuchtturmuhr"]);
    expect(await page.inputValue("#search-fandom")).toBe("Moonlit Harbour (TV)");
    expect(await seriousViolations(page), "axe on the search page").toEqual([]);

    await Promise.all([page.waitForURL(/works\/\d+\.html$/u), page.click("#search-results h3 > a")]);
    expect(await page.locator("h1.title").textContent()).toBe("Die Leuchtturmuhr");
    expect(await page.textContent("main")).toContain(WEB_WORKS.uhr.chapters[0]?.text);
    expect(await seriousViolations(page), "axe on a work").toEqual([]);
  });

  test("passes the interstitial to an adult work's chapters", async () => {
    const page = await openPage(true);
    await page.goto(`${base}works/index.html`);
    await Promise.all([page.waitForURL(/works\/\d+\.html$/u), page.click("text=Three Lanterns")]);
    expect(await page.textContent("h1")).toBe("This work could have adult content");
    await Promise.all([page.waitForURL(/works\/\d+-text\.html$/u), page.click("text=Yes, continue")]);
    await Promise.all([page.waitForURL(/#chapter-3$/u), page.locator(".chapter-index summary").click().then(() => page.click("text=Chapter 3: White"))]);
    expect(await page.textContent("#chapter-3")).toContain(WEB_WORKS.lanterns.chapters[2]?.text);
  });
});

describe("the static site without JavaScript", () => {
  test("browses by fandom, tag and author, and the search page says it needs JavaScript", async () => {
    const page = await openPage(false);
    await page.goto(`${base}index.html`);
    await Promise.all([page.waitForURL(/fandoms\.html$/u), page.click("nav.site-nav >> text=Fandoms")]);
    await Promise.all([page.waitForURL(/tags\/.+\/index\.html$/u), page.click("text=Glass Orchard (Books)")]);
    expect((await page.locator("ol.works h3 > a").allTextContents()).sort()).toEqual(["A Ladder in the Orchard", "Crossing the Orchard Harbour"]);
    await Promise.all([page.waitForURL(/authors\/.+\/index\.html$/u), page.locator("a[rel=author]", { hasText: "Pim Okafor" }).first().click()]);
    expect(await page.textContent("h1")).toBe("Works by Pim Okafor");
    await Promise.all([page.waitForURL(/search\.html$/u), page.click("nav.site-nav >> text=Search")]);
    expect(await page.locator("noscript").count()).toBe(1);
    expect(await page.textContent("main")).toContain("needs JavaScript");
    expect(await page.locator("#site-search").isVisible()).toBe(false);
  });
});

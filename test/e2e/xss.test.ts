/**
 * The XSS corpus (test/fixtures/xss-vectors.txt) in every field a user fills in that this archive shows — work
 * titles, summaries, notes, chapter titles and text, tags, series names, pseuds, comments (sanitized as their form
 * will), report reasons, moderators' reasons, warnings and logins, and a search typed into the address — then
 * every page that shows them opened in Debian's Chromium, with a trap for the script a vector would run: a
 * setter on `window.__xss`, a listener for alert() and its dialogs, and the route to any other host (the vectors'
 * scripts live at xss.invalid) recorded and refused.
 *
 * Twice: once with the app's Content-Security-Policy, where an inline script the escaping missed would show as a
 * CSP violation in the console; and once with the policy switched off, so that the pages' own HTML must hold no
 * runnable script at all, policy or not. Where Chromium is not installed the tests skip with the reason printed
 * (and under CI=true the skip fails the run); the sanitizer's share is unit-tested regardless
 * (src/services/text/user-html.test.ts).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { chromiumUnavailable, launchChromium } from "../../scripts/chromium.js";
import { openQuire, type Quire } from "../../src/composition.js";
import type { Account } from "../../src/domain/account.js";
import { startSession } from "../../src/services/accounts/sessions.js";
import { createMailer } from "../../src/services/mail/mailer.js";
import { fileReport } from "../../src/services/moderation/reports.js";
import { suspendUser, warnUser } from "../../src/services/moderation/user-moderation.js";
import { setWorkHiddenByModerator } from "../../src/services/moderation/work-moderation.js";
import { sanitizeUserHtml } from "../../src/services/text/user-html.js";
import { startServer, type RunningServer } from "../../src/web/server.js";
import { SESSION_COOKIE } from "../../src/web/session.js";
import { tagPathSegment } from "../../src/web/tag-url.js";
import { chapter } from "../factories.js";
import { makeAccount } from "../support/accounts.js";
import { sqliteLibraryPath } from "../support/databases.js";
import { insertComment, postWork } from "../support/posted-works.js";
import { TODAY, webDeps } from "../support/web-library.js";
import { loadXssVectors } from "../support/xss-vectors.js";

const VECTORS = loadXssVectors();
/** Pages of the queue and the log, which list every report and every action a page at a time. */
const QUEUE_PAGES = Math.ceil((VECTORS.length * 2) / 25);
const LOG_PAGES = Math.ceil((VECTORS.length * 3) / 50);

const unavailable = chromiumUnavailable();
let quire: Quire | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let moderatorToken = "";

/** Where each vector is shown. */
interface Planted {
  vector: string;
  login: string;
  userId: number;
  listedWork: number;
  hiddenWork: number;
  commentId: number;
  seriesId: number;
  /** The vector as a freeform tag's name. */
  tag: string;
}
const planted: Planted[] = [];

/** Stores every vector in every field, as the forms and the moderators would. */
async function plant(library: Quire): Promise<void> {
  const { db } = library.library;
  const mailer = createMailer({ kind: "memory", outbox: [] });
  const moderatorAccount = await makeAccount(db, `${VECTORS[0] ?? ""} moderator`, "moderator");
  const moderator: Account = { id: moderatorAccount.userId, login: moderatorAccount.login, role: "moderator", suspended: false, suspendedUntil: null };
  moderatorToken = await startSession(db, moderator.id, TODAY);
  for (const [i, vector] of VECTORS.entries()) {
    // Logins are unique once folded; the number keeps each vector's its own.
    const user = await makeAccount(db, `${vector} ${i}`, "author");
    const html = sanitizeUserHtml(vector);
    const work = {
      title: vector, summary: vector, notes: vector, endNotes: vector, rating: "General Audiences" as const,
      fandoms: [vector], characters: [vector], relationships: [vector], freeforms: [vector], series: [{ name: vector, part: i + 1 }],
      chapters: [chapter(vector, { title: vector, summary: vector, notes: vector, endNotes: vector, html })],
    };
    const listedWork = await postWork(library, user, work);
    const hiddenWork = await postWork(library, user, { ...work, series: [] });
    await setWorkHiddenByModerator(db, moderator, hiddenWork, true, vector, TODAY);
    const commentId = await insertComment(library, listedWork, user, html);
    await fileReport(db, null, { type: "work", id: listedWork }, { category: "other", reason: `Reported: ${vector}` }, TODAY);
    await fileReport(db, null, { type: "comment", id: commentId }, { category: "harassment", reason: `Reported: ${vector}` }, TODAY);
    await warnUser({ db, mailer }, moderator, user.userId, vector, TODAY);
    await suspendUser(db, moderator, user.userId, 1, vector, TODAY);
    const series = await db.selectFrom("series_works").select("series_id").where("work_id", "=", listedWork).executeTakeFirstOrThrow();
    // The tag as stored: the archive cuts long tag names short.
    const tag = await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select("t.name").where("wt.work_id", "=", listedWork).where("t.type", "=", "Freeform").executeTakeFirstOrThrow();
    planted.push({ vector, login: user.login, userId: user.userId, listedWork, hiddenWork, commentId, seriesId: series.series_id, tag: tag.name });
  }
}

beforeAll(async () => {
  if (unavailable) return;
  quire = await openQuire({ engine: "sqlite", path: await sqliteLibraryPath() }, { starterVocabulary: false });
  await plant(quire);
  server = await startServer({ ...webDeps(quire), now: () => TODAY }, { port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await quire?.close();
});

beforeEach((context) => {
  if (unavailable) {
    console.warn(`skipped: ${unavailable}`);
    context.skip();
  }
});

/** What a page did that no page may do. */
interface Caught {
  ran: string[];
  offOrigin: string[];
  csp: string[];
  status: string[];
}

interface Visitor {
  /** Opens each path in turn and lets the page settle, noting what ran, and any answer but the statuses expected. */
  visit(paths: readonly string[], expected?: readonly number[]): Promise<void>;
  caught: Caught;
}

/** Pages open at once in each browser context: the server and Chromium work while a page waits on the other. */
const TABS = 3;

async function visitor(options: { bypassCsp: boolean; moderator: boolean }): Promise<Visitor & { context: BrowserContext; page: Page }> {
  if (!browser || !server) throw new Error("the browser runs only while Chromium is available");
  const origin = new URL(server.url).origin;
  const context = await browser.newContext({ bypassCSP: options.bypassCsp, javaScriptEnabled: true });
  if (options.moderator) await context.addCookies([{ name: SESSION_COOKIE, value: moderatorToken, url: origin }]);
  const caught: Caught = { ran: [], offOrigin: [], csp: [], status: [] };
  await context.exposeBinding("__xssReport", ({ frame }, what: unknown) => void caught.ran.push(`window.__xss=${String(what)} on ${frame.url()}`));
  // Before any of the page's own script: a vector that sets window.__xss reports itself, in every frame.
  await context.addInitScript(`Object.defineProperty(window, "__xss", { configurable: false, get() { return undefined; }, set(value) { window.__xssReport(String(value)); } });`);
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    caught.offOrigin.push(`${route.request().resourceType()} ${url.href}`);
    return route.abort();
  });
  const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  for (const page of pages) {
    page.on("dialog", async (dialog) => {
      caught.ran.push(`${dialog.type()}(${dialog.message()}) on ${page.url()}`);
      await dialog.dismiss();
    });
    page.on("console", (message) => {
      if (/Content.Security.Policy/iu.test(message.text())) caught.csp.push(`${message.text()} on ${page.url()}`);
    });
  }
  const open = async (page: Page, path: string, expected: readonly number[]) => {
    const response = await page.goto(new URL(path, origin).href, { waitUntil: "load" });
    if (!expected.includes(response?.status() ?? 0)) caught.status.push(`${path}: ${response?.status() ?? "no response"}`);
    // A frame's worth of time for handlers that fire after load (autofocus, toggles, animations).
    await page.evaluate("new Promise((resolve) => setTimeout(resolve, 0))");
  };
  return {
    context,
    caught,
    page: pages[0] ?? expect.unreachable(),
    visit: async (paths, expected = [200]) => {
      const queue = [...paths];
      await Promise.all(pages.map(async (page) => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) await open(page, path, expected);
      }));
    },
  };
}

function expectNothingCaught(caught: Caught): void {
  expect(caught.status, "pages that did not open").toEqual([]);
  expect(caught.ran, "script the vectors ran").toEqual([]);
  expect(caught.offOrigin, "requests to other hosts").toEqual([]);
  expect(caught.csp, "Content-Security-Policy violations").toEqual([]);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The pages that show every vector at once. */
const everyVectorPaths = () => ["/", "/works?per-page=1000", "/fandoms", "/stats", "/works/search?sort=title&per-page=1000"];
const moderatorPaths = () => [...range(QUEUE_PAGES).map((n) => `/moderation?page=${n}`), ...range(LOG_PAGES).map((n) => `/moderation/log?page=${n}`)];

describe("the XSS corpus in Chromium", () => {
  test("runs nowhere on the pages that show every vector, under the app's Content-Security-Policy", async () => {
    const guest = await visitor({ bypassCsp: false, moderator: false });
    const moderator = await visitor({ bypassCsp: false, moderator: true });
    try {
      await guest.visit(everyVectorPaths());
      await moderator.visit(moderatorPaths());
    } finally {
      await guest.context.close();
      await moderator.context.close();
    }
    expectNothingCaught(guest.caught);
    expectNothingCaught(moderator.caught);
  }, 300_000);

  // The same pages with the policy off, where only the HTML itself stands between a vector and the reader: one
  // test per kind of page, each opening it once for every vector.
  const perVector: readonly [string, { moderator: boolean; expected?: readonly number[] }, (p: Planted) => string][] = [
    ["a work, whole, with its tags, notes, chapter and series", { moderator: false }, (p) => `/works/${p.listedWork}?view_full_work=true`],
    ["a search typed into the address (a 400 page when it cannot be read)", { moderator: false, expected: [200, 400] }, (p) => `/works/search?q=${encodeURIComponent(p.vector)}`],
    ["a tag", { moderator: false }, (p) => `/tags/${tagPathSegment(p.tag)}`],
    ["an author's works", { moderator: false }, (p) => `/users/${encodeURIComponent(p.login)}`],
    ["a series", { moderator: false }, (p) => `/series/${p.seriesId}`],
    ["the report form of a work", { moderator: false }, (p) => `/works/${p.listedWork}/report`],
    ["the report form of a comment, quoting it", { moderator: false }, (p) => `/comments/${p.commentId}/report`],
    ["a hidden work under its banner, as a moderator", { moderator: true }, (p) => `/works/${p.hiddenWork}`],
    ["a user's moderation page and history", { moderator: true }, (p) => `/moderation/users/${p.userId}`],
  ];

  test("runs nowhere on the pages that show every vector, even with the Content-Security-Policy switched off", async () => {
    const guest = await visitor({ bypassCsp: true, moderator: false });
    const moderator = await visitor({ bypassCsp: true, moderator: true });
    try {
      await guest.visit(everyVectorPaths());
      await moderator.visit(moderatorPaths());
    } finally {
      await guest.context.close();
      await moderator.context.close();
    }
    expectNothingCaught(guest.caught);
    expectNothingCaught(moderator.caught);
  }, 300_000);

  test.each(perVector)("runs nowhere on %s, for any vector, with the Content-Security-Policy switched off", async (_, options, path) => {
    const reader = await visitor({ bypassCsp: true, moderator: options.moderator });
    try {
      await reader.visit(planted.map(path), options.expected);
    } finally {
      await reader.context.close();
    }
    expectNothingCaught(reader.caught);
  }, 300_000);

  test("serves a sitemap Chromium reads as well-formed XML, whatever the names in it", async () => {
    const guest = await visitor({ bypassCsp: false, moderator: false });
    try {
      const { page } = guest;
      await guest.visit(["/"]);
      // Chromium shows an XML file as a tree of HTML; its own XML parser, asked directly, is strict.
      const parsed = z.object({ type: z.string(), errors: z.number(), root: z.string(), locs: z.array(z.string()) }).parse(await page.evaluate(`fetch("/sitemap.xml").then(async (response) => {
        const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
        return { type: response.headers.get("Content-Type"), errors: xml.getElementsByTagName("parsererror").length, root: xml.documentElement.localName,
          locs: [...xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")].map((loc) => loc.textContent) };
      })`));
      expect(parsed).toMatchObject({ type: "application/xml; charset=utf-8", errors: 0, root: "urlset" });
      const { locs } = parsed;
      const works = locs.filter((loc) => /\/works\/\d+$/u.test(loc)).map((loc) => Number(loc.split("/").pop()));
      expect(works.sort((a, b) => a - b)).toEqual(planted.map((p) => p.listedWork));
      expect(locs.filter((loc) => loc.includes("/tags/")).length).toBeGreaterThan(VECTORS.length / 2);
    } finally {
      await guest.context.close();
    }
    expectNothingCaught(guest.caught);
  });
});

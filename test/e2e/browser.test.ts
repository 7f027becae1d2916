/**
 * The archive in a real browser (Debian's Chromium through playwright-core), each reader's journey run twice: with
 * JavaScript and without, since every page must work without it. On every page a journey reaches, axe-core looks
 * for serious and critical accessibility failures; every request a page makes must stay on the archive's own
 * origin (no fonts or scripts from elsewhere), succeed, and break no rule of the app's Content-Security-Policy.
 *
 * The server runs in this process on a fresh SQLite library holding test/support/web-library.ts's works. Where
 * Chromium is not installed the tests skip with the reason printed (and under CI=true the skip fails the run).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { chapter, parsedWork, toStore } from "../factories.js";
import { makeAccount, TEST_PASSWORD } from "../support/accounts.js";
import { runAxe, seriousViolations } from "../support/axe.js";
import { useBrowserServer } from "../support/browser-server.js";
import { storeWebWorks, WEB_WORKS, type WebWorkKey } from "../support/web-library.js";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * A work whose chapter titles are long, as imported ones often are: the chapter menu sized to its longest option
 * is the widest thing a work page holds, so the phone check reads this work rather than Three Lanterns, whose
 * titles are one word. Its fandom is one no journey filters on.
 */
const LONG_TITLED_WORK = parsedWork({
  title: "An Inventory of the Harbour",
  authors: ["Pim Okafor"],
  fandoms: ["Glass Orchard (Books)"],
  rating: "General Audiences",
  warnings: ["No Archive Warnings Apply"],
  status: "complete",
  chapters: [
    chapter("The harbourmaster began with the lanterns, because they were the easiest things on the quay to count.", { number: 1, title: "In Which the Harbourmaster Counts Every Lantern on the Quay, Twice" }),
    chapter("The boats were harder: they kept leaving, and one of them came back under a different name.", { number: 2, title: "Concerning the Boats, Which Would Not Stay Still Long Enough" }),
  ],
});

let ids: Record<WebWorkKey | "longTitles", number>;

const harness = useBrowserServer(async (quire) => {
  const stored = await storeWebWorks(quire);
  const { db, engine } = quire.library;
  const longTitles = await engine.writeTransaction(db, (trx) => insertWork(trx, engine, toStore(LONG_TITLED_WORK), "2026-11-01T00:00:00.000Z"));
  await refreshWorkFilters(db, [longTitles]);
  ids = { ...stored, longTitles };
});

/** What every test's pages did that no page may do, checked after each test. */
interface Trouble {
  offOrigin: string[];
  failed: string[];
  errors: string[];
}

interface Session {
  page: Page;
  /** Opens a path of the archive and waits until its page has loaded. */
  open(path: string): Promise<void>;
  /** Runs an action that leaves the page (a link, a form) and waits until the next page has loaded. */
  navigate(action: () => Promise<void>): Promise<void>;
  /** Fails, listing them, on axe's serious or critical violations on the page as it stands. */
  audit(): Promise<void>;
}

const openContexts: BrowserContext[] = [];
let trouble: Trouble = { offOrigin: [], failed: [], errors: [] };

afterEach(async () => {
  const found = trouble;
  trouble = { offOrigin: [], failed: [], errors: [] };
  await Promise.all(openContexts.splice(0).map((c) => c.close()));
  expect(found.offOrigin, "requests to another origin than the archive's").toEqual([]);
  expect(found.failed, "requests that failed or were answered with an error").toEqual([]);
  expect(found.errors, "script errors and Content-Security-Policy violations").toEqual([]);
});

function serverUrl(): string {
  return harness.url();
}

async function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await harness.browser().newContext(options);
  openContexts.push(context);
  return context;
}

/**
 * A new browser context (no cookies) with one page, whose requests and errors feed `trouble`. The colour scheme is
 * fixed at light, so that "system" means light whatever the machine prefers.
 *
 * The app's Content-Security-Policy (script-src 'self') stays on: axe's source is handed to the page through the
 * DevTools protocol, which the policy does not govern, so a script the policy would block still fails the test.
 */
async function openSession(options: { javaScript: boolean; viewport?: { width: number; height: number } }): Promise<Session> {
  const viewport = options.viewport ?? DESKTOP;
  const look: BrowserContextOptions = { viewport, colorScheme: "light", ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}) };
  const context = await newContext({ ...look, javaScriptEnabled: options.javaScript });
  const page = await context.newPage();
  const origin = new URL(serverUrl()).origin;
  context.on("request", (request) => {
    if (new URL(request.url()).origin !== origin) trouble.offOrigin.push(request.url());
  });
  context.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // The browser's own cancellation when a page is left before it finished loading (its favicon, say): no answer
    // was refused or broken. Every other failure counts.
    if (reason === "net::ERR_ABORTED") return;
    trouble.failed.push(`${request.url()}: ${reason}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) trouble.failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on("pageerror", (error) => trouble.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") trouble.errors.push(message.text());
  });

  // Pages already audited in this session, by their HTML and look: a chapter read twice is checked once.
  const audited = new Set<string>();
  let auditor: BrowserContext | undefined;

  const session: Session = {
    page,
    open: async (path) => {
      await page.goto(new URL(path, serverUrl()).href);
    },
    navigate: async (action) => {
      const loaded = page.waitForEvent("load");
      await action();
      await loaded;
    },
    audit: async () => {
      const html = await page.content();
      const key = createHash("sha256").update(html).digest("hex");
      if (audited.has(key)) return;
      audited.add(key);
      const url = page.url();
      if (options.javaScript) {
        expect(seriousViolations(await runAxe(page)), `axe on ${url}`).toEqual([]);
        return;
      }
      // axe needs timers, and a page without JavaScript runs none. So the page's HTML as this reader got it is
      // audited in a second context that has JavaScript for axe alone: same address, look and stylesheet, but the
      // app's script is refused, so the DOM stays the one a reader without JavaScript sees.
      auditor ??= await newContext(look);
      const copy = await auditor.newPage();
      try {
        await copy.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
        await copy.route((u) => u.pathname.endsWith(".js"), (route) => route.abort());
        await copy.goto(url);
        expect(seriousViolations(await runAxe(copy)), `axe on ${url} (without JavaScript)`).toEqual([]);
      } finally {
        await copy.close();
      }
    },
  };
  return session;
}

/** The text of a chapter of a stored work, as its story HTML shows it. */
function chapterText(key: WebWorkKey, position: number): string {
  const found = WEB_WORKS[key].chapters[position - 1];
  if (!found) throw new Error(`${key} has no chapter ${position}`);
  return found.text;
}

/** WCAG's relative luminance of a computed CSS colour ("rgb(23, 21, 20)"): 0 for black, 1 for white. */
function luminance(cssColour: string): number {
  const channels = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/u.exec(cssColour)?.slice(1).map(Number);
  if (!channels || channels.length !== 3) throw new Error(`not an rgb() colour: ${cssColour}`);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c / 255 <= 0.039_28 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function backgroundLuminance(page: Page): Promise<number> {
  return luminance(z.string().parse(await page.evaluate("getComputedStyle(document.body).backgroundColor")));
}

async function visibleCount(page: Page, text: string): Promise<number> {
  const matches = await page.getByText(text).all();
  const visible = await Promise.all(matches.map((m) => m.isVisible()));
  return visible.filter(Boolean).length;
}

describe.each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("a reader $label", ({ javaScript }) => {
  test("filters works by an included fandom and an excluded tag, and opens one from the results", async () => {
    const { page, open, navigate, audit } = await openSession({ javaScript });
    await open("/works");
    await audit();

    // The facets wait in closed <details>, as on the Archive: a reader opens the list, then ticks.
    const include = page.getByRole("group", { name: "Include" });
    await include.getByText("Fandoms", { exact: true }).click();
    await include.getByRole("checkbox", { name: "Moonlit Harbour (TV) (4)" }).check();
    const exclude = page.getByRole("group", { name: "Exclude" });
    await exclude.getByText("Additional tags", { exact: true }).click();
    await exclude.getByRole("checkbox", { name: "Angst (2)" }).check();
    await navigate(() => page.getByRole("button", { name: "Sort and filter" }).click());

    const url = new URL(page.url());
    expect(url.pathname).toBe("/works");
    expect(url.searchParams.getAll("fandom")).toEqual(["Moonlit Harbour (TV)"]);
    expect(url.searchParams.getAll("exclude-freeform")).toEqual(["Angst"]);
    // Each blurb's heading links its title to the work (and its authors to their pages).
    const titles = await page.locator("ol.works h3 a[href^='/works/']").allInnerTexts();
    expect([...titles].sort()).toEqual(["Crossing the Orchard Harbour", "Three Lanterns"]);
    expect(titles).not.toContain("Low Tide Letters");
    expect(titles).not.toContain("Die Leuchtturmuhr");
    expect(await page.locator("#results-heading").innerText()).toBe("1 – 2 of 2 works");
    // The form comes back as sent: both choices still ticked (their lists open), with the counts of these results.
    expect(await page.getByRole("group", { name: "Include" }).getByRole("checkbox", { name: "Moonlit Harbour (TV) (2)" }).isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Exclude" }).getByRole("checkbox", { name: "Angst (0)" }).isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Exclude" }).getByRole("checkbox", { name: "Angst (0)" }).isVisible()).toBe(true);
    await audit();

    await navigate(() => page.locator("ol.works").getByRole("link", { name: "Crossing the Orchard Harbour", exact: true }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.crossing}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Crossing the Orchard Harbour");
    expect(await visibleCount(page, chapterText("crossing", 1))).toBe(1);
    await audit();
  });

  test("passes the adult-content gate once, and is not asked again", async () => {
    const { page, open, navigate, audit } = await openSession({ javaScript });
    const firstChapter = chapterText("lanterns", 1);
    await open("/works");
    await navigate(() => page.locator("ol.works").getByRole("link", { name: "Three Lanterns", exact: true }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.lanterns}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("This work could have adult content");
    expect(await page.getByText(firstChapter).count()).toBe(0);
    await audit();

    await navigate(() => page.getByRole("link", { name: "Yes, continue" }).click());
    expect(new URL(page.url()).searchParams.get("view_adult")).toBe("true");
    expect(await visibleCount(page, firstChapter)).toBe(1);
    expect(await page.getByRole("heading", { name: "This work could have adult content" }).count()).toBe(0);
    await audit();

    // The choice is remembered: the work's plain address, and another of its chapters, go straight to the text.
    await open(`/works/${ids.lanterns}`);
    expect(await page.getByRole("heading", { name: "This work could have adult content" }).count()).toBe(0);
    expect(await visibleCount(page, firstChapter)).toBe(1);
    await open(`/works/${ids.lanterns}/chapters/2`);
    expect(await visibleCount(page, chapterText("lanterns", 2))).toBe(1);
    await audit();
  });

  test("steps through a work's chapters, picks one from the menu, and reads the entire work", async () => {
    const { page, open, navigate, audit } = await openSession({ javaScript });
    await page.context().addCookies([{ name: "view_adult", value: "true", url: serverUrl() }]);
    const texts = [1, 2, 3].map((n) => chapterText("lanterns", n));
    // The navigation above the work; the same links repeat below it.
    const workNav = page.getByRole("navigation", { name: "Work", exact: true });
    /** Which of the three chapters' texts the page shows. */
    const shown = async () => (await Promise.all(texts.map((t) => visibleCount(page, t)))).map((count, i) => (count > 0 ? i + 1 : null)).filter((n) => n !== null);

    await open(`/works/${ids.lanterns}`);
    expect(await shown()).toEqual([1]);
    expect(await workNav.getByRole("link", { name: "← Previous chapter" }).count()).toBe(0);
    await audit();

    await navigate(() => workNav.getByRole("link", { name: "Next chapter →" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.lanterns}/chapters/2`);
    expect(await shown()).toEqual([2]);
    expect(await page.getByRole("heading", { level: 2, name: "Chapter 2: Amber" }).count()).toBe(1);
    await audit();

    await navigate(() => workNav.getByRole("link", { name: "Next chapter →" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.lanterns}/chapters/3`);
    expect(await shown()).toEqual([3]);
    expect(await workNav.getByRole("link", { name: "Next chapter →" }).count()).toBe(0);
    // The last chapter carries the work's end notes.
    expect(await visibleCount(page, "Thank you for reading to the last lantern.")).toBe(1);
    await audit();

    await navigate(() => workNav.getByRole("link", { name: "← Previous chapter" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.lanterns}/chapters/2`);
    expect(await shown()).toEqual([2]);
    expect(await visibleCount(page, "Thank you for reading to the last lantern.")).toBe(0);

    const menu = workNav.getByRole("combobox", { name: "Chapter" });
    expect(await menu.inputValue()).toBe("2");
    await menu.selectOption({ label: "Chapter 3: White" });
    await navigate(() => workNav.getByRole("button", { name: "Go" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.lanterns}/chapters/3`);
    expect(await shown()).toEqual([3]);

    await navigate(() => workNav.getByRole("link", { name: "Entire work" }).click());
    expect(new URL(page.url()).searchParams.get("view_full_work")).toBe("true");
    expect(await shown()).toEqual([1, 2, 3]);
    for (const heading of ["Chapter 1: Green", "Chapter 2: Amber", "Chapter 3: White", "End notes"]) {
      expect(await page.getByRole("heading", { level: 2, name: heading }).count(), heading).toBe(1);
    }
    expect(await visibleCount(page, "Thank you for reading to the last lantern.")).toBe(1);
    expect(await visibleCount(page, "The stairs have 114 steps.")).toBe(1);
    await audit();
  });

  test("switches to dark mode from the header, keeps it across a reload, and switches back", async () => {
    const { page, open, navigate, audit } = await openSession({ javaScript });
    const header = page.getByRole("banner");
    const classes = async () => ((await page.locator("html").getAttribute("class")) ?? "").split(/\s+/u);
    await open(`/works/${ids.orchard}`);
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

    /**
     * Presses the theme button. With JavaScript the page switches in place and saves the choice in the background
     * (204, no new page); without, the form posts and is sent back to the page (303).
     */
    const press = async (name: "Dark mode" | "Light mode") => {
      const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/preferences/theme");
      const button = header.getByRole("button", { name, exact: true });
      if (javaScript) await button.click();
      else await navigate(() => button.click());
      expect((await saved).status()).toBe(javaScript ? 204 : 303);
      expect(new URL(page.url()).pathname).toBe(`/works/${ids.orchard}`);
    };

    await press("Dark mode");
    expect(await classes()).toContain("theme-dark");
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    expect(await header.getByRole("button", { name: "Light mode", exact: true }).count()).toBe(1);
    await audit();

    await page.reload();
    expect(await classes()).toContain("theme-dark");
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await audit();

    await press("Light mode");
    expect(await classes()).toContain("theme-light");
    expect(await classes()).not.toContain("theme-dark");
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.reload();
    expect(await classes()).toContain("theme-light");
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    expect(await header.getByRole("button", { name: "Dark mode", exact: true }).count()).toBe(1);
    await audit();
  });

  test("comments on a work as a guest, and replies: in place with JavaScript, on the reply page without", async () => {
    const { page, open, navigate, audit } = await openSession({ javaScript });
    const how = javaScript ? "with" : "without";
    const fillGuest = async (form: Locator, text: string) => {
      await form.getByLabel("Your name").fill(`Moth, ${how} script`);
      await form.getByLabel("Your e-mail address").fill("moth@example.test");
      await form.getByLabel("Comment", { exact: true }).fill(text);
    };
    await open(`/works/${ids.orchard}`);
    const first = `A guest's first comment, ${how} script.`;
    await fillGuest(page.locator("#comments form.comment-form"), first);
    await navigate(() => page.locator("#comments form.comment-form").getByRole("button", { name: "Comment" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.orchard}`);
    expect(await visibleCount(page, first)).toBe(1);
    await audit();

    const comment = page.locator("li.comment", { hasText: first });
    const reply = `A reply to it, ${how} script.`;
    if (javaScript) {
      // The form opens under the comment, and the page stays where it is until the reply is sent.
      await comment.getByRole("link", { name: "Reply" }).click();
      expect(new URL(page.url()).pathname).toBe(`/works/${ids.orchard}`);
      await audit();
    } else {
      await navigate(() => comment.getByRole("link", { name: "Reply" }).click());
      expect(new URL(page.url()).pathname).toMatch(/^\/comments\/\d+\/reply$/u);
      await audit();
    }
    const replyForm = javaScript ? comment.locator("form.comment-form") : page.locator("form.comment-form");
    await fillGuest(replyForm, reply);
    await navigate(() => replyForm.getByRole("button", { name: "Reply" }).click());
    expect(new URL(page.url()).pathname).toBe(`/works/${ids.orchard}`);
    expect(await page.locator("li.comment", { hasText: first }).locator("ol.replies").getByText(reply).isVisible()).toBe(true);
  });
});

describe.each([
  { javaScript: true, how: "with" },
  { javaScript: false, how: "without" },
])("two new members $how JavaScript", ({ javaScript, how }) => {
  const signUp = async (session: Session, login: string) => {
    await session.open("/signup");
    await session.audit();
    const form = session.page.locator("form[action='/signup']");
    await form.getByLabel("User name").fill(login);
    await form.getByLabel("E-mail address").fill(`${login.toLowerCase()}@example.test`);
    await form.getByLabel("Password", { exact: true }).fill("a kettle on the quay");
    await form.getByLabel("Password again").fill("a kettle on the quay");
    await session.navigate(() => form.getByRole("button", { name: "Make my account" }).click());
    expect(await session.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: login }).isVisible()).toBe(true);
  };

  test("one signs up and posts a two-chapter work from a legacy file; the other gives kudos, comments, bookmarks and subscribes", async () => {
    const author = await openSession({ javaScript });
    const sorrel = `Sorrel_${how}`;
    await signUp(author, sorrel);
    await author.navigate(() => author.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Post" }).click());
    expect(new URL(author.page.url()).pathname).toBe("/works/new");
    await author.audit();
    await author.page.getByLabel("Story file", { exact: true }).setInputFiles(join(import.meta.dirname, "..", "fixtures", "posting", "kettle-weather.txt"));
    await author.navigate(() => author.page.getByRole("button", { name: "Read the file" }).click());
    // The importer filled the form: the header's fields, and each chapter with its title.
    const page = author.page;
    expect(await page.locator("input[name='title']").inputValue()).toBe("Kettle Weather");
    expect(await page.locator("input[name='fandoms']").inputValue()).toBe("Moonlit Harbour (TV)");
    expect(await page.locator("input[name='relationships']").inputValue()).toBe("Mara Quell/Ilse Brand");
    expect(await page.locator("textarea[name$='[text]']").count()).toBe(2);
    await author.audit();
    await author.navigate(() => page.getByRole("button", { name: "Post" }).click());
    const workPath = new URL(page.url()).pathname;
    expect(workPath).toMatch(/^\/works\/\d+$/u);
    expect(await page.getByRole("heading", { level: 1, name: "Kettle Weather" }).isVisible()).toBe(true);
    expect(await page.locator(".work-meta").innerText()).toContain("2/2");
    await author.audit();

    const reader = await openSession({ javaScript });
    const fern = `Fern_${how}`;
    await signUp(reader, fern);
    await reader.open(workPath);
    await reader.navigate(() => reader.page.getByRole("button", { name: "Kudos ♥" }).click());
    expect(await reader.page.locator("#kudos").innerText()).toContain(fern);
    const comment = `Fern read both cups, ${how} script.`;
    await reader.page.locator("#comments form.comment-form").getByLabel("Comment", { exact: true }).fill(comment);
    await reader.navigate(() => reader.page.locator("#comments form.comment-form").getByRole("button", { name: "Comment" }).click());
    expect(await visibleCount(reader.page, comment)).toBe(1);
    await reader.navigate(() => reader.page.getByRole("button", { name: "Subscribe to this work" }).click());
    expect(await reader.page.getByRole("button", { name: "Unsubscribe" }).first().isVisible()).toBe(true);
    await reader.navigate(() => reader.page.getByRole("link", { name: "Bookmark", exact: true }).click());
    await reader.audit();
    await reader.page.getByLabel("Notes").fill("For a rainy weekend.");
    await reader.page.getByLabel("Your tags").fill("comfort reads");
    await reader.navigate(() => reader.page.getByRole("button", { name: "Create bookmark" }).click());
    await reader.open("/bookmarks");
    expect(await reader.page.getByText("For a rainy weekend.").isVisible()).toBe(true);
    await reader.audit();

    // The author finds the work among their own, from their account page.
    await author.open("/account");
    await author.navigate(() => author.page.getByRole("navigation", { name: "Yours" }).getByRole("link", { name: "Works" }).click());
    expect(await author.page.locator("main").innerText()).toContain("Kettle Weather");
    await author.audit();

    // The author hears of the comment in their inbox, and a new chapter reaches the subscriber's.
    await author.open("/inbox");
    expect(await author.page.locator("main").innerText()).toContain(fern);
    await author.audit();
    await author.open(`${workPath}/chapters/new`);
    await author.page.locator("input[name='title']").fill("The Third Cup");
    await author.page.locator("textarea[name='text']").fill("The storm cleared at dawn, and the kettle went on again anyway.");
    await author.navigate(() => author.page.getByRole("button", { name: "Post chapter" }).click());
    await reader.open("/inbox");
    expect(await reader.page.locator("main").innerText()).toContain("“Kettle Weather” has a new chapter (chapter 3).");
    await reader.audit();
  });
});

describe("a reader on a phone", () => {
  test("reads the home page, the listing, a work and the preferences without scrolling sideways", async () => {
    const { page, open, audit } = await openSession({ javaScript: true, viewport: PHONE });
    // The scrolling element is the viewport's scroller whether the page renders in standards or quirks mode.
    const overflow = async () => z.object({ scrollWidth: z.number(), clientWidth: z.number() })
      .parse(await page.evaluate("({ scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth })"));
    for (const path of ["/", "/works", `/works/${ids.longTitles}`, `/works/${ids.longTitles}?view_full_work=true`, "/preferences"]) {
      await open(path);
      const { scrollWidth, clientWidth } = await overflow();
      expect(clientWidth, path).toBe(PHONE.width);
      expect(scrollWidth, `${path} is wider than the phone`).toBeLessThanOrEqual(clientWidth);
      await audit();
    }
  });
});

describe("the archive's other pages", () => {
  test.each([true, false])("pass axe in both themes, with JavaScript %s", async (javaScript) => {
    const { page, open, audit } = await openSession({ javaScript });
    const pages = [
      "/fandoms", "/stats", "/works/search", "/works/search?q=lantern", "/tags/Fluff", "/tags/Fluff/works", "/users/Wren%20Tallow", "/series/1",
      `/works/${ids.lanterns}/navigate`, `/works/${ids.orchard}`,
    ];
    for (const theme of ["light", "dark"] as const) {
      await page.context().addCookies([{ name: "quire_prefs", value: Buffer.from(JSON.stringify({ theme })).toString("base64url"), url: serverUrl() }]);
      for (const path of pages) {
        await open(path);
        expect(await page.locator("h1").count(), `${path} has one h1`).toBe(1);
        await audit();
      }
    }
  });
});

describe("a wrangler without JavaScript", () => {
  // Tags no other journey reads: "Epistolary" is on Low Tide Letters alone, "Lighthouses" on Three Lanterns alone.
  test("makes a tag canonical and another its synonym from the checkboxes, and the tag's listing gains the work at once", async () => {
    const admin = await makeAccount(harness.quire().library.db, "Wrangling_Admin", "admin");
    const { page, open, navigate, audit } = await openSession({ javaScript: false });
    await open("/login");
    await page.getByLabel("User name or e-mail address").fill(admin.login);
    await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
    await navigate(() => page.getByRole("button", { name: "Sign in" }).click());

    await open("/admin/wranglers");
    await audit();
    await open("/wrangling?type=Freeform");
    await audit();
    await page.getByRole("checkbox", { name: "Lighthouses", exact: true }).check();
    await page.getByRole("radio", { name: "Make each canonical" }).check();
    await navigate(() => page.getByRole("button", { name: "Wrangle the chosen tags" }).click());
    expect(await page.getByRole("status").innerText()).toContain("1 tag wrangled");
    await audit();

    await page.getByRole("checkbox", { name: "Epistolary", exact: true }).check();
    await page.getByRole("radio", { name: "Make each a synonym of the canonical tag" }).check();
    await page.getByLabel("Canonical tag", { exact: true }).fill("Lighthouses");
    await navigate(() => page.getByRole("button", { name: "Wrangle the chosen tags" }).click());
    expect(await page.getByRole("status").innerText()).toContain("1 tag wrangled");

    await open("/tags/Lighthouses/works");
    expect(await page.getByRole("link", { name: "Low Tide Letters", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Three Lanterns", exact: true }).isVisible()).toBe(true);
  });
});

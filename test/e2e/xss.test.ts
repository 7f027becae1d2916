/**
 * The XSS corpus (test/fixtures/xss-vectors.txt: the OWASP cheat sheet's vectors and more) typed into every field
 * a user fills in — through the archive's own forms, posted in process with their CSRF tokens (see
 * test/support/xss-scene.ts for what goes where) — and then every page that shows what was typed opened in
 * Debian's Chromium, with a trap for whatever a vector would run: a setter on `window.__xss`, a listener for
 * alert() and its dialogs, a window opened, and every request to another host (the vectors' scripts live at
 * xss.invalid) recorded and refused. After each page has loaded, the page is searched for what would run later —
 * on a hover, a click, a focus: an event-handler attribute, a javascript: address, a script, frame, object or base
 * element the app did not put there — and for the e-mail addresses typed into the forms, which no page but their
 * owner's may show. Forms shown back (edit forms, refused forms) must hold each value whole in its control: a
 * vector that broke out of an attribute or a textarea would leave less there. And the pages' own script, where it
 * builds from what users typed (tag suggestions, a reply form opened in place), is made to.
 *
 * Every kind of page twice: under the app's Content-Security-Policy, where an inline script or style the escaping
 * missed would show as a violation in the console (every page that shows every vector at once, and of the rest
 * one group in four: see xss-scene.ts's POLICY_SAMPLE); and with the policy switched off, every page, so that the
 * pages' own HTML must hold no runnable script at all, policy or not (and no inline style, which is the one thing
 * the policy would report that the traps and the look after load would not otherwise see). Where Chromium is not installed the browser tests skip
 * with the reason printed (and under CI=true the skip fails the run); the forms' own checks run regardless, and
 * the sanitizer's share is unit-tested too (src/services/text/user-html.test.ts).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test, type TestContext } from "vitest";
import { z } from "zod";
import { chromiumUnavailable, launchChromium } from "../../scripts/chromium.js";
import { openQuire, type Quire } from "../../src/composition.js";
import { startServer, type RunningServer } from "../../src/web/server.js";
import { SESSION_COOKIE } from "../../src/web/session.js";
import { sqliteLibraryPath } from "../support/databases.js";
import { TODAY, webDeps } from "../support/web-library.js";
import { HIDDEN_MAIL_DOMAIN, PAGE_KINDS, plantXssScene, REPLAY_PREFIX, XSS_FIELDS, type PageKind, type SessionName, type Visit, type XssScene } from "../support/xss-scene.js";
import { loadXssVectors } from "../support/xss-vectors.js";

// The forms refuse a NUL with 400 (test/security/nul.test.ts), and a browser cannot type one: the vectors that hold
// one go in with U+2400 (the symbol for NUL) in its place, so that every vector stays distinct; the sanitizer's own
// test (src/services/text/user-html.test.ts) keeps them whole.
const VECTORS = loadXssVectors().map((vector) => vector.replaceAll("\u0000", "\u2400"));

const unavailable = chromiumUnavailable();
let quire: Quire | undefined;
let scene: XssScene | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  quire = await openQuire({ engine: "sqlite", path: await sqliteLibraryPath() }, { starterVocabulary: false });
  const started = Date.now();
  scene = await plantXssScene(quire, VECTORS);
  const pages = Object.entries(scene.visits).map(([kind, visits]) => `${visits.length} ${kind} (${visits.filter((v) => v.underPolicy).length} under the policy too)`).join(", ");
  console.info(`xss: ${VECTORS.length} vectors in ${scene.groups} groups through ${XSS_FIELDS.length} fields: ${scene.answers.kept} forms kept, `
    + `${scene.answers.shown} shown, ${scene.answers.refused} refused, in ${((Date.now() - started) / 1000).toFixed(1)} s; pages to open: ${pages}`);
  if (unavailable) return;
  server = await startServer({ ...webDeps(quire), now: () => TODAY }, { port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await quire?.close();
});

/** Skips a browser test where Chromium cannot run, saying why (the skip policy fails such a run under CI=true). */
function needsChromium(context: TestContext): void {
  if (!unavailable) return;
  console.warn(`skipped: ${unavailable}`);
  context.skip();
}

function planted(): XssScene {
  return scene ?? expect.unreachable("the scene is planted before the tests");
}

/** What a page did, or holds, that no page may. */
interface Caught {
  /** Script that ran: window.__xss set, a dialog or a window opened. */
  ran: string[];
  /** Requests to any host but this server's (refused). */
  offOrigin: string[];
  /** Violations of the Content-Security-Policy, as the console reports them. */
  csp: string[];
  /** Pages that answered otherwise than expected, or went elsewhere by themselves. */
  status: string[];
  /** Markup that would run on a hover, a click or a focus. */
  latent: string[];
  /** Pages showing an e-mail address they must not, or not showing the one they must. */
  email: string[];
  /** Form controls that did not hold their value whole. */
  values: string[];
  opened: number;
}

const nothingCaught = (): Caught => ({ ran: [], offOrigin: [], csp: [], status: [], latent: [], email: [], values: [], opened: 0 });

/** Pages open at once in each browser context: the server and Chromium work while a page waits on the other. */
const TABS = 3;

/**
 * What a page holds, read after it loaded: markup that would run later (event handlers, script-bearing elements
 * the layout did not put there, addresses that run script), whether the hidden addresses show, and the values
 * of the form controls asked about.
 */
const INSPECT = `(({ values, mailDomain }) => {
  const latent = [];
  const describe = (el, what) => latent.push("<" + el.localName + "> " + what);
  const fromLayout = (el) => el.parentElement === document.head
    && ((el.localName === "script" && /^\\/assets\\//.test(el.getAttribute("src") || ""))
      || (el.localName === "link" && /^\\/assets\\//.test(el.getAttribute("href") || ""))
      || (el.localName === "link" && el.getAttribute("rel") === "alternate" && el.getAttribute("type") === "application/atom+xml"
        && /^\\/[^/\\\\]/.test(el.getAttribute("href") || ""))
      || (el.localName === "meta" && !el.hasAttribute("http-equiv")));
  const runnable = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "link", "meta",
    "set", "animate", "animatemotion", "animatetransform", "handler", "listener"]);
  const addresses = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "lowsrc", "dynsrc", "codebase"]);
  for (const el of document.querySelectorAll("*")) {
    if (runnable.has(el.localName.toLowerCase()) && !fromLayout(el)) describe(el, "element");
    // The layout has no style element and no style attribute: any is a user's, which the policy would refuse.
    if (el.localName === "style") describe(el, "element");
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "style") describe(el, name + "=" + attr.value.slice(0, 80));
      else if (name === "srcdoc") describe(el, "srcdoc");
      else if (addresses.has(name)) {
        const url = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
        const image = el.localName === "img" && name === "src" && url.startsWith("data:image/");
        if (/^(javascript|vbscript|livescript):/.test(url) || (url.startsWith("data:") && !image)) describe(el, name + "=" + attr.value.slice(0, 80));
      }
    }
  }
  const controls = Object.keys(values).map((selector) => {
    const el = document.querySelector(selector);
    return [selector, el === null ? null : el.localName === "textarea" ? el.defaultValue : el.getAttribute("value")];
  });
  return { latent, showsEmail: document.documentElement.outerHTML.includes(mailDomain), controls };
})`;
const Inspected = z.object({ latent: z.array(z.string()), showsEmail: z.boolean(), controls: z.array(z.tuple([z.string(), z.string().nullable()])) });

/** A value as Chromium's parser gives it back: every line break a line feed, NUL the replacement character. */
const asParsed = (text: string) => text.replace(/\r\n?/gu, "\n").split("\u0000").join("\uFFFD");
const shown = (text: string | null) => (text === null ? "no such control" : JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text));

/**
 * A browser context for one account (or a guest), with the traps set before any of the page's own script. Other
 * hosts are refused by Chromium itself (DevTools' URL block list, origin allowed first) and every request to one is
 * recorded; routing each request through Playwright instead would switch off the cache and cost a round trip per
 * request, which on a thousand pages is minutes. Only the contexts that open the POST answers route, and only to
 * hand those answers over.
 */
async function openContext(as: SessionName | null, bypassCsp: boolean, caught: Caught, withReplays: boolean): Promise<{ context: BrowserContext; pages: Page[] }> {
  if (!browser || !server) throw new Error("the browser runs only while Chromium is available");
  const { replays, sessions } = planted();
  const origin = new URL(server.url).origin;
  const context = await browser.newContext({ bypassCSP: bypassCsp, javaScriptEnabled: true });
  if (as !== null) await context.addCookies([{ name: SESSION_COOKIE, value: sessions.get(as) ?? expect.unreachable(`no session for ${as}`), url: origin }]);
  await context.exposeBinding("__xssReport", ({ frame }, what: unknown) => void caught.ran.push(`window.__xss=${String(what)} on ${frame.url()}`));
  // Before any of the page's own script: a vector that sets window.__xss reports itself, in every frame.
  await context.addInitScript(`Object.defineProperty(window, "__xss", { configurable: false, get() { return undefined; }, set(value) { window.__xssReport(String(value)); } });`);
  context.on("request", (request) => {
    const url = new URL(request.url());
    // data: and blob: addresses are the page's own; anything with a host must be this server.
    if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== origin) caught.offOrigin.push(`${request.resourceType()} ${url.href}`);
  });
  if (withReplays) {
    // A POST's answer, as the server gave it.
    await context.route(`${origin}${REPLAY_PREFIX}*`, (route) => {
      const replay = replays.get(new URL(route.request().url()).pathname);
      return replay ? route.fulfill({ status: replay.status, headers: Object.fromEntries(replay.headers), body: replay.body }) : route.abort();
    });
  }
  const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  for (const page of pages) {
    const devtools = await context.newCDPSession(page);
    await devtools.send("Network.enable");
    await devtools.send("Network.setBlockedURLs", { urlPatterns: [{ urlPattern: `${origin}/*`, block: false }, { urlPattern: "*://*:*/*", block: true }] });
    page.on("dialog", async (dialog) => {
      caught.ran.push(`${dialog.type()}(${dialog.message()}) on ${page.url()}`);
      await dialog.dismiss();
    });
    page.on("console", (message) => {
      if (/Content.Security.Policy/iu.test(message.text())) caught.csp.push(`${message.text()} on ${page.url()}`);
    });
  }
  // Any page but these is a window a vector opened.
  context.on("page", (opened) => void caught.ran.push(`a window opened at ${opened.url()}`));
  return { context, pages };
}

/** Opens the page and looks at it; a page a vector sent elsewhere is a finding, not the end of the run. */
async function open(page: Page, origin: string, visit: Visit, caught: Caught): Promise<void> {
  caught.opened += 1;
  try {
    await look(page, origin, visit, caught);
  } catch (error) {
    caught.status.push(`${visit.path}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

async function look(page: Page, origin: string, visit: Visit, caught: Caught): Promise<void> {
  const url = new URL(visit.path, origin).href;
  const response = await page.goto(url, { waitUntil: "load" });
  const expected = visit.expected ?? [200];
  if (!expected.includes(response?.status() ?? 0)) caught.status.push(`${visit.path}: ${response?.status() ?? "no response"}`);
  // A frame's worth of time for handlers that fire after load (autofocus, toggles, animations), then the look.
  const arg = JSON.stringify({ values: { ...visit.values, ...visit.names }, mailDomain: HIDDEN_MAIL_DOMAIN });
  const inspected = Inspected.parse(await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 0)).then(() => ${INSPECT}(${arg}))`));
  if (page.url() !== url) caught.status.push(`${visit.path} went by itself to ${page.url()}`);
  caught.latent.push(...inspected.latent.map((found) => `${found} on ${visit.path}`));
  if (inspected.showsEmail !== (visit.showsEmail ?? false)) caught.email.push(`${visit.path} ${inspected.showsEmail ? "shows" : "does not show"} an address at ${HIDDEN_MAIL_DOMAIN}`);
  for (const [selector, value] of inspected.controls) {
    const names = visit.names?.[selector];
    // Names come back in the page's own order, ", " between them (no name holds a comma: commas part them).
    const [got, want] = names
      ? [value === null ? null : value.split(", ").sort().join(", "), names.map(asParsed).sort().join(", ")]
      : [value, asParsed(visit.values?.[selector] ?? "")];
    if (got !== want) caught.values.push(`${selector} on ${visit.path} holds ${shown(value)}, not ${shown(want)}`);
  }
}

/** Opens every page, each account's in a browser context of its own, TABS at a time. */
async function openAll(visits: readonly Visit[], bypassCsp: boolean): Promise<Caught> {
  if (!server) throw new Error("the server runs only while Chromium is available");
  const origin = new URL(server.url).origin;
  const caught = nothingCaught();
  const byAccount = new Map<SessionName | null, Visit[]>();
  for (const visit of visits) byAccount.set(visit.as, [...(byAccount.get(visit.as) ?? []), visit]);
  for (const [as, queue] of byAccount) {
    const { context, pages } = await openContext(as, bypassCsp, caught, visits.some((v) => v.path.startsWith(REPLAY_PREFIX)));
    try {
      const left = [...queue];
      await Promise.all(pages.map(async (page) => {
        for (let visit = left.shift(); visit !== undefined; visit = left.shift()) await open(page, origin, visit, caught);
      }));
    } finally {
      await context.close();
    }
  }
  return caught;
}

/** One assertion for all of it, so that a failure shows every kind of finding at once. */
function expectNothingCaught(caught: Caught): void {
  const { status, ran, offOrigin, csp, latent, email, values } = caught;
  expect({ status, ran, offOrigin, csp, latent, email, values }, "what the pages did or held that none may (see Caught)").toEqual({ status: [], ran: [], offOrigin: [], csp: [], latent: [], email: [], values: [] });
}

describe("the XSS corpus, typed into every form", () => {
  test("went through every field that takes text, the fields that take no vector refusing each with a reason", () => {
    const { carried, groups, answers } = planted();
    // Each field saw every vector in some request (a refusal asserted where the field's rules forbid it).
    for (const field of XSS_FIELDS) expect(VECTORS.filter((v) => !carried.get(field)?.has(v)), `vectors that never went through the ${field}`).toEqual([]);
    // The cheat sheet's vectors and this archive's own.
    expect(VECTORS.length).toBeGreaterThanOrEqual(145);
    expect(groups).toBeLessThan(VECTORS.length / 3);
    // Logins and pseuds one vector at a time; each group's work form, guest's comment, sign-up, sign-in, mute,
    // invitation, pseud and address.
    expect(answers.refused).toBeGreaterThanOrEqual(VECTORS.length * 2 + groups * 8);
  });

  // Under the policy, the pages that show every vector and a sample of the rest (xss-scene.ts's POLICY_SAMPLE);
  // without it, every page.
  const modes = [["under the app's Content-Security-Policy (the pages showing every vector, a sample of the rest)", false], ["with the Content-Security-Policy switched off", true]] as const;
  const kinds = Object.entries(PAGE_KINDS).map(([kind, description]): [string, PageKind] => [description, kind as PageKind]);
  describe.each(modes)("%s", (_, bypassCsp) => {
    test.for(kinds)("runs nowhere on %s", { timeout: 600_000 }, async ([, kind], context) => {
      needsChromium(context);
      const visits = planted().visits[kind].filter((visit) => bypassCsp || visit.underPolicy === true);
      const caught = await openAll(visits, bypassCsp);
      expect(caught.opened).toBe(visits.length);
      expectNothingCaught(caught);
    });

    test("runs nothing that the pages' own script builds from what was typed (tag suggestions, a reply form opened in place)", async (context) => {
      needsChromium(context);
      if (!server) throw new Error("no server");
      const origin = new URL(server.url).origin;
      const [form, work] = planted().interactions;
      if (!form || !work) throw new Error("the scene names the pages to act on");
      const caught = nothingCaught();
      const offered: string[] = [];
      const replyForms: number[] = [];
      for (const visit of [form, work]) {
        const { context: browserContext, pages } = await openContext(visit.as, bypassCsp, caught, false);
        try {
          const page = pages[0] ?? expect.unreachable();
          await open(page, origin, visit, caught);
          if (visit === form) {
            // Each tag field asks for suggestions as one types, and lists the names it gets in a datalist.
            for (const [field, typed] of [["fandoms", "<s"], ["relationships", "<i"], ["characters", "<a"], ["freeforms", "<svg"]] as const) {
              const answered = page.waitForResponse((response) => response.url().includes("/autocomplete/tags"));
              await page.fill(`#${field}`, typed);
              await answered;
              // A locator's wait, not waitForFunction: a string predicate that is not true at once is polled with eval,
              // which the app's Content-Security-Policy refuses (a loaded machine answered it late once).
              await page.locator(`#${field}-suggestions option`).first().waitFor({ state: "attached" });
              offered.push(...z.array(z.string()).parse(await page.evaluate(`[...document.querySelectorAll("#${field}-suggestions option")].map((o) => o.value)`)));
            }
          } else {
            // Every Reply opens the comment form under its comment, without leaving the page.
            for (const link of await page.$$("a[data-reply]")) await link.click();
            replyForms.push(z.number().parse(await page.evaluate(`document.querySelectorAll("article > form.comment-form").length`)));
            if (page.url() !== new URL(visit.path, origin).href) caught.status.push(`Reply left ${visit.path} for ${page.url()}`);
          }
          await page.evaluate("new Promise((resolve) => setTimeout(resolve, 50))");
          const latent = Inspected.parse(await page.evaluate(`${INSPECT}(${JSON.stringify({ values: {}, mailDomain: HIDDEN_MAIL_DOMAIN })})`)).latent;
          caught.latent.push(...latent.map((found) => `${found} on ${visit.path}, after typing and clicking`));
        } finally {
          await browserContext.close();
        }
      }
      // Names holding markup were offered, and forms opened: the script did build from what was typed.
      expect(offered.filter((name) => name.includes("<")).length).toBeGreaterThan(4);
      expect(replyForms[0]).toBeGreaterThan(0);
      expectNothingCaught(caught);
    });
  });

  test("serves a sitemap Chromium reads as well-formed XML, whatever the names in it", async (context) => {
    needsChromium(context);
    if (!server) throw new Error("no server");
    const caught = nothingCaught();
    const { context: browserContext, pages } = await openContext(null, false, caught, false);
    try {
      const page = pages[0] ?? expect.unreachable();
      await open(page, new URL(server.url).origin, { path: "/", as: null }, caught);
      // Chromium shows an XML file as a tree of HTML; its own XML parser, asked directly, is strict.
      const parsed = z.object({ type: z.string(), errors: z.number(), root: z.string(), locs: z.array(z.string()) }).parse(await page.evaluate(`fetch("/sitemap.xml").then(async (response) => {
        const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
        return { type: response.headers.get("Content-Type"), errors: xml.getElementsByTagName("parsererror").length, root: xml.documentElement.localName,
          locs: [...xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")].map((loc) => loc.textContent) };
      })`));
      expect(parsed).toMatchObject({ type: "application/xml; charset=utf-8", errors: 0, root: "urlset" });
      const { locs } = parsed;
      const works = locs.filter((loc) => /\/works\/\d+$/u.test(loc)).map((loc) => Number(loc.split("/").pop()));
      // The works readers may see, and none of the hidden ones.
      expect(works.sort((a, b) => a - b)).toEqual([...planted().listedWorks].sort((a, b) => a - b));
      // The fandoms, most of them vectors.
      expect(locs.filter((loc) => loc.includes("/tags/")).length).toBeGreaterThan(VECTORS.length / 2);
    } finally {
      await browserContext.close();
    }
    expectNothingCaught(caught);
  });
});

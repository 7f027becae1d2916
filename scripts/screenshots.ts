/**
 * `npm run screenshots`: the pictures in docs/screenshots/, taken of the bundled samples/ as a reader sees them.
 * Imports samples/ into a temporary library as `quire import` does, serves it on a free port of 127.0.0.1, and
 * writes
 *   home.png             the home page, 1280 wide;
 *   work.png             a multi-chapter work past the adult-content gate, 1280 wide, down to its text;
 *   work-dark-phone.png  the same work in dark mode on a phone (390 × 844 CSS pixels at 2×), from its title.
 * Needs Chromium (see scripts/chromium.ts). Pages are photographed as a reader reaches them: the gate is passed
 * with its own link and dark mode chosen with the header's button.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { openQuire } from "../src/composition.js";
import { readVocabulary } from "../src/db/repositories/vocabulary.js";
import { emptyWorkSearch } from "../src/search/work-search.js";
import { importFiles } from "../src/services/import/import-files.js";
import { createParserPool } from "../src/services/import/parser-pool.js";
import { searchWorks } from "../src/services/search-works.js";
import { createMailer } from "../src/services/mail/mailer.js";
import { loadAssets } from "../src/web/assets.js";
import { DEFAULT_LIMITS } from "../src/web/request-limits.js";
import { startServer, type ServerDeps } from "../src/web/server.js";
import { chromiumUnavailable, launchChromium } from "./chromium.js";

/** The repository, from dist/scripts/ where this runs. */
const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "docs", "screenshots");
/** An Explicit work in three chapters, so the pictures show the gate passed and the chapter navigation. */
const WORK_TITLE = "Rooftops in March";
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, colorScheme: "light" };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: "light" };

async function main(): Promise<void> {
  const unavailable = chromiumUnavailable();
  if (unavailable) throw new Error(unavailable);
  const folder = mkdtempSync(join(tmpdir(), "quire-screenshots-"));
  const quire = await openQuire({ engine: "sqlite", path: join(folder, "samples.db") });
  try {
    const parser = createParserPool({ workers: availableParallelism(), vocabulary: await readVocabulary(quire.library.db) });
    try {
      const report = await importFiles({ library: quire.library, parser }, [join(ROOT, "samples")]);
      if (report.failed.length > 0) throw new Error(`samples failed to import: ${report.failed.map((f) => `${f.file}: ${f.error}`).join("; ")}`);
    } finally {
      await parser.close();
    }
    const deps: ServerDeps = { db: quire.library.db, engine: quire.library.engine, searchIndex: quire.searchIndex, assets: loadAssets(), ownerKey: null, trustProxy: false, now: () => new Date(),
      mailer: createMailer({ kind: "memory", outbox: [] }), siteSecret: "screenshots", limits: DEFAULT_LIMITS };
    const { works } = await searchWorks(deps, { ...emptyWorkSearch(), includeTags: [{ name: "Explicit", type: "Rating" }], perPage: 100 });
    const work = works.find((w) => w.title === WORK_TITLE);
    if (!work || work.chapters < 2) throw new Error(`samples/ no longer hold "${WORK_TITLE}", an Explicit work in chapters: choose another in scripts/screenshots.ts`);

    const server = await startServer(deps, { port: 0, host: "127.0.0.1" });
    const browser = await launchChromium();
    try {
      mkdirSync(OUT, { recursive: true });
      const shoot = async (options: BrowserContextOptions, file: string, steps: (page: Page) => Promise<void>, height?: number) => {
        const context = await browser.newContext(options);
        try {
          const page = await context.newPage();
          await steps(page);
          // A height past the window's takes the page's top that tall, so a picture can reach the story's text.
          const clip = height === undefined ? {} : { fullPage: true, clip: { x: 0, y: 0, width: options.viewport?.width ?? 1280, height } };
          await page.screenshot({ path: join(OUT, file), ...clip });
          console.log(`wrote docs/screenshots/${file}`);
        } finally {
          await context.close();
        }
      };
      const openWork = async (page: Page) => {
        await page.goto(new URL(`/works/${work.id}`, server.url).href);
        await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "Yes, continue" }).click()]);
      };

      await shoot(DESKTOP, "home.png", async (page) => {
        await page.goto(server.url);
      });
      await shoot(DESKTOP, "work.png", openWork, 1500);
      await shoot(PHONE, "work-dark-phone.png", async (page) => {
        await openWork(page);
        // The button switches the page in place and saves the choice behind it; wait for the save.
        const saved = page.waitForResponse((r) => new URL(r.url()).pathname === "/preferences/theme");
        await page.getByRole("banner").getByRole("button", { name: "Dark mode" }).click();
        await saved;
        // On a phone the tags fill the first screen: the picture starts at the work's title, where reading does.
        await page.evaluate("window.scrollTo(0, document.querySelector('h1').getBoundingClientRect().top + window.scrollY - 16)");
      });
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await quire.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();

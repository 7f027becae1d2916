/**
 * The archive served in this process to Debian's Chromium (playwright-core), for the browser tests: a fresh SQLite
 * library (after `prepare` has stored what the tests read), the server on a free port with web-library.ts's deps,
 * and the browser, started once for the file and closed after it. Where Chromium is not installed every test
 * skips with the reason printed (and under CI=true the skip fails the run).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { chromiumUnavailable, launchChromium } from "../../scripts/chromium.js";
import { openQuire, type Quire } from "../../src/composition.js";
import { startServer, type RunningServer } from "../../src/web/server.js";
import { sqliteLibraryPath } from "./databases.js";
import { webDeps } from "./web-library.js";

export interface BrowserServer {
  quire(): Quire;
  /** The server's address, `http://127.0.0.1:PORT`. */
  url(): string;
  browser(): Browser;
}

/** Registers the file's hooks that start and stop the library, the server and the browser. */
export function useBrowserServer(prepare: (quire: Quire) => Promise<void> = async () => undefined): BrowserServer {
  const unavailable = chromiumUnavailable();
  let quire: Quire | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (unavailable) return;
    quire = await openQuire({ engine: "sqlite", path: await sqliteLibraryPath() }, { starterVocabulary: false });
    await prepare(quire);
    server = await startServer(webDeps(quire), { port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });

  afterAll(async () => {
    // The browser first: its keep-alive connections would otherwise hold the server's close() open.
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

  const running = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the server and browser run only while Chromium is available");
    return value;
  };
  return { quire: () => running(quire), url: () => running(server).url, browser: () => running(browser) };
}

/**
 * How the browser tests and the screenshot script start a browser: Debian's Chromium driven by playwright-core,
 * which ships no browser of its own. QUIRE_CHROMIUM names another executable.
 */
import { chromium, type Browser } from "playwright-core";
import { missingTool } from "./missing-tool.js";

export const CHROMIUM_PATH = process.env.QUIRE_CHROMIUM ?? "/usr/bin/chromium";

const LAUNCH_ARGS = [
  // CI runs as root, where Chromium's sandbox refuses to start.
  "--no-sandbox",
  // Headless machines have no GPU; without this Chromium probes for one and logs errors on every launch.
  "--disable-gpu",
  // The rest stop Chromium's own traffic (QUIC probes, component and field-trial downloads, sync, first-run
  // pings): on a closed network each one waits for a timeout, and the tests must not reach the network anyway.
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why Chromium cannot be started here (not installed, not executable), or null when it can. */
export function chromiumUnavailable(): string | null {
  return missingTool("Chromium", CHROMIUM_PATH, "install Debian's chromium package or set QUIRE_CHROMIUM to a Chromium executable");
}

/** A headless Chromium. @throws when it cannot start (see chromiumUnavailable for the usual reason). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

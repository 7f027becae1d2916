/**
 * axe-core in the browser tests: its serious and critical findings on a page, one line each. A page seen without
 * JavaScript is audited as a copy in a context where axe can run but the app's script cannot, so that the DOM stays
 * the one a reader without JavaScript gets.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { z } from "zod";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The impacts that fail a page; "moderate" and "minor" findings are advice. */
const FAILING_IMPACTS: ReadonlySet<string> = new Set(["serious", "critical"]);

const axeViolations = z.array(z.object({ id: z.string(), impact: z.string().nullable(), help: z.string(), targets: z.array(z.string()) }));
export type AxeViolation = z.infer<typeof axeViolations>[number];

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this project's TypeScript has no DOM types, and zod checks what comes back.
  return axeViolations.parse(await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) })))`));
}

/** The serious and critical violations, one line each, so that a failure prints them whole. */
export function seriousViolations(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact !== null && FAILING_IMPACTS.has(v.impact))
    .map((v) => `${v.id} (${v.impact ?? ""}): ${v.help}, at ${v.targets.join(" | ")}`);
}

/** The serious and critical violations of a page its reader sees without JavaScript, found on a copy of its HTML. */
export async function seriousViolationsWithoutScript(browser: Browser, page: Page): Promise<string[]> {
  const url = page.url();
  const html = await page.content();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? { width: 1280, height: 900 }, colorScheme: "light" });
  try {
    const copy = await context.newPage();
    await copy.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.route((u) => u.pathname.endsWith(".js"), (route) => route.abort());
    await copy.goto(url);
    return seriousViolations(await runAxe(copy));
  } finally {
    await context.close();
  }
}

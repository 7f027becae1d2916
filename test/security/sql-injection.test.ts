/**
 * SQL injection through every search parameter, on SQLite and PostgreSQL: classic payloads, FTS5 and tsquery
 * syntax, column filters, backslashes, NUL and a very long term, sent as each listing parameter (search/
 * search-request.ts reads the same ones for the web, the API, OPDS, the feeds and `quire search`) on every
 * surface that searches, as the tag and author names in a listing's path, and to the tag autocompletion. Each
 * answer must be no 500, and show no work a guest may not see (a draft and a restricted work are in the library)
 * and, for the text query, none that holds no word of the payload: a payload read as SQL would return rows it does
 * not name. Afterwards every table is there with the rows it had.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import type { DatabaseTarget } from "../../src/config.js";
import { TYPED_TAG_PARAMS } from "../../src/search/search-request.js";
import { createApp } from "../../src/web/app.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { runCli } from "../support/run-cli.js";
import { storeWebWorks, webDeps, WEB_WORKS, type WebWorkKey } from "../support/web-library.js";

export const PAYLOADS: readonly string[] = [
  "' OR 1=1 --", "' OR '1'='1", "1' OR '1'='1' /*", "\"; DROP TABLE works; --", "'); DROP TABLE users; --",
  "lantern' UNION SELECT id, login, password_hash FROM users --", "0 UNION ALL SELECT NULL, NULL --", "'; SELECT pg_sleep(5); --",
  "$$; DROP TABLE works; $$", "NEAR(lantern orchard, 2)", "NEAR(", "*", "lantern*", "\"", "\"unbalanced", "title:", "title:lantern",
  "works_fts:lantern", "{title summary}: lantern", "^lantern", "lantern AND OR NOT", "(((", ")", "lantern & !orchard | tide:*",
  "lantern <-> orchard", "!!", "::text", "\\", "\\'; --", "%' --", "%_%", "lan\u0000tern", "\u0000", `${"x OR ".repeat(400)}x`, "a".repeat(5000),
];

/** Every parameter a listing reads (search/search-request.ts). */
const LISTING_PARAMS = [
  "q", "tag", "exclude", ...TYPED_TAG_PARAMS.flatMap(([param]) => [param, `exclude-${param}`]), "crossover", "status", "single-chapter",
  "words", "hits", "kudos", "comments", "bookmarks", "published", "updated", "language", "author", "series", "sort", "direction", "page", "per-page",
];

/** The classic payloads and the syntax abuse, for the surfaces that read their parameters as another already does. */
const CLASSIC = PAYLOADS.slice(0, 12);

/**
 * The surfaces that read those parameters, and how each names the works it answers with. The pages read them
 * through listing-request.ts and the API through its own schema, so those two get every payload in every
 * parameter; the others, which read them as the pages do, every payload in the query and the classic ones elsewhere.
 */
const SURFACES: readonly { path: string; ids: (body: string) => number[]; payloads: (param: string) => readonly string[] }[] = [
  { path: "/works", ids: workLinks, payloads: () => PAYLOADS },
  { path: "/api/v1/works", ids: (body) => [...body.matchAll(/"id":(\d+),"title"/gu)].map((m) => Number(m[1])), payloads: () => PAYLOADS },
  ...["/works/search", "/works/search/feed.atom", "/opds/search"].map((path) => ({ path, ids: workLinks, payloads: (param: string) => (param === "q" ? PAYLOADS : CLASSIC) })),
];

function workLinks(body: string): number[] {
  return [...body.matchAll(/\/works\/(\d+)(?=["/?#])/gu)].map((m) => Number(m[1]));
}

/** Every string in a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The works a text query of the payload may find, read from the fixture rather than the search: those holding a
 * word that begins as one of the payload's words does (its first letters, so that prefixes and stemming count).
 * A payload of no words at all, read as text, is an empty query, which finds every work.
 */
function mayMatch(payload: string, ids: Record<WebWorkKey, number>): Set<number> {
  // `title:`, `author:`… name a field in the query syntax: they are not words to find.
  const words = (payload.toLowerCase().replace(/[\p{L}_]+:/gu, " ").match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, Math.max(3, w.length - 3)));
  if (words.length === 0) return new Set(Object.values(ids));
  const found = new Set<number>();
  for (const [key, work] of Object.entries(WEB_WORKS)) {
    const text = strings(work).join(" ").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.some((w) => text.some((t) => t.startsWith(w)))) found.add(ids[key as WebWorkKey]);
  }
  return found;
}

let requests = 0;

/** A GET from a client address of its own. */
function ask(app: ReturnType<typeof createApp>, path: string): Promise<Response> {
  requests += 1;
  return Promise.resolve(app.request(`http://localhost${path}`, { headers: { "X-Forwarded-For": `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}` } }));
}

async function tableCounts(quire: Quire): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["works", "chapters", "users", "tags", "work_tags", "authors"]) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(quire.library.db);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

describe.each(TEST_ENGINES)("SQL injection on $name", (engine) => {
  let fresh: Awaited<ReturnType<typeof freshQuire>> | undefined;
  let quire: Quire;
  let target: DatabaseTarget;
  let app: ReturnType<typeof createApp>;
  let ids: Record<WebWorkKey, number>;
  let hidden: Set<number>;
  let before: Record<string, number>;

  beforeAll(async () => {
    if (engine.unavailable) return;
    // With the starter vocabulary, which `quire search` would otherwise store on first opening the library.
    fresh = await freshQuire(engine, { starterVocabulary: true });
    ({ quire, target } = fresh);
    ids = await storeWebWorks(quire);
    // A draft and a restricted work: no guest's search may show them, however it is asked.
    await quire.library.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", ids.tide).execute();
    await quire.library.db.updateTable("works").set({ visibility: "restricted" }).where("id", "=", ids.uhr).execute();
    hidden = new Set([ids.tide, ids.uhr]);
    // Behind a trusted proxy, so that each request comes from an address of its own: the API's limit of 60 guest
    // requests a minute per address (on a clock that stands still here) would otherwise answer most of them.
    app = createApp({ ...webDeps(quire), trustProxy: true });
    before = await tableCounts(quire);
  }, 60_000);
  afterAll(async () => fresh?.dispose());

  it("the payloads' expectations are not vacuous: the classic ones may match few of the works", ({ skip }) => {
    if (engine.unavailable) skip();
    for (const payload of ["' OR 1=1 --", "\"; DROP TABLE works; --", "lantern' UNION SELECT id, login, password_hash FROM users --"]) {
      expect(mayMatch(payload, ids).size).toBeLessThan(Object.keys(ids).length);
    }
    expect(workLinks('<a href="/works/12">x</a> <link href="http://localhost/works/7/chapters/1"/>')).toEqual([12, 7]);
  });

  it("every listing parameter on every surface that searches", async ({ skip }) => {
    if (engine.unavailable) skip();
    const failures: string[] = [];
    for (const surface of SURFACES) {
      for (const param of LISTING_PARAMS) {
        for (const payload of surface.payloads(param)) {
          const response = await ask(app, `${surface.path}?${new URLSearchParams({ [param]: payload }).toString()}`);
          const body = await response.text();
          const where = `${surface.path}?${param}=${JSON.stringify(payload.slice(0, 30))}`;
          if (response.status >= 500 || response.status === 429) {
            failures.push(`${where}: ${response.status}`);
            continue;
          }
          const found = surface.ids(body);
          const leaked = found.filter((id) => hidden.has(id));
          if (leaked.length > 0) failures.push(`${where}: shows hidden works ${leaked.join(", ")}`);
          if (param === "q") {
            // Free text is searched, whatever it holds (but a NUL, refused at the door: below): a refusal here would
            // also hide an injection from the checks.
            if (response.status !== 200 && !payload.includes("\u0000")) failures.push(`${where}: ${response.status}, where a search was expected`);
            const allowed = mayMatch(payload, ids);
            const extra = found.filter((id) => !allowed.has(id) && !hidden.has(id));
            if (extra.length > 0) failures.push(`${where}: shows works ${extra.join(", ")}, which hold none of its words`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("tag and author names in a listing's path, and the tag autocompletion", async ({ skip }) => {
    if (engine.unavailable) skip();
    const failures: string[] = [];
    for (const payload of PAYLOADS) {
      const name = encodeURIComponent(payload);
      for (const path of [`/tags/${name}/works`, `/tags/${name}`, `/tags/${name}/feed.atom`, `/users/${name}`, `/users/${name}/works`, `/users/${name}/feed.atom`, `/users/${name}/bookmarks`, `/autocomplete/tags?term=${name}`, `/autocomplete/tags?type=${name}&term=lan`]) {
        const response = await ask(app, path);
        if (response.status >= 500 || response.status === 429) failures.push(`${path.slice(0, 60)}: ${response.status}`);
        const leaked = workLinks(await response.text()).filter((id) => hidden.has(id));
        if (leaked.length > 0) failures.push(`${path.slice(0, 60)}: shows hidden works ${leaked.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
    // A NUL, which PostgreSQL refuses in any query (it answered 500), is refused at the door on every surface.
    for (const path of ["/works?tag=lan%00tern", "/tags/lan%00tern", "/opds/search?q=a%00"]) expect((await ask(app, path)).status).toBe(400);
    expect((await ask(app, "/api/v1/works?q=%00")).status).toBe(422);
  }, 120_000);

  it("quire search: the query and every flag", async ({ skip }) => {
    if (engine.unavailable) skip();
    const db = target.engine === "sqlite" ? `sqlite:${target.path}` : target.url;
    const failures: string[] = [];
    const flags = ["tag", "exclude", "fandom", "exclude-freeform", "author", "series", "language", "words", "sort"];
    // The CLI opens the library on each run: the classic payloads and the syntax abuse (a NUL cannot be an argument).
    for (const payload of CLASSIC) {
      for (const args of [["--", payload], ...flags.map((flag) => [`--${flag}`, payload])]) {
        const result = await runCli(["search", "--json", "--db", db, ...args]);
        // 0 with results, 2 for a value the flag cannot take: never 1, an error.
        if (result.code === 1) failures.push(`quire search ${args.join(" ")}: ${result.stderr.trim()}`);
        if (result.code !== 0) continue;
        const found: { works: { id: number }[] } = JSON.parse(result.stdout);
        const foundIds = found.works.map((w) => w.id);
        // The shell reads as a member: the restricted work may be found, never the draft.
        const allowed = args[0] === "--" ? mayMatch(payload, ids) : new Set(Object.values(ids));
        const extra = foundIds.filter((id) => !allowed.has(id) || id === ids.tide);
        if (extra.length > 0) failures.push(`quire search ${args.join(" ")}: shows works ${extra.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("leaves every table as it was", async ({ skip }) => {
    if (engine.unavailable) skip();
    expect(await tableCounts(quire)).toEqual(before);
    expect((await ask(app, "/works")).status).toBe(200);
  });
});

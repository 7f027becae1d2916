/**
 * The security headers on every kind of answer, and a strict CSP that the pages keep to: a crawl of a rich library
 * (every table holds rows) as a guest and as an admin follows every link on the pages, the catalog and the feeds
 * and checks each answer — pages, the API, OPDS, feeds, downloads, covers, assets, the sitemap — and each page's
 * markup: no inline script, no event handler attribute, no javascript: address, no inline style. Then the error
 * pages (404, 413, 429, 500), and HSTS over TLS only.
 */
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openQuire, type Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { buildRichLibrary } from "../support/rich-library.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";

type App = ReturnType<typeof createApp>;

/** At most this many addresses per path, so that a listing's every sort and filter does not swamp the crawl. */
const PER_PATH = 6;
/** At most this many answers per reader: the rich library has a few hundred distinct pages. */
const MAX_PAGES = 700;

/** The policy's directives, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/u)).filter((d) => d[0]).map(([name = "", ...values]) => [name, values]));
}

/** What is wrong with an answer's security headers, as readable lines (empty: nothing). */
function headerProblems(response: Response, overTls = false): string[] {
  const problems: string[] = [];
  const policy = directives(response.headers.get("Content-Security-Policy") ?? "");
  const expectDirective = (name: string, values: string[]) => {
    const got = policy.get(name);
    if (got?.join(" ") !== values.join(" ")) problems.push(`${name} is ${got?.join(" ") ?? "missing"}`);
  };
  expectDirective("default-src", ["'self'"]);
  expectDirective("script-src", ["'self'"]);
  expectDirective("style-src", ["'self'"]);
  expectDirective("frame-ancestors", ["'none'"]);
  expectDirective("object-src", ["'none'"]);
  expectDirective("base-uri", ["'self'"]);
  expectDirective("form-action", ["'self'"]);
  const expectHeader = (name: string, value: string | null) => {
    if (response.headers.get(name) !== value) problems.push(`${name} is ${response.headers.get(name) ?? "missing"}`);
  };
  expectHeader("X-Content-Type-Options", "nosniff");
  expectHeader("Referrer-Policy", "same-origin");
  expectHeader("X-Frame-Options", "SAMEORIGIN");
  expectHeader("Strict-Transport-Security", overTls ? "max-age=63072000; includeSubDomains" : null);
  return problems;
}

interface Inspected {
  links: string[];
  problems: string[];
}

/**
 * The same-site links of a page, a feed or a catalog, and what in a page's markup the CSP would have to block. A
 * download (`file`: an attachment, saved rather than shown) is a book meant to be read alone, with its own
 * stylesheet inside; it must hold no script either.
 */
function inspect(body: string, kind: "page" | "xml" | "file"): Inspected {
  const xml = kind === "xml";
  const styled = kind === "page";
  const links: string[] = [];
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/iu.test(attribute)) problems.push(`<${name} ${attribute}>`);
        if (["href", "src", "action", "formaction"].includes(attribute) && /^\s*(?:javascript|vbscript|data):/iu.test(value) && name !== "img") problems.push(`<${name} ${attribute}="${value.slice(0, 40)}">`);
        if (styled && attribute === "style") problems.push(`<${name} style>`);
      }
      if (!xml && name === "script" && !/^\/assets\//u.test(attributes.src ?? "")) problems.push(`<script ${attributes.src ?? "inline"}>`);
      if (styled && name === "style") problems.push("<style>");
      // Scripts and images too, so that the assets and covers are checked.
      const href = attributes.href ?? (name === "script" || name === "img" ? attributes.src : undefined);
      if (href?.startsWith("/") && !href.startsWith("//")) links.push(href);
      else if (href?.startsWith("http://localhost/")) links.push(href.slice("http://localhost".length));
    },
  }, { xmlMode: xml, decodeEntities: true });
  parser.write(body);
  parser.end();
  return { links, problems };
}

interface CrawlReport {
  visited: string[];
  kinds: Set<string>;
  problems: string[];
}

/** Follows every link from the seeds (GET only, as a browser would), checking each answer. */
async function crawl(client: WebClient, seeds: readonly string[]): Promise<CrawlReport> {
  const queue = [...seeds];
  const seen = new Set(queue);
  const perPath = new Map<string, number>();
  const report: CrawlReport = { visited: [], kinds: new Set(), problems: [] };
  while (queue.length > 0 && report.visited.length < MAX_PAGES) {
    const path = queue.shift() ?? "/";
    const response = await client.get(path);
    report.visited.push(path);
    const type = response.headers.get("Content-Type") ?? "";
    report.kinds.add(`${response.status} ${type.split(";")[0] ?? ""}`);
    if (response.status >= 500) report.problems.push(`${path}: ${response.status}`);
    for (const problem of headerProblems(response)) report.problems.push(`${path}: ${problem}`);
    const textual = /html|xml|json/u.test(type);
    if (!textual) continue;
    const kind = !type.includes("html") ? "xml" : response.headers.get("Content-Disposition")?.startsWith("attachment") ? "file" : "page";
    const { links, problems } = inspect(await response.text(), kind);
    for (const problem of problems) report.problems.push(`${path}: ${problem}`);
    for (const link of links) {
      const address = link.split("#")[0] ?? "";
      const pathname = address.split("?")[0] ?? "";
      // GET /owner signs a browser in as the owner; sign-out and the like are POSTs, which a crawl never sends.
      if (!address || seen.has(address) || pathname === "/owner") continue;
      const count = perPath.get(pathname) ?? 0;
      if (count >= PER_PATH) continue;
      perPath.set(pathname, count + 1);
      seen.add(address);
      queue.push(address);
    }
  }
  return report;
}

const SEEDS = ["/", "/works", "/works/search?q=lantern", "/fandoms", "/stats", "/opds", "/sitemap.xml", "/works/search/feed.atom", "/api/v1/works", "/api/v1/openapi.json", "/login", "/signup"];

describe("security headers and a strict CSP", () => {
  let quire: Quire;
  let app: App;

  beforeAll(async () => {
    const rich = await buildRichLibrary();
    quire = await openQuire({ engine: "sqlite", path: rich.path });
    app = createApp({ ...webDeps(quire), now: () => TODAY });
  }, 120_000);
  afterAll(async () => quire?.close());

  it("on every page, feed, catalog entry, download and asset a guest reaches, and no page needs an inline script", async () => {
    // The inspection sees what it looks for.
    expect(inspect('<p style="x" onclick="y()"><a href="javascript:z()">a</a></p><script>w()</script><style>p{}</style>', "page").problems).toHaveLength(5);
    expect(inspect('<style>p{}</style><script src="/assets/quire.js"></script>', "file").problems).toEqual([]);
    const report = await crawl(new WebClient(app), SEEDS);
    expect(report.problems).toEqual([]);
    // The crawl reached every kind of answer it is meant to check.
    expect(report.visited.length).toBeGreaterThan(150);
    const kinds = [...report.kinds].join(", ");
    for (const kind of ["200 text/html", "200 application/atom+xml", "200 application/json", "200 application/epub+zip", "200 text/css", "200 text/javascript", "200 image/svg+xml"]) expect(kinds).toContain(kind);
    expect(report.visited.some((path) => path.startsWith("/downloads/"))).toBe(true);
    expect(report.visited.some((path) => path.startsWith("/opds/"))).toBe(true);
  }, 120_000);

  it("on every page an admin reaches (the account, admin and moderation pages)", async () => {
    const admin = await makeAccount(quire.library.db, "Crawling_Admin", "admin");
    const client = new WebClient(app);
    await signInAs(quire.library.db, client, admin);
    const report = await crawl(client, [...SEEDS, "/account", "/admin", "/moderation", "/inbox", "/history", "/bookmarks", "/works/new", "/series/new"]);
    expect(report.problems).toEqual([]);
    expect(report.visited.length).toBeGreaterThan(150);
    expect(report.visited.filter((path) => /^\/(?:admin|moderation|account)/u.test(path)).length).toBeGreaterThan(5);
    // The import review desk, with a work's page that shows its source file.
    expect(report.visited.some((path) => path.startsWith("/moderation/review/works/"))).toBe(true);
  }, 120_000);

  it("on the error pages: 404, 413, 429 and 500, on the pages and the API", async () => {
    const guest = new WebClient(app);
    const answers: Response[] = [
      await guest.get("/no-such-page"),
      await guest.get("/works/999999"),
      await guest.get("/api/v1/works/999999"),
      await guest.get("/assets/quire.0000000000.css"),
      await guest.get("/downloads/999999/nothing.epub"),
      await guest.post("/preferences/theme", { theme: "dark", padding: "x".repeat(300 * 1024) }),
    ];
    const limited = new WebClient(createApp({ ...webDeps(quire), limits: { requestsPerMinute: 1, writesPerMinute: 0 } }));
    await limited.get("/");
    answers.push(await limited.get("/"), await limited.get("/api/v1/works"), await limited.get("/opds"));
    const broken = createApp({ ...webDeps(quire), searchIndex: { search: () => Promise.reject(new Error("the index is unreachable")) } });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      answers.push(await new WebClient(broken).get("/works?q=lantern"));
    } finally {
      console.error = log;
    }
    expect(errors).toHaveLength(1);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 413, 429, 429, 429, 500]);
    for (const response of answers) expect({ status: response.status, problems: headerProblems(response) }).toEqual({ status: response.status, problems: [] });
  });

  it("sends HSTS only over TLS: directly, or by a trusted proxy's X-Forwarded-Proto — never over plain http", async () => {
    const tls = (path: string) => app.request(`https://localhost${path}`);
    for (const path of ["/", "/api/v1/works", "/opds", "/no-such-page"]) {
      expect(headerProblems(await tls(path), true)).toEqual([]);
      expect(headerProblems(await app.request(`http://localhost${path}`), false)).toEqual([]);
    }
    const proxied = createApp({ ...webDeps(quire), trustProxy: true });
    expect(headerProblems(await proxied.request("http://localhost/", { headers: { "X-Forwarded-Proto": "https" } }), true)).toEqual([]);
    expect(headerProblems(await proxied.request("http://localhost/", { headers: { "X-Forwarded-Proto": "http" } }), false)).toEqual([]);
    // Without --trust-proxy anyone could send the header: it is not believed.
    expect(headerProblems(await app.request("http://localhost/", { headers: { "X-Forwarded-Proto": "https" } }), false)).toEqual([]);
  });
});

/**
 * The proving ground's scale run (`npm run proving-ground -- --only scale [--works N]`): a generated library of a
 * million works on SQLite, and what it costs: the time to build it, its size on disk, search latency over the
 * search benchmark's query mix, work-page and listing latency from `quire serve` under autocannon, and the server's
 * memory. It prints each beside its target (the library issue's search p99, the web issue's work-page p99) and says
 * which are met; `main` returns false only when the run itself failed (a page without its story, a wrong listing,
 * a failed request), since a missed target is a finding to report, not a broken archive.
 *
 * Libraries of a million works keep the first 1,000 words of each story, as in `npm run bench:search`, which builds
 * and keeps the same library (bench/synthetic-library.ts), so either command reuses the other's.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { openQuire } from "../src/composition.js";
import { searchWorks } from "../src/services/search-works.js";
import { flag, machineLine, percentile } from "../bench/machine.js";
import { CONNECTIONS, loadPages, WARM_UP_SECONDS, type Page } from "../bench/page-load.js";
import { quireListingPath, sampleListings, sampleWorks, type Listing, type SampledWork } from "../bench/sampled-pages.js";
import { queryMix } from "../bench/search-queries.js";
import { fetchOk, freePort, startServer, stop } from "../bench/server-process.js";
import { readBuildRecord, sqliteLibrary, type LibrarySpec } from "../bench/synthetic-library.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "quire.js");
const SEED = 42;
const CUT_WORDS_FROM = 1_000_000;
const SEARCH_PASSES = 5;
const TIMED_SECONDS = 20;
/** The library issue's search target at a million works, and the web issue's work-page target. */
const SEARCH_P99_TARGET_MS = 250;
const WORK_PAGE_P99_TARGET_MS = 25;

interface Latency {
  p50: number;
  p99: number;
}

/** Peak and current resident memory of a process, from /proc (Linux), in bytes; null elsewhere. */
function processMemory(pid: number): { rss: number; peak: number } | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const text = readFileSync(status, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "mu").exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function timeSearches(path: string, works: number): Promise<Latency & { found: number }> {
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    const mix = await queryMix(quire, works, SEED);
    const deps = { db: quire.library.db, searchIndex: quire.searchIndex };
    let found = 0;
    for (const q of mix) found += (await searchWorks(deps, q.search)).total;
    const samples: number[] = [];
    for (let pass = 0; pass < SEARCH_PASSES; pass += 1) {
      for (const q of mix) {
        const started = performance.now();
        await searchWorks(deps, q.search);
        samples.push(performance.now() - started);
      }
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), found: found / mix.length };
  } finally {
    await quire.close();
  }
}

interface Served {
  work: autocannon.Result;
  listing: autocannon.Result;
  idleRss: number;
  peakRss: number;
}

/** `quire serve` on the library: every sampled page checked first, then each kind of page under autocannon. */
async function timePages(path: string, sampled: readonly SampledWork[], listings: readonly Listing[]): Promise<Served> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // Every connection comes from this one address: the per-address limit would answer most of them 429.
  const server = await startServer(process.execPath, [BIN, "serve", "--db", `sqlite:${path}`, "--port", String(port), "--request-limit", "0"], url);
  // Past the adult interstitial, so that every work page is its story.
  const headers = { cookie: "view_adult=true" };
  try {
    const pid = server.pid ?? 0;
    const idleRss = processMemory(pid)?.rss ?? Number.NaN;
    for (const work of sampled) {
      if (!(await fetchOk(new URL(`works/${work.id}`, url).href, headers)).includes(work.probe)) throw new Error(`the page of work ${work.id} lacks its story text`);
    }
    for (const listing of listings) {
      if (!(await fetchOk(new URL(quireListingPath(listing), url).href, headers)).includes(`/works/${listing.topId}"`)) throw new Error(`${quireListingPath(listing)} does not show work ${listing.topId} first`);
    }
    const work = await loadPages(url, sampled.map((w): Page => [{ method: "GET", path: `/works/${w.id}`, headers }]), TIMED_SECONDS);
    const listing = await loadPages(url, listings.map((l): Page => [{ method: "GET", path: quireListingPath(l), headers }]), TIMED_SECONDS);
    return { work, listing, idleRss, peakRss: processMemory(pid)?.peak ?? Number.NaN };
  } finally {
    await stop(server);
  }
}

function verdict(value: number, target: number): string {
  return value <= target ? "met" : "NOT met";
}

/** autocannon counts a timeout among its errors too. */
function failures(result: autocannon.Result): number {
  return result.errors + result.non2xx;
}

export async function main(argv: readonly string[]): Promise<boolean> {
  const works = Number(flag("works", String(CUT_WORDS_FROM), argv));
  const spec: LibrarySpec = { works, seed: SEED, maxWords: works >= CUT_WORDS_FROM ? 1000 : null };
  const log = (line: string) => console.log(line);
  console.log(machineLine("quire proving ground: scale"));
  const library = await sqliteLibrary(spec, log);
  if (library.engine !== "sqlite") throw new Error("sqliteLibrary returned a PostgreSQL library");
  const { path } = library;
  const record = readBuildRecord(spec);

  const db = new BetterSqlite3(path, { readonly: true });
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const rows = { works: count("works"), chapters: count("chapters"), tags: count("tags"), workTags: count("work_tags") };
  const sampled = sampleWorks(db, works, SEED);
  const listings = await sampleListings(path, db, works, SEED);
  db.close();

  console.log(`library: ${rows.works.toLocaleString("en")} generated works (seed ${SEED}${spec.maxWords ? `, story text cut to the first ${spec.maxWords} words` : ""}), ${rows.chapters.toLocaleString("en")} chapters, ${rows.tags.toLocaleString("en")} tags on ${rows.workTags.toLocaleString("en")} work-tag links`);
  console.log(record
    ? `built through the store's insertWork in ${(record.seconds / 60).toFixed(1)} min (${(record.works / record.seconds).toFixed(0)} works/s) on ${record.machine.replace(/^built — /u, "")}`
    : "built before build times were recorded: delete it to measure a build");
  console.log(`database: ${megabytes(fileSize(path))} (write-ahead log ${megabytes(fileSize(`${path}-wal`))})`);

  const search = await timeSearches(path, works);
  console.log(`search (in process, 20 queries × ${SEARCH_PASSES} passes, total + first page + every facet): p50 ${search.p50.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms, ${search.found.toFixed(0)} works found on average; target p99 ≤ ${SEARCH_P99_TARGET_MS} ms: ${verdict(search.p99, SEARCH_P99_TARGET_MS)}`);

  const served = await timePages(path, sampled, listings);
  const line = (label: string, r: autocannon.Result) => `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, ${r.errors} errors (${r.timeouts} of them timeouts), ${r.non2xx} non-2xx`;
  console.log(`quire serve under autocannon (${CONNECTIONS} connections, ${TIMED_SECONDS} s per page kind after ${WARM_UP_SECONDS} s of warm-up each):`);
  console.log(`  ${line(`work page (${sampled.length} works in rotation)`, served.work)}; target p99 ≤ ${WORK_PAGE_P99_TARGET_MS} ms: ${verdict(served.work.latency.p99, WORK_PAGE_P99_TARGET_MS)}`);
  console.log(`  ${line(`filtered listing (${listings.length} listings, ${listings.map((l) => l.total).join("/")} works)`, served.listing)}`);
  console.log(`server memory: ${megabytes(served.idleRss)} after start, ${megabytes(served.peakRss)} at its peak`);
  return failures(served.work) === 0 && failures(served.listing) === 0;
}

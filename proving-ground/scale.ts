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
import { existsSync, statSync } from "node:fs";
import type autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { openQuire } from "../src/composition.js";
import { searchWorks } from "../src/services/search-works.js";
import { percentile, wholeNumberFlag } from "../bench/machine.js";
import { CONNECTIONS, loadPages, serveForLoad, WARM_UP_SECONDS } from "../bench/page-load.js";
import { residentMemory } from "../bench/process-memory.js";
import { checkQuirePages, quirePages, samplePages, type Listing, type SampledWork } from "../bench/sampled-pages.js";
import { queryMix } from "../bench/search-queries.js";
import { stop } from "../bench/server-process.js";
import { readBuildRecord, sqliteLibrary, type LibrarySpec } from "../bench/synthetic-library.js";
import { printPartHeader } from "./part.js";

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
  const { child: server, url } = await serveForLoad(path);
  try {
    const idleRss = residentMemory(server.pid)?.rss ?? Number.NaN;
    await checkQuirePages(url, sampled, listings);
    const pages = quirePages(sampled, listings);
    const work = await loadPages(url, pages.work, TIMED_SECONDS);
    const listing = await loadPages(url, pages.listing, TIMED_SECONDS);
    return { work, listing, idleRss, peakRss: residentMemory(server.pid)?.peak ?? Number.NaN };
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
  const works = wholeNumberFlag("works", CUT_WORDS_FROM, argv);
  const spec: LibrarySpec = { works, seed: SEED, maxWords: works >= CUT_WORDS_FROM ? 1000 : null };
  const log = (line: string) => console.log(line);
  printPartHeader("scale");
  const { path } = await sqliteLibrary(spec, log);
  const record = readBuildRecord(spec);

  const db = new BetterSqlite3(path, { readonly: true });
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const rows = { works: count("works"), chapters: count("chapters"), tags: count("tags"), workTags: count("work_tags") };
  db.close();
  const { sampled, listings } = await samplePages(path, works, SEED);

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

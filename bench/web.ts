/**
 * `npm run bench:web [-- --works N --duration S]`: the web app under load. autocannon, 50 connections, drives a
 * work page and a filtered listing of the 100,000-work library served by `quire serve`, then the same two pages of
 * the same works served as a calibre library by calibre-server (Debian's calibre), one server after the other, each
 * in a process of its own as in production; it prints requests/s, p50, p99 and failures for each, and Quire's rate
 * over calibre's.
 *
 * calibre's closest equivalents are what its browser UI fetches (calibre 6.13's content-server/index-generated.html):
 * - a work page is the book details panel's `/interface-data/book-metadata/{id}` plus the story's text, for which
 *   we take `/get/TXT/{id}`, what its Download button fetches: the stored file as it is. Its reader would instead
 *   convert the book to HTML in a worker process on first open (seconds a book) and serve that from a disk cache,
 *   so timing it would measure conversions or a cache we had filled in advance; the download is the cheapest way
 *   calibre hands out a book's text, which flatters calibre rather than Quire. A calibre work page is both
 *   requests, so its page rate is half its request rate.
 * - a filtered listing is `/interface-data/books-init?search=…&sort=…`, what its book list fetches for a search,
 *   with the same tags as exact tag matches, sorted by a kudos column, and 20 books (Quire's page size; calibre's
 *   UI asks for 50 by default).
 *
 * The calibre library is built once from a folder holding a TXT story and an OPF of metadata for each work (title,
 * authors, every tag, series, summary, kudos), read as `calibredb add` reads it, and stored through calibre's own
 * library API by bench/calibre-add.py, which says why not `calibredb add` itself; it is cached in BENCH_DIR beside
 * the Quire library with the time its build took.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import { BENCH_DIR, machineLine, wholeNumberFlag } from "./machine.js";
import { checkQuirePages, quirePages, samplePages, type Listing, type SampledWork } from "./sampled-pages.js";
import { CONNECTIONS, loadPages as load, serveForLoad, WARM_UP_SECONDS, type Page } from "./page-load.js";
import { fetchOk, freePort, startServer, stop } from "./server-process.js";
import { sqliteLibrary, type LibrarySpec } from "./synthetic-library.js";

const CALIBRE_ADD = join(import.meta.dirname, "..", "..", "bench", "calibre-add.py");
const SEED = 42;
const PAGE_SIZE = 20;
const TARGET_RATIO = 5;
const TARGET_WORK_P99_MS = 25;

interface Row {
  label: string;
  requestsPerPage: number;
  result: autocannon.Result;
  note: string;
}

/** One server's two pages, measured. */
interface Measured {
  work: Row;
  listing: Row;
}

function calibreQuery(l: Listing): string {
  return `tags:"=${l.fandom}" and tags:"=${l.rating}" and not tags:"=${l.exclude}"`;
}

function calibreListingPath(library: string, l: Listing): string {
  return `/interface-data/books-init?library_id=${encodeURIComponent(library)}&sort=_kudos.desc&search=${encodeURIComponent(calibreQuery(l))}&vl=&num=${PAGE_SIZE}`;
}

function xml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * Writes each work of the Quire library as `NNNNNN.txt` (its chapters) and `NNNNNN.opf` (its metadata, in the
 * OPF 2 calibre itself writes), which calibre reads as one book. The Quire id is kept as the identifier
 * `quire:ID`, by which the benchmark finds the same works in both libraries. Returns the bytes of story text.
 */
function exportWorks(quirePath: string, folder: string, works: number): number {
  const db = new BetterSqlite3(quirePath, { readonly: true });
  try {
    const rows = db.prepare<[number], { id: number; title: string; summary: string | null; published: string | null; language: string; kudos: number }>(
      "select id, title, summary, published, language, kudos from works where id <= ? order by id",
    );
    const authors = db.prepare<[number], { name: string }>("select a.name from work_authors wa join authors a on a.id = wa.author_id where wa.work_id = ? order by wa.position");
    const tags = db.prepare<[number], { name: string }>("select t.name from work_tags wt join tags t on t.id = wt.tag_id where wt.work_id = ? order by wt.position");
    const series = db.prepare<[number], { name: string; position: number }>("select s.name, sw.position from series_works sw join series s on s.id = sw.series_id where sw.work_id = ?");
    const chapters = db.prepare<[number], { position: number; title: string | null; text: string }>("select position, title, text from chapters where work_id = ? order by position");
    mkdirSync(folder, { recursive: true });
    let bytes = 0;
    for (const work of rows.iterate(works)) {
      const name = join(folder, String(work.id).padStart(6, "0"));
      const story = chapters.all(work.id).map((c) => `Chapter ${c.position}${c.title ? `: ${c.title}` : ""}\n\n${c.text}`).join("\n\n\n");
      writeFileSync(`${name}.txt`, story);
      bytes += Buffer.byteLength(story);
      const part = series.get(work.id);
      // The user-metadata entry is the shape calibre writes for an integer column, reduced to what it reads back.
      const kudos = JSON.stringify({ datatype: "int", is_multiple: null, "#value#": work.kudos });
      const metadata = [
        `<dc:title>${xml(work.title)}</dc:title>`,
        ...authors.all(work.id).map((a) => `<dc:creator opf:role="aut">${xml(a.name)}</dc:creator>`),
        // calibre takes a companion OPF whole only when it carries a calibre id, as the OPFs calibre writes do;
        // otherwise it merges it with the TXT's own metadata, whose title is the file's name.
        `<dc:identifier opf:scheme="calibre">${work.id}</dc:identifier>`,
        `<dc:identifier opf:scheme="quire">${work.id}</dc:identifier>`,
        `<dc:language>${xml(work.language)}</dc:language>`,
        ...(work.published ? [`<dc:date>${work.published}</dc:date>`] : []),
        ...(work.summary ? [`<dc:description>${xml(work.summary.split(/\n\s*\n/u).map((p) => `<p>${xml(p)}</p>`).join(""))}</dc:description>`] : []),
        ...tags.all(work.id).map((t) => `<dc:subject>${xml(t.name)}</dc:subject>`),
        ...(part ? [`<meta name="calibre:series" content="${xml(part.name)}"/>`, `<meta name="calibre:series_index" content="${part.position}"/>`] : []),
        `<meta name="calibre:user_metadata:#kudos" content="${xml(kudos)}"/>`,
      ];
      writeFileSync(`${name}.opf`, `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="quire">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
${metadata.join("\n")}
</metadata>
</package>
`);
    }
    return bytes;
  } finally {
    db.close();
  }
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** The calibre library of the same works, built on first use; with the seconds adding the books took. */
function calibreLibrary(quirePath: string, works: number, log: (line: string) => void): { path: string; addSeconds: number } {
  const path = join(BENCH_DIR, `calibre_bench_${works}_${SEED}`);
  const note = `${path}.json`;
  if (!existsSync(path)) {
    const source = `${path}.source`;
    rmSync(source, { recursive: true, force: true });
    log(`  writing ${works} works as TXT + OPF for calibre`);
    const bytes = exportWorks(quirePath, source, works);
    // calibre commits each book in several transactions, so on disk adding mostly waits for fsync (5.7x as long
    // on the machine of docs/benchmarks.md): the library is built on tmpfs when there is room, then moved.
    const shm = existsSync("/dev/shm") ? statfsSync("/dev/shm") : null;
    const building = shm && shm.bavail * shm.bsize > 1.5 * bytes ? join("/dev/shm", `${basename(path)}.building`) : `${path}.building`;
    rmSync(building, { recursive: true, force: true });
    run("calibredb", ["add_custom_column", "--library-path", building, "kudos", "Kudos", "int"]);
    log(`  adding ${works} books to ${building} with calibre-debug -e bench/calibre-add.py`);
    const started = performance.now();
    run("calibre-debug", ["-e", CALIBRE_ADD, "--", building, source]);
    const addSeconds = (performance.now() - started) / 1000;
    cpSync(building, path, { recursive: true });
    rmSync(building, { recursive: true, force: true });
    rmSync(source, { recursive: true, force: true });
    writeFileSync(note, JSON.stringify({ addSeconds, books: works }));
  }
  const { addSeconds } = JSON.parse(readFileSync(note, "utf8")) as { addSeconds: number };
  return { path, addSeconds };
}


async function measureQuire(path: string, sampled: readonly SampledWork[], listings: readonly Listing[], seconds: number): Promise<Measured> {
  const { child: server, url } = await serveForLoad(path);
  try {
    await checkQuirePages(url, sampled, listings);
    const pages = quirePages(sampled, listings);
    return {
      work: { label: "Quire work page", requestsPerPage: 1, result: await load(url, pages.work, seconds), note: "GET /works/:id" },
      listing: { label: "Quire listing", requestsPerPage: 1, result: await load(url, pages.listing, seconds), note: "GET /works?fandom=…&rating=…&exclude-freeform=…&sort=kudos" },
    };
  } finally {
    await stop(server);
  }
}

async function measureCalibre(path: string, sampled: readonly SampledWork[], listings: readonly Listing[], seconds: number): Promise<Measured & { totals: number[] }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = await startServer("calibre-server", ["--port", String(port), "--listen-on", "127.0.0.1", "--disable-use-bonjour", "--disable-auth", path], `listening on 127.0.0.1:${port}`);
  try {
    const { default_library: library } = JSON.parse(await fetchOk(new URL("ajax/library-info", url).href)) as { default_library: string };
    const lib = encodeURIComponent(library);
    const workPages: Page[] = [];
    for (const work of sampled) {
      const found = JSON.parse(await fetchOk(new URL(`ajax/search/${lib}?query=${encodeURIComponent(`identifiers:"=quire:=${work.id}"`)}`, url).href)) as { book_ids: number[] };
      const [book] = found.book_ids;
      if (book === undefined || found.book_ids.length !== 1) throw new Error(`calibre holds ${found.book_ids.length} books for Quire work ${work.id}`);
      const metadata = JSON.parse(await fetchOk(new URL(`interface-data/book-metadata/${book}?library_id=${lib}&vl=`, url).href)) as { title?: string };
      if (metadata.title !== work.title) throw new Error(`calibre book ${book} is "${metadata.title}", not "${work.title}"`);
      if (!(await fetchOk(new URL(`get/TXT/${book}/${lib}`, url).href)).includes(work.probe)) throw new Error(`calibre's text of book ${book} lacks the story`);
      workPages.push([{ method: "GET", path: `/interface-data/book-metadata/${book}?library_id=${lib}&vl=` }, { method: "GET", path: `/get/TXT/${book}/${lib}` }]);
    }
    const totals: number[] = [];
    for (const listing of listings) {
      const body = JSON.parse(await fetchOk(new URL(calibreListingPath(library, listing), url).href)) as { search_result: { total_num: number; book_ids: number[] }; metadata: Record<string, unknown> };
      const [first] = body.search_result.book_ids;
      if (first === undefined || body.metadata[String(first)] === undefined) throw new Error(`calibre's listing for ${calibreQuery(listing)} is empty`);
      totals.push(body.search_result.total_num);
    }
    const listingPages = listings.map((l): Page => [{ method: "GET", path: calibreListingPath(library, l) }]);
    return {
      work: { label: "calibre work page", requestsPerPage: 2, result: await load(url, workPages, seconds), note: "book-metadata/{id} + get/TXT/{id}: a page is 2 requests" },
      listing: { label: "calibre listing", requestsPerPage: 1, result: await load(url, listingPages, seconds), note: `books-init?search=tags:"=…" and …&sort=_kudos.desc&num=${PAGE_SIZE}` },
      totals,
    };
  } finally {
    await stop(server);
  }
}

function pagesPerSecond(row: Row): number {
  return row.result.requests.average / row.requestsPerPage;
}

function printRow(row: Row): void {
  const r = row.result;
  const cells = [
    row.label.padEnd(20),
    r.requests.average.toFixed(0).padStart(8),
    pagesPerSecond(row).toFixed(0).padStart(9),
    r.latency.p50.toFixed(1).padStart(8),
    r.latency.p99.toFixed(1).padStart(8),
    String(r.errors).padStart(7),
    String(r.non2xx).padStart(8),
    ((r.throughput.total / r.requests.total) * row.requestsPerPage / 1024).toFixed(1).padStart(9),
  ];
  console.log(`${cells.join("")}   ${row.note}`);
}

function verdict(met: boolean): string {
  return met ? "met" : "NOT met";
}

async function main(): Promise<void> {
  const works = wholeNumberFlag("works", 100_000);
  const seconds = wholeNumberFlag("duration", 20);
  const log = (line: string) => console.log(line);
  console.log(machineLine("quire web benchmark"));
  const spec: LibrarySpec = { works, seed: SEED, maxWords: null };
  const { path } = await sqliteLibrary(spec, log);
  const { sampled, listings } = await samplePages(path, works, SEED);
  const calibre = spawnSync("calibre-server", ["--version"], { encoding: "utf8" });
  const calibreVersion = calibre.status === 0 ? calibre.stdout.trim() : null;
  const calibreLib = calibreVersion ? calibreLibrary(path, works, log) : null;

  console.log(`library: ${works.toLocaleString("en")} generated works (seed ${SEED}), Quire on SQLite${calibreLib ? `; ${calibreVersion} on the same works, added through its library API in ${calibreLib.addSeconds.toFixed(0)} s (${(works / calibreLib.addSeconds).toFixed(0)} books/s)` : ""}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${seconds} s timed per page, ${sampled.length} different works and ${listings.length} different listings in rotation`);
  const quire = await measureQuire(path, sampled, listings, seconds);
  const calibreRun = calibreLib ? await measureCalibre(calibreLib.path, sampled, listings, seconds) : null;

  console.log(`\n${"page".padEnd(20)}${"req/s".padStart(8)}${"pages/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"errors".padStart(7)}${"non-2xx".padStart(8)}${"kB/page".padStart(9)}   what was requested`);
  for (const row of [quire.work, quire.listing, ...(calibreRun ? [calibreRun.work, calibreRun.listing] : [])]) printRow(row);
  console.log("");
  console.log(`works found per listing: Quire ${listings.map((l) => l.total).join(", ")}${calibreRun ? `; calibre ${calibreRun.totals.join(", ")}` : ""}`);
  if (calibreRun) {
    for (const page of ["work", "listing"] as const) {
      const ratio = pagesPerSecond(quire[page]) / pagesPerSecond(calibreRun[page]);
      console.log(`${page === "work" ? "work page" : "listing"}: Quire ${ratio.toFixed(1)}x calibre's page rate (target ${TARGET_RATIO}x): ${verdict(ratio >= TARGET_RATIO)}`);
    }
  } else {
    console.log("calibre-server not found (Debian package calibre): its run is left out");
  }
  const p99 = quire.work.result.latency.p99;
  console.log(`work page p99: ${p99.toFixed(1)} ms (target ≤ ${TARGET_WORK_P99_MS} ms): ${verdict(p99 <= TARGET_WORK_P99_MS)}`);
}

await main();

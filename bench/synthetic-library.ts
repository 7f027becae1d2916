/**
 * Libraries of N generated works for the search benchmark, built straight from the generator's works (no files,
 * no parsing: the import benchmark measures that) through the store's own insertWork, and kept in BENCH_DIR
 * (SQLite) or as `quire_bench_<n>` databases (PostgreSQL) between runs. Stats (hits, kudos, comments, bookmarks)
 * are drawn from a long-tailed distribution, since imported works have none.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { openQuire, type Quire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { planWork } from "../src/corpus/plan-work.js";
import { SCENE_BREAK } from "../src/corpus/prose.js";
import { createRandom } from "../src/corpus/random.js";
import type { SyntheticWork } from "../src/corpus/synthetic-work.js";
import { insertWork } from "../src/db/repositories/works.js";
import type { SafeHtml } from "../src/domain/safe-html.js";
import { countWords } from "../src/domain/word-count.js";
import type { ParsedWork } from "../src/domain/work.js";
import { storyFingerprint } from "../src/importers/fingerprint.js";
import { escapeHtml } from "../src/importers/document.js";
import { BENCH_DIR, machineLine } from "./machine.js";

const BATCH = 500;
const STATS_STREAM = 9;

export interface LibrarySpec {
  works: number;
  seed: number;
  /** Story words kept per work (the rest of the text is cut), or null for whole works. */
  maxWords: number | null;
}

export function libraryName({ works, seed, maxWords }: LibrarySpec): string {
  return `quire_bench_${works}_${seed}${maxWords ? `_w${maxWords}` : ""}`;
}

/** The SQLite library for the spec, built on first use. */
export async function sqliteLibrary(spec: LibrarySpec, log: (line: string) => void): Promise<Extract<DatabaseTarget, { engine: "sqlite" }>> {
  const path = sqliteLibraryPath(spec);
  if (!existsSync(path)) {
    const building = `${path}.building`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
    const started = performance.now();
    await buildLibrary({ engine: "sqlite", path: building }, spec, log);
    const record: BuildRecord = { seconds: (performance.now() - started) / 1000, machine: machineLine("built"), works: spec.works };
    writeFileSync(buildRecordPath(spec), JSON.stringify(record));
    renameSync(building, path);
  }
  return { engine: "sqlite", path };
}

export function sqliteLibraryPath(spec: LibrarySpec): string {
  return join(BENCH_DIR, `${libraryName(spec)}.db`);
}

/** How long a SQLite library took to build, and where: kept beside it, since later runs reuse it. */
export interface BuildRecord {
  seconds: number;
  machine: string;
  works: number;
}

function buildRecordPath(spec: LibrarySpec): string {
  return `${sqliteLibraryPath(spec)}.build.json`;
}

/** The build record of a SQLite library, or null for one built before records were kept. */
export function readBuildRecord(spec: LibrarySpec): BuildRecord | null {
  return existsSync(buildRecordPath(spec)) ? (JSON.parse(readFileSync(buildRecordPath(spec), "utf8")) as BuildRecord) : null;
}

/** The PostgreSQL library for the spec, built on first use; null when the server is not reachable. */
export async function postgresLibrary(spec: LibrarySpec, adminUrl: string, log: (line: string) => void): Promise<DatabaseTarget | null> {
  const name = libraryName(spec);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { engine: "postgres", url: url.toString() };
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname = $1", [name]);
    if (rows.length === 0) {
      await client.query(`drop database if exists ${name}_building with (force)`);
      await client.query(`create database ${name}_building`);
      const building = new URL(adminUrl);
      building.pathname = `/${name}_building`;
      await buildLibrary({ engine: "postgres", url: building.toString() }, spec, log);
      await client.query(`alter database ${name}_building rename to ${name}`);
    }
  } finally {
    await client.end();
  }
  return target;
}

/** Fills the (empty, or new) library with the spec's works, and optimizes it. */
export async function buildLibrary(target: DatabaseTarget, spec: LibrarySpec, log: (line: string) => void): Promise<void> {
  const quire = await openQuire(target);
  const started = performance.now();
  try {
    for (let start = 0; start < spec.works; start += BATCH) {
      const works = Array.from({ length: Math.min(BATCH, spec.works - start) }, (_, i) => toParsedWork(planWork(createRandom([spec.seed, start + i, 2])).work, spec.maxWords));
      await insertBatch(quire, works, start, spec.seed);
      if ((start / BATCH) % 20 === 19) log(`  built ${start + BATCH} of ${spec.works} works (${((start + BATCH) / ((performance.now() - started) / 1000)).toFixed(0)} works/s)`);
    }
    await quire.library.engine.optimize(quire.library.db);
  } finally {
    await quire.close();
  }
}

async function insertBatch(quire: Quire, works: readonly ParsedWork[], offset: number, seed: number): Promise<void> {
  const { db, engine } = quire.library;
  const now = new Date().toISOString();
  await engine.writeTransaction(db, async (trx) => {
    for (const [i, work] of works.entries()) {
      const id = await insertWork(trx, engine, { work, title: work.title ?? "Untitled", fingerprint: `${storyFingerprint(work.chapters)}-${offset + i}` }, now);
      await trx.updateTable("works").set(statsFor(seed, offset + i)).where("id", "=", id).execute();
    }
  });
}

/** Long-tailed, as on the Archive: most works have a few kudos, a few have thousands. */
function statsFor(seed: number, index: number) {
  const random = createRandom([seed, index, STATS_STREAM]);
  const kudos = Math.floor(Math.exp(2.5 + 1.6 * random.normal()));
  return { kudos, hits: kudos * random.between(8, 40) + random.below(50), comments: Math.floor(kudos / random.between(3, 12)), bookmarks: Math.floor(kudos / random.between(4, 15)) };
}

function toParsedWork(work: SyntheticWork, maxWords: number | null): ParsedWork {
  let budget = maxWords ?? Number.POSITIVE_INFINITY;
  const chapters = work.chapters.flatMap((chapter, index) => {
    if (budget <= 0) return [];
    const paragraphs: string[] = [];
    for (const paragraph of chapter.paragraphs) {
      if (budget <= 0) break;
      paragraphs.push(paragraph === SCENE_BREAK ? "* * *" : paragraph);
      if (paragraph !== SCENE_BREAK) budget -= countWords(paragraph);
    }
    const text = paragraphs.join("\n\n");
    const html = paragraphs.map((p) => (p === "* * *" ? "<hr>" : `<p>${escapeHtml(p)}</p>`)).join("\n") as SafeHtml;
    return [{ number: index + 1, title: chapter.title, summary: null, notes: chapter.notes, endNotes: chapter.endNotes, wordCount: maxWords ? countWords(text) : chapter.wordCount, text, html }];
  });
  return {
    title: work.title,
    authors: [...work.authors],
    fandoms: [...work.fandoms],
    rating: work.rating,
    ratingRaw: null,
    warnings: [...work.warnings],
    categories: [...work.categories],
    relationships: [...work.relationships],
    characters: [...work.characters],
    freeforms: [...work.freeforms],
    summary: work.summary,
    notes: null,
    endNotes: null,
    disclaimer: null,
    language: "en",
    status: work.status,
    published: work.published,
    updated: null,
    statedWordCount: null,
    // The whole work's count even when its text was cut: word-count filters see the works as written.
    wordCount: work.wordCount,
    series: work.series ? [work.series] : [],
    collections: [],
    sourceUrl: null,
    inferred: [],
    chapters,
    provenance: {},
    extra: {},
  };
}

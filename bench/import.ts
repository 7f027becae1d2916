/**
 * `npm run bench:import [-- --works N --seed S --skip-calibre --skip-postgres]`: `quire import` of a generated
 * corpus (10,000 works by default), beside calibre's `calibredb add` on the same files and a bare FTS5 insert of
 * the same story text (the engine's own limit), with peak memory and the import's accuracy against the manifest.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { openQuire } from "../src/composition.js";
import { parseStory } from "../src/importers/parse-story.js";
import { starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { Vocabulary } from "../src/tags/vocabulary.js";
import type { ManifestEntry } from "../src/corpus/generate-corpus.js";
import { benchCorpus } from "./corpus.js";
import { BENCH_DIR, machineLine, wholeNumberFlag } from "./machine.js";
import { QUIRE_BIN } from "./quire-command.js";
import { createScratchDatabase } from "./scratch-postgres.js";
import { canonicalManifest } from "./tagging-eval-set.js";

interface Run {
  label: string;
  seconds: number;
  peakMb: number | null;
  note: string;
}

/** Runs a command under GNU time for its peak RSS. */
function timed(command: string, args: readonly string[]): { seconds: number; peakMb: number | null; stdout: string; status: number | null } {
  const gnuTime = existsSync("/usr/bin/time");
  const start = performance.now();
  const result = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(command, [...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const kb = gnuTime ? Number(result.stderr.trim().split("\n").at(-1)) : Number.NaN;
  return { seconds, peakMb: Number.isFinite(kb) ? kb / 1024 : null, stdout: result.stdout, status: result.status };
}

async function storyTexts(folder: string, manifest: readonly ManifestEntry[]): Promise<string[]> {
  const texts: string[] = [];
  for (const entry of manifest) {
    if (entry.expect !== "work") continue;
    const { work } = await parseStory(new Uint8Array(await readFile(join(folder, entry.file))), entry.file).catch(() => ({ work: null }));
    if (work) texts.push([work.title ?? "", work.authors.join(" "), work.summary ?? "", ...work.chapters.map((c) => c.text)].join("\n\n"));
  }
  return texts;
}

function bareFts5(texts: readonly string[], path: string): number {
  rmSync(path, { force: true });
  const db = new BetterSqlite3(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("create virtual table t using fts5(body, tokenize='unicode61 remove_diacritics 2')");
  const insert = db.prepare("insert into t (rowid, body) values (?, ?)");
  const start = performance.now();
  db.transaction(() => texts.forEach((text, i) => insert.run(i + 1, text)))();
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return seconds;
}

/**
 * Field by field, how often the library holds what the manifest says the file states. Tags are compared in their
 * canonical names, and as what comes first: the tagger adds what it infers after the stated tags (its accuracy is
 * `npm run eval -- --generated N`).
 */
async function accuracy(dbPath: string, folder: string, manifest: readonly ManifestEntry[]): Promise<Record<string, number>> {
  const quire = await openQuire({ engine: "sqlite", path: dbPath });
  const { db } = quire.library;
  const works = await db
    .selectFrom("work_sources as s")
    .innerJoin("works as w", "w.id", "s.work_id")
    .select(["s.path", "w.id", "w.title", "w.chapter_count", "w.word_count", "w.status", "w.rating_raw"])
    .where("s.role", "=", "primary")
    .execute();
  const tags = await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["wt.work_id", "t.type", "t.name"]).orderBy("wt.position").execute();
  const authors = await db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select(["wa.work_id", "a.name"]).orderBy("wa.position").execute();
  await quire.close();
  const byPath = new Map(works.map((w) => [w.path, w]));
  const tagsOf = (id: number, type: string) => tags.filter((t) => t.work_id === id && t.type === type).map((t) => t.name);
  const vocabulary = new Vocabulary(starterVocabulary());
  const fields = { title: 0, authors: 0, fandoms: 0, rating: 0, relationships: 0, freeforms: 0, chapters: 0, wordCount: 0, status: 0 };
  const expected = manifest.filter((m) => m.expect === "work");
  for (const entry of expected) {
    const w = byPath.get(join(folder, entry.file));
    if (!w) continue;
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (w.title === entry.title) fields.title += 1;
    if (same(authors.filter((a) => a.work_id === w.id).map((a) => a.name), entry.authors)) fields.authors += 1;
    const stated = canonicalManifest(entry, vocabulary);
    if (same(tagsOf(w.id, "Fandom").slice(0, stated.fandoms.length), stated.fandoms)) fields.fandoms += 1;
    // Not Rated is either stated ("Rating: Unrated", kept) or not stated (the tagger suggests one; none is stored as stated).
    const rating = tagsOf(w.id, "Rating")[0];
    if (rating === entry.rating || (entry.rating === "Not Rated" && w.rating_raw === null)) fields.rating += 1;
    if (same(tagsOf(w.id, "Relationship").slice(0, stated.relationships.length), stated.relationships)) fields.relationships += 1;
    if (same(tagsOf(w.id, "Freeform"), [...new Set(stated.freeforms)])) fields.freeforms += 1;
    if (w.chapter_count === entry.chapters) fields.chapters += 1;
    if (w.word_count === entry.wordCount) fields.wordCount += 1;
    if (w.status === entry.status) fields.status += 1;
  }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v / expected.length]));
}

async function main(): Promise<void> {
  const works = wholeNumberFlag("works", 10_000);
  const seed = wholeNumberFlag("seed", 42, process.argv, 0);
  console.log(machineLine("quire import benchmark"));
  const corpus = await benchCorpus(works, seed);
  const mb = corpus.bytes / 2 ** 20;
  const expectedWorks = corpus.manifest.filter((m) => m.expect === "work").length;
  console.log(`corpus: ${corpus.manifest.length} files, ${mb.toFixed(0)} MB, seed ${seed} (${expectedWorks} works, the rest duplicates and broken files), in ${corpus.folder}`);
  const runs: Run[] = [];
  const scratch = join(BENCH_DIR, "scratch");
  mkdirSync(scratch, { recursive: true });

  const dbPath = join(scratch, "import.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  const ours = timed(process.execPath, [QUIRE_BIN, "import", corpus.folder, "--db", `sqlite:${dbPath}`, "--json"]);
  const report = JSON.parse(ours.stdout) as { imported: number; duplicates: unknown[]; failed: unknown[] };
  runs.push({ label: "quire import (SQLite)", seconds: ours.seconds, peakMb: ours.peakMb, note: `${report.imported} imported, ${report.duplicates.length} duplicates, ${report.failed.length} failed` });

  if (!process.argv.includes("--skip-postgres")) {
    // Not dropped after the run (its rows can be looked at): the next run drops it first.
    const database = await createScratchDatabase("quire_bench_import");
    if (typeof database === "string") {
      console.log(`${database}: the PostgreSQL import is left out`);
    } else {
      const onPostgres = timed(process.execPath, [QUIRE_BIN, "import", corpus.folder, "--db", database.target.url, "--json"]);
      const pgReport = JSON.parse(onPostgres.stdout) as { imported: number };
      runs.push({ label: "quire import (PostgreSQL)", seconds: onPostgres.seconds, peakMb: onPostgres.peakMb, note: `${pgReport.imported} imported` });
    }
  }

  if (!process.argv.includes("--skip-calibre")) {
    if (spawnSync("calibredb", ["--version"]).status === 0) {
      const library = join(scratch, "calibre-library");
      rmSync(library, { recursive: true, force: true });
      const calibre = timed("calibredb", ["add", "--recurse", corpus.folder, "--library-path", library]);
      runs.push({ label: "calibredb add", seconds: calibre.seconds, peakMb: calibre.peakMb, note: `calibre ${spawnSync("calibredb", ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^.*\(calibre ([\d.]+)\).*$/su, "$1")}` });
    } else {
      console.log("calibredb not found (Debian package calibre): its run is left out");
    }
  }

  const texts = await storyTexts(corpus.folder, corpus.manifest);
  const textMb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 2 ** 20;
  const bare = bareFts5(texts, join(scratch, "bare.db"));
  runs.push({ label: "bare FTS5 insert of the same text", seconds: bare, peakMb: null, note: `${texts.length} documents, ${textMb.toFixed(0)} MB of text, one transaction, text already in memory` });

  console.log("\nrun                                   seconds   works/s    MB/s   peak RSS   notes");
  for (const run of runs) {
    const perSecond = expectedWorks / run.seconds;
    console.log(`${run.label.padEnd(36)} ${run.seconds.toFixed(1).padStart(8)} ${perSecond.toFixed(0).padStart(9)} ${(mb / run.seconds).toFixed(1).padStart(7)} ${run.peakMb === null ? "        -" : `${run.peakMb.toFixed(0).padStart(6)} MB`}   ${run.note}`);
  }
  const rate = (label: string) => runs.find((r) => r.label === label)?.seconds;
  const oursSeconds = ours.seconds;
  const calibreSeconds = rate("calibredb add");
  console.log("");
  if (calibreSeconds) console.log(`quire import vs calibredb add: ${(calibreSeconds / oursSeconds).toFixed(1)}x as fast (target 50x)`);
  console.log(`quire import vs bare FTS5 insert: ${((bare / oursSeconds) * 100).toFixed(0)}% of its rate (target 50%)`);

  const agreement = await accuracy(dbPath, corpus.folder, corpus.manifest);
  console.log(`\naccuracy against the manifest (${expectedWorks} works): ${Object.entries(agreement).map(([k, v]) => `${k} ${(v * 100).toFixed(2)}%`).join(", ")}`);
}

await main();

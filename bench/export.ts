/**
 * `npm run bench:export [-- --works N --seed S --calibre-sample K --pandoc-sample K]`: Quire's EPUB export of every
 * work of a library imported from a generated corpus (1,000 works by default), beside calibre's `ebook-convert`
 * (TXT → EPUB and HTML → EPUB) and `pandoc` (Markdown → EPUB) on the same works in the same run.
 *
 * The peers convert the text Quire's own TXT, HTML and Markdown writers make of each work, so all three tools turn
 * the same story into a book. calibre takes a second or two a book and pandoc a good part of one, so they run on a
 * deterministic sample (works spread evenly through the library by id); Quire's figure for a sample adds up its
 * times for those same works in its run over every work, so the ratios compare the same books. Each tool converts one book at a time, in one process
 * (Quire) or one process per book (the peers, as people run them). A peer that is not installed is left out with
 * a message.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { openQuire } from "../src/composition.js";
import { writeEpub } from "../src/formats/export/epub.js";
import type { ExportedWork } from "../src/formats/export/exported-work.js";
import { writeHtml } from "../src/formats/export/html.js";
import { writeMarkdown } from "../src/formats/export/markdown.js";
import { writeText } from "../src/formats/export/text.js";
import { ARCHIVE_NAME, exportWorkAsOwner, readWorksForExport } from "../src/services/export/export-works.js";
import { benchCorpus } from "./corpus.js";
import { BENCH_DIR, machineLine, wholeNumberFlag } from "./machine.js";
import { QUIRE_BIN } from "./quire-command.js";

const SITE = { origin: "https://archive.example", archiveName: ARCHIVE_NAME };

interface Run {
  label: string;
  works: number;
  seconds: number;
  /** Bytes of EPUB written. */
  bytes: number;
  note: string;
}

/** The tool's first line of `--version`, or null when it is not installed. */
function toolVersion(command: string): string | null {
  const result = spawnSync(command, ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split("\n")[0]?.trim() ?? command;
}

/** The SQLite library of the corpus, imported by `quire import` on first use and kept in BENCH_DIR. */
function library(folder: string, works: number, seed: number): string {
  const path = join(BENCH_DIR, `export-library-${works}-${seed}.db`);
  if (!existsSync(path)) {
    const building = `${path}.building`;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
    // Exit code 3: imported, with the generator's broken files reported as failed, as they should be.
    const result = spawnSync(process.execPath, [QUIRE_BIN, "import", folder, "--json", "--db", `sqlite:${building}`], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (result.status !== 0 && result.status !== 3) throw new Error(`quire import failed (${result.status ?? "signal"}): ${result.stderr}`);
    renameSync(building, path);
  }
  return path;
}

/** Every `step`-th work, so that the sample spans the library as the whole does. */
function sample<T>(items: readonly T[], size: number): T[] {
  if (size >= items.length) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)]).filter((item): item is T => item !== undefined);
}

/** Times Quire's export, from the library to EPUB files, of each work. @returns each work's seconds, by id. */
async function quireExport(works: readonly number[], read: (id: number) => Promise<ExportedWork>, out: string): Promise<Map<number, { seconds: number; bytes: number }>> {
  const timings = new Map<number, { seconds: number; bytes: number }>();
  for (const id of works) {
    const start = performance.now();
    const epub = await writeEpub(await read(id));
    await writeFile(join(out, `${id}.epub`), epub);
    timings.set(id, { seconds: (performance.now() - start) / 1000, bytes: epub.byteLength });
  }
  return timings;
}

/** Quire's figures over the works, from the timings of the run over every work. */
function quireRun(label: string, works: readonly number[], timings: ReadonlyMap<number, { seconds: number; bytes: number }>, note: string): Run {
  const picked = works.map((id) => timings.get(id) ?? { seconds: 0, bytes: 0 });
  return { label, works: works.length, seconds: picked.reduce((sum, t) => sum + t.seconds, 0), bytes: picked.reduce((sum, t) => sum + t.bytes, 0), note };
}

/** Times one process per book, as `command` converts `input(id)` into `output(id)`. */
async function peerRun(label: string, works: readonly number[], command: string, args: (id: number) => string[], output: (id: number) => string, note: string): Promise<Run> {
  let bytes = 0;
  const start = performance.now();
  for (const id of works) {
    const result = spawnSync(command, args(id), { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed on work ${id}: ${result.stderr.slice(-500)}`);
    bytes += (await stat(output(id))).size;
  }
  return { label, works: works.length, seconds: (performance.now() - start) / 1000, bytes, note };
}

async function main(): Promise<void> {
  const works = wholeNumberFlag("works", 1000);
  const seed = wholeNumberFlag("seed", 42, process.argv, 0);
  const calibreSample = wholeNumberFlag("calibre-sample", 50, process.argv, 0);
  const pandocSample = wholeNumberFlag("pandoc-sample", 100, process.argv, 0);
  console.log(machineLine("quire export benchmark"));
  const calibre = toolVersion("ebook-convert");
  const pandoc = toolVersion("pandoc");
  console.log(`peers: ${calibre ?? "calibre not found (Debian package calibre): its runs are left out"}; ${pandoc ?? "pandoc not found (Debian package pandoc): its run is left out"}`);

  const corpus = await benchCorpus(works, seed);
  const quire = await openQuire({ engine: "sqlite", path: library(corpus.folder, works, seed) });
  const runs: Run[] = [];
  try {
    const { db } = quire.library;
    const ids = (await readWorksForExport(db, "all")).map((w) => w.id);
    const read = (id: number) => exportWorkAsOwner(db, id, SITE);
    const out = join(BENCH_DIR, `export-out-${works}-${seed}`);
    rmSync(out, { recursive: true, force: true });
    for (const folder of ["quire", "inputs", "calibre-txt", "calibre-html", "pandoc"]) mkdirSync(join(out, folder), { recursive: true });
    console.log(`library: ${ids.length} works imported from ${corpus.manifest.length} generated files (seed ${seed}); calibre sample ${Math.min(calibreSample, ids.length)} works, pandoc sample ${Math.min(pandocSample, ids.length)}`);

    // A first pass warms the library's pages and the writers' code, as a server that has run a while would be.
    await quireExport(sample(ids, 20), read, join(out, "quire"));
    const timings = await quireExport(ids, read, join(out, "quire"));
    runs.push(quireRun("quire: EPUB, every work", ids, timings, "read from the library, written to a file"));

    const calibreWorks = sample(ids, calibreSample);
    const pandocWorks = sample(ids, pandocSample);
    for (const id of new Set([...calibreWorks, ...pandocWorks])) {
      const work = await read(id);
      await writeFile(join(out, "inputs", `${id}.txt`), writeText(work));
      await writeFile(join(out, "inputs", `${id}.html`), writeHtml(work));
      await writeFile(join(out, "inputs", `${id}.md`), writeMarkdown(work));
    }
    const input = (id: number, extension: string) => join(out, "inputs", `${id}.${extension}`);
    if (calibre) {
      runs.push(quireRun("quire: EPUB, the calibre sample", calibreWorks, timings, "the same works' times in the run above"));
      const txtOut = (id: number) => join(out, "calibre-txt", `${id}.epub`);
      const htmlOut = (id: number) => join(out, "calibre-html", `${id}.epub`);
      runs.push(await peerRun("calibre: TXT → EPUB", calibreWorks, "ebook-convert", (id) => [input(id, "txt"), txtOut(id)], txtOut, "ebook-convert, one process a book"));
      runs.push(await peerRun("calibre: HTML → EPUB", calibreWorks, "ebook-convert", (id) => [input(id, "html"), htmlOut(id)], htmlOut, "ebook-convert, one process a book"));
    }
    if (pandoc) {
      runs.push(quireRun("quire: EPUB, the pandoc sample", pandocWorks, timings, "the same works' times in the run above"));
      const mdOut = (id: number) => join(out, "pandoc", `${id}.epub`);
      runs.push(await peerRun("pandoc: Markdown → EPUB", pandocWorks, "pandoc", (id) => [input(id, "md"), "-o", mdOut(id)], mdOut, "pandoc, one process a book"));
    }
  } finally {
    await quire.close();
  }

  console.log("\nrun                                works   seconds    works/s   EPUB MB   notes");
  for (const run of runs) {
    console.log(`${run.label.padEnd(33)} ${String(run.works).padStart(6)} ${run.seconds.toFixed(2).padStart(9)} ${(run.works / run.seconds).toFixed(1).padStart(10)} ${(run.bytes / 1_048_576).toFixed(1).padStart(9)}   ${run.note}`);
  }
  const rate = (label: string) => {
    const run = runs.find((r) => r.label === label);
    return run ? run.works / run.seconds : null;
  };
  const ratio = (ours: string, theirs: string, target: number) => {
    const [a, b] = [rate(ours), rate(theirs)];
    const works = runs.find((r) => r.label === theirs)?.works ?? 0;
    if (a !== null && b !== null) console.log(`quire vs ${theirs} (the same ${works} works): ${(a / b).toFixed(1)}x as fast (target ${target}x)`);
  };
  console.log("");
  ratio("quire: EPUB, the calibre sample", "calibre: TXT → EPUB", 20);
  ratio("quire: EPUB, the calibre sample", "calibre: HTML → EPUB", 20);
  ratio("quire: EPUB, the pandoc sample", "pandoc: Markdown → EPUB", 5);
}

await main();

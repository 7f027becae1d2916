/**
 * `quire generate --works N [--seed S] --out DIR`: writes a deterministic synthetic corpus of legacy story files
 * and `DIR/manifest.jsonl` with the truth about each, for measuring import speed and accuracy at scale.
 * Files are written as they are generated, so memory stays flat however many works are asked for.
 */
import { createWriteStream } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { DEFAULT_BROKEN_RATE, DEFAULT_DUPLICATE_RATE, generateCorpus } from "../../corpus/generate-corpus.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "usage: quire generate --works N [--seed S] --out DIR [--duplicate-rate R] [--broken-rate R] [--force]";
const MAX_WORKS = 10_000_000;
const MAX_SEED = 0xffffffff;
/** Files being written while the next ones are generated. */
const WRITES_IN_FLIGHT = 16;

interface GenerateOptions {
  works: number;
  seed: number;
  out: string;
  force: boolean;
  duplicateRate: number;
  brokenRate: number;
}

/**
 * Runs the command; returns the exit code.
 * @throws UsageError for missing or malformed flags, and for an output folder that is not empty (without --force).
 */
export async function runGenerate(args: readonly string[], io: Io): Promise<number> {
  const options = parseOptions(args);
  await prepareOutputFolder(options.out, options.force);
  const started = performance.now();
  const manifest = createWriteStream(join(options.out, "manifest.jsonl"));
  // Writes run in the background while the next files are generated; a few at a time keeps memory flat.
  const writing = new Set<Promise<void>>();
  let files = 0;
  let bytes = 0;
  let folder = "";
  try {
    for (const file of generateCorpus(options)) {
      const path = join(options.out, file.path);
      // Files come folder by folder, so each folder is made once.
      if (dirname(path) !== folder) {
        folder = dirname(path);
        await mkdir(folder, { recursive: true });
      }
      const write: Promise<void> = writeFile(path, file.bytes).then(() => {
        writing.delete(write);
      });
      // Marked handled now: a write that fails before anyone awaits it must not count as an unhandled rejection.
      write.catch(() => undefined);
      writing.add(write);
      if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
      if (!manifest.write(`${JSON.stringify(file.manifest)}\n`)) await once(manifest, "drain");
      files += 1;
      bytes += file.bytes.length;
    }
    await Promise.all(writing);
    manifest.end();
    await finished(manifest);
  } catch (error) {
    await Promise.allSettled(writing);
    manifest.destroy();
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  io.out(`generated ${files} files (${(bytes / 1048576).toFixed(1)} MB) in ${seconds.toFixed(1)} s → ${options.out}\n`);
  return 0;
}

function readFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        works: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        "duplicate-rate": { type: "string" },
        "broken-rate": { type: "string" },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  }
}

function parseOptions(args: readonly string[]): GenerateOptions {
  const values = readFlags(args);
  if (values.works === undefined) throw new UsageError(`generate needs --works (${USAGE})`);
  if (values.out === undefined || values.out.trim() === "") throw new UsageError(`generate needs --out (${USAGE})`);
  return {
    works: wholeNumber("--works", values.works, 1, MAX_WORKS),
    seed: values.seed === undefined ? 1 : wholeNumber("--seed", values.seed, 0, MAX_SEED),
    out: values.out,
    force: values.force,
    duplicateRate: values["duplicate-rate"] === undefined ? DEFAULT_DUPLICATE_RATE : fraction("--duplicate-rate", values["duplicate-rate"]),
    brokenRate: values["broken-rate"] === undefined ? DEFAULT_BROKEN_RATE : fraction("--broken-rate", values["broken-rate"]),
  };
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  // Digits only (an underscore or comma as thousands separator is allowed): "1e3", "0x10" and "12.5" are mistakes.
  const digits = raw.trim().replace(/[_,]/gu, "");
  const value = /^\d+$/u.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, not "${raw}"`);
  }
  return value;
}

function fraction(flag: string, raw: string): number {
  const value = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`${flag} must be a fraction from 0 to 1, such as 0.01, not "${raw}"`);
  return value;
}

/** Creates the folder, or checks that an existing one is empty (or that --force allows writing into it). */
async function prepareOutputFolder(out: string, force: boolean): Promise<void> {
  let existing: Awaited<ReturnType<typeof stat>> | null = null;
  try {
    existing = await stat(out);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
  if (existing === null) {
    await mkdir(out, { recursive: true });
    return;
  }
  if (!existing.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder`);
  if (!force && (await readdir(out)).length > 0) {
    throw new UsageError(`--out ${out} is not empty; choose a new or empty folder, or pass --force to write into it (files with the same names are replaced)`);
  }
}

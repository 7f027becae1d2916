/**
 * A deterministic synthetic corpus of legacy fan fiction files, with the truth about each in a manifest entry, for
 * measuring the importer's speed and accuracy at scale.
 *
 * Files come one at a time from a generator and nothing is kept between them, so a million works take no more
 * memory than one. Each file depends only on the seed and its own index: a duplicate regenerates the earlier
 * work it copies rather than remembering it.
 */
import { brokenFile, BROKEN_KINDS } from "./broken-file.js";
import { encodeText } from "./encode-text.js";
import { failedManifestEntry, manifestEntryOf, type ManifestEntry } from "./manifest.js";
import { planWork } from "./plan-work.js";
import { createRandom, type Random } from "./random.js";
import { renderEpubFile } from "./render/epub-file.js";
import { renderWork } from "./render-work.js";
import { formatOfLayout, type TextEncoding } from "./synthetic-work.js";

export type { ManifestEntry } from "./manifest.js";

/** What corpus to generate. */
export interface CorpusOptions {
  /** How many files to generate. */
  works: number;
  /** Any integer from 0 to 2^32 − 1. The same works and seed always give the same files. */
  seed: number;
  /** The fraction of files that repeat an earlier file's story under another name. Default 0.01. */
  duplicateRate?: number;
  /** The fraction of files that are no story at all (empty, binary, truncated). Default 0.005. */
  brokenRate?: number;
}

/** One generated file: where it goes, its bytes, and the truth about it. */
export interface GeneratedFile {
  /** Relative to the corpus folder, with `/` separators: `0001/work-0000123.txt`. */
  path: string;
  bytes: Uint8Array;
  manifest: ManifestEntry;
}

/** One file in a hundred repeats an earlier story. */
export const DEFAULT_DUPLICATE_RATE = 0.01;
/** One file in two hundred is no story at all. */
export const DEFAULT_BROKEN_RATE = 0.005;
/** Files per folder: large folders are slow to list on some file systems. */
const FILES_PER_FOLDER = 1000;

// Each purpose draws from its own stream, so that deciding what a file is never disturbs how it is written.
const ROLE_STREAM = 1;
const WORK_STREAM = 2;
const DUPLICATE_STREAM = 3;
const BROKEN_STREAM = 4;
/** How many earlier files a duplicate tries before giving up and being a work of its own. */
const DUPLICATE_ATTEMPTS = 32;

type Role = "work" | "duplicate" | "broken";

/**
 * The corpus's files, in order, generated as they are asked for.
 *
 * @throws RangeError at once for a negative or fractional count, a seed outside 0…2^32 − 1, or rates outside 0…1.
 * @example for (const file of generateCorpus({ works: 10, seed: 1 })) console.log(file.path, file.manifest.title);
 */
export function generateCorpus(options: CorpusOptions): Generator<GeneratedFile> {
  const settings: Required<CorpusOptions> = {
    works: options.works,
    seed: options.seed,
    duplicateRate: options.duplicateRate ?? DEFAULT_DUPLICATE_RATE,
    brokenRate: options.brokenRate ?? DEFAULT_BROKEN_RATE,
  };
  validate(settings);
  return corpusFiles(settings);
}

function* corpusFiles({ works, seed, duplicateRate, brokenRate }: Required<CorpusOptions>): Generator<GeneratedFile> {
  const roleOf = (index: number): Role => {
    const u = createRandom([seed, index, ROLE_STREAM]).float();
    if (u < brokenRate) return "broken";
    return index > 0 && u < brokenRate + duplicateRate ? "duplicate" : "work";
  };
  for (let index = 0; index < works; index += 1) {
    const role = roleOf(index);
    if (role === "broken") {
      yield brokenAt(seed, index);
      continue;
    }
    const original = role === "duplicate" ? originalFor(seed, index, roleOf) : null;
    yield original === null ? workAt(seed, index) : duplicateAt(seed, index, original);
  }
}

function validate({ works, seed, duplicateRate, brokenRate }: Required<CorpusOptions>): void {
  if (!Number.isSafeInteger(works) || works < 0) throw new RangeError(`works must be a whole number of files, not ${works}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, not ${seed}`);
  checkRate("duplicateRate", duplicateRate);
  checkRate("brokenRate", brokenRate);
  if (duplicateRate + brokenRate > 1) throw new RangeError("duplicateRate and brokenRate together must not exceed 1");
}

function checkRate(name: string, rate: number): void {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`${name} must be between 0 and 1, not ${rate}`);
}

/** `0001/work-0000123`: files numbered from 1, a thousand to a folder. */
export function basePath(index: number): string {
  const number = index + 1;
  const folder = Math.ceil(number / FILES_PER_FOLDER);
  return `${String(folder).padStart(4, "0")}/work-${String(number).padStart(7, "0")}`;
}

interface WorkFile {
  file: GeneratedFile;
  text: string | null;
}

function renderAt(seed: number, index: number): WorkFile {
  const random = createRandom([seed, index, WORK_STREAM]);
  const planned = planWork(random);
  const rendered = renderWork(planned, random);
  const path = `${basePath(index)}${rendered.extension}`;
  const format = formatOfLayout(planned.file.layout);
  const encoding = format === "epub" ? "zip" : planned.file.encoding;
  return { file: { path, bytes: rendered.bytes, manifest: manifestEntryOf(planned.work, path, format, encoding) }, text: rendered.text };
}

function workAt(seed: number, index: number): GeneratedFile {
  return renderAt(seed, index).file;
}

/** The index of an earlier file that is a work of its own, or null when none turned up. */
function originalFor(seed: number, index: number, roleOf: (index: number) => Role): number | null {
  const random = createRandom([seed, index, DUPLICATE_STREAM]);
  for (let attempt = 0; attempt < DUPLICATE_ATTEMPTS; attempt += 1) {
    const candidate = random.below(index);
    if (roleOf(candidate) === "work") return candidate;
  }
  return null;
}

const ENCODINGS: readonly TextEncoding[] = ["utf-8", "utf-8-bom", "windows-1252", "utf-16le-bom"];

/**
 * The same story as file `original`, under this file's name: byte for byte, or (for a plain-text or Markdown
 * file, half the time) saved again in another encoding or with other line ends, as a second download would be.
 */
function duplicateAt(seed: number, index: number, original: number): GeneratedFile {
  const random = createRandom([seed, index, DUPLICATE_STREAM, 1]);
  const { file, text } = renderAt(seed, original);
  const path = `${basePath(index)}${file.path.slice(file.path.lastIndexOf("."))}`;
  const reencodable = text !== null && (file.manifest.format === "text" || file.manifest.format === "markdown");
  let bytes = file.bytes;
  let encoding = file.manifest.encoding;
  if (reencodable && random.chance(0.5)) {
    // Markdown files keep to UTF-8, as Markdown tools write it.
    const choices = file.manifest.format === "markdown" ? ENCODINGS.slice(0, 2) : ENCODINGS;
    const next = reencode(random, choices, encoding);
    bytes = encodeText(text, next, random.chance(0.5));
    encoding = next;
  }
  return { path, bytes, manifest: { ...file.manifest, file: path, encoding, expect: "duplicate", duplicateOf: file.path } };
}

function reencode(random: Random, choices: readonly TextEncoding[], current: string): TextEncoding {
  const others = choices.filter((e) => e !== current);
  return others.length > 0 ? random.pick(others) : random.pick(choices);
}

function brokenAt(seed: number, index: number): GeneratedFile {
  const random = createRandom([seed, index, BROKEN_STREAM]);
  const kind = random.pick(BROKEN_KINDS);
  const broken = brokenFile(kind, random, () => renderEpubFile(planWork(random).work, random, random.chance(0.5) ? 2 : 3));
  const path = `${basePath(index)}${broken.extension}`;
  return { path, bytes: broken.bytes, manifest: failedManifestEntry(path, broken.format, broken.encoding) };
}

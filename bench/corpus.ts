/**
 * Generated corpora on disk: the benchmarks', made once per size and seed and kept in BENCH_DIR, and any other
 * written to a folder (the proving ground's crash runs write theirs to a temporary one).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { generateCorpus, type CorpusOptions, type ManifestEntry } from "../src/corpus/generate-corpus.js";
import { BENCH_DIR } from "./machine.js";

export interface BenchCorpus {
  folder: string;
  manifest: ManifestEntry[];
  bytes: number;
}

/**
 * Writes the corpus's files under `folder`, one after another.
 * @returns the truth about each file, in order.
 */
export async function writeCorpus(folder: string, options: CorpusOptions): Promise<ManifestEntry[]> {
  const manifest: ManifestEntry[] = [];
  for (const file of generateCorpus(options)) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.bytes);
    manifest.push(file.manifest);
  }
  return manifest;
}

export async function benchCorpus(works: number, seed: number): Promise<BenchCorpus> {
  const folder = join(BENCH_DIR, `corpus-${works}-${seed}`);
  const manifestPath = join(folder, "manifest.jsonl");
  if (!existsSync(manifestPath)) {
    await rm(folder, { recursive: true, force: true });
    const written = await writeCorpus(folder, { works, seed });
    // Written last: its presence says the corpus is complete.
    await writeFile(manifestPath, `${written.map((entry) => JSON.stringify(entry)).join("\n")}\n`);
  }
  const manifest = (await readFile(manifestPath, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as ManifestEntry);
  let bytes = 0;
  for (const entry of manifest) bytes += (await readFile(join(folder, entry.file))).byteLength;
  return { folder, manifest, bytes };
}

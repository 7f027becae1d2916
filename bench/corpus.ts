/** A generated corpus on disk for the benchmarks, made once per size and seed and kept in BENCH_DIR. */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { generateCorpus, type ManifestEntry } from "../src/corpus/generate-corpus.js";
import { BENCH_DIR } from "./machine.js";

export interface BenchCorpus {
  folder: string;
  manifest: ManifestEntry[];
  bytes: number;
}

export async function benchCorpus(works: number, seed: number): Promise<BenchCorpus> {
  const folder = join(BENCH_DIR, `corpus-${works}-${seed}`);
  const manifestPath = join(folder, "manifest.jsonl");
  if (!existsSync(manifestPath)) {
    await rm(folder, { recursive: true, force: true });
    const lines: string[] = [];
    for (const file of generateCorpus({ works, seed })) {
      await mkdir(dirname(join(folder, file.path)), { recursive: true });
      await writeFile(join(folder, file.path), file.bytes);
      lines.push(JSON.stringify(file.manifest));
    }
    // Written last: its presence says the corpus is complete.
    await writeFile(manifestPath, `${lines.join("\n")}\n`);
  }
  const manifest = (await readFile(manifestPath, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as ManifestEntry);
  let bytes = 0;
  for (const entry of manifest) bytes += (await readFile(join(folder, entry.file))).byteLength;
  return { folder, manifest, bytes };
}

/**
 * `npm run bench:duplicates [-- --works 100000 --rate 0.05 --seed 7 --threshold 0.7]`: near-duplicate detection
 * on a generated corpus with planted variants (bench/near-duplicate-eval.ts): the time to sign every story, to
 * find the likely pairs among all signatures and to count them exactly, the process's peak memory, and the
 * precision and recall on the planted pairs, overall and by kind of variant.
 */
import { DEFAULT_THRESHOLD } from "../src/domain/near-duplicates/near-duplicates.js";
import { evaluateNearDuplicates } from "./near-duplicate-eval.js";
import { flag, machineLine, wholeNumberFlag } from "./machine.js";
import { residentMemory } from "./process-memory.js";

const works = wholeNumberFlag("works", 100_000);
const seed = wholeNumberFlag("seed", 7, process.argv, 0);
const plantedRate = Number(flag("rate", "0.05"));
const threshold = Number(flag("threshold", String(DEFAULT_THRESHOLD)));
if (!(plantedRate > 0 && plantedRate <= 0.5)) throw new Error(`--rate takes a share above 0 and up to 0.5, not ${flag("rate", "")}`);
if (!(threshold > 0 && threshold <= 1)) throw new Error(`--threshold takes a share above 0 and up to 1, not ${flag("threshold", "")}`);

console.log(machineLine("Near-duplicates"));
console.log(`${works.toLocaleString("en-US")} works, seed ${seed}, ${plantedRate * 100}% planted variants, threshold ${threshold}`);
const started = performance.now();
const result = evaluateNearDuplicates({
  works, seed, plantedRate, threshold,
  onSigned: (signed) => {
    if (signed % 10_000 === 0) console.log(`  ${signed.toLocaleString("en-US")} signed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  },
});
const memory = residentMemory(process.pid);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const share = (n: number) => n.toFixed(4);

console.log("");
console.log(`sign:     ${seconds(result.signMs)} for ${result.shingles.toLocaleString("en-US")} shingles (${Math.round(result.shingles / (result.signMs / 1000)).toLocaleString("en-US")}/s; generating the stories not counted)`);
console.log(`pairs:    ${seconds(result.pairMs)} to find ${result.likely.toLocaleString("en-US")} likely pairs among all signatures`);
console.log(`compare:  ${seconds(result.compareMs)} to count the likely pairs exactly`);
console.log(`memory:   peak ${memory ? `${Math.round(memory.peak / 2 ** 20)} MiB resident` : "unknown (no /proc)"}`);
console.log(`found:    ${result.found} pairs, ${result.truePositives} of ${result.planted} planted`);
console.log(`precision ${share(result.precision)}, recall ${share(result.recall)}`);
for (const [kind, { planted, found }] of result.byKind) console.log(`  ${kind.padEnd(16)} ${found}/${planted} found`);
console.log(`total:    ${seconds(performance.now() - started)} (with generating the corpus, twice for the likely pairs)`);

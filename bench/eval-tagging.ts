/**
 * `npm run eval`: how well the tagger infers fandoms, characters, relationships, categories and ratings on the
 * labelled evaluation set (test/fixtures/eval), or with `--generated N` on N works of the generated corpus (seed
 * 42). Prints the machine, precision and recall per field and the time taken; each mistake with `--mistakes`. The
 * floors the test suite holds are in test/tagging.test.ts; the table in docs/accuracy.md.
 */
import { performance } from "node:perf_hooks";
import { evaluateTagging, formatEvaluation } from "../src/tags/evaluation.js";
import { starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { Vocabulary } from "../src/tags/vocabulary.js";
import { machineLine, wholeNumberFlag } from "./machine.js";
import { runEvaluationSet, runGeneratedSet } from "./tagging-eval-set.js";

const generated = process.argv.includes("--generated") ? wholeNumberFlag("generated", 1000) : null;
process.stdout.write(`${machineLine(generated === null ? "Tagging accuracy: the labelled evaluation set" : `Tagging accuracy: ${generated} generated works`)}\n\n`);
const started = performance.now();
const vocabulary = new Vocabulary(starterVocabulary());
const results = generated === null ? await runEvaluationSet(vocabulary) : await runGeneratedSet(vocabulary, generated, 42);
const report = evaluateTagging(results);
process.stdout.write(formatEvaluation(report));
process.stdout.write(`Parsed and tagged in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
if (process.argv.includes("--mistakes")) {
  process.stdout.write("\nMistakes (- missed, + wrong):\n");
  for (const m of report.mistakes) process.stdout.write(`  ${m.name} ${m.field}: ${[...m.missed.map((v) => `-${v}`), ...m.extra.map((v) => `+${v}`)].join(" ")}\n`);
}

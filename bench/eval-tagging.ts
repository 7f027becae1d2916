/**
 * `npm run eval`: how well the tagger infers fandoms, characters, relationships, categories and ratings on the
 * labelled evaluation set (test/fixtures/eval), or with `--generated N` on N works of the generated corpus. Prints precision and recall per field, then each mistake with
 * `--mistakes`. The floors the test suite holds are in test/tagging-accuracy.test.ts; the table in docs/accuracy.md.
 */
import { evaluateTagging, formatEvaluation } from "../src/tags/evaluation.js";
import { starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { Vocabulary } from "../src/tags/vocabulary.js";
import { runEvaluationSet, runGeneratedSet } from "./tagging-eval-set.js";

// `--generated N`: the generated corpus's first N works instead of the labelled set.
const generatedAt = process.argv.indexOf("--generated");
const vocabulary = new Vocabulary(starterVocabulary());
const results = generatedAt > 0 ? await runGeneratedSet(vocabulary, Number(process.argv[generatedAt + 1] ?? 1000), 42) : await runEvaluationSet(vocabulary);
const report = evaluateTagging(results);
process.stdout.write(formatEvaluation(report));
if (process.argv.includes("--mistakes")) {
  process.stdout.write("\nMistakes (- missed, + wrong):\n");
  for (const m of report.mistakes) process.stdout.write(`  ${m.name} ${m.field}: ${[...m.missed.map((v) => `-${v}`), ...m.extra.map((v) => `+${v}`)].join(" ")}\n`);
}

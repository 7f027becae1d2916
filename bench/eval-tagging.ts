/**
 * `npm run eval`: how well the tagger infers fandoms, characters, relationships, categories and ratings on the
 * labelled evaluation set (test/fixtures/eval). Prints precision and recall per field, then each mistake with
 * `--mistakes`. The floors the test suite holds are in test/tagging-accuracy.test.ts; the table in docs/accuracy.md.
 */
import { evaluateTagging, formatEvaluation } from "../src/tags/evaluation.js";
import { starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { Vocabulary } from "../src/tags/vocabulary.js";
import { runEvaluationSet } from "./tagging-eval-set.js";

const results = await runEvaluationSet(new Vocabulary(starterVocabulary()));
const report = evaluateTagging(results);
process.stdout.write(formatEvaluation(report));
if (process.argv.includes("--mistakes")) {
  process.stdout.write("\nMistakes (- missed, + wrong):\n");
  for (const m of report.mistakes) process.stdout.write(`  ${m.name} ${m.field}: ${[...m.missed.map((v) => `-${v}`), ...m.extra.map((v) => `+${v}`)].join(" ")}\n`);
}

/**
 * The tagger on the labelled evaluation set (test/fixtures/eval): the accuracy floor it has reached, which
 * `npm run eval` prints in full and docs/accuracy.md keeps; and `quire parse` showing what it inferred.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateTagging } from "../src/tags/evaluation.js";
import { starterVocabulary } from "../src/tags/starter-vocabulary.js";
import { relationshipName } from "../src/tags/vocabulary-file.js";
import { Vocabulary } from "../src/tags/vocabulary.js";
import { runEvaluationSet } from "../bench/tagging-eval-set.js";
import { runCli } from "./support/run-cli.js";

const vocabulary = new Vocabulary(starterVocabulary());
const results = await runEvaluationSet(vocabulary);
const EVAL = join(import.meta.dirname, "fixtures", "eval");

describe("the evaluation set", () => {
  it("has at least 40 labelled works, headers and no headers, several fandoms, every rating", () => {
    expect(results.length).toBeGreaterThanOrEqual(40);
    expect(results.filter((r) => r.truth.headers === "none").length).toBeGreaterThanOrEqual(10);
    expect(new Set(results.flatMap((r) => r.truth.fandoms)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(results.map((r) => r.truth.rating))).toEqual(new Set(["General Audiences", "Teen And Up Audiences", "Mature", "Explicit"]));
  });

  it("labels with the vocabulary's canonical names, so a miss is the tagger's and not a spelling", () => {
    const known = new Set([
      ...vocabulary.file.fandoms.map((f) => f.name),
      ...vocabulary.file.characters.map((c) => c.name),
      ...vocabulary.file.relationships.map(relationshipName),
    ]);
    // A relationship the vocabulary lacks still names its members canonically.
    const members = (name: string) => (known.has(name) ? [] : name.split(name.includes("/") ? "/" : " & "));
    const unknown = results.flatMap((r) =>
      [...r.truth.fandoms, ...r.truth.characters, ...r.truth.relationships.flatMap(members)].filter((name) => !known.has(name)).map((name) => `${r.name}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe("tagging accuracy on the evaluation set", () => {
  const report = evaluateTagging(results);

  it.each([
    ["fandoms", 0.9, 0.9],
    ["characters", 0.95, 0.95],
    ["relationships", 0.7, 0.65],
    ["categories", 0.85, 0.85],
  ] as const)("%s: precision ≥ %d, recall ≥ %d", (field, precision, recall) => {
    expect(report.fields[field].precision).toBeGreaterThanOrEqual(precision);
    expect(report.fields[field].recall).toBeGreaterThanOrEqual(recall);
  });

  it("suggests ratings close to the truth and never rates explicit work General or Teen", () => {
    expect(report.explicitRatedLow).toEqual([]);
    expect(report.ratings.inferred).toBeGreaterThanOrEqual(20);
    expect(report.ratings.withinOne / report.ratings.inferred).toBeGreaterThanOrEqual(0.95);
    expect(report.ratings.exact / report.ratings.inferred).toBeGreaterThanOrEqual(0.7);
  });

  it("tells crossovers from single-fandom works", () => {
    expect(report.crossoversRight / report.works).toBeGreaterThanOrEqual(0.95);
    expect(results.filter((r) => r.truth.crossover && r.predicted.crossover).length).toBeGreaterThanOrEqual(5);
  });
});

describe("quire parse on a header-less story", () => {
  it("prints canonical characters, the fandom and a rating suggestion, each with its evidence", async () => {
    const { code, stdout } = await runCli(["parse", join(EVAL, "a01-cold-hands.txt")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}Fandoms: +Buffy the Vampire Slayer \(TV\) +\[inferred \d+%\]$/mu);
    expect(stdout).toMatch(/^ {4}Fandoms: +Buffy the Vampire Slayer \(TV\) +\[\d+%: Spike ×\d+, Buffy ×\d+/mu);
    expect(stdout).toMatch(/Characters: +Spike \(Buffy the Vampire Slayer\) +\[\d+%: named Spike ×\d+\]/u);
    expect(stdout).toMatch(/Rating: +Explicit +\[\d+%: Explicit: explicit sexual content \(/u);
  });

  it("prints inferred values with their evidence in --json", async () => {
    const { stdout } = await runCli(["parse", join(EVAL, "a07-tuesday-with-teeth.txt"), "--json"]);
    const work = JSON.parse(stdout) as { fandoms: string[]; inferred: { field: string; value: string; evidence: string }[] };
    expect(work.fandoms).toEqual(["Buffy the Vampire Slayer (TV)", "Angel: the Series"]);
    expect(work.inferred.find((v) => v.field === "fandoms" && v.value === "Angel: the Series")?.evidence).toMatch(/Burkle ×\d+/u);
  });
});

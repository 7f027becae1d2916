/**
 * The labelled evaluation set in test/fixtures/eval: original stories, each beside a `.truth.yaml` with its true
 * fandoms, characters, relationships, categories, rating and crossover flag. Reads every story, tags it with
 * the starter vocabulary and returns what the tagger said beside the truth.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isCrossover } from "../src/domain/tags/crossover.js";
import { RATINGS } from "../src/domain/rating.js";
import { generateCorpus } from "../src/corpus/generate-corpus.js";
import type { ManifestEntry } from "../src/corpus/manifest.js";
import { parseStory } from "../src/importers/parse-story.js";
import { resolveRelationship } from "../src/tags/inference/infer-relationships.js";
import type { CharacterEntry } from "../src/tags/vocabulary-file.js";
import type { LabelledResult, TagLabels } from "../src/tags/evaluation.js";
import { canonicalCharacter, tagWork } from "../src/tags/tag-work.js";
import type { Vocabulary } from "../src/tags/vocabulary.js";
import type { ParsedWork } from "../src/domain/work.js";

// From bench/ (tests) or dist/bench/ (the built script), the set is in test/fixtures/eval of the package.
const EVAL_SET_FOLDERS = ["../test/fixtures/eval/", "../../test/fixtures/eval/"].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));

const truthSchema = z.object({
  fandoms: z.array(z.string()),
  characters: z.array(z.string()),
  relationships: z.array(z.string()),
  categories: z.array(z.string()),
  rating: z.enum(RATINGS),
  rating_stated: z.boolean(),
  crossover: z.boolean(),
  headers: z.enum(["none", "disclaimer", "partial", "full"]),
});

export interface EvaluatedWork extends LabelledResult {
  truth: z.infer<typeof truthSchema>;
}

/** The set's folder and its file names. */
async function evaluationSet(): Promise<{ folder: string; files: string[] }> {
  for (const folder of EVAL_SET_FOLDERS) {
    try {
      return { folder, files: (await readdir(folder)).sort() };
    } catch {
      // Try the next candidate.
    }
  }
  throw new Error(`the evaluation set is missing (looked in ${EVAL_SET_FOLDERS.join(", ")})`);
}

/** @throws Error naming a truth file that does not match the schema or a story without one. */
export async function runEvaluationSet(vocabulary: Vocabulary): Promise<EvaluatedWork[]> {
  const { folder, files } = await evaluationSet();
  const results: EvaluatedWork[] = [];
  for (const truthName of files.filter((n) => n.endsWith(".truth.yaml"))) {
    const stem = truthName.replace(/\.truth\.yaml$/u, "");
    const story = files.find((f) => f.startsWith(`${stem}.`) && f !== truthName);
    if (!story) throw new Error(`${truthName}: no story file beside it`);
    const parsedTruth = truthSchema.safeParse(parseYaml(await readFile(join(folder, truthName), "utf8")));
    if (!parsedTruth.success) throw new Error(`${truthName}: ${parsedTruth.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const { work: parsed } = await parseStory(await readFile(join(folder, story)), story);
    const work = tagWork(parsed, vocabulary);
    results.push({ name: story, truth: parsedTruth.data, predicted: labelsOf(work, vocabulary), ratingInferred: ratingWasInferred(work) });
  }
  return results;
}

function ratingWasInferred(work: ParsedWork): boolean {
  return work.inferred.some((v) => v.field === "rating");
}

function labelsOf(work: ParsedWork, vocabulary: Vocabulary): TagLabels {
  const fandomSets = work.fandoms.map((name) => {
    const entry = vocabulary.fandom(name);
    return new Set([name, ...(entry?.metaTags ?? [])]);
  });
  // The crossover rule compares ids; names stand in for them here.
  const ids = new Map<string, number>();
  const asIds = fandomSets.map((set) => new Set([...set].map((n) => ids.get(n) ?? ids.set(n, ids.size).size - 1)));
  return {
    fandoms: work.fandoms,
    characters: work.characters,
    relationships: work.relationships,
    categories: work.categories,
    rating: work.rating,
    crossover: isCrossover(asIds),
  };
}

/**
 * A manifest entry's tags made canonical as the tagger makes stated ones ("BtVS", "Spike/Buffy"), so that a
 * difference from what was stored or inferred is one of reading or inference, not of spelling.
 */
export function canonicalManifest(entry: Pick<ManifestEntry, "fandoms" | "characters" | "relationships" | "freeforms">, vocabulary: Vocabulary) {
  const fandoms = entry.fandoms.map((n) => vocabulary.fandom(n)?.name ?? n);
  const inTrueFandoms = (c: CharacterEntry) => c.fandoms.some((f) => fandoms.includes(f));
  return {
    fandoms,
    characters: entry.characters.map((n) => canonicalCharacter(n, [], vocabulary, inTrueFandoms)),
    relationships: entry.relationships.map((n) => resolveRelationship(n, [], vocabulary, inTrueFandoms)?.name ?? n),
    freeforms: entry.freeforms.map((n) => vocabulary.freeform(n)?.name ?? n),
  };
}

/**
 * The same measure at scale: `count` works of the generated corpus (src/corpus), parsed and tagged, beside their
 * manifest with its names made canonical through the vocabulary. The generator states most tags in headers and
 * names its characters in synthetic prose, so this measures canonicalisation and what inference adds to it. The
 * true crossover flag is the crossover rule applied to the true fandoms.
 */
export async function runGeneratedSet(vocabulary: Vocabulary, count: number, seed: number): Promise<LabelledResult[]> {
  const results: LabelledResult[] = [];
  for (const file of generateCorpus({ works: count, seed, duplicateRate: 0, brokenRate: 0 })) {
    const { work: parsed } = await parseStory(file.bytes, file.path);
    const work = tagWork(parsed, vocabulary);
    const truth = file.manifest;
    const canonical = canonicalManifest(truth, vocabulary);
    const predicted = labelsOf(work, vocabulary);
    results.push({
      name: file.path,
      truth: {
        ...canonical,
        categories: truth.categories,
        rating: truth.rating,
        crossover: labelsOf({ ...work, fandoms: canonical.fandoms }, vocabulary).crossover,
      },
      predicted,
      // A work the manifest calls Not Rated has no true rating to measure a suggestion against.
      ratingInferred: ratingWasInferred(work) && truth.rating !== "Not Rated",
    });
  }
  return results;
}

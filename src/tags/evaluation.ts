/**
 * Tagging accuracy against labelled works: precision and recall per tag field, rating agreement, crossovers,
 * and the one error that must never happen — explicit work rated General or Teen.
 */
import { ratingSeverity, type Rating } from "../domain/rating.js";

export const EVALUATED_FIELDS = ["fandoms", "characters", "relationships", "categories"] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

export interface TagLabels {
  fandoms: readonly string[];
  characters: readonly string[];
  relationships: readonly string[];
  categories: readonly string[];
  rating: Rating;
  crossover: boolean;
}

export interface LabelledResult {
  name: string;
  truth: TagLabels;
  predicted: TagLabels;
  /** The tagger inferred the rating (the file stated none): only these measure the rating suggestion. */
  ratingInferred: boolean;
}

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EvaluationReport {
  works: number;
  fields: Record<EvaluatedField, FieldScore>;
  /** Inferred ratings: how many, how many equal to the truth, how many within one step of it. */
  ratings: { inferred: number; exact: number; withinOne: number };
  /** Works labelled Explicit that came out General or Teen: must be none. */
  explicitRatedLow: string[];
  /** Works whose crossover flag agrees with the truth. */
  crossoversRight: number;
  /** Per work, what was missed and what was wrong: "characters: -Dawn Summers +Joyce Summers". */
  mistakes: { name: string; field: string; missed: string[]; extra: string[] }[];
}

export function evaluateTagging(results: readonly LabelledResult[]): EvaluationReport {
  const fields = Object.fromEntries(EVALUATED_FIELDS.map((f) => [f, { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 }])) as Record<EvaluatedField, FieldScore>;
  const report: EvaluationReport = {
    works: results.length,
    fields,
    ratings: { inferred: 0, exact: 0, withinOne: 0 },
    explicitRatedLow: [],
    crossoversRight: 0,
    mistakes: [],
  };
  for (const { name, truth, predicted, ratingInferred } of results) {
    for (const field of EVALUATED_FIELDS) {
      const expected = new Set(truth[field]);
      const got = new Set(predicted[field]);
      const missed = [...expected].filter((v) => !got.has(v));
      const extra = [...got].filter((v) => !expected.has(v));
      fields[field].truePositives += expected.size - missed.length;
      fields[field].falseNegatives += missed.length;
      fields[field].falsePositives += extra.length;
      if (missed.length + extra.length > 0) report.mistakes.push({ name, field, missed, extra });
    }
    if (ratingInferred) {
      report.ratings.inferred += 1;
      const distance = Math.abs(ratingSeverity(truth.rating) - ratingSeverity(predicted.rating));
      if (distance === 0) report.ratings.exact += 1;
      if (distance <= 1) report.ratings.withinOne += 1;
      if (distance > 0) report.mistakes.push({ name, field: "rating", missed: [truth.rating], extra: [predicted.rating] });
    }
    if (truth.rating === "Explicit" && ratingSeverity(predicted.rating) <= ratingSeverity("Teen And Up Audiences")) report.explicitRatedLow.push(name);
    if (truth.crossover === predicted.crossover) report.crossoversRight += 1;
    else report.mistakes.push({ name, field: "crossover", missed: [String(truth.crossover)], extra: [String(predicted.crossover)] });
  }
  for (const score of Object.values(fields)) {
    const found = score.truePositives + score.falsePositives;
    const expected = score.truePositives + score.falseNegatives;
    score.precision = found === 0 ? 1 : score.truePositives / found;
    score.recall = expected === 0 ? 1 : score.truePositives / expected;
  }
  return report;
}

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The report as a Markdown table, as docs/accuracy.md keeps it. */
export function formatEvaluation(report: EvaluationReport): string {
  const rows = EVALUATED_FIELDS.map((field) => {
    const s = report.fields[field];
    return `| ${field} | ${percent(s.precision)} | ${percent(s.recall)} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} |`;
  });
  const ratio = (agree: number, of: number) => `${agree}/${of}${of > 0 ? ` (${percent(agree / of)})` : ""}`;
  const { ratings } = report;
  return [
    `${report.works} works`,
    "",
    "| Field | Precision | Recall | Right | Wrong | Missed |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    `| Rating (inferred only) | exact ${ratio(ratings.exact, ratings.inferred)} | within one step ${ratio(ratings.withinOne, ratings.inferred)} |`,
    "|---|---|---|",
    `| Explicit rated General or Teen | ${report.explicitRatedLow.length} | ${report.explicitRatedLow.join(", ") || "none"} |`,
    `| Crossover flag | ${ratio(report.crossoversRight, report.works)} | |`,
    "",
  ].join("\n");
}

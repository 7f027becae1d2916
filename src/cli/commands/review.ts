/**
 * `quire review [--below 0.75] [--field F] [--limit N] [--offset N] [--json]`: the values the tagger inferred with
 * too little confidence, and every inferred rating, work by work, the least sure first.
 * `quire review accept <work-id> [--field F] [--value V]` and
 * `quire review correct <work-id> --field F [--value OLD] (--to NEW | --remove)` record a person's decision.
 */
import { openQuire } from "../../composition.js";
import type { ReviewQueue } from "../../db/repositories/review.js";
import { INFERRED_FIELDS, REVIEW_THRESHOLD, type InferredField } from "../../domain/review.js";
import type { InferredValue } from "../../domain/work.js";
import { acceptInferredValues } from "../../services/review/accept-inferred-values.js";
import { correctInferredValue } from "../../services/review/correct-inferred-value.js";
import { listReviewQueue, REVIEW_PAGE_DEFAULT, REVIEW_PAGE_MAX } from "../../services/review/list-review-queue.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger, rejectOtherFlags, shareOption, workIdArgument } from "../args.js";
import { UsageError, type Io } from "../io.js";
import { printable } from "../printable.js";

const USAGE = `quire review [--below 0.75] [--field F] [--limit N] [--offset N] [--json]
       quire review accept <work-id> [--field F] [--value V] [--below 0.75]
       quire review correct <work-id> --field F [--value OLD] (--to NEW | --remove)
  F is one of ${INFERRED_FIELDS.join(", ")}`;

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean", default: false },
  below: { type: "string" },
  field: { type: "string" },
  limit: { type: "string" },
  offset: { type: "string" },
  value: { type: "string" },
  to: { type: "string" },
  remove: { type: "boolean", default: false },
} as const;

type Request =
  | { action: "list"; below: number; field: InferredField | null; limit: number; offset: number; json: boolean }
  | { action: "accept"; workId: number; field: InferredField | null; value: string | null; below: number }
  | { action: "correct"; workId: number; field: InferredField; value: string | null; to: string | null };

export async function runReview(args: readonly string[], io: Io): Promise<number> {
  const { request, db } = parseRequest(args);
  const quire = await openQuire(databaseFrom(db));
  try {
    const library = quire.library;
    if (request.action === "list") {
      const queue = await listReviewQueue(library.db, request);
      io.out(request.json ? `${JSON.stringify(toJson(queue))}\n` : formatQueue(queue, request));
    } else if (request.action === "accept") {
      const accepted = await acceptInferredValues(library, request.workId, request);
      const work = `#${accepted.workId} "${printable(accepted.title)}"`;
      const values = accepted.values.map((v) => `${v.field} "${printable(v.value)}"`);
      io.out(values.length === 0 ? `Nothing open to accept on ${work}.\n` : `Accepted ${values.length} ${values.length === 1 ? "value" : "values"} of ${work}: ${values.join(", ")}.\n`);
    } else {
      const corrected = await correctInferredValue(library, request.workId, request);
      const work = `#${corrected.workId} "${printable(corrected.title)}"`;
      const was = `${corrected.field} "${printable(corrected.value)}"`;
      io.out(corrected.correctedTo === null ? `Removed ${was} from ${work}.\n` : `Corrected ${work}: ${was} → "${printable(corrected.correctedTo)}".\n`);
    }
    return 0;
  } finally {
    await quire.close();
  }
}

/** The action and its flags, checked before the library opens: each action takes its own flags (and --db). */
function parseRequest(args: readonly string[]): { request: Request; db: string | undefined } {
  const { values: flags, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const [action = "list", ...rest] = positionals;
  if (action !== "list" && action !== "accept" && action !== "correct") throw new UsageError(`review takes accept or correct, or nothing to list the queue (usage: ${USAGE})`);
  const allowed = { list: ["below", "field", "limit", "offset", "json"], accept: ["field", "value", "below"], correct: ["field", "value", "to", "remove"] }[action];
  rejectOtherFlags(flags, allowed, `review ${action}`, USAGE);
  if (rest.length !== (action === "list" ? 0 : 1)) throw new UsageError(`usage: ${USAGE}`);

  const field = flags.field === undefined ? null : inferredField(flags.field);
  const below = flags.below === undefined ? REVIEW_THRESHOLD : shareOption("--below", "a confidence", flags.below);
  if (action === "list") {
    const limit = flags.limit === undefined ? REVIEW_PAGE_DEFAULT : positiveInteger("--limit", flags.limit, REVIEW_PAGE_MAX);
    const offset = flags.offset === undefined ? 0 : positiveInteger("--offset", flags.offset, Number.MAX_SAFE_INTEGER, 0);
    return { request: { action, below, field, limit, offset, json: flags.json }, db: flags.db };
  }
  const workId = workIdArgument("the work id", rest[0] ?? "");
  const value = flags.value ?? null;
  if (action === "accept") return { request: { action, workId, field, value, below }, db: flags.db };
  if (field === null) throw new UsageError(`review correct needs --field (usage: ${USAGE})`);
  if ((flags.to === undefined) === !flags.remove) throw new UsageError(`review correct needs either --to NEW or --remove (usage: ${USAGE})`);
  return { request: { action, workId, field, value, to: flags.to ?? null }, db: flags.db };
}

/** A field by its name, singular or plural, in any case. @example inferredField("Character") // "characters" */
function inferredField(value: string): InferredField {
  const name = value.trim().toLowerCase();
  const found = INFERRED_FIELDS.find((f) => f === name || f === `${name}s` || (f === "categories" && name === "category"));
  if (found === undefined) throw new UsageError(`--field takes one of ${INFERRED_FIELDS.join(", ")}, not "${value}"`);
  return found;
}

function toJson(queue: ReviewQueue) {
  return { total: queue.total, works: queue.works.map((w) => ({ id: w.workId, title: w.title, values: w.values })) };
}

const percent = (n: number): string => `${Math.round(n * 100)}%`;

function formatQueue(queue: ReviewQueue, { below, field, offset }: { below: number; field: InferredField | null; offset: number }): string {
  if (queue.total === 0) {
    const scope = field === "rating" ? "inferred rating" : `${field === null ? "inferred rating, or value" : `${field} value`} inferred below ${percent(below)} confidence${field === null ? "," : ""}`;
    return `Nothing to review: no ${scope} waits for a decision.\n`;
  }
  const shown = queue.works.length > 0 ? ` (${offset + 1}–${offset + queue.works.length} shown)` : "";
  const lines = [`${queue.total} ${queue.total === 1 ? "work has" : "works have"} inferred values to review${shown}, the least sure first:`, ""];
  for (const work of queue.works) {
    lines.push(`#${work.workId}  ${printable(work.title)}`);
    for (const value of work.values) lines.push(formatValue(value));
    lines.push("");
  }
  lines.push("Confirm with: quire review accept <work-id> [--field F] [--value V]");
  lines.push("Correct with: quire review correct <work-id> --field F --value OLD (--to NEW | --remove)");
  return `${lines.join("\n")}\n`;
}

function formatValue({ field, value, confidence, evidence }: InferredValue): string {
  return `  ${percent(confidence).padStart(4)}  ${field.padEnd(13)}  ${printable(value)}${evidence ? `  (${printable(evidence)})` : ""}`;
}

/**
 * The header labels a batch's files use, and what the importer makes of each (a field, kept with no field, or
 * ignored): for an archivist to see how a closing archive wrote its headers ("in this archive, 'Category' is the
 * fandom") before deciding what to correct. The files are read again from where they were imported.
 */
import type { Kysely } from "kysely";
import { listReviewRules, type ReviewRule } from "../../db/repositories/review-rules.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { normaliseLabel, type FieldKey } from "../../importers/metadata/labels.js";
import { redactEmails } from "../../importers/metadata/privacy.js";
import { requireModerator } from "../moderation/authorize.js";
import { readBatchHeaders } from "./batch-headers.js";

export type { FieldKey };

/** Files read for one page: a batch larger than this is described from its first files by path. */
const BATCH_LABEL_FILES = 500;

export interface BatchLabel {
  /** As the first file using it wrote it. */
  label: string;
  /** Normalised as the importer looks labels up: what a label rule names. */
  key: string;
  /** A field, `extra` (kept with no field of its own), or null (ignored: no label the importer knows). */
  field: FieldKey | null;
  /** How many of the files read use it. */
  files: number;
  /** Its value in the first such file, addresses removed. */
  example: string;
}

export interface BatchLabels {
  batch: string;
  /** The files read, and of those the ones that could not be read (gone, changed into a zip, an EPUB). */
  files: number;
  unreadable: number;
  /** True when the batch has more files than were read. */
  partial: boolean;
  /** The most used first, then by label. */
  labels: BatchLabel[];
  /** The batch's label rules (services/review/label-rules.ts), oldest first. */
  rules: ReviewRule[];
}

/**
 * Reads the header of each of the batch's files (up to BATCH_LABEL_FILES) and counts its labels, in any case.
 * @throws SignInRequiredError, ForbiddenError for anyone but an active moderator or admin.
 */
export async function readBatchLabels(db: Kysely<Database>, viewer: Viewer, batch: string): Promise<BatchLabels> {
  requireModerator(viewer);
  const { headers, files, unreadable, partial } = await readBatchHeaders(db, batch, BATCH_LABEL_FILES);
  const labels = new Map<string, BatchLabel>();
  for (const { lines } of headers) {
    const seen = new Set<string>();
    for (const line of lines) {
      const key = normaliseLabel(line.label);
      if (seen.has(key)) continue;
      seen.add(key);
      const known = labels.get(key);
      if (known) known.files += 1;
      else labels.set(key, { label: line.label, key, field: line.field, files: 1, example: redactEmails(line.value).slice(0, 200) });
    }
  }
  const sorted = [...labels.values()].sort((a, b) => b.files - a.files || (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : 1));
  const rules = (await listReviewRules(db, batch)).filter((rule) => rule.label !== null);
  return { batch, files, unreadable, partial, labels: sorted, rules };
}

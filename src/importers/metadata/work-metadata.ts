/**
 * Collects a work's metadata from every place a format states it (header lines, bylines, the Archive's
 * preface, OPF metadata…), keeping the evidence for each field. The first source to state a single-valued field
 * wins, so callers feed the most reliable source first; list fields accumulate.
 */
import type { FieldProvenance, ProvenanceSource, SeriesMembership, WorkField, WorkStatus } from "../../domain/work.js";
import type { Category } from "../../domain/categories.js";
import type { ArchiveWarning } from "../../domain/warnings.js";
import { redactEmails } from "./privacy.js";

export interface Evidence {
  source: ProvenanceSource;
  /** The text the value was read from. E-mail addresses are removed before it is stored. */
  evidence: string;
  confidence?: number;
}

type ScalarField = "title" | "summary" | "notes" | "endNotes" | "disclaimer" | "published" | "updated" | "sourceUrl" | "language";
type ListField = "authors" | "fandoms" | "relationships" | "characters" | "freeforms" | "collections";

const DEFAULT_CONFIDENCE: Readonly<Record<ProvenanceSource, number>> = {
  structured: 0.95, header: 0.9, byline: 0.8, inferred: 0.6, default: 0.3,
};
const MAX_EVIDENCE = 300;

export class WorkMetadata {
  readonly scalars: Partial<Record<ScalarField, string>> = {};
  readonly lists: Record<ListField, string[]> = {
    authors: [], fandoms: [], relationships: [], characters: [], freeforms: [], collections: [],
  };
  readonly categories = new Set<Category>();
  /** Archive warnings named exactly by a structured source. */
  readonly archiveWarnings = new Set<ArchiveWarning>();
  /** Free-form warning lines, classified when the work is assembled. */
  readonly warningLines: string[] = [];
  ratingRaw: string | null = null;
  statedWordCount: number | null = null;
  status: WorkStatus = "unknown";
  readonly series: SeriesMembership[] = [];
  /** Null prototype: labels come from files, and "constructor" or "__proto__" must be plain keys. */
  readonly extra: Record<string, string> = Object.create(null) as Record<string, string>;
  readonly provenance: Partial<Record<WorkField, FieldProvenance>> = {};

  has(field: ScalarField): boolean {
    return this.scalars[field] !== undefined;
  }

  /**
   * Sets a single-valued field unless a source at least as sure already stated it (a `Title:` line outranks a
   * mail subject or a page's <title>). Returns whether it was set.
   */
  setScalar(field: ScalarField, value: string, evidence: Evidence): boolean {
    const cleaned = redactEmails(value).trim();
    if (!cleaned) return false;
    const confidence = evidence.confidence ?? DEFAULT_CONFIDENCE[evidence.source];
    const current = this.provenance[field];
    if (this.has(field) && (!current || current.confidence >= confidence)) return false;
    this.scalars[field] = cleaned;
    this.forget(field);
    this.record(field, { ...evidence, confidence });
    return true;
  }

  /** Appends to a text field such as notes, keeping paragraphs apart. */
  appendText(field: "notes" | "endNotes" | "summary" | "disclaimer", value: string, evidence: Evidence): void {
    const cleaned = redactEmails(value).trim();
    if (!cleaned) return;
    const existing = this.scalars[field];
    if (existing === undefined) {
      this.setScalar(field, cleaned, evidence);
    } else if (!existing.includes(cleaned)) {
      this.scalars[field] = `${existing}\n\n${cleaned}`;
    }
  }

  addList(field: ListField, values: readonly string[], evidence: Evidence): void {
    const list = this.lists[field];
    const seen = new Set(list.map((v) => v.toLowerCase()));
    let added = false;
    for (const raw of values) {
      const value = redactEmails(raw).replace(/\s+/gu, " ").trim();
      if (!value || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      list.push(value);
      added = true;
    }
    if (added) this.record(field, evidence);
  }

  addCategories(categories: Iterable<Category>, evidence: Evidence): void {
    let added = false;
    for (const category of categories) {
      if (!this.categories.has(category)) {
        this.categories.add(category);
        added = true;
      }
    }
    if (added) this.record("categories", evidence);
  }

  setRating(raw: string, evidence: Evidence): void {
    const confidence = evidence.confidence ?? DEFAULT_CONFIDENCE[evidence.source];
    const current = this.provenance.rating;
    if (this.ratingRaw !== null && (!current || current.confidence >= confidence)) return;
    this.ratingRaw = raw.trim();
    this.forget("rating");
    this.record("rating", { ...evidence, confidence });
  }

  addWarnings(lines: readonly string[], exact: readonly ArchiveWarning[], evidence: Evidence): void {
    this.warningLines.push(...lines);
    for (const warning of exact) this.archiveWarnings.add(warning);
    this.record("warnings", evidence);
  }

  /**
   * Statuses come from several places of different weight (a stated "Status:", an end marker, the absence of
   * fanfiction.net's "Status: Complete"); the most confident one stands.
   */
  setStatus(status: Exclude<WorkStatus, "unknown">, evidence: Evidence): void {
    const confidence = evidence.confidence ?? DEFAULT_CONFIDENCE[evidence.source];
    const current = this.provenance.status;
    if (this.status !== "unknown" && current && current.confidence >= confidence) return;
    this.status = status;
    this.forget("status");
    this.record("status", { ...evidence, confidence });
  }

  setStatedWordCount(count: number, evidence: Evidence): void {
    if (this.statedWordCount !== null) return;
    this.statedWordCount = count;
    this.record("statedWordCount", evidence);
  }

  addSeries(found: SeriesMembership, evidence: Evidence): void {
    const membership = { name: redactEmails(found.name), part: found.part };
    if (!membership.name) return;
    const existing = this.series.find((s) => s.name.toLowerCase() === membership.name.toLowerCase());
    if (existing) {
      existing.part ??= membership.part;
      return;
    }
    this.series.push(membership);
    this.record("series", evidence);
  }

  addExtra(label: string, value: string): void {
    const cleanedLabel = redactEmails(label).trim().replace(/[:\s]+$/u, "");
    const cleanedValue = redactEmails(value).trim();
    if (!cleanedLabel || !cleanedValue) return;
    const existing = this.extra[cleanedLabel];
    this.extra[cleanedLabel] = existing && existing !== cleanedValue ? `${existing}\n${cleanedValue}` : cleanedValue;
  }

  /** Replaces a field's evidence, for a value the assembler settles on itself (a default). */
  replaceEvidence(field: WorkField, evidence: Evidence): void {
    this.forget(field);
    this.record(field, evidence);
  }

  private forget(field: WorkField): void {
    Reflect.deleteProperty(this.provenance, field);
  }

  /** Records (or extends) the evidence for a field; the first source's kind and confidence stand. */
  record(field: WorkField, evidence: Evidence): void {
    const text = redactEmails(evidence.evidence).replace(/\s+/gu, " ").trim();
    const existing = this.provenance[field];
    if (existing) {
      if (text && !existing.evidence.includes(text) && existing.evidence.length < MAX_EVIDENCE) {
        existing.evidence = clip(`${existing.evidence} | ${text}`);
      }
      return;
    }
    this.provenance[field] = {
      source: evidence.source,
      evidence: clip(text),
      confidence: evidence.confidence ?? DEFAULT_CONFIDENCE[evidence.source],
    };
  }
}

function clip(text: string): string {
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE - 1)}…` : text;
}

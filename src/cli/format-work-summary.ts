/** The readable summary `quire parse` prints: each field with where it came from, then the chapter list. */
import type { ParsedWork, WorkField } from "../domain/work.js";
import type { ParseResult } from "../importers/parse-story.js";

const FIELDS: readonly [WorkField, string][] = [
  ["title", "Title"], ["authors", "Authors"], ["fandoms", "Fandoms"], ["rating", "Rating"], ["warnings", "Warnings"],
  ["categories", "Categories"], ["relationships", "Relationships"], ["characters", "Characters"],
  ["freeforms", "Additional tags"], ["language", "Language"], ["status", "Status"], ["published", "Published"],
  ["updated", "Updated"], ["series", "Series"], ["collections", "Collections"], ["sourceUrl", "Source URL"],
  ["statedWordCount", "Stated words"], ["summary", "Summary"], ["notes", "Notes"], ["endNotes", "End notes"],
  ["disclaimer", "Disclaimer"],
];
const LABEL_WIDTH = 18;
const VALUE_WIDTH = 60;

export function formatWorkSummary(path: string, { format, encoding, work }: ParseResult): string {
  const lines = [`${work.title ?? "(untitled)"} — ${path} (${format}, ${encoding})`];
  for (const [field, label] of FIELDS) {
    const value = displayValue(work, field);
    if (value === null) continue;
    const provenance = work.provenance[field];
    // An inferred field's evidence is printed value by value below it.
    const evidence = provenance?.evidence && provenance.source !== "inferred" ? `: ${clip(provenance.evidence, 50)}` : "";
    const source = provenance ? `  [${provenance.source} ${Math.round(provenance.confidence * 100)}%${evidence}]` : "";
    lines.push(`  ${`${label}:`.padEnd(LABEL_WIDTH)}${clip(value, VALUE_WIDTH).padEnd(VALUE_WIDTH)}${source}`);
  }
  const labels = new Map(FIELDS);
  if (work.inferred.length > 0) lines.push("  Inferred from the text:");
  for (const value of work.inferred) {
    const label = `${labels.get(value.field) ?? value.field}:`;
    lines.push(`    ${label.padEnd(LABEL_WIDTH - 2)}${clip(value.value, VALUE_WIDTH).padEnd(VALUE_WIDTH)}  [${Math.round(value.confidence * 100)}%: ${clip(value.evidence, 70)}]`);
  }
  for (const [label, value] of Object.entries(work.extra)) {
    lines.push(`  ${`${label}:`.padEnd(LABEL_WIDTH)}${clip(value, VALUE_WIDTH)}  [kept as written]`);
  }
  const stated = work.statedWordCount === null ? "" : ` (stated: ${work.statedWordCount.toLocaleString("en")})`;
  lines.push(`  Chapters: ${work.chapters.length} · ${work.wordCount.toLocaleString("en")} words${stated}`);
  for (const chapter of work.chapters) {
    const title = chapter.title ?? "(untitled)";
    lines.push(`    ${String(chapter.number).padStart(3)}  ${clip(title, 50).padEnd(50)} ${chapter.wordCount.toLocaleString("en").padStart(9)} words`);
  }
  return `${lines.join("\n")}\n`;
}

function displayValue(work: ParsedWork, field: WorkField): string | null {
  const value = work[field];
  if (value === null || (Array.isArray(value) && value.length === 0)) return null;
  if (field === "series") return work.series.map((s) => (s.part === null ? s.name : `${s.name} (part ${s.part})`)).join(", ");
  if (Array.isArray(value)) return value.join(", ");
  if (field === "status" && value === "unknown") return null;
  return String(value).replace(/\s+/gu, " ");
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, " ");
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

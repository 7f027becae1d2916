/**
 * fanfiction.net's metadata line (shared/reference/legacy-formats.md §3.1):
 * `Rated: Fiction T - English - Humor/Friendship - Xander H., Rupert G. - Chapters: 2 - Words: 1,104 - … -
 * Published: 3/12/2008 - Status: Complete - id: 4412345`. Fixed order: rating, language, optional genres,
 * optional characters (bracketed groups are pairings), then `Key: value` items.
 */
import { applyField } from "./apply-field.js";
import { parseDate } from "./dates.js";
import { languageFromName } from "./language.js";
import { normaliseRelationship } from "./values.js";
import type { Evidence, WorkMetadata } from "./work-metadata.js";

const FFN_LINE = /^\s*Rated:\s*(?:Fiction\s+)?(K\+?|T|M|MA)\s+-\s+/iu;
const FFN_GENRES = new Set([
  "adventure", "angst", "crime", "drama", "family", "fantasy", "friendship", "general", "horror", "humor",
  "hurt-comfort", "mystery", "parody", "poetry", "romance", "sci-fi", "spiritual", "supernatural", "suspense",
  "tragedy", "western",
]);

export function isFfnLine(line: string): boolean {
  return FFN_LINE.test(line) && / - /u.test(line);
}

/** Applies the line's fields; the caller has checked `isFfnLine`. */
export function applyFfnLine(meta: WorkMetadata, line: string): void {
  const evidence: Evidence = { source: "header", evidence: line.trim() };
  const parts = line.trim().split(/\s+-\s+/u);
  const rating = parts.shift()?.replace(/^Rated:\s*/iu, "") ?? "";
  applyField(meta, "rating", "Rated", rating, evidence);
  let status: "complete" | "in-progress" = "in-progress";
  for (const [index, part] of parts.entries()) {
    const keyValue = /^([A-Za-z ]+):\s*(.*)$/u.exec(part);
    if (keyValue) {
      const [, key = "", value = ""] = keyValue;
      applyKeyValue(meta, key.trim(), value.trim(), evidence);
      if (key.trim().toLowerCase() === "status" && /complete/iu.test(value)) status = "complete";
    } else if (index === 0 && languageFromName(part)) {
      applyField(meta, "language", "Language", part, evidence);
    } else if (part.replace(/hurt\/comfort/giu, "hurt-comfort").split("/").every((g) => FFN_GENRES.has(g.toLowerCase()))) {
      applyField(meta, "genres", "Genre", part, evidence);
    } else {
      applyCharacters(meta, part, evidence);
    }
  }
  // The line shows "Status: Complete" only for complete stories, so its absence means in progress.
  meta.setStatus(status, { ...evidence, source: status === "complete" ? "header" : "inferred", confidence: status === "complete" ? 0.9 : 0.7 });
}

function applyKeyValue(meta: WorkMetadata, key: string, value: string, evidence: Evidence): void {
  switch (key.toLowerCase()) {
    case "words":
      applyField(meta, "words", key, value, evidence);
      return;
    case "published":
    case "updated": {
      // The site writes dates month first whatever the story's language.
      const date = parseDate(value, "en");
      if (date) meta.setScalar(key.toLowerCase() === "published" ? "published" : "updated", date, evidence);
      return;
    }
    case "status":
      return;
    case "id":
      if (/^\d+$/u.test(value)) meta.setScalar("sourceUrl", `https://www.fanfiction.net/s/${value}`, evidence);
      return;
    default:
      meta.addExtra(key, value);
  }
}

// "[Caspian X, Lucy P.] Edmund P., Peter P.": bracketed groups are pairings, the rest characters.
function applyCharacters(meta: WorkMetadata, part: string, evidence: Evidence): void {
  const pairings = [...part.matchAll(/\[([^\]]+)\]/gu)].map((m) => m[1] ?? "");
  meta.addList("relationships", pairings.map((p) => normaliseRelationship(p.split(/\s*,\s*/u).join("/"))), evidence);
  const characters = part.replace(/\[([^\]]+)\]/gu, ",$1,").split(",").map((c) => c.trim()).filter(Boolean);
  meta.addList("characters", characters, evidence);
}

/** Builders for domain values in tests: a complete ParsedWork from a few fields, and small story files. */
import { countWords } from "../src/domain/word-count.js";
import type { SafeHtml } from "../src/domain/safe-html.js";
import type { ParsedChapter, ParsedWork } from "../src/domain/work.js";
import { storyFingerprint } from "../src/importers/fingerprint.js";
import type { WorkToStore } from "../src/db/repositories/works.js";

export function chapter(text: string, overrides: Partial<ParsedChapter> = {}): ParsedChapter {
  return {
    number: 1,
    title: null,
    summary: null,
    notes: null,
    endNotes: null,
    wordCount: countWords(text),
    text,
    html: text.split("\n\n").map((p) => `<p>${p}</p>`).join("") as SafeHtml,
    ...overrides,
  };
}

/** A parsed work; `chapters` given as plain strings become chapters with counted words. */
export function parsedWork(overrides: Partial<Omit<ParsedWork, "chapters">> & { chapters?: readonly (string | ParsedChapter)[] } = {}): ParsedWork {
  const chapters = (overrides.chapters ?? ["A quiet story about nothing much at all."]).map((c, i) => (typeof c === "string" ? chapter(c, { number: i + 1 }) : c));
  return {
    title: "Untitled Test",
    authors: [],
    fandoms: [],
    rating: "Not Rated",
    ratingRaw: null,
    warnings: ["Creator Chose Not To Use Archive Warnings"],
    categories: [],
    relationships: [],
    characters: [],
    freeforms: [],
    summary: null,
    notes: null,
    endNotes: null,
    disclaimer: null,
    language: "en",
    status: "unknown",
    published: null,
    updated: null,
    statedWordCount: null,
    series: [],
    collections: [],
    sourceUrl: null,
    provenance: {},
    extra: {},
    inferred: [],
    ...overrides,
    chapters,
    wordCount: chapters.reduce((n, c) => n + c.wordCount, 0),
  };
}

export function toStore(work: ParsedWork): WorkToStore {
  return { work, title: work.title ?? "Untitled", fingerprint: storyFingerprint(work.chapters) };
}

/** A plain-text story file with a mailing-list header, in the shape the importer reads. */
export function storyFile(fields: { title: string; author?: string; fandom?: string; rating?: string; pairing?: string; body: string }): string {
  const header = [
    `Title: ${fields.title}`,
    fields.author ? `Author: ${fields.author}` : null,
    fields.fandom ? `Fandom: ${fields.fandom}` : null,
    fields.rating ? `Rating: ${fields.rating}` : null,
    fields.pairing ? `Pairing: ${fields.pairing}` : null,
  ].filter((line) => line !== null);
  return `${header.join("\n")}\n\n${fields.body}\n`;
}

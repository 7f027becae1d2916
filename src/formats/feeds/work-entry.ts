/**
 * A work as an Atom entry: title, authors, dates, its tags as categories, its summary, and its details (rating,
 * warnings, tags, series, words, chapters, status) as XHTML content, the way a listing's blurb shows them. The
 * archive's Atom feeds and the OPDS catalog's acquisition feeds both use it; OPDS adds its own links.
 */
import type { TagType } from "../../domain/tags/tag-type.js";
import type { WorkBlurb } from "../../search/search-index.js";
import type { AtomCategory, AtomEntry, AtomLink, XhtmlBlock } from "./atom.js";

/** Where the entry's parts point; every address absolute or root-relative, as the caller chooses. */
export interface WorkEntryAddresses {
  /** The entry's stable id (a URN). */
  id: string;
  /** The work's page. */
  work: string;
  author(name: string): string;
  /** The IRI naming a tag type's vocabulary, for a category's scheme. */
  tagScheme(type: TagType): string;
}

/** The tag types in the order a work's header shows them, each with the blurb's field and its label. */
const TAG_FIELDS = [
  ["Rating", "Rating", (w: WorkBlurb) => [w.rating]],
  ["ArchiveWarning", "Archive Warnings", (w: WorkBlurb) => w.warnings],
  ["Category", "Categories", (w: WorkBlurb) => w.categories],
  ["Fandom", "Fandoms", (w: WorkBlurb) => w.fandoms],
  ["Relationship", "Relationships", (w: WorkBlurb) => w.relationships],
  ["Character", "Characters", (w: WorkBlurb) => w.characters],
  ["Freeform", "Additional Tags", (w: WorkBlurb) => w.freeforms],
] as const satisfies readonly (readonly [TagType, string, (w: WorkBlurb) => readonly string[]])[];

const STATUS_TEXT = { complete: "Complete", "in-progress": "Work in progress", unknown: "Unknown" } as const;

/** A date the library keeps as `YYYY-MM-DD`, as an RFC 3339 date-time at midnight UTC. */
function dayAsDateTime(day: string): string {
  return `${day}T00:00:00Z`;
}

/** "3/3", "2/5", "2/?": chapters posted over chapters expected, as the Archive writes them. */
export function chapterCount(work: Pick<WorkBlurb, "chapters" | "expectedChapters" | "status">): string {
  const expected = work.status === "complete" ? work.chapters : work.expectedChapters;
  return `${work.chapters}/${expected ?? "?"}`;
}

function details(work: WorkBlurb): XhtmlBlock {
  const items: { label: string; value: string }[] = [];
  for (const [, label, values] of TAG_FIELDS) {
    const list = values(work);
    if (list.length > 0) items.push({ label, value: list.join(", ") });
  }
  if (work.series.length > 0) items.push({ label: "Series", value: work.series.map((s) => `Part ${s.part} of ${s.name}`).join("; ") });
  items.push({ label: "Language", value: work.language });
  items.push({ label: "Words", value: work.wordCount.toLocaleString("en") });
  items.push({ label: "Chapters", value: chapterCount(work) });
  items.push({ label: "Status", value: STATUS_TEXT[work.status] });
  if (work.published) items.push({ label: "Published", value: work.published });
  if (work.updated && work.updated !== work.published) items.push({ label: "Updated", value: work.updated });
  return { kind: "details", items };
}

/** The summary's paragraphs (a blank line parts them, as the library stores summaries). */
function paragraphs(text: string): XhtmlBlock[] {
  return text.split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p !== "").map((p) => ({ kind: "paragraph", text: p }));
}

function categories(work: WorkBlurb, addresses: WorkEntryAddresses): AtomCategory[] {
  return TAG_FIELDS.flatMap(([type, , values]) => values(work).map((name) => ({ term: name, label: name, scheme: addresses.tagScheme(type) })));
}

/**
 * The entry for a work.
 * @param changed when the work last changed (an RFC 3339 date-time): the entry's `updated`.
 * @param links links beyond the work page (OPDS's acquisition and image links).
 */
export function workEntry(work: WorkBlurb, changed: string, addresses: WorkEntryAddresses, links: readonly AtomLink[] = []): AtomEntry {
  const summary = work.summary?.trim() ? work.summary.trim() : undefined;
  return {
    id: addresses.id,
    title: work.title,
    updated: changed,
    ...(work.published ? { published: dayAsDateTime(work.published), issued: work.published } : {}),
    authors: work.authors.length > 0 ? work.authors.map((name) => ({ name, uri: addresses.author(name) })) : [{ name: "Anonymous" }],
    categories: categories(work, addresses),
    ...(summary ? { summary } : {}),
    content: { blocks: [details(work), ...(summary ? paragraphs(summary) : [])] },
    links: [{ rel: "alternate", href: addresses.work, type: "text/html", title: work.title }, ...links],
    language: work.language,
  };
}

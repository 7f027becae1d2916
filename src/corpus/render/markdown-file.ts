/**
 * A Markdown story file: YAML front matter (the way static-site and Obsidian users keep their fic), or bold
 * `**Label:** value` lines under a `#` title; `##` chapter headings; `* * *` rules for scene breaks.
 *
 * Markdown has traps for a story: `~~~` opens a code block and a `---` right under a line of text makes it a
 * heading, so scene breaks here are `* * *`, `***` or `---` with blank lines around them.
 */
import { DEFAULT_WARNING } from "../../domain/warnings.js";
import type { Random } from "../random.js";
import { SCENE_BREAK } from "../prose.js";
import type { SyntheticWork } from "../synthetic-work.js";
import { NOTE_LABELS } from "../vocabulary/notes.js";
import { chapterHeading, planHeadings } from "./chapter-headings.js";
import { headerFields } from "./header-fields.js";
import { categoryPhrases, endMarker, ratingPhrase, statusLine, warningPhrases } from "./phrasing.js";
import { announcedParts, chooseStatusStatement } from "./status-statement.js";

const RULES: readonly string[] = ["* * *", "***", "---"];

/** The file's text with `\n` line ends; the caller encodes it. */
export function renderMarkdownFile(work: SyntheticWork, random: Random): string {
  const multi = work.chapters.length > 1;
  const statement = chooseStatusStatement(random, work, multi);
  const blocks = random.chance(0.8) ? [frontMatter(work, random, statement.header)] : boldLabelHeader(work, random, statement.header);
  const rule = random.pick(RULES);
  const headings = multi
    ? planHeadings(random, work.chapters.length, { counting: statement.headingCount, total: announcedParts(random, work), allTitled: work.chapters.every((c) => c.title !== null) })
    : null;
  const headingLevel = random.pick(["## ", "## ", "### ", "**"]);
  work.chapters.forEach((chapter, index) => {
    if (headings) {
      const heading = chapterHeading(headings, index, work.chapters.length, chapter.title);
      blocks.push(headingLevel === "**" ? `**${heading}**` : `${headingLevel}${heading}`);
    }
    if (chapter.notes) blocks.push(note(random, chapter.notes));
    blocks.push(...chapter.paragraphs.map((p) => (p === SCENE_BREAK ? rule : p)));
    if (index < work.chapters.length - 1 && chapter.endNotes) blocks.push(note(random, chapter.endNotes));
  });
  if (statement.endMarker && work.status !== "unknown") {
    const marker = endMarker(random, work.status, false);
    blocks.push(random.chance(0.5) ? `*${marker}*` : marker);
  }
  const last = work.chapters.at(-1);
  if (last?.endNotes) blocks.push(note(random, last.endNotes));
  return `${blocks.join("\n\n")}\n`;
}

// "*A/N: …*": authors often set their notes in italics.
function note(random: Random, text: string): string {
  const labelled = `${random.pick(NOTE_LABELS)} ${text}`;
  return random.chance(0.3) ? `*${labelled}*` : labelled;
}

/** A YAML string: JSON's double-quoted form is valid YAML and escapes everything that needs it. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlList(random: Random, values: readonly string[]): string {
  return random.chance(0.5) ? `[${values.map(yamlString).join(", ")}]` : `\n${values.map((v) => `  - ${yamlString(v)}`).join("\n")}`;
}

function frontMatter(work: SyntheticWork, random: Random, statusInHeader: boolean): string {
  const lines: string[] = ["---", `title: ${yamlString(work.title)}`];
  const [author] = work.authors;
  lines.push(work.authors.length === 1 && author !== undefined ? `author: ${yamlString(author)}` : `authors: ${yamlList(random, work.authors)}`);
  const [fandom] = work.fandoms;
  lines.push(work.fandoms.length === 1 && fandom !== undefined && random.chance(0.7) ? `fandom: ${yamlString(fandom)}` : `fandoms: ${yamlList(random, work.fandoms)}`);
  if (work.rating !== "Not Rated" || random.chance(0.4)) lines.push(`rating: ${yamlString(ratingPhrase(random, work.rating))}`);
  if (work.warnings.join() !== DEFAULT_WARNING || random.chance(0.5)) lines.push(`warnings: ${yamlList(random, warningPhrases(random, work.warnings))}`);
  if (work.categories.length > 0) lines.push(`${work.categories.length > 1 ? "categories" : "category"}: ${yamlList(random, categoryPhrases(random, work.categories))}`);
  if (work.relationships.length > 0) lines.push(`relationships: ${yamlList(random, work.relationships)}`);
  if (work.characters.length > 0) lines.push(`characters: ${yamlList(random, work.characters)}`);
  if (work.freeforms.length > 0) lines.push(`tags: ${yamlList(random, work.freeforms)}`);
  if (work.summary) lines.push(`summary: ${yamlString(work.summary)}`);
  if (statusInHeader && work.status !== "unknown") {
    const [label, value] = statusLine(random, work.status, work.chapters.length);
    // YAML reads a bare yes or no as a boolean; the importer reads `complete: true` the same way.
    lines.push(`${label.toLowerCase()}: ${value === "yes" ? "true" : value === "no" ? "false" : yamlString(value)}`);
  }
  if (work.series) lines.push(`series: ${yamlString(work.series.part === null ? work.series.name : `Part ${work.series.part} of ${work.series.name}`)}`);
  if (random.chance(0.5)) lines.push(`published: ${yamlString(work.published)}`);
  if (random.chance(0.3)) lines.push(`words: ${work.wordCount}`);
  lines.push("---");
  return lines.join("\n");
}

// "# Title", "by Author", then "**Label:** value" lines, one paragraph, and a rule before the story.
function boldLabelHeader(work: SyntheticWork, random: Random, statusInHeader: boolean): string[] {
  const byline = work.authors.length === 1;
  const fields = headerFields(work, random, { titleAndAuthors: !byline, status: statusInHeader, summary: true, bareRating: false });
  const lines = fields.map((f) => `**${f.label}:** ${f.value}`);
  const top = byline ? [`# ${work.title}`, `by ${work.authors[0] ?? ""}`] : [];
  return [...top, lines.join("\n"), "* * *"];
}

/**
 * Markdown: YAML front matter with the preface's fields (the labels the importer reads), then each chapter under a
 * "## Chapter N: Title" heading, its summary, notes and end notes as labelled paragraphs, and its text converted
 * from the stored HTML by node-html-markdown (emphasis, links, lists and rules kept; Markdown's own characters
 * escaped).
 */
import { NodeHtmlMarkdown } from "node-html-markdown";
import { stringify } from "yaml";
import type { ExportedChapter, ExportedWork } from "./exported-work.js";
import { headerFields } from "./header-fields.js";
import { chapterHeading } from "./preface-fields.js";

const converter = new NodeHtmlMarkdown({ bulletMarker: "-", emDelimiter: "*", strongDelimiter: "**", keepDataImages: false, useLinkReferenceDefinitions: false });

export function writeMarkdown(work: ExportedWork): Buffer {
  const frontMatter: Record<string, string | string[]> = {};
  for (const { label, value } of headerFields(work)) frontMatter[label] = value;
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const parts = [`---\n${yaml}---`, ...work.chapters.map(chapterMarkdown)];
  if (work.status === "complete") parts.push("The End");
  return Buffer.from(`${parts.join("\n\n")}\n`, "utf8");
}

/** A labelled paragraph ("Notes: …"), as the importer finds notes in a chapter; the text's own paragraphs follow it. */
function labelled(label: string, text: string): string {
  return `${label}: ${escapeMarkdown(text)}`;
}

function chapterMarkdown(chapter: ExportedChapter): string {
  const blocks: string[] = [];
  if (chapter.opensWork) blocks.push(`# ${escapeMarkdown(chapter.opensWork.title)}`, `by ${escapeMarkdown(chapter.opensWork.authors.join(", "))}`);
  blocks.push(`## ${escapeMarkdown(chapterHeading(chapter.position, chapter.title))}`);
  if (chapter.summary) blocks.push(labelled("Chapter Summary", chapter.summary));
  if (chapter.notes) blocks.push(labelled("Notes", chapter.notes));
  blocks.push(converter.translate(chapter.html));
  if (chapter.endNotes) blocks.push(labelled("End Notes", chapter.endNotes));
  return blocks.join("\n\n");
}

/** Plain text (a title, a note) as Markdown that reads back as the same text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/gu, "\\$1").replace(/^(\s*)([-+]|\d+[.)])(\s)/gmu, "$1\\$2$3");
}

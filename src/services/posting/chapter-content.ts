/**
 * A chapter as the author typed it, made into what the library stores: safe HTML through the archive's allowlist
 * (user-html.ts), plain text from that HTML for the index and the word count, and the typed text kept for edits.
 */
import type { ChapterContent } from "../../db/repositories/posted-works.js";
import { chapterProblems, type FieldProblems } from "../../domain/posting-limits.js";
import type { ParsedChapter } from "../../domain/work.js";
import { countWords } from "../../domain/word-count.js";
import { htmlToText } from "../text/html-text.js";
import { userTextToHtml } from "../text/user-html.js";
import type { ChapterForm } from "./work-form.js";

export function blankToNull(text: string): string | null {
  const trimmed = text.replace(/\r\n?/gu, "\n").trim();
  return trimmed.length === 0 ? null : trimmed;
}

export function chapterContent(form: ChapterForm): ChapterContent {
  const html = userTextToHtml(form.text, form.format);
  const text = htmlToText(html);
  return {
    title: blankToNull(form.title), summary: blankToNull(form.summary), notes: blankToNull(form.notes), endNotes: blankToNull(form.endNotes),
    html, text, wordCount: countWords(text), source: form.text, sourceFormat: form.format,
  };
}

/**
 * The limits' problems with the chapter, and one more the limits cannot see: text that was all markup the archive
 * does not allow (a script, say) leaves nothing to show.
 */
export function chapterContentProblems(form: ChapterForm, content: ChapterContent, prefix: string): FieldProblems {
  const problems = chapterProblems(form, prefix);
  if (!problems[`${prefix}.text`] && content.html.trim().length === 0) {
    problems[`${prefix}.text`] = "Nothing of the chapter's text is left once the markup the archive does not allow is taken out.";
  }
  return problems;
}

/** The chapter as the store's ParsedChapter, numbered from 1. */
export function toParsedChapter(content: ChapterContent, number: number): ParsedChapter {
  return {
    number, title: content.title, summary: content.summary, notes: content.notes, endNotes: content.endNotes,
    wordCount: content.wordCount, text: content.text, html: content.html,
  };
}

/**
 * The format-neutral shape every importer reduces a story to before chapters, notes and end markers are found:
 * a sequence of paragraphs, headings and scene breaks.
 */
export type Block =
  | {
      kind: "paragraph";
      /** Plain text; line breaks inside the paragraph are `\n`. */
      text: string;
      /** The same paragraph as inline HTML: escaped text, `<br>`, and `INLINE_ELEMENTS` and `<a href>` only. */
      html: string;
      centered: boolean;
    }
  | { kind: "heading"; level: number; text: string; html: string }
  | { kind: "break"; evidence: string };

export type Paragraph = Extract<Block, { kind: "paragraph" }>;

/** The inline elements a block's HTML keeps from its source (besides links): emphasis and the like. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(["em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big", "cite", "code", "q", "abbr", "tt", "kbd", "var", "dfn"]);

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most runs of story text have nothing to escape; the rest have a few apostrophes or quotes, which five native
  // passes replace faster than one pass that calls back for each.
  if (!SPECIAL.test(text)) return text;
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

export function paragraph(text: string, html?: string, centered = false): Paragraph {
  return { kind: "paragraph", text, html: html ?? escapeHtml(text).replace(/\n/gu, "<br>"), centered };
}

export function blockText(block: Block): string {
  return block.kind === "break" ? "* * *" : block.text;
}

/** Whether a text has at most `words` words; cheap on a 50 MB paragraph, which it rejects by length first. */
export function hasAtMostWords(text: string, words: number): boolean {
  if (text.length > words * 40) return false;
  return text.split(/\s+/u).filter(Boolean).length <= words;
}

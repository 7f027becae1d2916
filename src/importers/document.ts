/**
 * The format-neutral shape every importer reduces a story to before chapters, notes and end markers are found:
 * a sequence of paragraphs, headings and scene breaks.
 */
export type Block =
  | {
      kind: "paragraph";
      /** Plain text; line breaks inside the paragraph are `\n`. */
      text: string;
      /** The same paragraph as inline HTML: escaped text, `<br>`, and allowlisted inline elements only. */
      html: string;
      centered: boolean;
    }
  | { kind: "heading"; level: number; text: string; html: string }
  | { kind: "break"; evidence: string };

export type Paragraph = Extract<Block, { kind: "paragraph" }>;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
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

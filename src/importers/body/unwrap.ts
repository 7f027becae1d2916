/**
 * Unwraps text hard-wrapped at a fixed width (FanFicFare's TXT output and mailing-list posts break lines at 70–80
 * columns): when most lines of multi-line paragraphs end near one column, those line breaks become spaces. Lines
 * that stop well short of the width (verse, letters, lists) keep their breaks.
 */
import type { Block } from "../document.js";

export function unwrapHardWrapped(blocks: readonly Block[]): Block[] {
  const width = detectWrapWidth(blocks);
  if (width === null) return [...blocks];
  return blocks.map((block) => {
    if (block.kind !== "paragraph" || !block.text.includes("\n")) return block;
    const lines = block.text.split("\n");
    const htmlLines = block.html.split("<br>");
    const joinsAfter = lines.map((line, k) => k < lines.length - 1 && line.length >= width - 15);
    const join = (parts: readonly string[], separator: string) =>
      parts.reduce((out, part, k) => (k === 0 ? part : `${out}${joinsAfter[k - 1] ? " " : separator}${part}`), "");
    // The HTML follows the text line for line; if it does not (unusual markup), its breaks are left alone.
    const html = htmlLines.length === lines.length ? join(htmlLines, "<br>") : block.html;
    return { ...block, text: join(lines, "\n"), html };
  });
}

// Evidence from several paragraphs, and a width prose is wrapped at: a single stanza of verse, whose lines are
// short and of one length, must not pass for wrapped prose.
function detectWrapWidth(blocks: readonly Block[]): number | null {
  const lengths: number[] = [];
  let paragraphs = 0;
  for (const block of blocks) {
    if (block.kind !== "paragraph" || !block.text.includes("\n")) continue;
    const lines = block.text.split("\n");
    paragraphs += 1;
    for (let i = 0; i < lines.length - 1; i += 1) lengths.push(lines[i]?.length ?? 0);
    if (lengths.length > 2000) break;
  }
  if (lengths.length < 5 || paragraphs < 3) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  if (width < 55 || width > 100) return null;
  const nearWidth = lengths.filter((l) => l >= width - 20).length;
  return nearWidth >= lengths.length * 0.7 ? width : null;
}

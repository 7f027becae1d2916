/**
 * Plain text to blocks. Handles the three paragraph conventions of legacy text files: blank lines between
 * paragraphs, one paragraph per (long) line, and indented first lines. Line breaks inside a paragraph are kept
 * here; `unwrapHardWrapped` removes the ones a fixed wrap width put there, once the header has been read.
 */
import { paragraph, type Block } from "../document.js";
import { isSceneBreakLine } from "../body/scene-breaks.js";

export function textToBlocks(text: string): Block[] {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const paragraphs = groupParagraphs(lines);
  const blocks: Block[] = [];
  for (const group of paragraphs) {
    let current: string[] = [];
    const flush = () => {
      if (current.length > 0) blocks.push(paragraph(current.join("\n")));
      current = [];
    };
    for (const line of group) {
      if (isSceneBreakLine(line)) {
        flush();
        blocks.push({ kind: "break", evidence: line.trim() });
      } else {
        current.push(line);
      }
    }
    flush();
  }
  return blocks;
}

function groupParagraphs(lines: readonly string[]): string[][] {
  const nonEmpty = lines.filter((l) => l.trim().length > 0);
  const blankSeparated = lines.length - nonEmpty.length >= nonEmpty.length * 0.15;
  const indented = !blankSeparated && nonEmpty.filter((l) => /^(?:\t| {2,})\S/u.test(l)).length >= nonEmpty.length * 0.15;
  const groups: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  for (const line of lines) {
    if (line.trim().length === 0) {
      flush();
      continue;
    }
    // Without blank lines, either every line is a paragraph or an indented line starts one.
    if (!blankSeparated && (!indented || /^(?:\t| {2,})\S/u.test(line))) flush();
    current.push(line.trim());
  }
  flush();
  return groups;
}

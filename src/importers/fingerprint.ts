/**
 * A story's fingerprint: a hash of its chapters' text alone, folded to lower-case letters and digits. Headers,
 * notes, markup, encoding, line ends, spacing and where the chapters break do not change it, so the same story saved as text and as HTML,
 * or under two file names, has one fingerprint; any change to the words makes another.
 */
import { createHash } from "node:crypto";
import type { ParsedChapter } from "../domain/work.js";

export function storyFingerprint(chapters: readonly Pick<ParsedChapter, "text">[]): string {
  const hash = createHash("sha256");
  // Chapter boundaries do not count: one format's reader may find headings another's does not.
  for (const chapter of chapters) {
    // NFKC is costly and changes nothing in ASCII, which most stories are.
    const text = /[\u0080-\uffff]/u.test(chapter.text) ? chapter.text.normalize("NFKC") : chapter.text;
    hash.update(lettersAndDigits(text.toLowerCase()));
  }
  return hash.digest("hex");
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// For each BMP code unit: 0 not yet known, 1 a letter or digit, 2 neither.
const bmpClasses = new Uint8Array(0x10000);

function isLetterOrDigit(point: number): boolean {
  if (point > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(point));
  let known = bmpClasses[point] ?? 0;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? 1 : 2;
    bmpClasses[point] = known;
  }
  return known === 1;
}

/**
 * `text.replace(/[^\p{L}\p{N}]+/gu, "")`, by a scan that keeps the runs of letters and digits: the expression,
 * which replaces every space and punctuation run of a long story, cost ten times the rest of the fingerprint.
 */
export function lettersAndDigits(text: string): string {
  let kept = "";
  let runStart = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let keep: boolean;
    if (code < 128) {
      keep = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    } else {
      const point = text.codePointAt(i) ?? code;
      if (point > 0xffff) width = 2;
      keep = isLetterOrDigit(point);
    }
    if (keep && runStart < 0) runStart = i;
    if (!keep && runStart >= 0) {
      kept += text.slice(runStart, i);
      runStart = -1;
    }
    i += width;
  }
  return runStart >= 0 ? kept + text.slice(runStart) : kept;
}

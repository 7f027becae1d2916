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
    hash.update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
  }
  return hash.digest("hex");
}

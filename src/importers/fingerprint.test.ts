import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lettersAndDigits, storyFingerprint } from "./fingerprint.js";

// The fingerprint as first written, with the expression the scan replaces.
function reference(chapters: readonly { text: string }[]): string {
  const hash = createHash("sha256");
  for (const chapter of chapters) {
    const text = /[\u0080-\uffff]/u.test(chapter.text) ? chapter.text.normalize("NFKC") : chapter.text;
    hash.update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
  }
  return hash.digest("hex");
}

describe("lettersAndDigits", () => {
  it("keeps what /[\\p{L}\\p{N}]/u matches, code point by code point", () => {
    let state = 41;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const pieces = ["Don't", " ", "—", "café", "e\u0301", "ΟΔΟΣ", "Привет", "你好", "١٢٣", "½", "Ⅻ", "😀", "\u{20000}", "\ud800", "\udc00", "x\ud83d", "ǅ", "ﬁ", "\u00a0", "…", "_", "42"];
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: next(30) }, () => (next(4) ? (pieces[next(pieces.length)] ?? "") : String.fromCodePoint(next(0x30000)))).join(""));
    expect(texts.filter((text) => lettersAndDigits(text) !== text.replace(/[^\p{L}\p{N}]+/gu, ""))).toEqual([]);
  });
});

describe("storyFingerprint", () => {
  it("is the hash it always was", () => {
    const chapters = [{ text: "Chapter text, with “quotes”… and ΟΔΟΣ Σa.\n\nSecond paragraph: ﬁne ½ Ⅻ." }, { text: "plain ascii only" }, { text: "" }];
    expect(storyFingerprint(chapters)).toBe(reference(chapters));
  });

  it("ignores case, spacing, punctuation and where chapters break", () => {
    expect(storyFingerprint([{ text: "The End. Fin!" }])).toBe(storyFingerprint([{ text: "the end" }, { text: "  fin" }]));
  });
});

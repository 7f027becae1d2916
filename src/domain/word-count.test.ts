import { describe, expect, it } from "vitest";
import { countWords } from "./word-count.js";

describe("countWords", () => {
  it.each<[string, string, number]>([
    ["empty string", "", 0],
    ["only whitespace and punctuation", "  \n\t ... !? — ", 0],
    ["plain ASCII", "The quick brown fox jumps over the lazy dog.", 9],
    ["line breaks and tabs separate words", "one\ntwo\tthree\n\nfour", 4],
    ["hyphenated words are one word", "a well-known, long-awaited end", 4],
    ["a straight apostrophe does not split", "don't you're it's", 3],
    ["a curly apostrophe does not split", "Don’t stop, she’d said", 4],
    ["a left single quote is dropped too", "‘Rock ’n’ roll’", 3],
    ["em dashes separate words", "Wait—no—stop", 3],
    ["en dashes separate words", "pages 10–12", 3],
    ["digits count as words", "In 1999 there were 42 of them", 7],
    ["underscores join words", "snake_case_name here", 2],
    ["accented Latin letters are word characters", "Él comió café en la île", 6],
    ["German umlauts and ß", "Die Straße führt über Brücken", 5],
    ["Cyrillic words", "Привет мир", 2],
    ["Japanese counts per character", "東京タワー", 5],
    ["Japanese with kana and punctuation", "わたしは、猫です。", 7],
    ["Chinese counts per character", "我爱你", 3],
    ["Thai counts per character", "สวัสดี", 6],
    ["mixed Latin and Han", "tower東京", 3],
    ["Han then Latin", "東京tower", 3],
    ["Latin word resumes after Han", "a東b", 3],
    ["Chinese Han outside the BMP counts once per character", "𠀀𠀁", 2],
  ])("%s", (_label, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it("counts the documented example as five words", () => {
    expect(countWords("Don't stop—the well-known end.")).toBe(5);
  });

  it("counts Latin letters with diacritics and general punctuation as their Unicode classes say", () => {
    const word = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
    const ranges: [number, number][] = [[0xa0, 0x2af], [0x1fff, 0x2070]];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code += 1) {
        const character = String.fromCodePoint(code);
        if (code === 0x2018 || code === 0x2019) continue;
        // "x?y" is one word when ? is a word character, two when it is not.
        expect(countWords(`x${character}y`), `U+${code.toString(16)}`).toBe(word.test(character) ? 1 : 2);
      }
    }
  });
  it("counts as the Archive's expressions count, on text of every script", () => {
    // test/fixtures/parse/README.md: the reference the single pass must agree with.
    const perCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
    const reference = (text: string) => {
      const cleaned = text.replace(/['’‘-]/gu, "");
      return (cleaned.match(perCharacter) ?? []).length + (cleaned.replace(perCharacter, " ").match(/[\p{L}\p{M}\p{N}\p{Pc}]+/gu) ?? []).length;
    };
    let state = 23;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const pieces = ["word", " ", "-", "’", "東京", "タワー", "สวัสดี", "Привет", "ΟΔΟΣ", "e\u0301", "١٢٣", "‿", "😀", "\u{20000}", "\ud800", ".", "Don't"];
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: next(40) }, () => (next(3) ? (pieces[next(pieces.length)] ?? "") : String.fromCodePoint(next(0x30000)))).join(""));
    // Twice: the second time, every character's kind is already known.
    for (let round = 0; round < 2; round += 1) expect(texts.filter((text) => countWords(text) !== reference(text))).toEqual([]);
  });
});

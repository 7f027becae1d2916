import { describe, expect, it } from "vitest";
import { starterVocabulary, vocabularyProblems, parseVocabularyFile } from "./starter-vocabulary.js";

describe("the starter vocabulary", () => {
  it("loads, validates and is consistent", () => {
    const vocabulary = starterVocabulary();
    expect(vocabularyProblems(vocabulary)).toEqual([]);
    expect(vocabulary.fandoms.length).toBeGreaterThan(0);
  });
});

describe("vocabularyProblems", () => {
  it("reports a synonym two tags claim, an unknown fandom and an unknown member", () => {
    const file = parseVocabularyFile(
      `fandoms:
  - { name: "A (TV)", synonyms: [A] }
  - { name: "B (TV)", synonyms: [a] }
characters:
  - { name: Ann, fandoms: ["C (TV)"], gender: female }
relationships:
  - { members: [Ann, Bob], kind: romantic }
`,
      "test.yaml",
    );
    expect(vocabularyProblems(file)).toEqual([
      'fandom "a" (a synonym of "B (TV)") is already taken by "A (TV)"',
      'character "Ann": fandom "C (TV)" is not in the vocabulary',
      'relationship "Ann/Bob": "Bob" is not a character of the vocabulary',
    ]);
  });

  it("names the file and field of a malformed entry", () => {
    expect(() => parseVocabularyFile("characters:\n  - { name: Ann, fandoms: [], gender: female }\n", "bad.yaml")).toThrow(/^bad\.yaml: characters\.0\.fandoms/u);
  });
});

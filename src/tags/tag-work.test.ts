import { describe, expect, it } from "vitest";
import { parsedWork } from "../../test/factories.js";
import { parseVocabularyFile } from "./starter-vocabulary.js";
import { tagWork } from "./tag-work.js";
import { Vocabulary } from "./vocabulary.js";

const vocabulary = new Vocabulary(
  parseVocabularyFile(
    `fandoms:
  - { name: Buffy the Vampire Slayer (TV), synonyms: [BtVS], creators: [Joss Whedon, Mutant Enemy], places: [Sunnydale, Hellmouth] }
  - { name: "Angel: the Series", synonyms: [AtS], creators: [Joss Whedon], places: [Wolfram & Hart] }
  - { name: Supernatural (TV 2005), synonyms: [SPN] }
  - { name: Stargate SG-1, synonyms: [SG-1] }
characters:
  - { name: Buffy Summers, fandoms: [Buffy the Vampire Slayer (TV), "Angel: the Series"], gender: female, synonyms: [Buffy], mentions: [Buffy] }
  - { name: Spike (Buffy the Vampire Slayer), fandoms: [Buffy the Vampire Slayer (TV), "Angel: the Series"], gender: male, synonyms: [William the Bloody], mentions: [Spike] }
  - { name: Dawn Summers, fandoms: [Buffy the Vampire Slayer (TV)], gender: female, mentions: [Dawnie], ambiguousMentions: [Dawn] }
  - { name: Willow Rosenberg, fandoms: [Buffy the Vampire Slayer (TV)], gender: female, synonyms: [Willow], mentions: [Willow, Wills] }
  - { name: "Winifred \\"Fred\\" Burkle", fandoms: ["Angel: the Series"], gender: female, synonyms: [Fred Burkle], mentions: [Fred] }
  - { name: Wesley Wyndam-Pryce, fandoms: ["Angel: the Series", Buffy the Vampire Slayer (TV)], gender: male, synonyms: [Wes], mentions: [Wesley, Wes] }
  - { name: Dean Winchester, fandoms: [Supernatural (TV 2005)], gender: male, mentions: [Dean] }
  - { name: Sam Winchester, fandoms: [Supernatural (TV 2005)], gender: male, mentions: [Sam, Sammy] }
  - { name: Samantha Carter, fandoms: [Stargate SG-1], gender: female, mentions: [Sam, Carter] }
  - { name: Jack O'Neill, fandoms: [Stargate SG-1], gender: male, mentions: [Jack, O'Neill] }
relationships:
  - { members: [Buffy Summers, Spike (Buffy the Vampire Slayer)], kind: romantic, shipNames: [Spuffy], synonyms: [Spike/Buffy] }
  - { members: [Buffy Summers, Dawn Summers], kind: platonic }
freeforms:
  - { name: Alternate Universe, synonyms: [AU] }
`,
    "test vocabulary",
  ),
);

/** Prose naming each character the given number of times, a sentence each, mid-sentence. */
function prose(names: Record<string, number>): string {
  const sentences = Object.entries(names).flatMap(([name, n]) => Array.from({ length: n }, (_, i) => `Later that night ${name} walked on for the ${i + 1}th time.`));
  return sentences.join(" ");
}

describe("tagWork on a work without headers", () => {
  const work = tagWork(parsedWork({ chapters: [`${prose({ Buffy: 12, Spike: 9, Dawnie: 3, Willow: 1 })} They patrolled Sunnydale.`] }), vocabulary);

  it("infers the fandom and the characters named more than in passing, with evidence", () => {
    expect(work.fandoms).toEqual(["Buffy the Vampire Slayer (TV)"]);
    expect(work.characters).toEqual(["Buffy Summers", "Spike (Buffy the Vampire Slayer)", "Dawn Summers"]);
    expect(work.provenance.characters?.source).toBe("inferred");
    expect(work.inferred.find((v) => v.value === "Spike (Buffy the Vampire Slayer)")).toMatchObject({ field: "characters", evidence: "named Spike ×9" });
    expect(work.inferred.find((v) => v.field === "fandoms")?.evidence).toMatch(/Buffy ×12.*places: Sunnydale ×1/u);
  });

  it("suggests a rating where none was stated, keeping ratingRaw null", () => {
    expect(work.rating).toBe("General Audiences");
    expect(work.ratingRaw).toBeNull();
    expect(work.provenance.rating?.source).toBe("inferred");
  });
});

describe("tagWork", () => {
  it("infers no category from a romance between characters it does not know, rather than Gen", () => {
    const work = tagWork(parsedWork({ relationships: ["Tamsin Oake/Corvin Hale"], characters: ["Tamsin Oake", "Corvin Hale"], chapters: ["Tamsin mended the map while Corvin watched."] }), vocabulary);
    expect(work.categories).toEqual([]);
    const friends = tagWork(parsedWork({ relationships: ["Tamsin Oake & Corvin Hale"], characters: ["Tamsin Oake", "Corvin Hale"], chapters: ["Tamsin mended the map while Corvin watched."] }), vocabulary);
    expect(friends.categories).toEqual(["Gen"]);
  });

  it("reads fanfiction.net's first names with an initial as the characters they abbreviate", () => {
    const work = tagWork(parsedWork({ fandoms: ["BtVS"], characters: ["Buffy S.", "Dawn S.", "Willow R.", "Willow Q."], relationships: ["Buffy S./Spike"], chapters: [prose({ Buffy: 3 })] }), vocabulary);
    expect(work.characters).toEqual(["Buffy Summers", "Dawn Summers", "Willow Rosenberg", "Willow Q.", "Spike (Buffy the Vampire Slayer)"]);
    expect(work.relationships).toEqual(["Buffy Summers/Spike (Buffy the Vampire Slayer)"]);
  });

  it("does not count a name that is also a word at a sentence's start", () => {
    const text = `${"Dawn broke over the hills. ".repeat(6)}${prose({ Buffy: 8 })}`;
    expect(tagWork(parsedWork({ chapters: [text] }), vocabulary).characters).toEqual(["Buffy Summers"]);
    const midSentence = `${"She watched Dawn sleep. ".repeat(6)}${prose({ Buffy: 8 })}`;
    expect(tagWork(parsedWork({ chapters: [midSentence] }), vocabulary).characters).toContain("Dawn Summers");
  });

  it("resolves stated tags to canonical ones: fandom synonyms, pairings by member, initials, freeforms", () => {
    const work = tagWork(
      parsedWork({
        fandoms: ["BtVS"],
        relationships: ["Spike/Buffy", "Dawn & Buffy", "S/W"],
        characters: ["Willow"],
        freeforms: ["AU"],
        chapters: [prose({ Buffy: 10, Spike: 6, Willow: 4, Dawnie: 2 })],
      }),
      vocabulary,
    );
    expect(work.fandoms).toEqual(["Buffy the Vampire Slayer (TV)"]);
    expect(work.relationships).toEqual(["Buffy Summers/Spike (Buffy the Vampire Slayer)", "Buffy Summers & Dawn Summers", "Spike (Buffy the Vampire Slayer)/Willow Rosenberg"]);
    expect(work.characters.slice(0, 1)).toEqual(["Willow Rosenberg"]);
    expect(work.freeforms).toEqual(["Alternate Universe"]);
    expect(work.categories).toEqual(["F/M"]);
  });

  it("finds a ship name in the summary and tags its members and category", () => {
    const work = tagWork(parsedWork({ summary: "Patrol, banter, and some spuffy undertones.", chapters: [prose({ Buffy: 5 })] }), vocabulary);
    expect(work.relationships).toEqual(["Buffy Summers/Spike (Buffy the Vampire Slayer)"]);
    expect(work.inferred.find((v) => v.field === "relationships")?.evidence).toBe('ship name "spuffy undertones" in the summary');
    expect(work.characters).toContain("Spike (Buffy the Vampire Slayer)");
    expect(work.categories).toEqual(["F/M"]);
  });

  it("reads X/Y in a summary as a relationship of the work's characters", () => {
    const work = tagWork(parsedWork({ summary: "Willow/Buffy, after the war.", chapters: [prose({ Buffy: 6, Willow: 6 })] }), vocabulary);
    expect(work.relationships).toEqual(["Buffy Summers/Willow Rosenberg"]);
    expect(work.categories).toEqual(["F/F"]);
  });

  it("detects a crossover when prominent characters of another fandom appear", () => {
    const work = tagWork(parsedWork({ fandoms: ["BtVS"], chapters: [prose({ Buffy: 15, Willow: 8, Fred: 9, Wesley: 7 })] }), vocabulary);
    expect(work.fandoms).toEqual(["Buffy the Vampire Slayer (TV)", "Angel: the Series"]);
    expect(work.inferred.find((v) => v.field === "fandoms")?.evidence).toContain('Winifred "Fred" Burkle ×9, Wesley Wyndam-Pryce ×7');
    expect(work.characters).toContain('Winifred "Fred" Burkle');
  });

  it("does not call a cameo a crossover", () => {
    const work = tagWork(parsedWork({ fandoms: ["BtVS"], chapters: [prose({ Buffy: 15, Willow: 8, Fred: 2 })] }), vocabulary);
    expect(work.fandoms).toEqual(["Buffy the Vampire Slayer (TV)"]);
  });

  it("reads a name several fandoms share through the fandom the rest of the text shows", () => {
    const spn = tagWork(parsedWork({ chapters: [prose({ Dean: 10, Sam: 8 })] }), vocabulary);
    expect(spn.fandoms).toEqual(["Supernatural (TV 2005)"]);
    expect(spn.characters).toEqual(["Dean Winchester", "Sam Winchester"]);
    const sg1 = tagWork(parsedWork({ chapters: [prose({ Jack: 10, Sam: 8, Carter: 3 })] }), vocabulary);
    expect(sg1.fandoms).toEqual(["Stargate SG-1"]);
    expect(sg1.characters).toEqual(["Samantha Carter", "Jack O'Neill"]);
  });

  it("names a first-person narrator who says who they are", () => {
    const text = `My name is Dawn and I hate patrol. I told Buffy so. I think I said it twice. ${prose({ Buffy: 6 })} I went home.`;
    const work = tagWork(parsedWork({ chapters: [text] }), vocabulary);
    expect(work.characters).toContain("Dawn Summers");
    expect(work.inferred.find((v) => v.value === "Dawn Summers")?.evidence).toBe('first-person narrator: "name is Dawn"');
  });

  it("keeps a stated rating", () => {
    const work = tagWork(parsedWork({ rating: "Mature", ratingRaw: "R", provenance: { rating: { source: "header", evidence: "Rating: R", confidence: 1 } }, chapters: [prose({ Buffy: 3 })] }), vocabulary);
    expect(work.rating).toBe("Mature");
    expect(work.inferred.some((v) => v.field === "rating")).toBe(false);
  });

  it("counts the creators a disclaimer names toward their fandom", () => {
    const named = tagWork(parsedWork({ disclaimer: "All belongs to Joss Whedon and Mutant Enemy.", chapters: [prose({ Buffy: 1 })] }), vocabulary);
    expect(named.fandoms).toEqual(["Buffy the Vampire Slayer (TV)"]);
    expect(named.inferred.find((v) => v.field === "fandoms")?.evidence).toContain("disclaimer names Joss Whedon, Mutant Enemy");
    expect(tagWork(parsedWork({ chapters: [prose({ Buffy: 1 })] }), vocabulary).fandoms).toEqual([]);
  });

  it("leaves names the vocabulary does not know as written, and infers nothing from nothing", () => {
    const work = tagWork(parsedWork({ fandoms: ["Firefly"], characters: ["Mal Reynolds"], relationships: ["Mal/Inara"], chapters: ["The ship was quiet."] }), vocabulary);
    expect(work.fandoms).toEqual(["Firefly"]);
    expect(work.characters).toEqual(["Mal Reynolds"]);
    expect(work.relationships).toEqual(["Mal/Inara"]);
  });
});

describe("tagWork with a fandom under a meta tag", () => {
  const file = parseVocabularyFile(
    `fandoms:
  - { name: Good Omens - Neil Gaiman & Terry Pratchett, synonyms: [Good Omens] }
  - { name: Good Omens (TV), metaTags: [Good Omens - Neil Gaiman & Terry Pratchett] }
  - { name: Supernatural (TV 2005) }
characters:
  - { name: Crowley (Supernatural), fandoms: [Supernatural (TV 2005)], gender: male, mentions: [Crowley] }
  - { name: Dean Winchester, fandoms: [Supernatural (TV 2005)], gender: male, mentions: [Dean] }
  - { name: Crowley (Good Omens), fandoms: [Good Omens (TV), Good Omens - Neil Gaiman & Terry Pratchett], gender: male, mentions: [Crowley] }
  - { name: Adam Young (Good Omens), fandoms: [Good Omens (TV), Good Omens - Neil Gaiman & Terry Pratchett], gender: male, mentions: [Adam] }
`,
    "meta vocabulary",
  );
  const work = parsedWork({ fandoms: ["Good Omens"], relationships: ["Adam Young/Crowley"], chapters: [prose({ Crowley: 20, Adam: 3, Dean: 6 })] });

  // A Dean cameo alone is no crossover; Crowley, who may be Supernatural's, must not make it one.
  it("reads a character at home in the TV fandom as explained by the book's, whatever order the vocabulary lists them in", () => {
    for (const characters of [file.characters, [...file.characters].reverse()]) {
      const tagged = tagWork(work, new Vocabulary({ ...file, characters }));
      expect(tagged.fandoms).toEqual(["Good Omens - Neil Gaiman & Terry Pratchett"]);
      expect(tagged.relationships).toEqual(["Adam Young (Good Omens)/Crowley (Good Omens)"]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { candidatePairs } from "./lsh.js";
import { decodeSignature, encodeSignature, estimatedJaccard, minHashSignature, SIGNATURE_SIZE } from "./minhash.js";
import { groupPairs, isNearDuplicate, likelyPairs, MIN_JACCARD, type SignedStory } from "./near-duplicates.js";
import { normaliseStoryText, storyShingles } from "./shingles.js";
import { compareShingles, containmentAt } from "./similarity.js";

// Original fixture prose: two chapters of one story, and an unrelated story.
const CHAPTER_ONE = `The ferry to Hollin Island ran twice a week, and Marguerite had missed the Tuesday one by the length of a
rope. She stood on the quay with her suitcase and watched the boat shrink into the grey water until it was only a
smudge of smoke above the waves. "Thursday," said the harbourmaster, who had come out of his hut to see what the
shouting was about. "Unless the weather turns, in which case Friday, or perhaps the week after."

She found a room above the chandler's shop, where the landlady kept eleven cats and a parrot that could whistle the
first bar of a hymn but never the second. The bed sagged in the middle like a hammock. From the window she could see
the lighthouse on the point, its lamp turning slowly even in daylight, as if it did not trust the sun to do the job.

On the second morning she walked out along the breakwater and counted the fishing boats. There were nine, all painted
blue, all named for saints she had never heard of. An old man mending nets told her that the tenth had gone down in
the spring storm, and that nobody spoke its name any more, not even the priest.`;

const CHAPTER_TWO = `Thursday came with a wind from the north that flattened the grass on the headland and sent the gulls
inland to sulk on the chapel roof. The ferry did not come. Marguerite sat in the chandler's back room drinking tea
that tasted of tar and listened to the landlady explain, at length, the difference between a gale and a proper storm.

By Friday the wind had dropped. The ferry came in low and late, its captain shouting at the deckhands as they threw
the ropes, and Marguerite was the only passenger to board. She looked back once at the lighthouse. Its lamp had
stopped turning, and for a moment she thought she saw someone standing in the gallery, waving, though the keeper had
been dead for thirty years.`;

const UNRELATED = `Professor Anselm kept his bees on the roof of the natural history museum, against every regulation the
trustees had ever written. Each June he carried the frames down the back stairs in a laundry basket and extracted the
honey in the taxidermy workshop, among the half-finished foxes and a heron with one glass eye. The curators pretended
not to notice, because every Christmas a jar appeared on each of their desks, labelled in his spidery hand with the
names of the flowers the bees had visited: lime, bramble, the chestnut in the cemetery, the lavender outside the
magistrates' court. The year the trustees finally found out, they held a meeting about it that lasted four hours and
ended with a vote to commission a plaque.`;

/** The story as another archive might have kept it: curly quotes, re-wrapped lines, HTML paragraphs, shouting case. */
function asAnotherArchive(text: string): string {
  const paragraphs = text.split(/\n\n/u).map((p) => p.replace(/\s+/gu, " ").replace(/"([^"]*)"/gu, "\u201c$1\u201d").replace(/'/gu, "\u2019"));
  return paragraphs.map((p) => `<p>${p.replace(/(.{60}\S*) /gu, "$1\r\n")}</p>`).join("\n").replace(/Marguerite/gu, "MARGUERITE");
}

function signed(chapters: readonly string[]): SignedStory & { set: Uint32Array } {
  const set = storyShingles(chapters);
  return { set, signature: minHashSignature(set), shingles: set.length };
}

describe("story shingles", () => {
  it("are the same for the same story however it is wrapped, quoted, marked up or cased", () => {
    expect(storyShingles([asAnotherArchive(CHAPTER_ONE)])).toEqual(storyShingles([CHAPTER_ONE]));
  });

  it("do not depend on where the chapters break", () => {
    expect(storyShingles([CHAPTER_ONE, CHAPTER_TWO])).toEqual(storyShingles([`${CHAPTER_ONE}\n\n${CHAPTER_TWO}`]));
  });

  it("fold apostrophes, entities and compatibility forms", () => {
    expect(storyShingles(["She didn\u2019t know the &amp; \uff21nswer at all"])).toEqual(storyShingles(["she didnt know the answer at all"]));
    expect(normaliseStoryText("<b>Bold</b> &eacute; \ufb01ne")).toBe(" bold    fine");
  });

  it("change only the shingles around a changed word", () => {
    const before = storyShingles([CHAPTER_ONE]);
    const after = storyShingles([CHAPTER_ONE.replace("eleven cats", "twelve cats")]);
    const { jaccard } = compareShingles(before, after);
    const shared = Math.round((jaccard * (before.length + after.length)) / (1 + jaccard));
    expect(before.length - shared).toBe(5);
  });

  it("make one shingle of a story shorter than a shingle, and none of a story without words", () => {
    expect(storyShingles(["The lamp went out."])).toHaveLength(1);
    expect(storyShingles(["The lamp", "went out."])).toEqual(storyShingles(["the LAMP went out"]));
    expect(storyShingles(["", " * * * "])).toHaveLength(0);
  });

  it("are sorted and distinct", () => {
    const set = storyShingles([`${CHAPTER_ONE} ${CHAPTER_ONE}`]);
    // The text twice over: its own shingles once, and the four across the join.
    expect(set).toHaveLength(storyShingles([CHAPTER_ONE]).length + 4);
    expect([...set].every((x, i) => i === 0 || x > (set[i - 1] ?? 0))).toBe(true);
  });

  it("are sorted and distinct for a long story too, sorted another way", () => {
    // 6,000 words each once, then the first 1,000 again: 5,996 shingles, then repeats.
    const words = Array.from({ length: 6000 }, (_, i) => `word${(i * 7919) % 100_003}`);
    const set = storyShingles([[...words, ...words.slice(0, 1000)].join(" ")]);
    expect(set).toHaveLength(5996 + 4);
    expect([...set].every((x, i) => i === 0 || x > (set[i - 1] ?? 0))).toBe(true);
  });
});

describe("minhash signatures", () => {
  it("estimate Jaccard similarity within the estimate's error", () => {
    const whole = storyShingles([CHAPTER_ONE, CHAPTER_TWO]);
    const first = storyShingles([CHAPTER_ONE]);
    const exact = compareShingles(whole, first).jaccard;
    expect(exact).toBeGreaterThan(0.5);
    expect(exact).toBeLessThan(0.7);
    expect(Math.abs(estimatedJaccard(minHashSignature(whole), minHashSignature(first)) - exact)).toBeLessThan(0.15);
    expect(estimatedJaccard(minHashSignature(first), minHashSignature(storyShingles([UNRELATED])))).toBeLessThan(0.1);
  });

  it("agree in every bin for the same set, short ones included", () => {
    const short = storyShingles(["A heron with one glass eye watched the door."]);
    expect(estimatedJaccard(minHashSignature(short), minHashSignature(Uint32Array.from(short)))).toBe(1);
    expect(estimatedJaccard(minHashSignature(short), minHashSignature(storyShingles(["A heron with one glass eye watched the window."])))).toBeLessThan(0.9);
  });

  it("round-trip through their stored text", () => {
    const signature = minHashSignature(storyShingles([UNRELATED]));
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
    expect(encodeSignature(signature)).toHaveLength(Math.ceil((SIGNATURE_SIZE * 4) / 3) * 4);
    expect(() => decodeSignature("AAAA")).toThrow(/512 bytes/u);
  });
});

describe("exact similarity", () => {
  it("counts Jaccard similarity and the shorter set's containment", () => {
    expect(compareShingles(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(2, 3))).toEqual({ jaccard: 0.5, containment: 1 });
    expect(compareShingles(Uint32Array.of(1, 5), Uint32Array.of(2, 3, 5))).toEqual({ jaccard: 0.25, containment: 0.5 });
    expect(compareShingles(Uint32Array.of(), Uint32Array.of(2))).toEqual({ jaccard: 0, containment: 0 });
  });

  it("reads containment from Jaccard similarity and sizes", () => {
    expect(containmentAt(0.5, 100, 50)).toBeCloseTo(1);
    expect(containmentAt(0.25, 100, 100)).toBeCloseTo(0.4);
    expect(containmentAt(0.9, 0, 10)).toBe(0);
  });
});

describe("near-duplicates", () => {
  const original = signed([CHAPTER_ONE]);
  const reformatted = signed([asAnotherArchive(CHAPTER_ONE)]);
  const longer = signed([CHAPTER_ONE, CHAPTER_TWO]);
  const typos = signed([CHAPTER_ONE.replace("harbourmaster", "harbormaster").replace("hammock", "hamock").replace("saints", "saint")]);
  const noted = signed([`A/N: Thanks to my beta, who caught all the commas. This one is for the island.\n\n${CHAPTER_ONE}`]);
  const unrelated = signed([UNRELATED]);
  const stories = [original, reformatted, longer, typos, noted, unrelated];

  it("pairs every copy and version of the story, and never the unrelated one", () => {
    const pairs = likelyPairs(stories).filter((p) => isNearDuplicate(compareShingles(stories[p.a]?.set ?? new Uint32Array(), stories[p.b]?.set ?? new Uint32Array())));
    expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(["0-1", "0-2", "0-3", "0-4", "1-2", "1-3", "1-4", "2-3", "2-4", "3-4"]);
    expect(groupPairs(pairs)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it("tells a longer version by containment: the whole first chapter is in it, though Jaccard is lower", () => {
    const similarity = compareShingles(original.set, longer.set);
    expect(similarity.containment).toBe(1);
    expect(similarity.jaccard).toBeLessThan(0.7);
    expect(isNearDuplicate(similarity)).toBe(true);
    expect(isNearDuplicate(similarity, 1)).toBe(true);
    expect(isNearDuplicate({ containment: 1, jaccard: MIN_JACCARD - 0.01 })).toBe(false);
    expect(isNearDuplicate(compareShingles(original.set, typos.set), 0.99)).toBe(false);
  });

  it("leaves stories without words out of every candidate pair", () => {
    const empty = signed([""]);
    expect(candidatePairs([empty.signature, empty.signature, original.signature], () => true)).toEqual([]);
  });
});

describe("groupPairs", () => {
  it("joins pairs that share a member", () => {
    expect(groupPairs([{ a: 3, b: 1 }, { a: 1, b: 2 }, { a: 7, b: 9 }])).toEqual([[1, 2, 3], [7, 9]]);
    expect(groupPairs([{ a: 5, b: 6 }, { a: 1, b: 2 }, { a: 6, b: 2 }])).toEqual([[1, 2, 5, 6]]);
    expect(groupPairs([])).toEqual([]);
  });
});

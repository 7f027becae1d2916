import { describe, expect, it } from "vitest";
import type { ArchiveWarning } from "../../domain/warnings.js";
import { suggestRating } from "./rating-suggestion.js";

// Gentle sentences with no counted term in them, cycled to any length: the quiet bulk of a long story.
const FILLER_SENTENCES = [
  "The garden was quiet in the early morning light.",
  "Anna watered the roses and counted the bees along the fence.",
  "Her grandmother poured tea into the blue cups and smiled.",
  "A grey cat slept on the warm windowsill above the sink.",
  "They talked about books, the weather and the village fair.",
];

/** About `words` words of filler, in paragraphs of five sentences. */
function filler(words: number): string {
  const sentences: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const sentence = FILLER_SENTENCES[i % FILLER_SENTENCES.length] ?? "";
    sentences.push(sentence);
    count += sentence.split(" ").length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(" "));
  return paragraphs.join("\n\n");
}

const GEN_STORY = `Molly baked bread with her grandmother every Sunday. The kitchen smelled of cinnamon and warm butter,
and the radio played old songs while the dough rose under a striped towel. "Patience," her grandmother said, tapping
the bowl. Molly laughed and wrote the recipe in her notebook so she would never forget it.`;

const EXPLICIT_SCENE = `Maria pulled him down onto the bed, both of them naked and laughing. She wrapped her hand around
his cock and stroked him slowly until he groaned. He slid his fingers over her clit, and she arched against him. His cock
was heavy in her palm. When he finally thrust into her she moaned his name, and they moved together until she came, and
he came a moment later, gasping against her shoulder.`;

const GORE_FIGHT = `The axe caught Tomas below the ribs and gutted him; his entrails slid out onto the mud. Blood spurted
from the stump where his hand had been severed. Bones cracked as the troll stamped down, and Tomas screamed in agony
until the second blow fell.`;

describe("suggestRating: the four ratings", () => {
  it("rates a sweet gen story General Audiences, without confidence beyond what a short text allows", () => {
    const result = suggestRating({ text: GEN_STORY });
    expect(result.rating).toBe("General Audiences");
    expect(result.signals).toEqual({ sexual: "none", violence: "none", language: "none" });
    expect(result.evidence).toMatch(/^General Audiences: no sexual content, violence or language above threshold in \d+ words$/u);
    expect(result.confidence).toBeLessThan(0.55);
  });

  it("rates kissing and a few damns Teen And Up Audiences", () => {
    const text = `"Damn it, Sam," Leo said, and then he kissed her, right there by the lockers. "Damn," she breathed.
She kissed him back anyway. Later, walking home, she muttered "damn" at nothing in particular and grinned.`;
    const result = suggestRating({ text });
    expect(result.rating).toBe("Teen And Up Audiences");
    expect(result.signals).toEqual({ sexual: "mild", violence: "none", language: "mild" });
    expect(result.evidence).toBe("Teen And Up Audiences: kissing (kiss ×2); mild language (damn ×3)");
  });

  it("rates a fight with graphic gore Mature", () => {
    const result = suggestRating({ text: GORE_FIGHT });
    expect(result.rating).toBe("Mature");
    expect(result.signals.violence).toBe("strong");
    expect(result.signals.sexual).toBe("none");
    expect(result.evidence).toMatch(/^Mature: graphic violence \(.*entrails ×1/u);
    // "Blood spurted" is counted once, as the phrase, not again as "blood".
    expect(result.evidence).not.toMatch(/\bblood ×/u);
  });

  it("rates strong swearing throughout Mature", () => {
    const text = `"Fuck," said Jo. "Fuck, fuck, fuck. Where the fuck are my keys?" She kicked the car door. "Shit. This
fucking car." Her brother leaned out of the window. "Language!" "Fuck off, Danny."`;
    const result = suggestRating({ text });
    expect(result.rating).toBe("Mature");
    expect(result.signals).toEqual({ sexual: "none", violence: "none", language: "strong" });
    expect(result.evidence).toMatch(/^Mature: strong language \(fuck ×7, shit ×1\)/u);
  });

  it("rates an explicit scene Explicit and names its terms", () => {
    const result = suggestRating({ text: EXPLICIT_SCENE });
    expect(result.rating).toBe("Explicit");
    expect(result.signals.sexual).toBe("explicit");
    expect(result.evidence).toMatch(/^Explicit: explicit sexual content \(cock ×2, clit ×1, came ×2, /u);
  });

  it("keeps one explicit scene in a 20,000-word gentle story Explicit: length does not dilute it", () => {
    const text = `${filler(10_000)}\n\n${EXPLICIT_SCENE}\n\n${filler(10_000)}`;
    const result = suggestRating({ text });
    expect(result.rating).toBe("Explicit");
    expect(result.signals.sexual).toBe("explicit");
  });

  it("lets length dilute mild language: three damns make a short story Teen, not a 20,000-word one", () => {
    const damns = `"Damn," he said. The car would not start. "Damn, damn."`;
    expect(suggestRating({ text: `${filler(300)}\n\n${damns}` }).rating).toBe("Teen And Up Audiences");
    const long = suggestRating({ text: `${filler(10_000)}\n\n${damns}\n\n${filler(10_000)}` });
    expect(long.rating).toBe("General Audiences");
    expect(long.evidence).toContain("also language below threshold (damn ×3)");
  });

  it("rates one f-word Teen however long the story, as one is PG-13 for film", () => {
    const result = suggestRating({ text: `${filler(10_000)} "Oh, fuck," he said. ${filler(10_000)}` });
    expect(result.rating).toBe("Teen And Up Audiences");
    expect(result.signals.language).toBe("moderate");
  });

  it("rates a non-explicit love scene Mature and a lone suggestive word Teen", () => {
    const scene = "That night they made love slowly, naked in the candlelight, and afterwards they lay in bed together, aroused all over again.";
    expect(suggestRating({ text: `${filler(400)} ${scene}` })).toMatchObject({ rating: "Mature", signals: { sexual: "strong" } });
    const alone = suggestRating({ text: `${filler(400)} He had seen her naked once, years ago.` });
    expect(alone).toMatchObject({ rating: "Teen And Up Audiences", signals: { sexual: "moderate" } });
  });
});

describe("suggestRating: explicit words are never Teen or General", () => {
  it("puts one explicit word in a sexual context at Mature at least", () => {
    const text = `${filler(2_000)} They lay naked under the sheets, and she let her hand drift down to his cock. ${filler(2_000)}`;
    const result = suggestRating({ text });
    expect(result.rating).toBe("Mature");
    expect(result.signals.sexual).toBe("strong");
    expect(result.evidence).toContain("sexual content (cock ×1, naked ×1)");
  });

  it("counts an unambiguous explicit word on its own", () => {
    expect(suggestRating({ text: `${filler(5_000)} She had never had an orgasm like it. ${filler(5_000)}` }).rating).toBe("Mature");
  });

  it("takes an owned ambiguous word for the anatomy, with no other context", () => {
    const owned = suggestRating({ text: `${filler(300)} Her hand closed around his cock. Later Steve's cock rested on Bucky's stomach. ${filler(300)}` });
    expect(owned.rating).toBe("Mature");
    expect(owned.evidence).toContain("cock ×2");
    expect(suggestRating({ text: `${filler(300)} The cock crowed twice. A cock on the fence. ${filler(300)}` }).signals.sexual).toBe("none");
  });

  it("needs two explicit words in one scene for Explicit: one, however many weak words surround it, is Mature", () => {
    const text = `${filler(300)} They were naked, and his cock was hard against her. She came, and came again; he thrust,
stroked, licked and sucked, and came too, and they were wet and slick and shaking. ${filler(300)}`;
    const result = suggestRating({ text });
    expect(result.rating).toBe("Mature");
    expect(result.signals.sexual).toBe("strong");
    expect(result.evidence).toMatch(/^Mature: sexual content \(cock ×1, came ×3, /u);
  });

  it("takes an ambiguous word alone, with no sexual context, as no sexual content", () => {
    const result = suggestRating({ text: `${filler(500)} "Don't be a dick, Marcus," she said. ${filler(500)}` });
    expect(result.signals.sexual).toBe("none");
    // Once, "dick" is an insult below the threshold for coarse language.
    expect(result.rating).toBe("General Audiences");
    expect(result.evidence).toContain("also language below threshold (dick ×1)");
  });
});

describe("suggestRating: innocent senses give no signal", () => {
  it.each([
    ["cocked his head", "He cocked his head at the noise."],
    ["the Hellmouth", "They patrolled above the Hellmouth again."],
    ["her assistant", "Her assistant filed the reports by noon."],
    ["screwdriver", "He reached for the screwdriver you left on the shelf."],
    ["Dick Grayson", "Dick Grayson laughed and Dick waved back."],
    ["came and come", "She came home late. Come in, he said, coming to the door."],
    ["cum laude", "He graduated summa cum laude, and his sister magna cum laude."],
    ["aroused suspicion", "The open window aroused suspicion."],
    ["the naked eye", "The comet was visible to the naked eye."],
    ["blood pressure", "The nurse checked his blood pressure."],
    ["a stabbing pain", "She felt a stabbing pain in her side after the race."],
    ["went down on her knees", "The old woman went down on her knees to pray."],
    ["kissed her forehead", "Her father kissed her forehead and turned out the light."],
  ])("%s", (_name, sentence) => {
    const text = Array.from({ length: 6 }, () => sentence).join(" ");
    const result = suggestRating({ text });
    expect(result.signals).toEqual({ sexual: "none", violence: "none", language: "none" });
    expect(result.evidence).not.toContain("×");
  });

  it("keeps innocent senses out of a real sexual context", () => {
    const text = `They were naked in bed together. He cocked his head. She had to cock the pistol; the cock crowed. Dick
Grayson came in, and she came over to the window. Her pussy cat yawned.`;
    const result = suggestRating({ text });
    // naked and "in bed together" alone make a suggestive text; any innocent word counted would make it Mature.
    expect(result.signals.sexual).toBe("moderate");
    expect(result.rating).toBe("Teen And Up Audiences");
  });

  it("keeps innocent senses out of real violence", () => {
    const text = `${filler(200)} The blade gutted him and blood spurted over the floor. A week later the family severed all ties with
the firm. ${filler(200)}`;
    const result = suggestRating({ text });
    // Beside real violence, a counted "severed" would show in the evidence.
    expect(result.signals.violence).toBe("strong");
    expect(result.evidence).not.toContain("severed");
  });

  it("reads bloody as British mild swearing, not violence", () => {
    const result = suggestRating({ text: `"Bloody hell," said Ron. "It's bloody freezing." ${filler(100)}` });
    expect(result.signals).toEqual({ sexual: "none", violence: "none", language: "mild" });
    expect(result.evidence).toContain("mild language (bloody ×2, hell ×1)");
  });
});

describe("suggestRating: tags, warnings and notes raise the floor", () => {
  const gentle = filler(1_000);

  it.each<[string, readonly string[], readonly ArchiveWarning[], string]>([
    ["Smut", ["Smut"], [], "Mature"],
    ["Porn Without Plot", ["Porn Without Plot"], [], "Mature"],
    ["PWP", ["PWP"], [], "Mature"],
    ["Explicit Sexual Content", ["Explicit Sexual Content"], [], "Mature"],
    ["Tooth-Rotting Fluff and Smut", ["Tooth-Rotting Fluff and Smut"], [], "Mature"],
    ["No Smut", ["No Smut"], [], "General Audiences"],
    ["Implied Sexual Content", ["Implied Sexual Content"], [], "Teen And Up Audiences"],
    ["Graphic Violence", ["Graphic Violence"], [], "Mature"],
    ["Torture", ["Torture"], [], "Mature"],
    ["Blood and Gore", ["Blood and Gore"], [], "Mature"],
    ["Non-Graphic Violence", ["Non-Graphic Violence"], [], "Teen And Up Audiences"],
    ["Fluff", ["Fluff"], [], "General Audiences"],
    ["Rape/Non-Con", [], ["Rape/Non-Con"], "Mature"],
    ["Underage Sex", [], ["Underage Sex"], "Mature"],
    ["Graphic Depictions Of Violence", [], ["Graphic Depictions Of Violence"], "Mature"],
    ["Major Character Death", [], ["Major Character Death"], "General Audiences"],
  ])("%s", (name, freeforms, warnings, expected) => {
    const result = suggestRating({ text: gentle, freeforms, warnings });
    expect(result.rating).toBe(expected);
    if (expected !== "General Audiences") expect(result.evidence).toContain(`"${name}"`);
  });

  it("makes a sexual tag or warning Explicit when the text has an explicit word of its own", () => {
    const text = `${gentle} They lay naked under the sheets, and she let her hand drift down to his cock.`;
    expect(suggestRating({ text }).rating).toBe("Mature");
    expect(suggestRating({ text, freeforms: ["Smut"] }).rating).toBe("Explicit");
    const warned = suggestRating({ text, warnings: ["Rape/Non-Con"] });
    expect(warned.rating).toBe("Explicit");
    expect(warned.evidence).toMatch(/^Explicit: warning "Rape\/Non-Con"; also sexual content \(cock ×1, naked ×1\)$/u);
  });

  it("never lowers what the text shows", () => {
    expect(suggestRating({ text: EXPLICIT_SCENE, freeforms: ["Fluff", "Kissing"] }).rating).toBe("Explicit");
  });

  it("reads what the summary and notes call the content, and their negations", () => {
    expect(suggestRating({ text: gentle, notes: "Warning: smut ahead!" }).rating).toBe("Mature");
    expect(suggestRating({ text: gentle, summary: "Contains graphic violence." }).rating).toBe("Mature");
    expect(suggestRating({ text: gentle, notes: "No smut, sorry. Just fluff." }).rating).toBe("General Audiences");
    // Fruit in a summary is no lemon.
    expect(suggestRating({ text: gentle, summary: "Gran bakes a lemon cake." }).rating).toBe("General Audiences");
  });
});

describe("suggestRating: evidence and confidence", () => {
  it("gives what its documentation example says", () => {
    expect(suggestRating({ text: "“Damn it,” she said, and kissed him. “Damn you.” He kissed her back." })).toEqual({
      rating: "Teen And Up Audiences",
      confidence: 0.55,
      evidence: "Teen And Up Audiences: kissing (kiss ×2); mild language (damn ×2)",
      signals: { sexual: "mild", violence: "none", language: "mild" },
    });
  });

  it("lists at most five terms per dimension, strongest and most frequent first", () => {
    const text = `Fuck. Fuck. Fuck. Fuck. Fuck. Shit. Shit. Shit. Bastard. Bastard. Bitch. Bitch. Damn. Hell. Crap.`;
    expect(suggestRating({ text }).evidence).toBe("Mature: strong language (fuck ×5, shit ×3, bastard ×2, bitch ×2, crap ×1)");
  });

  it("names the deciding dimension first and the lesser ones after", () => {
    const result = suggestRating({ text: `${EXPLICIT_SCENE} "Fuck," he said, and then "damn".` });
    expect(result.evidence).toMatch(/^Explicit: explicit sexual content \([^)]*\); also coarse language \(fuck ×1, damn ×1\)$/u);
  });

  it("is fairly sure of General for a long clean text, less for a drabble", () => {
    const long = suggestRating({ text: filler(20_000) });
    const drabble = suggestRating({ text: filler(100) });
    expect(long.rating).toBe("General Audiences");
    expect(long.confidence).toBeGreaterThanOrEqual(0.6);
    expect(long.confidence).toBeLessThanOrEqual(0.7);
    expect(drabble.confidence).toBeLessThan(long.confidence - 0.15);
  });

  it("is surer when the signal is far past its threshold and when a tag agrees", () => {
    const justOver = suggestRating({ text: `${filler(500)} Fuck. Fuck. Fuck. Fuck. Fuck.` });
    const farOver = suggestRating({ text: `${filler(500)} ${"Fuck. ".repeat(25)}` });
    expect(justOver.rating).toBe("Mature");
    expect(farOver.rating).toBe("Mature");
    expect(farOver.confidence).toBeGreaterThan(justOver.confidence + 0.15);
    const tagged = suggestRating({ text: EXPLICIT_SCENE, freeforms: ["Smut"] });
    expect(tagged.confidence).toBeGreaterThan(suggestRating({ text: EXPLICIT_SCENE }).confidence);
  });

  it("is less sure just under the next threshold", () => {
    const clear = suggestRating({ text: `${filler(500)} "Shit," she said. "Shit. Shit, shit, shit. Shit."` });
    const nearMature = suggestRating({ text: `${filler(500)} "Shit," she said. "Fuck. Fuck. Fuck. Fuck."` });
    expect(clear.rating).toBe("Teen And Up Audiences");
    expect(nearMature.rating).toBe("Teen And Up Audiences");
    expect(nearMature.confidence).toBeLessThan(clear.confidence);
  });
});

describe("suggestRating: size", () => {
  it("reads a 5 MB text", () => {
    const chunk = `${filler(2_000)}\n\n"Damn," she said. He punched the wall.\n\n`;
    const text = `${chunk.repeat(Math.ceil(5_000_000 / chunk.length))}${EXPLICIT_SCENE}`;
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    const result = suggestRating({ text });
    expect(result.rating).toBe("Explicit");
    expect(result.signals.language).toBe("mild");
  });

  it("reads 5 MB of one repeated ambiguous word and one 5 MB word", () => {
    expect(suggestRating({ text: "cock ".repeat(1_000_000) }).signals.sexual).toBe("none");
    expect(suggestRating({ text: "a".repeat(5_000_000) }).rating).toBe("General Audiences");
  });
});

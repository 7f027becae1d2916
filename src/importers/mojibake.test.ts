import { describe, expect, it } from "vitest";
import { repairMojibake } from "./mojibake.js";

describe("repairMojibake", () => {
  it.each([
    ["two-byte sequence", "cafÃ©", "café"],
    ["curly apostrophe", "donâ€™t", "don’t"],
    ["curly quotes", "â€œHi,â€\u009D she said", "“Hi,” she said"],
    ["em dash", "waitâ€”no", "wait—no"],
    ["ellipsis", "Wellâ€¦", "Well…"],
    ["several words", "NiÃ±o, seÃ±or, garÃ§on", "Niño, señor, garçon"],
    ["non-breaking space", "100Â\u00A0km", "100\u00A0km"],
    ["Japanese word beside a Latin one", "cafÃ© æ—¥æœ¬", "café 日本"],
    ["Cyrillic word beside a Latin one", "naÃ¯ve ÐŸÑ€Ð¸Ð²ÐµÑ‚", "naïve Привет"],
    ["Japanese word on its own", "æ—¥æœ¬", "日本"],
    ["Cyrillic word on its own", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"],
    ["Greek word on its own", "Î±Î²", "αβ"],
  ])("repairs a double-encoded %s", (_label, input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it.each([
    ["plain English", "Nothing to see here, she said."],
    ["correct accented text", "Café, niño, Straße, naïve."],
    ["French guillemets after an accent", "Il est là » ça va"],
    ["a non-breaking space before a guillemet", "C’est là\u00A0» dit-il"],
    ["French text with capital accented letters", "À l’école, Élodie a vu Ève."],
    ["Portuguese text", "Ótimo, a área está à direita."],
    ["a capital A with tilde in a word", "Ãngela"],
    ["an incomplete sequence", "Châ€ and then"],
  ])("leaves %s unchanged", (_label, text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

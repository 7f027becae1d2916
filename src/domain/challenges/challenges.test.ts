import { describe, expect, it } from "vitest";
import { ForbiddenError, ValidationError } from "../errors.js";
import { areCreatorsRevealed, areWorksRevealed, isSignupOpen, NO_PROMPT_TAGS, type ChallengeSchedule, type PromptTags } from "./challenge.js";
import { assignmentStatus, checkCanDefault, checkCanFulfil, checkCanPinchHit, currentWriter, type AssignmentState } from "./assignments.js";
import { DEFAULT_EXCHANGE_RULES, listPotentialMatches, offerFitsRequest, parseExchangeSignup, validateExchangeRules, type ExchangeRules } from "./gift-exchange.js";
import { matchExchange } from "./matching.js";
import { checkCanClaim, checkCanFill, MAX_PROMPTS_PER_SIGNUP, parsePrompt, promptPosterName } from "./prompt-meme.js";

const tags = (fandom: string[], character: string[] = []): PromptTags => ({ ...NO_PROMPT_TAGS, fandom, character });

describe("the exchange's rules", () => {
  it("accepts the default rules and refuses impossible counts", () => {
    expect(() => validateExchangeRules(DEFAULT_EXCHANGE_RULES)).not.toThrow();
    expect(() => validateExchangeRules({ ...DEFAULT_EXCHANGE_RULES, offers: { min: 3, max: 2 } })).toThrow(ValidationError);
    expect(() => validateExchangeRules({ ...DEFAULT_EXCHANGE_RULES, requests: { min: 0, max: 11 } })).toThrow(/at most 10 requests/);
    expect(() => validateExchangeRules({ ...DEFAULT_EXCHANGE_RULES, tagsInCommon: { ...DEFAULT_EXCHANGE_RULES.tagsInCommon, character: -1 } })).toThrow(ValidationError);
  });

  it("cleans a sign-up's tags and holds it to the counts and the tags each prompt needs", () => {
    const parsed = parseExchangeSignup(DEFAULT_EXCHANGE_RULES, { requests: [tags(["  Orchard  Year ", "orchard year", ""])], offers: [tags(["The Salt Roads"])] });
    expect(parsed.requests[0]?.fandom).toEqual(["Orchard Year"]);
    expect(() => parseExchangeSignup(DEFAULT_EXCHANGE_RULES, { requests: [], offers: [tags(["The Salt Roads"])] })).toThrow(/at least 1 requests/);
    expect(() => parseExchangeSignup(DEFAULT_EXCHANGE_RULES, { requests: [tags(["A"]), tags(["B"])], offers: [tags(["C"])] })).toThrow(/at most 1 requests/);
    try {
      parseExchangeSignup(DEFAULT_EXCHANGE_RULES, { requests: [tags(["A"])], offers: [tags([])] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toEqual({ offers: "each one needs at least 1 fandom tag" });
    }
  });

  it("fits an offer to a request on the tags the rules say must be shared, ignoring case", () => {
    const rules: ExchangeRules = { ...DEFAULT_EXCHANGE_RULES, tagsInCommon: { fandom: 1, relationship: 0, character: 2, freeform: 0 } };
    expect(offerFitsRequest(rules, tags(["Orchard Year"], ["Wren", "Ilse"]), tags(["orchard year"], ["ilse", "WREN", "Tobias"]))).toBe(true);
    expect(offerFitsRequest(rules, tags(["Orchard Year"], ["Wren", "Ilse"]), tags(["Orchard Year"], ["Wren", "Tobias"]))).toBe(false);
    expect(offerFitsRequest(rules, tags(["The Salt Roads"], ["Wren", "Ilse"]), tags(["Orchard Year"], ["Wren", "Ilse"]))).toBe(false);
  });

  it("lists potential matches between people, never from someone to themselves", () => {
    const signups = [
      { id: 3, userId: 30, requests: [tags(["A"])], offers: [tags(["A"])] },
      { id: 1, userId: 10, requests: [tags(["A"])], offers: [tags(["B"])] },
      { id: 2, userId: 20, requests: [tags(["B"])], offers: [tags(["A"])] },
    ];
    expect(listPotentialMatches(DEFAULT_EXCHANGE_RULES, signups)).toEqual([
      { giverId: 1, recipientId: 2 },
      { giverId: 2, recipientId: 1 },
      { giverId: 2, recipientId: 3 },
      { giverId: 3, recipientId: 1 },
    ]);
  });
});

describe("matchExchange", () => {
  it("finds the matching a greedy choice would miss, and reports who is left for pinch hitters", () => {
    // Greedy by id would give 1 → 2, leaving 3 with nobody to write for; the maximum gives 1 → 3 and 3 → 2.
    const matches = [{ giverId: 1, recipientId: 2 }, { giverId: 1, recipientId: 3 }, { giverId: 3, recipientId: 2 }];
    const result = matchExchange([1, 2, 3], matches);
    expect(result.pairs).toEqual([{ giverId: 1, recipientId: 3 }, { giverId: 3, recipientId: 2 }]);
    expect(result.unmatchedGivers).toEqual([2]);
    expect(result.unmatchedRecipients).toEqual([1]);
  });

  it("refuses to keep a pair that is not a potential match or reuses a participant", () => {
    const matches = [{ giverId: 1, recipientId: 2 }, { giverId: 2, recipientId: 1 }];
    expect(() => matchExchange([1, 2], matches, { keep: [{ giverId: 1, recipientId: 1 }] })).toThrow(/cannot give/);
    expect(() => matchExchange([1, 2], matches, { keep: [{ giverId: 1, recipientId: 9 }] })).toThrow(/not in this exchange/);
    expect(() => matchExchange([1, 2], matches, { keep: [{ giverId: 1, recipientId: 2 }, { giverId: 1, recipientId: 2 }] })).toThrow(/two pairs/);
  });
});

describe("assignments", () => {
  const open: AssignmentState = { recipientUserId: 20, giverUserId: 10, pinchHitterUserId: null, defaulted: false, fulfilledByWorkId: null };

  it("goes from open to needing a pinch hitter to open again with the pinch hitter writing", () => {
    expect(assignmentStatus(open)).toBe("open");
    expect(currentWriter(open)).toBe(10);
    expect(() => checkCanPinchHit(open, 30)).toThrow(/default the assignment first/);
    checkCanDefault(open);
    const defaulted = { ...open, defaulted: true };
    expect(assignmentStatus(defaulted)).toBe("needs-pinch-hitter");
    expect(currentWriter(defaulted)).toBeNull();
    expect(() => checkCanDefault(defaulted)).toThrow(/already been defaulted/);
    expect(() => checkCanPinchHit(defaulted, 20)).toThrow(/own gift/);
    checkCanPinchHit(defaulted, 30);
    const covered = { ...defaulted, pinchHitterUserId: 30 };
    expect(assignmentStatus(covered)).toBe("open");
    expect(() => checkCanFulfil(covered, 10)).toThrow(ForbiddenError);
    checkCanFulfil(covered, 30);
    expect(assignmentStatus({ ...covered, fulfilledByWorkId: 7 })).toBe("fulfilled");
    expect(() => checkCanFulfil({ ...covered, fulfilledByWorkId: 7 }, 30)).toThrow(/already fulfilled/);
  });

  it("needs a pinch hitter at once for a recipient nobody could be matched to", () => {
    const unmatched = { ...open, giverUserId: null };
    expect(assignmentStatus(unmatched)).toBe("needs-pinch-hitter");
    expect(() => checkCanPinchHit(unmatched, 30)).not.toThrow();
  });
});

describe("the schedule", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 11, day));
  const schedule: ChallengeSchedule = { signupOpensAt: at(1), signupClosesAt: at(10), worksRevealAt: at(20), creatorsRevealAt: at(25) };

  it("takes sign-ups from the opening to just before the closing", () => {
    expect(isSignupOpen(schedule, at(0))).toBe(false);
    expect(isSignupOpen(schedule, at(1))).toBe(true);
    expect(isSignupOpen(schedule, at(10))).toBe(false);
    expect(isSignupOpen({ ...schedule, signupOpensAt: null, signupClosesAt: null }, at(99))).toBe(true);
  });

  it("reveals works on their date and creators on theirs, never a creator before the work", () => {
    expect(areWorksRevealed(schedule, at(19))).toBe(false);
    expect(areWorksRevealed(schedule, at(20))).toBe(true);
    expect(areCreatorsRevealed(schedule, at(24))).toBe(false);
    expect(areCreatorsRevealed(schedule, at(25))).toBe(true);
    expect(areCreatorsRevealed({ ...schedule, creatorsRevealAt: at(5) }, at(10))).toBe(false);
    expect(areWorksRevealed({ ...schedule, worksRevealAt: null }, at(0))).toBe(true);
  });
});

describe("prompt memes", () => {
  it("cleans a prompt and holds the participant to the limit", () => {
    expect(parsePrompt({ tags: tags([" Orchard Year "]), text: "  Wren learns to graft apples. ", anonymous: true }, 0)).toEqual({
      tags: tags(["Orchard Year"]), text: "Wren learns to graft apples.", anonymous: true,
    });
    expect(() => parsePrompt({ tags: NO_PROMPT_TAGS, text: " ", anonymous: false }, 0)).toThrow(/text or some tags/);
    expect(() => parsePrompt({ tags: tags(["A"]), text: "x", anonymous: false }, MAX_PROMPTS_PER_SIGNUP)).toThrow(/at most 50 prompts/);
    expect(() => parsePrompt({ tags: tags(["A"]), text: "x", anonymous: false }, 3, 3)).toThrow(/at most 3 prompts/);
  });

  it("lets a prompt be claimed again once the claim is filled, and a claim be filled only by its claimant", () => {
    expect(() => checkCanClaim([{ userId: 5, filledByWorkId: null }], 5)).toThrow(/already claimed/);
    expect(() => checkCanClaim([{ userId: 5, filledByWorkId: 9 }, { userId: 6, filledByWorkId: null }], 5)).not.toThrow();
    expect(() => checkCanFill({ userId: 5, filledByWorkId: null }, 6)).toThrow(ForbiddenError);
    expect(() => checkCanFill({ userId: 5, filledByWorkId: 9 }, 5)).toThrow(/already filled/);
  });

  it("hides an anonymous prompt's poster from everyone but the poster", () => {
    const prompt = { anonymous: true, userId: 5, posterName: "Quillwright" };
    expect(promptPosterName(prompt, null)).toBe("Anonymous");
    expect(promptPosterName(prompt, 6)).toBe("Anonymous");
    expect(promptPosterName(prompt, 5)).toBe("Quillwright");
    expect(promptPosterName({ ...prompt, anonymous: false }, null)).toBe("Quillwright");
  });
});

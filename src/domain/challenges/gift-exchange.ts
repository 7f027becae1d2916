/**
 * A gift exchange's rules and sign-ups, and which offer fits which request. Each participant signs up once with
 * requests (what they would like to receive) and offers (what they could write); an offer of A fits a request of
 * B when they share enough tags of every type the rules say must match. The matching itself is in matching.ts.
 */
import { ValidationError } from "../errors.js";
import { distinctNames, nameKey } from "../sort-key.js";
import { PROMPT_TAG_TYPES, type PromptTagType, type PromptTags } from "./challenge.js";

export interface CountRange {
  readonly min: number;
  readonly max: number;
}

export interface ExchangeRules {
  /** How many requests each sign-up must (min) and may (max) have. */
  readonly requests: CountRange;
  /** How many offers each sign-up must and may have. */
  readonly offers: CountRange;
  /** Per tag type, how many tags an offer and a request must have in common to fit (0: the type need not match).
   *  Every request and offer must carry at least that many tags of the type, or it could never fit anything. */
  readonly tagsInCommon: Readonly<Record<PromptTagType, number>>;
}

/** The Archive's default exchange: one request and one offer each, matched on one fandom. */
export const DEFAULT_EXCHANGE_RULES: ExchangeRules = {
  requests: { min: 1, max: 1 },
  offers: { min: 1, max: 1 },
  tagsInCommon: { fandom: 1, relationship: 0, character: 0, freeform: 0 },
};

/** The most requests or offers one sign-up may have, whatever the rules say. */
export const MAX_PROMPTS_PER_SIDE = 10;
/** The most tags of one type a request or offer may have. */
export const MAX_TAGS_PER_TYPE = 10;

export interface ExchangeSignup {
  /** The sign-up's id: its identity in the matching (and the order the matching walks in). */
  readonly id: number;
  /** Who signed up: a participant is never matched with themselves. */
  readonly userId: number;
  readonly requests: readonly PromptTags[];
  readonly offers: readonly PromptTags[];
}

/** A potential match: `giverId`'s sign-up has an offer that fits a request of `recipientId`'s sign-up. */
export interface PotentialMatch {
  readonly giverId: number;
  readonly recipientId: number;
}

/**
 * Checks an exchange's rules before they are stored.
 * @throws ValidationError naming the field: counts below 0, min above max, max above MAX_PROMPTS_PER_SIDE.
 */
export function validateExchangeRules(rules: ExchangeRules): void {
  const problems: Record<string, string> = {};
  for (const side of ["requests", "offers"] as const) {
    const { min, max } = rules[side];
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1) problems[side] = `the number of ${side} must be a whole number, at least one allowed`;
    else if (min > max) problems[side] = `at least ${min} ${side} but at most ${max} cannot both hold`;
    else if (max > MAX_PROMPTS_PER_SIDE) problems[side] = `at most ${MAX_PROMPTS_PER_SIDE} ${side} per sign-up`;
  }
  for (const type of PROMPT_TAG_TYPES) {
    const count = rules.tagsInCommon[type];
    if (!Number.isInteger(count) || count < 0 || count > MAX_TAGS_PER_TYPE) problems[type] = `tags in common must be 0 to ${MAX_TAGS_PER_TYPE}`;
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

/**
 * A sign-up's requests and offers with each tag trimmed and each type's tags deduplicated by name key,
 * checked against the rules.
 * @throws ValidationError with `requests` / `offers` fields: too few or too many, or a prompt with fewer tags of a
 *   type than the rules need in common, or more than MAX_TAGS_PER_TYPE.
 */
export function parseExchangeSignup(
  rules: ExchangeRules,
  input: { readonly requests: readonly PromptTags[]; readonly offers: readonly PromptTags[] },
): { requests: PromptTags[]; offers: PromptTags[] } {
  const problems: Record<string, string> = {};
  const sides = { requests: input.requests.map(cleanPromptTags), offers: input.offers.map(cleanPromptTags) };
  for (const side of ["requests", "offers"] as const) {
    const prompts = sides[side];
    const { min, max } = rules[side];
    if (prompts.length < min) problems[side] = `at least ${min} ${side} needed`;
    else if (prompts.length > max) problems[side] = `at most ${max} ${side} allowed`;
    else {
      const problem = prompts.map((prompt) => promptProblem(rules, prompt)).find((text) => text !== null);
      if (problem !== undefined) problems[side] = problem;
    }
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return sides;
}

/** Trimmed tags, empty ones dropped, each tag once per type (first spelling kept). */
export function cleanPromptTags(tags: PromptTags): PromptTags {
  return {
    fandom: distinctNames(tags.fandom),
    relationship: distinctNames(tags.relationship),
    character: distinctNames(tags.character),
    freeform: distinctNames(tags.freeform),
  };
}

function promptProblem(rules: ExchangeRules, prompt: PromptTags): string | null {
  for (const type of PROMPT_TAG_TYPES) {
    const needed = rules.tagsInCommon[type];
    if (prompt[type].length < needed) return `each one needs at least ${needed} ${type} tag${needed === 1 ? "" : "s"}`;
    if (prompt[type].length > MAX_TAGS_PER_TYPE) return `at most ${MAX_TAGS_PER_TYPE} ${type} tags each`;
  }
  return null;
}

/** Whether an offer fits a request: for every type, at least `tagsInCommon[type]` tags shared (by name key). */
export function offerFitsRequest(rules: ExchangeRules, offer: PromptTags, request: PromptTags): boolean {
  for (const type of PROMPT_TAG_TYPES) {
    const needed = rules.tagsInCommon[type];
    if (needed === 0) continue;
    const offered = new Set(offer[type].map(nameKey));
    let shared = 0;
    for (const key of new Set(request[type].map(nameKey))) if (offered.has(key)) shared++;
    if (shared < needed) return false;
  }
  return true;
}

/**
 * Every potential match among the sign-ups: giver A, recipient B when A ≠ B (as people) and some offer of A fits
 * some request of B. Ordered by giver id, then recipient id, whatever the order of `signups`.
 */
export function listPotentialMatches(rules: ExchangeRules, signups: readonly ExchangeSignup[]): PotentialMatch[] {
  const ordered = [...signups].sort((a, b) => a.id - b.id);
  const matches: PotentialMatch[] = [];
  for (const giver of ordered) {
    for (const recipient of ordered) {
      if (giver.userId === recipient.userId) continue;
      const fits = giver.offers.some((offer) => recipient.requests.some((request) => offerFitsRequest(rules, offer, request)));
      if (fits) matches.push({ giverId: giver.id, recipientId: recipient.id });
    }
  }
  return matches;
}

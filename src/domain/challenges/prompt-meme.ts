/**
 * A prompt meme's rules: participants post prompts (tags and a text, optionally anonymous), anyone signed in
 * claims a prompt, and a claim is filled by a work posted to the collection. A prompt can be claimed and filled
 * more than once: every fill is a new story.
 */
import { ForbiddenError, ValidationError } from "../errors.js";
import { PROMPT_TAG_TYPES, type PromptTags } from "./challenge.js";
import { cleanPromptTags, MAX_TAGS_PER_TYPE } from "./gift-exchange.js";

/** The most prompts one participant may post to one meme (the Archive's limit). */
export const MAX_PROMPTS_PER_SIGNUP = 50;
/** The most characters of a prompt's text. */
export const MAX_PROMPT_TEXT_LENGTH = 5_000;

export interface PromptInput {
  readonly tags: PromptTags;
  readonly text: string;
  readonly anonymous: boolean;
}

/**
 * A prompt as it will be stored: tags cleaned, text trimmed.
 * @param alreadyPosted how many prompts this participant has posted to the meme before.
 * @param limit the meme's own limit per participant (at most MAX_PROMPTS_PER_SIGNUP).
 * @throws ValidationError: no text and no tags, text too long, too many tags, or the participant's limit reached.
 */
export function parsePrompt(input: PromptInput, alreadyPosted: number, limit = MAX_PROMPTS_PER_SIGNUP): PromptInput {
  const tags = cleanPromptTags(input.tags);
  const text = input.text.trim();
  const problems: Record<string, string> = {};
  if (alreadyPosted >= Math.min(limit, MAX_PROMPTS_PER_SIGNUP)) problems.prompt = `at most ${Math.min(limit, MAX_PROMPTS_PER_SIGNUP)} prompts each`;
  if (text === "" && PROMPT_TAG_TYPES.every((type) => tags[type].length === 0)) problems.text = "a prompt needs a text or some tags";
  if (text.length > MAX_PROMPT_TEXT_LENGTH) problems.text = `at most ${MAX_PROMPT_TEXT_LENGTH} characters`;
  for (const type of PROMPT_TAG_TYPES) if (tags[type].length > MAX_TAGS_PER_TYPE) problems[type] = `at most ${MAX_TAGS_PER_TYPE} ${type} tags`;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { tags, text, anonymous: input.anonymous };
}

export interface ClaimState {
  readonly userId: number;
  readonly filledByWorkId: number | null;
}

/**
 * Checks that `userId` may claim a prompt that has `claims` already. A participant holds one unfilled claim per
 * prompt at a time; once it is filled they may claim it again for another story.
 * @throws ValidationError when they hold an unfilled claim on it.
 */
export function checkCanClaim(claims: readonly ClaimState[], userId: number): void {
  if (claims.some((claim) => claim.userId === userId && claim.filledByWorkId === null)) {
    throw new ValidationError({ claim: "you have already claimed this prompt" });
  }
}

/**
 * Checks that `userId` may fill `claim` with a work.
 * @throws ForbiddenError when the claim is someone else's; ValidationError when it is filled already.
 */
export function checkCanFill(claim: ClaimState, userId: number): void {
  if (claim.userId !== userId) throw new ForbiddenError("Only the person who claimed a prompt can fill that claim.");
  if (claim.filledByWorkId !== null) throw new ValidationError({ claim: "this claim is already filled" });
}

/** The name to show for a prompt's poster: their own, or "Anonymous" for an anonymous prompt, except to the
 *  poster themselves (who sees their own name, marked anonymous on the page). */
export function promptPosterName(prompt: { anonymous: boolean; userId: number; posterName: string }, viewerUserId: number | null): string {
  return prompt.anonymous && viewerUserId !== prompt.userId ? "Anonymous" : prompt.posterName;
}

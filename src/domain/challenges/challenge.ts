/**
 * What every challenge shares, whatever its kind: a kind, a sign-up window and reveal dates. A challenge belongs
 * to a collection (the Archive's model): the works written for it are posted into that collection.
 */

export const CHALLENGE_KINDS = ["gift_exchange", "prompt_meme"] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** The tag types a request, offer or prompt may carry (the Archive's prompt restrictions use the same four). */
export const PROMPT_TAG_TYPES = ["fandom", "relationship", "character", "freeform"] as const;
export type PromptTagType = (typeof PROMPT_TAG_TYPES)[number];

/** The tags of one request, offer or prompt, by type, as the participant typed them. */
export type PromptTags = Readonly<Record<PromptTagType, readonly string[]>>;

/** No tags at all: the start of a prompt built type by type. */
export const NO_PROMPT_TAGS: PromptTags = { fandom: [], relationship: [], character: [], freeform: [] };

export interface ChallengeSchedule {
  /** Sign-ups are taken from this moment on (null: from the challenge's creation). */
  readonly signupOpensAt: Date | null;
  /** Sign-ups stop at this moment (null: they stay open until a maintainer closes the challenge). */
  readonly signupClosesAt: Date | null;
  /** Until this moment the challenge's works are unrevealed: only their creators, recipients and the collection's
   *  maintainers see them. Null: works are visible as soon as they are posted. */
  readonly worksRevealAt: Date | null;
  /** Until this moment the works' creators are anonymous ("Anonymous" stands for them). Null: never anonymous. */
  readonly creatorsRevealAt: Date | null;
}

/** Whether sign-ups are taken at `now`: after the opening (inclusive) and before the closing (exclusive). */
export function isSignupOpen(schedule: ChallengeSchedule, now: Date): boolean {
  if (schedule.signupOpensAt !== null && now < schedule.signupOpensAt) return false;
  return schedule.signupClosesAt === null || now < schedule.signupClosesAt;
}

/** Whether the challenge's works are revealed at `now` (from the reveal date on, inclusive). */
export function areWorksRevealed(schedule: ChallengeSchedule, now: Date): boolean {
  return schedule.worksRevealAt === null || now >= schedule.worksRevealAt;
}

/** Whether the creators of the challenge's works are named at `now`. A creator is never named before their work
 *  is revealed, whatever the dates say: naming the author of a hidden work would tell who wrote for whom. */
export function areCreatorsRevealed(schedule: ChallengeSchedule, now: Date): boolean {
  if (!areWorksRevealed(schedule, now)) return false;
  return schedule.creatorsRevealAt === null || now >= schedule.creatorsRevealAt;
}

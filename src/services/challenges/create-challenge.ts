/**
 * Starting a challenge: a new collection, owned and maintained by its maker, that runs a gift exchange or a prompt
 * meme (as the Archive's new-collection form offers). With a works reveal date the collection starts unrevealed,
 * with a creators reveal date anonymous; reveal-challenges.ts turns each off when its date comes.
 */
import type { Library } from "../../db/connect.js";
import { insertChallenge } from "../../db/repositories/challenges.js";
import { findCollectionByName, insertCollection } from "../../db/repositories/collections.js";
import { canPostWorks, type Viewer } from "../../domain/account.js";
import type { ChallengeKind, ChallengeSchedule } from "../../domain/challenges/challenge.js";
import { validateExchangeRules, type ExchangeRules } from "../../domain/challenges/gift-exchange.js";
import { MAX_PROMPTS_PER_SIGNUP } from "../../domain/challenges/prompt-meme.js";
import { ForbiddenError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import { collectionFieldProblems } from "../../domain/collections/rules.js";

/** What is wrong with the dates: sign-ups closing before they open, creators revealed before their works. */
export function scheduleProblems(schedule: ChallengeSchedule): Record<string, string> {
  const { signupOpensAt, signupClosesAt, worksRevealAt, creatorsRevealAt } = schedule;
  const problems: Record<string, string> = {};
  if (signupOpensAt && signupClosesAt && signupClosesAt <= signupOpensAt) problems.signupClosesAt = "sign-ups must close after they open";
  if (worksRevealAt && creatorsRevealAt && creatorsRevealAt < worksRevealAt) problems.creatorsRevealAt = "creators cannot be revealed before their works";
  return problems;
}

export interface NewChallengeInput {
  name: string;
  title: string;
  description: string;
  kind: ChallengeKind;
  schedule: ChallengeSchedule;
  exchangeRules: ExchangeRules;
  promptsMax: number;
}

/**
 * Makes the collection and its challenge, the viewer its owner.
 * @returns the collection's name.
 * @throws SignInRequiredError for a guest; ForbiddenError for a reader's or a suspended account (as for any
 *   collection, collections/manage-collections.ts); ValidationError for a bad or taken name,
 *   an empty title, rules that cannot hold, dates out of order.
 */
export async function createChallenge(library: Pick<Library, "db" | "engine">, viewer: Viewer, input: NewChallengeInput, now: Date): Promise<string> {
  if (viewer === null) throw new SignInRequiredError("Sign in to start a challenge.");
  if (!canPostWorks(viewer)) throw new ForbiddenError("Only authors whose accounts are not suspended may start challenges: a challenge runs in a collection of its own.");
  const owner = viewer;
  const name = input.name.trim();
  const title = input.title.replace(/\s+/gu, " ").trim();
  const problems = collectionFieldProblems({ name, title, description: input.description });
  const { worksRevealAt, creatorsRevealAt } = input.schedule;
  Object.assign(problems, scheduleProblems(input.schedule));
  if (!Number.isInteger(input.promptsMax) || input.promptsMax < 1 || input.promptsMax > MAX_PROMPTS_PER_SIGNUP) problems.promptsMax = `1 to ${MAX_PROMPTS_PER_SIGNUP} prompts each`;
  try {
    validateExchangeRules(input.exchangeRules);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);

  const at = now.toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    if (await findCollectionByName(trx, name)) throw new ValidationError({ name: `a collection named "${name}" exists already` });
    const collectionId = await insertCollection(trx, {
      name, title, description: input.description.trim() === "" ? null : input.description.trim(), ownerId: owner.id, parentId: null, state: "open",
      unrevealed: worksRevealAt !== null && worksRevealAt > now, anonymous: creatorsRevealAt !== null && creatorsRevealAt > now,
    }, at);
    await insertChallenge(trx, { kind: input.kind, collectionId, schedule: input.schedule, exchangeRules: input.exchangeRules, promptsMax: input.promptsMax }, at);
    return name;
  });
}

/**
 * A prompt meme: participants post prompts while sign-ups are open (up to the meme's limit each, optionally
 * anonymous), anyone signed in claims a prompt, and a claim is filled by a work of the claimant's, which joins the
 * collection. A prompt can be claimed and filled many times.
 */
import type { Library } from "../../db/connect.js";
import { findClaim, insertClaim, listClaims, setClaimFilled, type StoredClaim } from "../../db/repositories/challenge-claims.js";
import { countSignupPrompts, ensureSignup, findPromptChallengeId, insertPrompt, listPrompts, type StoredPrompt } from "../../db/repositories/challenge-signups.js";
import type { StoredChallenge } from "../../db/repositories/challenges.js";
import { setItemStatus } from "../../db/repositories/collections.js";
import { listWorksByUser, type CreatorWork } from "../../db/repositories/posted-works.js";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import { canEditWork, canReadWork, type Viewer } from "../../domain/account.js";
import { isSignupOpen } from "../../domain/challenges/challenge.js";
import { checkCanClaim, checkCanFill, parsePrompt, promptPosterName, type PromptInput } from "../../domain/challenges/prompt-meme.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { isMaintainer, requireChallenge, requireParticipant } from "./challenge-access.js";
import { refreshWork } from "../collections/refresh-works.js";

type ChallengeLibrary = Pick<Library, "db" | "engine">;

/** A claim as the meme's page shows it: the fill's title only to those who may see the work now. */
export interface ShownClaim {
  claim: StoredClaim;
  /** The claimant's login, or "Anonymous" while the collection is anonymous (to all but them and the maintainers):
   *  who claimed a prompt is who wrote its fill. */
  claimant: string;
  /** The fill's title, or null when there is none or the viewer may not see it yet (unrevealed, draft, restricted). */
  fillTitle: string | null;
}

export interface ShownPrompt {
  prompt: StoredPrompt;
  /** The poster's login, or "Anonymous". */
  poster: string;
  claims: ShownClaim[];
}

export interface PromptMemePage {
  challenge: StoredChallenge;
  prompts: ShownPrompt[];
  /** The viewer's posted works (not drafts), to fill a claim with (empty for a guest). */
  works: CreatorWork[];
  signupOpen: boolean;
}

/** The meme's prompts with their claims and fills, as the viewer may see them. @throws NotFoundError. */
export async function readPromptMeme(library: ChallengeLibrary, viewer: Viewer, name: string, now: Date): Promise<PromptMemePage> {
  const challenge = await requireChallenge(library.db, name, "prompt_meme");
  const maintainer = await isMaintainer(library.db, challenge, viewer);
  const prompts = await listPrompts(library.db, challenge.id, ["prompt"]);
  const claims = await listClaims(library.db, prompts.map((p) => p.id));
  const shown: ShownPrompt[] = [];
  for (const prompt of prompts) {
    const promptClaims: ShownClaim[] = [];
    for (const claim of claims.filter((c) => c.promptId === prompt.id)) {
      const named = !challenge.anonymous || maintainer || viewer?.id === claim.userId;
      promptClaims.push({ claim, claimant: named ? claim.login : "Anonymous", fillTitle: await visibleFillTitle(library, challenge, claim, viewer, maintainer) });
    }
    shown.push({ prompt, poster: promptPosterName({ anonymous: prompt.anonymous, userId: prompt.userId, posterName: prompt.login }, viewer?.id ?? null), claims: promptClaims });
  }
  return { challenge, prompts: shown, works: viewer === null ? [] : (await listWorksByUser(library.db, viewer.id)).filter((w) => w.visibility !== "draft"), signupOpen: isSignupOpen(challenge.schedule, now) };
}

async function visibleFillTitle(library: ChallengeLibrary, challenge: StoredChallenge, claim: StoredClaim, viewer: Viewer, maintainer: boolean): Promise<string | null> {
  if (claim.filledByWorkId === null || claim.workTitle === null) return null;
  const own = viewer !== null && viewer.id === claim.userId;
  if (challenge.unrevealed && !own && !maintainer) return null;
  const access = await findWorkAccess(library.db, claim.filledByWorkId);
  return access && canReadWork(viewer, access) ? claim.workTitle : null;
}

/**
 * Posts a prompt to the meme as the viewer.
 * @throws ValidationError when sign-ups are closed or the prompt breaks the rules (prompt-meme.ts).
 */
export async function postPrompt(library: ChallengeLibrary, viewer: Viewer, name: string, input: PromptInput, now: Date): Promise<number> {
  const challenge = await requireChallenge(library.db, name, "prompt_meme");
  const account = requireParticipant(viewer);
  if (!isSignupOpen(challenge.schedule, now)) throw new ValidationError({ prompt: "this prompt meme is not taking prompts now" });
  const at = now.toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    const signupId = await ensureSignup(trx, challenge.id, account.id, at);
    const prompt = parsePrompt(input, await countSignupPrompts(trx, signupId, "prompt"), challenge.promptsMax);
    return insertPrompt(trx, signupId, { side: "prompt", ...prompt }, at);
  });
}

/**
 * Claims the prompt for the viewer. @returns the claim's id.
 * @throws NotFoundError for a prompt of another challenge; ValidationError when they hold an unfilled claim on it.
 */
export async function claimPrompt(library: ChallengeLibrary, viewer: Viewer, name: string, promptId: number, now: Date): Promise<number> {
  const challenge = await requireChallenge(library.db, name, "prompt_meme");
  const account = requireParticipant(viewer);
  return library.engine.writeTransaction(library.db, async (trx) => {
    if ((await findPromptChallengeId(trx, promptId, "prompt")) !== challenge.id) throw new NotFoundError(`Prompt ${promptId}`);
    checkCanClaim(await listClaims(trx, [promptId]), account.id);
    return insertClaim(trx, promptId, account.id, now.toISOString());
  });
}

/**
 * Fills the viewer's claim with one of their works: the work joins the meme's collection.
 * @throws NotFoundError for a claim of another challenge; ForbiddenError when the claim or the work is not theirs;
 *   ValidationError when it is filled already or the work is a draft.
 */
export async function fillClaim(library: ChallengeLibrary, viewer: Viewer, name: string, claimId: number, workId: number, now: Date): Promise<void> {
  const challenge = await requireChallenge(library.db, name, "prompt_meme");
  const account = requireParticipant(viewer);
  const claim = await findClaim(library.db, claimId);
  if (!claim || (await findPromptChallengeId(library.db, claim.promptId, "prompt")) !== challenge.id) throw new NotFoundError(`Claim ${claimId}`);
  checkCanFill(claim, account.id);
  const access = await findWorkAccess(library.db, workId);
  if (!access || !canEditWork(account, access)) throw new ForbiddenError("A claim is filled with a work of your own.");
  // As for any collection (collections/collection-items.ts): a draft is its creators' alone.
  if (access.visibility === "draft") throw new ValidationError({ work: "Post the work before filling the claim with it: a draft joins no collection." });
  const at = now.toISOString();
  await library.engine.writeTransaction(library.db, async (trx) => {
    if (!(await setClaimFilled(trx, claim.id, workId, at))) throw new ValidationError({ work: "This claim has been filled already." });
    await setItemStatus(trx, challenge.collectionId, workId, "approved", at);
    // Under the collection's modes from now on: its creators' names leave the text index while it is anonymous.
    await refreshWork(trx, library.engine, workId, at);
  });
}

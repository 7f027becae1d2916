/**
 * A gift exchange from sign-up to sent assignments: participants sign up with requests and offers while sign-ups
 * are open; the maintainers see the sign-ups and the potential matches, run the matching (as often as they like
 * until the assignments are sent; each run starts afresh) and send the assignments.
 */
import type { Library } from "../../db/connect.js";
import { listAssignments, replaceAssignments, type StoredAssignment } from "../../db/repositories/challenge-assignments.js";
import { deleteSignupPrompts, ensureSignup, findSignupId, insertPrompt, listExchangeSignups, listPrompts, type SignupWithLogin } from "../../db/repositories/challenge-signups.js";
import { setAssignmentsSentAt, setChallengeMatchedAt, type StoredChallenge } from "../../db/repositories/challenges.js";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import type { Viewer } from "../../domain/account.js";
import { isSignupOpen, type PromptTags } from "../../domain/challenges/challenge.js";
import { listPotentialMatches, parseExchangeSignup, type PotentialMatch } from "../../domain/challenges/gift-exchange.js";
import { matchExchange, type ExchangeMatching } from "../../domain/challenges/matching.js";
import { ValidationError } from "../../domain/errors.js";
import { requireChallenge, requireMaintainer, requireParticipant } from "./challenge-access.js";

type ChallengeLibrary = Pick<Library, "db" | "engine">;

/** A participant's own sign-up as the form shows it: empty lists before they sign up. */
export interface OwnExchangeSignup {
  signedUp: boolean;
  requests: PromptTags[];
  offers: PromptTags[];
}

/** The viewer's sign-up to the exchange. @throws NotFoundError, SignInRequiredError, ForbiddenError. */
export async function readOwnExchangeSignup(library: ChallengeLibrary, viewer: Viewer, name: string): Promise<{ challenge: StoredChallenge; signup: OwnExchangeSignup }> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  const account = requireParticipant(viewer);
  const signupId = await findSignupId(library.db, challenge.id, account.id);
  if (signupId === undefined) return { challenge, signup: { signedUp: false, requests: [], offers: [] } };
  const prompts = await listPrompts(library.db, challenge.id, ["request", "offer"], signupId);
  return {
    challenge,
    signup: { signedUp: true, requests: prompts.filter((p) => p.side === "request").map((p) => p.tags), offers: prompts.filter((p) => p.side === "offer").map((p) => p.tags) },
  };
}

/**
 * Signs the viewer up (or replaces their sign-up) with these requests and offers.
 * @throws ValidationError when sign-ups are not open, or the sign-up breaks the rules (gift-exchange.ts);
 *   NotFoundError, SignInRequiredError, ForbiddenError.
 */
export async function signUpToExchange(
  library: ChallengeLibrary, viewer: Viewer, name: string, input: { requests: readonly PromptTags[]; offers: readonly PromptTags[] }, now: Date,
): Promise<void> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  const account = requireParticipant(viewer);
  if (!isSignupOpen(challenge.schedule, now)) throw new ValidationError({ signup: "sign-ups for this exchange are not open" });
  if (challenge.matchedAt !== null) throw new ValidationError({ signup: "the matching has been run: sign-ups can no longer change" });
  const parsed = parseExchangeSignup(challenge.exchangeRules, input);
  const at = now.toISOString();
  await library.engine.writeTransaction(library.db, async (trx) => {
    const signupId = await ensureSignup(trx, challenge.id, account.id, at);
    await deleteSignupPrompts(trx, signupId, ["request", "offer"]);
    for (const tags of parsed.requests) await insertPrompt(trx, signupId, { side: "request", tags, text: "", anonymous: false }, at);
    for (const tags of parsed.offers) await insertPrompt(trx, signupId, { side: "offer", tags, text: "", anonymous: false }, at);
  });
}

/** What the maintainers see: every sign-up, who could write for whom, the assignments and who is left over. */
export interface ExchangeSummary {
  challenge: StoredChallenge;
  signups: SignupWithLogin[];
  potentialMatches: PotentialMatch[];
  assignments: StoredAssignment[];
  /** Sign-ups with no assignment to write (after a matching run). */
  unmatchedGivers: SignupWithLogin[];
}

/** The maintainers' summary of the exchange. @throws NotFoundError, SignInRequiredError, ForbiddenError. */
export async function readExchangeSummary(library: ChallengeLibrary, viewer: Viewer, name: string): Promise<ExchangeSummary> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  await requireMaintainer(library.db, challenge, viewer);
  const signups = await listExchangeSignups(library.db, challenge.id);
  const assignments = await listAssignments(library.db, challenge.id);
  const giving = new Set(assignments.map((a) => a.giverSignupId));
  return {
    challenge, signups, potentialMatches: listPotentialMatches(challenge.exchangeRules, signups), assignments,
    unmatchedGivers: challenge.matchedAt === null ? [] : signups.filter((s) => !giving.has(s.id)),
  };
}

/**
 * Runs the matching afresh: the assignments become the maximum matching of the sign-ups, plus one assignment
 * without a giver for each recipient left over (a pinch hitter is needed for it). Nothing of an earlier run is kept.
 * @returns the matching, with who is unmatched.
 * @throws ValidationError once the assignments have been sent; NotFoundError, SignInRequiredError, ForbiddenError.
 */
export async function runExchangeMatching(library: ChallengeLibrary, viewer: Viewer, name: string, now: Date): Promise<ExchangeMatching> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  await requireMaintainer(library.db, challenge, viewer);
  if (challenge.assignmentsSentAt !== null) throw new ValidationError({ matching: "the assignments have been sent: the matching cannot be run again" });
  const at = now.toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    const signups = await listExchangeSignups(trx, challenge.id);
    if (signups.length < 2) throw new ValidationError({ matching: "an exchange needs at least two sign-ups to match" });
    const matching = matchExchange(signups.map((s) => s.id), listPotentialMatches(challenge.exchangeRules, signups));
    // First, so that a send racing this run either commits before it (and this run is refused) or waits for it.
    if (!(await setChallengeMatchedAt(trx, challenge.id, at))) throw new ValidationError({ matching: "the assignments have been sent: the matching cannot be run again" });
    await replaceAssignments(trx, challenge.id, [
      ...matching.pairs.map((p) => ({ giverSignupId: p.giverId, recipientSignupId: p.recipientId })),
      ...matching.unmatchedRecipients.map((recipientSignupId) => ({ giverSignupId: null, recipientSignupId })),
    ], at);
    return matching;
  });
}

/** The inbox note that tells a writer of their assignment (plain text: the inbox links works, not pages). */
export function assignmentNotice(challenge: StoredChallenge, recipientLogin: string): string {
  return `Your assignment in ${challenge.title}: write a gift for ${recipientLogin}. Its requests are on /collections/${challenge.name}/assignments.`;
}

/**
 * Sends the assignments: from now on each giver sees whom they write for (and finds a note in their inbox), and
 * the matching is fixed.
 * @throws ValidationError before a matching run or when they were sent already; NotFoundError, SignInRequiredError, ForbiddenError.
 */
export async function sendExchangeAssignments(library: ChallengeLibrary, viewer: Viewer, name: string, now: Date): Promise<void> {
  const challenge = await requireChallenge(library.db, name, "gift_exchange");
  await requireMaintainer(library.db, challenge, viewer);
  if (challenge.matchedAt === null) throw new ValidationError({ assignments: "run the matching first" });
  if (challenge.assignmentsSentAt !== null) throw new ValidationError({ assignments: "the assignments have been sent already" });
  const at = now.toISOString();
  await library.engine.writeTransaction(library.db, async (trx) => {
    if (!(await setAssignmentsSentAt(trx, challenge.id, at))) throw new ValidationError({ assignments: "the assignments have been sent already" });
    const notices = (await listAssignments(trx, challenge.id)).flatMap((a) => (a.giverUserId === null ? [] : [{
      userId: a.giverUserId, kind: "challenge-assignment", workId: null, chapterId: null, commentId: null, message: assignmentNotice(challenge, a.recipientLogin),
    }]));
    await insertInboxItems(trx, notices, at);
  });
}

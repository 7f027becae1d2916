/** The gates of every challenge page and action: the challenge by its collection's name, its maintainers, its participants. */
import type { Kysely } from "kysely";
import { findChallengeByName, listChallenges, type ChallengeSummary, type StoredChallenge } from "../../db/repositories/challenges.js";
import { findMaintainerRole } from "../../db/repositories/collections.js";
import type { Database } from "../../db/schema.js";
import { isActive, type Account, type Viewer } from "../../domain/account.js";
import type { ChallengeKind } from "../../domain/challenges/challenge.js";
import { ForbiddenError, NotFoundError, SignInRequiredError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";

/**
 * The challenge run by the collection of this name (of this kind, when one is given).
 * @throws NotFoundError when there is none, or it is of the other kind.
 */
export async function requireChallenge(db: Kysely<Database>, name: string, kind?: ChallengeKind): Promise<StoredChallenge> {
  const challenge = await findChallengeByName(db, nameKey(name));
  if (!challenge || (kind !== undefined && challenge.kind !== kind)) throw new NotFoundError(`The challenge "${name}"`);
  return challenge;
}

/**
 * The viewer's account, when they may take part (signed in, not suspended).
 * @throws SignInRequiredError for a guest; ForbiddenError for a suspended account.
 */
export function requireParticipant(viewer: Viewer): Account {
  if (viewer === null) throw new SignInRequiredError("Sign in to take part in a challenge.");
  if (!isActive(viewer)) throw new ForbiddenError("Your account is suspended: it cannot take part in challenges until the suspension ends.");
  return viewer;
}

/** Whether the viewer maintains the challenge's collection. */
export async function isMaintainer(db: Kysely<Database>, challenge: StoredChallenge, viewer: Viewer): Promise<boolean> {
  return viewer !== null && isActive(viewer) && (await findMaintainerRole(db, challenge.collectionId, viewer.id)) !== null;
}

/**
 * The viewer's account, when they maintain the challenge's collection.
 * @throws SignInRequiredError for a guest; ForbiddenError for anyone else.
 */
export async function requireMaintainer(db: Kysely<Database>, challenge: StoredChallenge, viewer: Viewer): Promise<Account> {
  const account = requireParticipant(viewer);
  if ((await findMaintainerRole(db, challenge.collectionId, account.id)) === null) throw new ForbiddenError("Only the collection's maintainers may run its challenge.");
  return account;
}

export type { ChallengeSummary, StoredChallenge };

/** The challenges' index: the newest first, the first 200. */
export function readChallengeIndex(db: Kysely<Database>): Promise<ChallengeSummary[]> {
  return listChallenges(db, 200);
}

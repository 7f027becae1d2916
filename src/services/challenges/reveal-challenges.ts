/**
 * The reveal, and the dates it keeps: when a challenge's works reveal date comes, its collection stops being unrevealed (its works show
 * to everyone who may read them); when the creators' date comes, it stops being anonymous. The collection's flags
 * are what every listing reads, so the reveal is one update, run by the web app at most once a minute
 * (web/routes/challenges.tsx) and at once when a maintainer reveals early.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import { hasDueReveals, revealDueCollections, setChallengeSchedule, setRevealDates } from "../../db/repositories/challenges.js";
import type { Viewer } from "../../domain/account.js";
import type { ChallengeSchedule } from "../../domain/challenges/challenge.js";
import { ValidationError } from "../../domain/errors.js";
import type { Database } from "../../db/schema.js";
import { refreshCollectionWorks } from "../collections/refresh-works.js";
import { requireChallenge, requireMaintainer } from "./challenge-access.js";
import { scheduleProblems } from "./create-challenge.js";

/**
 * Reveals whatever is due at `now`. The web app asks once a minute, so a read comes first: the write transaction
 * (on SQLite, the library's one write lock) is taken only when something is due. @returns how many collections changed.
 */
export async function revealDueChallenges(library: Pick<Library, "db" | "engine">, now: Date): Promise<number> {
  if (!(await hasDueReveals(library.db, now.toISOString()))) return 0;
  return library.engine.writeTransaction(library.db, async (trx) => (await revealCollections(trx, library.engine, now.toISOString())).length);
}

/** Reveals what is due, and refreshes the revealed collections' works (collections/refresh-works.ts). */
async function revealCollections(trx: Kysely<Database>, engine: Library["engine"], at: string): Promise<number[]> {
  const revealed = await revealDueCollections(trx, at);
  await refreshCollectionWorks(trx, engine, revealed, at);
  return revealed;
}

/**
 * A maintainer reveals the challenge's works now (and, with `creators`, its creators too), moving the dates.
 * @throws NotFoundError, SignInRequiredError, ForbiddenError (see challenge-access.ts).
 */
export async function revealChallengeNow(library: Pick<Library, "db" | "engine">, viewer: Viewer, name: string, what: { creators: boolean }, now: Date): Promise<void> {
  const challenge = await requireChallenge(library.db, name);
  await requireMaintainer(library.db, challenge, viewer);
  const at = now.toISOString();
  await library.engine.writeTransaction(library.db, async (trx) => {
    await setRevealDates(trx, challenge.id, what.creators ? { worksRevealAt: at, creatorsRevealAt: at } : { worksRevealAt: at });
    await revealCollections(trx, library.engine, at);
  });
}

/**
 * A maintainer changes the challenge's dates: sign-ups open and close, and the collection is unrevealed and
 * anonymous while its reveal dates are still to come (so a later date conceals again, and none reveals now).
 * @throws ValidationError for dates out of order; NotFoundError, SignInRequiredError, ForbiddenError.
 */
export async function changeChallengeSchedule(library: Pick<Library, "db" | "engine">, viewer: Viewer, name: string, schedule: ChallengeSchedule, now: Date): Promise<void> {
  const challenge = await requireChallenge(library.db, name);
  await requireMaintainer(library.db, challenge, viewer);
  const problems = scheduleProblems(schedule);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  await library.engine.writeTransaction(library.db, async (trx) => {
    await setChallengeSchedule(trx, challenge, schedule, now);
    // The new dates may conceal again or reveal: the works follow the collection's modes.
    await refreshCollectionWorks(trx, library.engine, [challenge.collectionId], now.toISOString());
  });
}

/**
 * Challenges and the collections that run them: the challenge row with its rules and dates, and the collection's
 * unrevealed and anonymous flags that the reveal dates turn off. The collections themselves, their maintainers and
 * their items are collections.ts's.
 */
import type { Kysely } from "kysely";
import type { ChallengeKind, ChallengeSchedule } from "../../domain/challenges/challenge.js";
import type { ExchangeRules } from "../../domain/challenges/gift-exchange.js";
import type { Database } from "../schema.js";

export interface StoredChallenge {
  id: number;
  kind: ChallengeKind;
  collectionId: number;
  /** The collection's short name: the challenge's address. */
  name: string;
  title: string;
  description: string | null;
  schedule: ChallengeSchedule;
  exchangeRules: ExchangeRules;
  /** A prompt meme's limit of prompts per participant. */
  promptsMax: number;
  matchedAt: string | null;
  assignmentsSentAt: string | null;
  /** The collection's flags as stored now (the reveal turns them off). */
  unrevealed: boolean;
  anonymous: boolean;
}

export interface NewChallenge {
  kind: ChallengeKind;
  collectionId: number;
  schedule: ChallengeSchedule;
  exchangeRules: ExchangeRules;
  promptsMax: number;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const dateOf = (text: string | null): Date | null => (text === null ? null : new Date(text));

type ScheduleColumns = Pick<Database["challenges"], "signup_opens_at" | "signup_closes_at" | "works_reveal_at" | "creators_reveal_at">;

function scheduleOf(row: ScheduleColumns): ChallengeSchedule {
  return {
    signupOpensAt: dateOf(row.signup_opens_at), signupClosesAt: dateOf(row.signup_closes_at),
    worksRevealAt: dateOf(row.works_reveal_at), creatorsRevealAt: dateOf(row.creators_reveal_at),
  };
}

/** Stores the challenge of a collection. @returns its id. */
export async function insertChallenge(db: Kysely<Database>, challenge: NewChallenge, now: string): Promise<number> {
  const { schedule, exchangeRules: rules } = challenge;
  const { id } = await db.insertInto("challenges").values({
    collection_id: challenge.collectionId, kind: challenge.kind,
    signup_opens_at: iso(schedule.signupOpensAt), signup_closes_at: iso(schedule.signupClosesAt),
    works_reveal_at: iso(schedule.worksRevealAt), creators_reveal_at: iso(schedule.creatorsRevealAt),
    requests_min: rules.requests.min, requests_max: rules.requests.max, offers_min: rules.offers.min, offers_max: rules.offers.max,
    match_fandom: rules.tagsInCommon.fandom, match_relationship: rules.tagsInCommon.relationship,
    match_character: rules.tagsInCommon.character, match_freeform: rules.tagsInCommon.freeform,
    prompts_max: challenge.promptsMax, created_at: now,
  }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** The challenge whose collection has this name key, or undefined. */
export async function findChallengeByName(db: Kysely<Database>, collectionNameKey: string): Promise<StoredChallenge | undefined> {
  const row = await db.selectFrom("challenges as ch").innerJoin("collections as c", "c.id", "ch.collection_id")
    .selectAll("ch").select(["c.name", "c.title", "c.description", "c.unrevealed", "c.anonymous"])
    .where("c.name_key", "=", collectionNameKey).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, kind: row.kind, collectionId: row.collection_id, name: row.name, title: row.title, description: row.description,
    schedule: scheduleOf(row),
    exchangeRules: {
      requests: { min: row.requests_min, max: row.requests_max },
      offers: { min: row.offers_min, max: row.offers_max },
      tagsInCommon: { fandom: row.match_fandom, relationship: row.match_relationship, character: row.match_character, freeform: row.match_freeform },
    },
    promptsMax: row.prompts_max, matchedAt: row.matched_at, assignmentsSentAt: row.assignments_sent_at,
    unrevealed: row.unrevealed === 1, anonymous: row.anonymous === 1,
  };
}

/**
 * Stamps a matching run, unless the assignments have been sent meanwhile. The condition is checked by the update
 * itself, which waits on another writer's lock of the row: a run racing a send cannot replace sent assignments.
 * @returns false when they had been sent.
 */
export async function setChallengeMatchedAt(db: Kysely<Database>, challengeId: number, at: string): Promise<boolean> {
  const result = await db.updateTable("challenges").set({ matched_at: at }).where("id", "=", challengeId).where("assignments_sent_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks the assignments sent, once (the update checks it, as setChallengeMatchedAt). @returns false when already sent. */
export async function setAssignmentsSentAt(db: Kysely<Database>, challengeId: number, at: string): Promise<boolean> {
  const result = await db.updateTable("challenges").set({ assignments_sent_at: at }).where("id", "=", challengeId).where("assignments_sent_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Replaces the challenge's dates, and sets its collection unrevealed and anonymous as the new reveal dates say at
 * `now` (a date still to come conceals, none or one passed reveals).
 */
export async function setChallengeSchedule(db: Kysely<Database>, challenge: { id: number; collectionId: number }, schedule: ChallengeSchedule, now: Date): Promise<void> {
  await db.updateTable("challenges").set({
    signup_opens_at: iso(schedule.signupOpensAt), signup_closes_at: iso(schedule.signupClosesAt),
    works_reveal_at: iso(schedule.worksRevealAt), creators_reveal_at: iso(schedule.creatorsRevealAt),
  }).where("id", "=", challenge.id).execute();
  const pending = (date: Date | null) => (date !== null && date > now ? 1 : 0);
  await db.updateTable("collections").set({ unrevealed: pending(schedule.worksRevealAt), anonymous: pending(schedule.creatorsRevealAt), updated_at: now.toISOString() })
    .where("id", "=", challenge.collectionId).execute();
}

/** Moves the reveal dates (a maintainer revealing early sets them to now). */
export async function setRevealDates(db: Kysely<Database>, challengeId: number, dates: { worksRevealAt?: string; creatorsRevealAt?: string }): Promise<void> {
  await db.updateTable("challenges").set({ works_reveal_at: dates.worksRevealAt, creators_reveal_at: dates.creatorsRevealAt }).where("id", "=", challengeId).execute();
}

/** Whether any challenge collection has a reveal due at `now` (revealDueCollections would change it): a read. */
export async function hasDueReveals(db: Kysely<Database>, now: string): Promise<boolean> {
  const row = await db.selectFrom("challenges as ch").innerJoin("collections as c", "c.id", "ch.collection_id").select("c.id")
    .where((eb) => eb.or([
      eb.and([eb("c.unrevealed", "=", 1), eb("ch.works_reveal_at", "<=", now)]),
      eb.and([eb("c.anonymous", "=", 1), eb("ch.creators_reveal_at", "<=", now)]),
    ])).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Turns off the unrevealed flag of every challenge collection whose works' reveal date has come, and the anonymous
 * flag of those whose creators' date has come (and whose works are revealed: a creator is never named first).
 * @returns the ids of the collections changed, whose works' pages and text index entries must follow.
 */
export async function revealDueCollections(db: Kysely<Database>, now: string): Promise<number[]> {
  const due = (column: "works_reveal_at" | "creators_reveal_at") => db.selectFrom("challenges").select("collection_id")
    .where(column, "is not", null).where(column, "<=", now);
  const works = await db.updateTable("collections").set({ unrevealed: 0, updated_at: now })
    .where("unrevealed", "=", 1).where("id", "in", due("works_reveal_at")).returning("id").execute();
  const creators = await db.updateTable("collections").set({ anonymous: 0, updated_at: now })
    .where("anonymous", "=", 1).where("unrevealed", "=", 0).where("id", "in", due("creators_reveal_at")).returning("id").execute();
  return [...new Set([...works, ...creators].map((row) => row.id))];
}


/** One line of the challenges' index. */
export interface ChallengeSummary {
  name: string;
  title: string;
  kind: ChallengeKind;
  schedule: ChallengeSchedule;
}

/** Every challenge, the newest first, at most `limit`. */
export async function listChallenges(db: Kysely<Database>, limit: number): Promise<ChallengeSummary[]> {
  const rows = await db.selectFrom("challenges as ch").innerJoin("collections as c", "c.id", "ch.collection_id")
    .select(["c.name", "c.title", "ch.kind", "ch.signup_opens_at", "ch.signup_closes_at", "ch.works_reveal_at", "ch.creators_reveal_at"])
    .orderBy("ch.id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    name: r.name, title: r.title, kind: r.kind,
    schedule: scheduleOf(r),
  }));
}

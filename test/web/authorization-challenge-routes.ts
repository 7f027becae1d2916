/**
 * The challenge routes' rows of the authorization matrix (authorization-routes.ts spreads them into its list).
 * Each row's `prepare` makes a challenge of its own for the actor, straight in the store: a collection maintained
 * by the scene's `author`, and for a gift exchange sign-ups by `creator` (who offers what `reader` asks for, and
 * asks for what `reader` offers), so that the matching pairs creator → reader and reader → creator. The creator
 * hands in the scene's work, which is theirs. The made token is the challenge's collection name.
 */
import type { Kysely } from "kysely";
import { insertClaim } from "../../src/db/repositories/challenge-claims.js";
import { listAssignments, replaceAssignments, setAssignmentDefaulted } from "../../src/db/repositories/challenge-assignments.js";
import { ensureSignup, insertPrompt } from "../../src/db/repositories/challenge-signups.js";
import { insertChallenge, setAssignmentsSentAt, setChallengeMatchedAt } from "../../src/db/repositories/challenges.js";
import { insertCollection } from "../../src/db/repositories/collections.js";
import type { Database } from "../../src/db/schema.js";
import { NO_PROMPT_TAGS, type ChallengeKind } from "../../src/domain/challenges/challenge.js";
import { DEFAULT_EXCHANGE_RULES } from "../../src/domain/challenges/gift-exchange.js";
import type { Actor } from "../support/authorization-scene.js";
import type { CaseContext, Outcome, RouteCase, SceneContext } from "./authorization-routes.js";

const AT = "2026-11-20T00:00:00.000Z";
let made = 0;

function outcomes(rest: Outcome, specific: Partial<Record<Actor, Outcome>>): Record<Actor, Outcome> {
  return { anonymous: rest, reader: rest, author: rest, creator: rest, coauthor: rest, moderator: rest, admin: rest, suspended: rest, ...specific };
}
/** Anyone signed in and not suspended. */
const PARTICIPANTS = outcomes("allowed", { anonymous: "sign-in", suspended: "forbidden" });
/** The collection's maintainer (the scene's author) alone. */
const MAINTAINER = outcomes("forbidden", { anonymous: "sign-in", author: "allowed" });

/** Reads a value before and after; the request took effect when `took` says so of the pair. */
function watching<T>(read: (c: CaseContext) => Promise<T>, took: (before: T, after: T) => boolean): RouteCase["watch"] {
  return async (c) => {
    const before = await read(c);
    return async () => {
      const after = await read(c);
      return { before, after, tookEffect: took(before, after) };
    };
  };
}

async function rows(db: Kysely<Database>, table: "challenges" | "challenge_signups" | "challenge_prompts" | "challenge_claims"): Promise<number> {
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

const challengeOf = (c: CaseContext) => c.db.selectFrom("challenges as ch").innerJoin("collections as co", "co.id", "ch.collection_id")
  .select(["ch.id", "ch.assignments_sent_at", "co.unrevealed"]).where("co.name", "=", c.made.token).executeTakeFirstOrThrow();

/** A new challenge maintained by the scene's author; with `signups`, the creator's and the reader's exchange sign-ups. */
async function makeChallenge(c: SceneContext, kind: ChallengeKind, options: { signups?: boolean; unrevealed?: boolean } = {}) {
  const name = `Matrix_${kind}_${(made += 1)}`;
  const collectionId = await insertCollection(c.db, {
    name, title: name, description: null, ownerId: c.scene.accounts.author.userId, parentId: null, state: "open", unrevealed: options.unrevealed ?? false, anonymous: false,
  }, AT);
  const challengeId = await insertChallenge(c.db, {
    kind, collectionId, exchangeRules: DEFAULT_EXCHANGE_RULES, promptsMax: 50,
    schedule: { signupOpensAt: null, signupClosesAt: null, worksRevealAt: options.unrevealed ? new Date("2027-01-01T00:00:00Z") : null, creatorsRevealAt: null },
  }, AT);
  const signups = { creator: 0, reader: 0 };
  if (options.signups) {
    for (const [who, offer, request] of [["creator", "Harbour Lights", "Salt Roads"], ["reader", "Salt Roads", "Harbour Lights"]] as const) {
      signups[who] = await ensureSignup(c.db, challengeId, c.scene.accounts[who].userId, AT);
      await insertPrompt(c.db, signups[who], { side: "offer", tags: { ...NO_PROMPT_TAGS, fandom: [offer] }, text: "", anonymous: false }, AT);
      await insertPrompt(c.db, signups[who], { side: "request", tags: { ...NO_PROMPT_TAGS, fandom: [request] }, text: "", anonymous: false }, AT);
    }
  }
  return { name, challengeId, signups };
}

/** An exchange whose assignments went out; `id` is the creator's assignment (writing for the reader). */
async function sentExchange(c: SceneContext, options: { defaulted?: boolean } = {}) {
  const { name, challengeId, signups } = await makeChallenge(c, "gift_exchange", { signups: true });
  await replaceAssignments(c.db, challengeId, [{ giverSignupId: signups.creator, recipientSignupId: signups.reader }, { giverSignupId: signups.reader, recipientSignupId: signups.creator }], AT);
  await setChallengeMatchedAt(c.db, challengeId, AT);
  await setAssignmentsSentAt(c.db, challengeId, AT);
  const id = (await listAssignments(c.db, challengeId)).find((a) => a.giverSignupId === signups.creator)?.id ?? 0;
  if (options.defaulted) await setAssignmentDefaulted(c.db, id);
  return { id, token: name };
}

const assignment = (c: CaseContext) => c.db.selectFrom("challenge_assignments").select(["defaulted", "pinch_hitter_id", "fulfilled_by_work_id"]).where("id", "=", c.made.id).executeTakeFirstOrThrow();
const path = (rest: string) => (c: CaseContext) => `/collections/${c.made.token}/${rest.replace(":id", String(c.made.id))}`;

export const CHALLENGE_ROUTE_CASES: readonly RouteCase[] = [
  {
    // As for any collection: authors and above, not suspended.
    route: "/challenges", path: () => "/challenges", expected: outcomes("allowed", { anonymous: "sign-in", reader: "forbidden", suspended: "forbidden" }), watch: watching((c) => rows(c.db, "challenges"), (b, a) => a === b + 1),
    form: (c) => ({ name: `Matrix_new_${c.actor}_${c.scene.workId}`, title: "A Matrix Exchange", kind: "gift_exchange" }),
  },
  {
    route: "/collections/:name/signups", path: path("signups"), prepare: async (c) => ({ token: (await makeChallenge(c, "gift_exchange")).name }),
    form: () => ({ request1_fandom: "Harbour Lights", offer1_fandom: "Salt Roads" }), expected: PARTICIPANTS, watch: watching((c) => rows(c.db, "challenge_signups"), (b, a) => a === b + 1),
  },
  {
    route: "/collections/:name/matching", path: path("matching"), prepare: async (c) => ({ token: (await makeChallenge(c, "gift_exchange", { signups: true })).name }),
    form: () => ({}), expected: MAINTAINER,
    watch: watching(async (c) => (await listAssignments(c.db, (await challengeOf(c)).id)).length, (b, a) => b === 0 && a === 2),
  },
  {
    route: "/collections/:name/assignments/send", path: path("assignments/send"), form: () => ({}), expected: MAINTAINER,
    prepare: async (c) => {
      const { name, challengeId, signups } = await makeChallenge(c, "gift_exchange", { signups: true });
      await replaceAssignments(c.db, challengeId, [{ giverSignupId: signups.creator, recipientSignupId: signups.reader }], AT);
      await setChallengeMatchedAt(c.db, challengeId, AT);
      return { token: name };
    },
    watch: watching(async (c) => (await challengeOf(c)).assignments_sent_at, (b, a) => b === null && a !== null),
  },
  {
    route: "/collections/:name/reveal", path: path("reveal"), prepare: async (c) => ({ token: (await makeChallenge(c, "gift_exchange", { unrevealed: true })).name }),
    form: () => ({ what: "works" }), expected: MAINTAINER, watch: watching(async (c) => (await challengeOf(c)).unrevealed, (b, a) => b === 1 && a === 0),
  },
  {
    route: "/collections/:name/schedule", path: path("schedule"), prepare: async (c) => ({ token: (await makeChallenge(c, "gift_exchange")).name }),
    form: () => ({ signupClosesAt: "2026-12-20T12:00" }), expected: MAINTAINER,
    watch: watching(async (c) => (await c.db.selectFrom("challenges").select("signup_closes_at").where("id", "=", (await challengeOf(c)).id).executeTakeFirstOrThrow()).signup_closes_at,
      (b, a) => b === null && a === "2026-12-20T12:00:00.000Z"),
  },
  {
    // The giver (the creator) or the maintainer may default an assignment.
    route: "/collections/:name/assignments/:id/default", path: path("assignments/:id/default"), prepare: (c) => sentExchange(c), form: () => ({}),
    expected: outcomes("forbidden", { anonymous: "sign-in", author: "allowed", creator: "allowed" }),
    watch: watching(async (c) => (await assignment(c)).defaulted, (b, a) => b === 0 && a === 1),
  },
  {
    route: "/collections/:name/assignments/:id/pinch-hitter", path: path("assignments/:id/pinch-hitter"), prepare: (c) => sentExchange(c, { defaulted: true }),
    form: (c) => ({ login: c.scene.accounts.coauthor.login }), expected: MAINTAINER,
    watch: watching(async (c) => (await assignment(c)).pinch_hitter_id, (b, a) => b === null && a !== null),
  },
  {
    // Only the assignment's writer hands it in, with a work of their own (the scene's work is the creator's).
    route: "/collections/:name/assignments/:id/fulfil", path: path("assignments/:id/fulfil"), prepare: (c) => sentExchange(c),
    form: (c) => ({ work: String(c.scene.workId) }), expected: outcomes("forbidden", { anonymous: "sign-in", creator: "allowed" }),
    watch: watching(async (c) => (await assignment(c)).fulfilled_by_work_id, (b, a) => b === null && a !== null),
  },
  {
    route: "/collections/:name/prompts", path: path("prompts"), prepare: async (c) => ({ token: (await makeChallenge(c, "prompt_meme")).name }),
    form: () => ({ fandom: "Harbour Lights", text: "The lamp goes out." }), expected: PARTICIPANTS, watch: watching((c) => rows(c.db, "challenge_prompts"), (b, a) => a === b + 1),
  },
  {
    route: "/collections/:name/prompts/:id/claim", path: path("prompts/:id/claim"), form: () => ({}), expected: PARTICIPANTS,
    prepare: async (c) => {
      const { name, challengeId } = await makeChallenge(c, "prompt_meme");
      const signupId = await ensureSignup(c.db, challengeId, c.scene.accounts.reader.userId, AT);
      return { token: name, id: await insertPrompt(c.db, signupId, { side: "prompt", tags: NO_PROMPT_TAGS, text: "A prompt to claim.", anonymous: false }, AT) };
    },
    watch: watching((c) => rows(c.db, "challenge_claims"), (b, a) => a === b + 1),
  },
  {
    // Only the claimant (the creator) fills a claim, with a work of their own.
    route: "/collections/:name/claims/:id/fill", path: path("claims/:id/fill"), form: (c) => ({ work: String(c.scene.workId) }),
    expected: outcomes("forbidden", { anonymous: "sign-in", creator: "allowed" }),
    prepare: async (c) => {
      const { name, challengeId } = await makeChallenge(c, "prompt_meme");
      const signupId = await ensureSignup(c.db, challengeId, c.scene.accounts.reader.userId, AT);
      const promptId = await insertPrompt(c.db, signupId, { side: "prompt", tags: NO_PROMPT_TAGS, text: "A prompt to fill.", anonymous: false }, AT);
      return { token: name, id: await insertClaim(c.db, promptId, c.scene.accounts.creator.userId, AT) };
    },
    watch: watching((c) => c.db.selectFrom("challenge_claims").select("filled_by_work_id").where("id", "=", c.made.id).executeTakeFirstOrThrow().then((r) => r.filled_by_work_id),
      (b, a) => b === null && a !== null),
  },
];

/**
 * Challenge sign-ups and their prompts: a gift exchange's requests and offers, a prompt meme's prompts, each with
 * its tags by type as the participant typed them.
 */
import type { Kysely } from "kysely";
import { NO_PROMPT_TAGS, PROMPT_TAG_TYPES, type PromptTags } from "../../domain/challenges/challenge.js";
import type { ExchangeSignup } from "../../domain/challenges/gift-exchange.js";
import { nameKey } from "../../domain/sort-key.js";
import type { Database } from "../schema.js";

export type PromptSide = "request" | "offer" | "prompt";

export interface StoredPrompt {
  id: number;
  signupId: number;
  userId: number;
  login: string;
  side: PromptSide;
  position: number;
  tags: PromptTags;
  text: string;
  anonymous: boolean;
  createdAt: string;
}

export interface SignupWithLogin extends ExchangeSignup {
  login: string;
  updatedAt: string;
}

/** The user's sign-up id for the challenge, made now if there is none. */
export async function ensureSignup(db: Kysely<Database>, challengeId: number, userId: number, now: string): Promise<number> {
  await db.insertInto("challenge_signups").values({ challenge_id: challengeId, user_id: userId, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(["challenge_id", "user_id"]).doUpdateSet({ updated_at: now })).execute();
  const { id } = await db.selectFrom("challenge_signups").select("id").where("challenge_id", "=", challengeId).where("user_id", "=", userId).executeTakeFirstOrThrow();
  return id;
}

/** The user's sign-up id for the challenge, or undefined. */
export async function findSignupId(db: Kysely<Database>, challengeId: number, userId: number): Promise<number | undefined> {
  return (await db.selectFrom("challenge_signups").select("id").where("challenge_id", "=", challengeId).where("user_id", "=", userId).executeTakeFirst())?.id;
}

/** Removes the sign-up's prompts of these sides (a gift exchange sign-up is replaced whole when it is edited). */
export async function deleteSignupPrompts(db: Kysely<Database>, signupId: number, sides: readonly PromptSide[]): Promise<void> {
  await db.deleteFrom("challenge_prompts").where("signup_id", "=", signupId).where("side", "in", [...sides]).execute();
}

/** Adds a prompt (request, offer or meme prompt) with its tags, after the sign-up's others of its side. @returns its id. */
export async function insertPrompt(db: Kysely<Database>, signupId: number, prompt: { side: PromptSide; tags: PromptTags; text: string; anonymous: boolean }, now: string): Promise<number> {
  const last = await db.selectFrom("challenge_prompts").select((eb) => eb.fn.max("position").as("position"))
    .where("signup_id", "=", signupId).where("side", "=", prompt.side).executeTakeFirst();
  const { id } = await db.insertInto("challenge_prompts").values({
    signup_id: signupId, side: prompt.side, position: Number(last?.position ?? 0) + 1, text: prompt.text, anonymous: prompt.anonymous ? 1 : 0, created_at: now,
  }).returning("id").executeTakeFirstOrThrow();
  const tags = PROMPT_TAG_TYPES.flatMap((type) => prompt.tags[type].map((name, position) => ({ prompt_id: id, type, position, name, name_key: nameKey(name) })));
  if (tags.length > 0) await db.insertInto("challenge_prompt_tags").values(tags).execute();
  return id;
}

/** The challenge a prompt of this side belongs to, or undefined when there is no such prompt. */
export async function findPromptChallengeId(db: Kysely<Database>, promptId: number, side: PromptSide): Promise<number | undefined> {
  const row = await db.selectFrom("challenge_prompts as p").innerJoin("challenge_signups as s", "s.id", "p.signup_id")
    .select("s.challenge_id").where("p.id", "=", promptId).where("p.side", "=", side).executeTakeFirst();
  return row?.challenge_id;
}

/** How many prompts of a side the sign-up has. */
export async function countSignupPrompts(db: Kysely<Database>, signupId: number, side: PromptSide): Promise<number> {
  const row = await db.selectFrom("challenge_prompts").select((eb) => eb.fn.countAll<number>().as("n")).where("signup_id", "=", signupId).where("side", "=", side).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The challenge's prompts of the sides asked for, by sign-up then side then position (or one sign-up's). */
export async function listPrompts(db: Kysely<Database>, challengeId: number, sides: readonly PromptSide[], signupId?: number): Promise<StoredPrompt[]> {
  let query = db.selectFrom("challenge_prompts as p").innerJoin("challenge_signups as s", "s.id", "p.signup_id").innerJoin("users as u", "u.id", "s.user_id")
    .select(["p.id", "p.signup_id", "s.user_id", "u.login", "p.side", "p.position", "p.text", "p.anonymous", "p.created_at"])
    .where("s.challenge_id", "=", challengeId).where("p.side", "in", [...sides]);
  if (signupId !== undefined) query = query.where("s.id", "=", signupId);
  const rows = await query.orderBy("s.id").orderBy("p.side").orderBy("p.position").execute();
  const tags = new Map<number, Record<keyof PromptTags, string[]>>();
  const ids = rows.map((r) => r.id);
  for (let start = 0; start < ids.length; start += 500) {
    const tagRows = await db.selectFrom("challenge_prompt_tags").select(["prompt_id", "type", "name"])
      .where("prompt_id", "in", ids.slice(start, start + 500)).orderBy("prompt_id").orderBy("type").orderBy("position").execute();
    for (const tag of tagRows) {
      const byType = tags.get(tag.prompt_id) ?? { fandom: [], relationship: [], character: [], freeform: [] };
      byType[tag.type].push(tag.name);
      tags.set(tag.prompt_id, byType);
    }
  }
  return rows.map((r) => ({
    id: r.id, signupId: r.signup_id, userId: r.user_id, login: r.login, side: r.side, position: r.position,
    tags: tags.get(r.id) ?? NO_PROMPT_TAGS, text: r.text, anonymous: r.anonymous === 1, createdAt: r.created_at,
  }));
}

/** The exchange's sign-ups with their requests and offers, by id: what the matching reads. */
export async function listExchangeSignups(db: Kysely<Database>, challengeId: number): Promise<SignupWithLogin[]> {
  const signups = await db.selectFrom("challenge_signups as s").innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "u.login", "s.updated_at"]).where("s.challenge_id", "=", challengeId).orderBy("s.id").execute();
  const sides = new Map(signups.map((s) => [s.id, { requests: [] as PromptTags[], offers: [] as PromptTags[] }]));
  for (const prompt of await listPrompts(db, challengeId, ["request", "offer"])) {
    sides.get(prompt.signupId)?.[prompt.side === "request" ? "requests" : "offers"].push(prompt.tags);
  }
  return signups.map((s) => ({ id: s.id, userId: s.user_id, login: s.login, updatedAt: s.updated_at, requests: [], offers: [], ...sides.get(s.id) }));
}

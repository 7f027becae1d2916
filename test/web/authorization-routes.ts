/**
 * Every state-changing route, one row each, for the authorization matrix (authorization-matrix.test.ts): the
 * path and form to send, what each actor should get, and what the request changes — read before and after, so
 * that an allowed request is seen to take effect and a refused one to change nothing. A route with more than one
 * question to answer (a draft's edit page, an admin acted on) has a row per question, told apart by `variant`.
 *
 * The matrix also checks that the rows and the app's POST routes are the same list, so a new route without a row
 * (or a row whose route has gone) fails it.
 *
 * Suspension, as the rows encode it: a suspended account reads, and changes nothing anyone else sees or anything it
 * would take part in (posting, editing, comments, kudos, bookmarks, subscriptions, reports, pseuds, moderation);
 * it keeps the keys to its own account — signing in and out, its password, its address, its sessions, its reading
 * settings, its mutes, its inbox's read marks and its history — since locking a suspended person out of securing
 * or tidying their own account protects no one.
 */
import { mkdtempSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { insertApiToken } from "../../src/db/repositories/api-tokens.js";
import { insertCollection } from "../../src/db/repositories/collections.js";
import { insertPasswordReset } from "../../src/db/repositories/passwords.js";
import type { CollectionItemStatus, CollectionState } from "../../src/domain/collections/collection.js";
import { SUSPENDED_UNTIL_LIFTED } from "../../src/domain/moderation.js";
import { nameKey } from "../../src/domain/sort-key.js";
import type { Database, UserRow } from "../../src/db/schema.js";
import { newToken, tokenDigest } from "../../src/services/accounts/secrets.js";
import { startSession } from "../../src/services/accounts/sessions.js";
import { PREFS_COOKIE, readPrefsCookie, readPrefsJson } from "../../src/web/reader-prefs.js";
import type { TestAccount } from "../support/accounts.js";
import { TEST_PASSWORD } from "../support/accounts.js";
import type { Actor, Scene } from "../support/authorization-scene.js";
import type { WebClient } from "../support/web-client.js";
import { CHALLENGE_ROUTE_CASES } from "./authorization-challenge-routes.js";
import { TODAY } from "../support/web-library.js";

/**
 * What an actor gets: the action done (2xx, or a 303 elsewhere than sign-in), sent to sign in (303 to /login, or
 * 401), 403, 404; or `no-op`: answered as if done (a 303 elsewhere than sign-in) while changing nothing — a
 * guest's form (sign-up) sent from a signed-in browser, sign-out without a session.
 */
export type Outcome = "allowed" | "no-op" | "sign-in" | "forbidden" | "not-found";

/** The actor's scene, request and database, before the row's `prepare` has run. */
export interface SceneContext {
  scene: Scene;
  actor: Actor;
  /** The actor's account; null for a guest. */
  account: TestAccount | null;
  client: WebClient;
  db: Kysely<Database>;
}

/** What a row's `prepare` made for one actor's request: the id of the thing acted on, or a secret token. */
export interface Made {
  id: number;
  token: string;
}

export interface CaseContext extends SceneContext {
  made: Made;
}

/** What a request changed: read before it, then after. */
export interface Observation {
  before: unknown;
  after: unknown;
  /** For an allowed request: it did what the route is for. */
  tookEffect: boolean;
}

export interface RouteCase {
  /** The route as its router knows it, without its parameters' patterns, e.g. `/works/:id/report`. */
  route: string;
  /** Which of several rows of one route this is, when there are several. */
  variant?: string;
  /**
   * Makes what the request acts on that the scene does not hold: another's thing (a reader's bookmark, to see who
   * else may delete it) or the actor's own (a second session, a mute), made for each actor.
   */
  prepare?(context: SceneContext): Promise<Partial<Made>>;
  path(context: CaseContext): string;
  form(context: CaseContext): Record<string, string | string[]> | FormData;
  expected: Readonly<Record<Actor, Outcome>>;
  /** Reads the state now and returns how to read it again after the request, whose answer's body it is given. */
  watch(context: CaseContext): Promise<(body: string) => Promise<Observation>>;
}

function outcomes(rest: Outcome, specific: Partial<Record<Actor, Outcome>> = {}): Record<Actor, Outcome> {
  return { anonymous: rest, reader: rest, author: rest, creator: rest, coauthor: rest, moderator: rest, admin: rest, suspended: rest, ...specific };
}

/** Anyone, guests included; suspended accounts only read. */
const ACTIVE_OR_GUEST = outcomes("allowed", { suspended: "forbidden" });
const EVERYONE = outcomes("allowed");
/** One's own account's keys and settings: suspended accounts too (see the top of this file). */
const SIGNED_IN = outcomes("allowed", { anonymous: "sign-in" });
const SIGNED_IN_ACTIVE = outcomes("allowed", { anonymous: "sign-in", suspended: "forbidden" });
/** canPostWorks: authors and above, not suspended. */
const POSTERS = outcomes("allowed", { anonymous: "sign-in", reader: "forbidden", suspended: "forbidden" });
/** canEditWork on a public work: its creators, not suspended; others may read it, so they learn of no secret. */
const CREATORS = outcomes("forbidden", { anonymous: "sign-in", creator: "allowed", coauthor: "allowed" });
const MODERATORS = outcomes("forbidden", { anonymous: "sign-in", moderator: "allowed", admin: "allowed" });
const ADMINS = outcomes("forbidden", { anonymous: "sign-in", admin: "allowed" });
/**
 * A thing of the creator's own (a pseud): theirs to change; anyone else is told there is no such thing of theirs,
 * and a suspended account is refused before it is asked whose the thing is.
 */
const CREATOR_OWN = outcomes("not-found", { anonymous: "sign-in", creator: "allowed", suspended: "forbidden" });
/** The same of the reader's own (their bookmark, their subscription). */
const READER_OWN = outcomes("not-found", { anonymous: "sign-in", reader: "allowed", suspended: "forbidden" });

/** The JSON API's writes, sent from a browser with its session cookie and CSRF token: every one asks for a token (401). */
const NO_COOKIE_WRITES = outcomes("sign-in");

/** Reads with `observe` before and after; `tookEffect` judges the pair (and the answer's body, for a page that is the effect). */
function watching<T>(observe: (c: CaseContext) => Promise<T>, tookEffect: (before: T, after: T, c: CaseContext, body: string) => boolean): RouteCase["watch"] {
  return async (c) => {
    const before = await observe(c);
    return async (body) => {
      const after = await observe(c);
      return { before, after, tookEffect: tookEffect(before, after, c, body) };
    };
  };
}

/** A count that an allowed request raises by one. */
function countRises(read: (c: CaseContext) => Promise<number>): RouteCase["watch"] {
  return watching(read, (before, after) => after === before + 1);
}

/** A count that an allowed request lowers by one. */
function countFalls(read: (c: CaseContext) => Promise<number>): RouteCase["watch"] {
  return watching(read, (before, after) => after === before - 1);
}

/** A value that an allowed request sets to what `expected` says. */
function becomes<T>(read: (c: CaseContext) => Promise<T>, expected: (c: CaseContext) => T): RouteCase["watch"] {
  return watching(read, (_, after, c) => JSON.stringify(after) === JSON.stringify(expected(c)));
}

/** A page the request answers with, storing nothing: the count must not move, and the page must hold `shows`. */
function answersWith(read: (c: CaseContext) => Promise<number>, shows: string): RouteCase["watch"] {
  return watching(read, (before, after, _, body) => after === before && body.includes(shows));
}

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The signed-in actor's account, for a row that only reads it when there is one. */
function own<T>(c: CaseContext, read: (account: TestAccount) => Promise<T>, guest: T): Promise<T> {
  return c.account ? read(c.account) : Promise.resolve(guest);
}

const reportsOf = (c: CaseContext, type: "work" | "comment", id: number) =>
  count(c.db.selectFrom("reports").select((eb) => eb.fn.countAll().as("n")).where("target_type", "=", type).where("target_id", "=", id));
const workHidden = (c: CaseContext, id: number) => c.db.selectFrom("works").select("hidden_by_moderator").where("id", "=", id).executeTakeFirstOrThrow().then((r) => r.hidden_by_moderator);
const workTitle = (c: CaseContext, id: number) => c.db.selectFrom("works").select("title").where("id", "=", id).executeTakeFirstOrThrow().then((r) => r.title);
const worksTitled = (c: CaseContext, title: string) => count(c.db.selectFrom("works").select((eb) => eb.fn.countAll().as("n")).where("title", "=", title));
const allWorks = (c: CaseContext) => count(c.db.selectFrom("works").select((eb) => eb.fn.countAll().as("n")));
const commentStatus = (c: CaseContext, id: number) => c.db.selectFrom("comments").select("status").where("id", "=", id).executeTakeFirst().then((r) => r?.status ?? "gone");
const suspendedUntil = (c: CaseContext, userId: number) => c.db.selectFrom("users").select("suspended_until").where("id", "=", userId).executeTakeFirstOrThrow().then((r) => r.suspended_until);
const userColumn = <K extends keyof UserRow>(c: CaseContext, userId: number, column: K): Promise<UserRow[K]> =>
  c.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow().then((r) => r[column]);
const inboxOf = (c: CaseContext, userId: number) => count(c.db.selectFrom("inbox_items").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId));
const sessionsOf = (c: CaseContext, userId: number) => count(c.db.selectFrom("sessions").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId));
const allSessions = (c: CaseContext) => count(c.db.selectFrom("sessions").select((eb) => eb.fn.countAll().as("n")));
const pseudName = (c: CaseContext, authorId: number) => c.db.selectFrom("authors").select("name").where("id", "=", authorId).executeTakeFirstOrThrow().then((r) => r.name);
const chapterCount = (c: CaseContext) => count(c.db.selectFrom("chapters").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId));
const firstChapterText = (c: CaseContext) =>
  c.db.selectFrom("chapters").select("text").where("work_id", "=", c.scene.workId).where("position", "=", 1).executeTakeFirstOrThrow().then((r) => r.text);
const invitationOf = (c: CaseContext) => c.db.selectFrom("work_author_invitations").select("id").where("id", "=", c.made.id).executeTakeFirst().then((r) => r?.id ?? null);
const workAuthorRows = (c: CaseContext) => count(c.db.selectFrom("work_authors").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId));
const seriesName = (c: CaseContext) => c.db.selectFrom("series").select("name").where("id", "=", c.scene.seriesId).executeTakeFirstOrThrow().then((r) => r.name);
const apiTokensOf = (c: CaseContext, userId: number) => count(c.db.selectFrom("api_tokens").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId));
const tokenRevoked = (c: CaseContext) => c.db.selectFrom("api_tokens").select("revoked_at").where("id", "=", c.made.id).executeTakeFirst().then((r) => r !== undefined && r.revoked_at !== null);
/** A read token of the account's, made straight in the store. */
const apiToken = (c: SceneContext, account: TestAccount) => insertApiToken(c.db, { userId: account.userId, name: "A matrix token", digest: tokenDigest(newToken()), scope: "read", now: "2026-11-20T00:00:00.000Z" });
/** An undecided guess the tagger might have made about the scene's work, for the review desk's rows. */
const inferredGuess = async (c: SceneContext) => ({
  id: (await c.db.insertInto("inferred_values").values({ work_id: c.scene.workId, field: "characters", value: "A Guessed Keeper", confidence: 0.3, evidence: "named Keeper ×1" })
    .returning("id").executeTakeFirstOrThrow()).id,
});
/** The scene's work as imported from a file of its own folder (its batch), with the guess and a rule for it there. */
const batchRule = async (c: SceneContext) => {
  const { id } = await inferredGuess(c);
  const batch = `/matrix/${c.scene.workId}`;
  await c.db.insertInto("work_sources").values({
    work_id: c.scene.workId, path: `${batch}/keeper.txt`, content_hash: "0".repeat(64), size: 1, role: "primary", format: "text", encoding: "utf-8", parser_version: "matrix",
    imported_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z",
  }).execute();
  await c.db.insertInto("review_rules").values({ batch, field: "characters", from_value: "A Guessed Keeper", to_value: "The Lamp Keeper", created_by: null, created_at: "2026-11-20T00:00:00.000Z" }).execute();
  return { id };
};
/** Where the cases write the source files they need: removed after the matrix (removeMatrixFiles). */
const MATRIX_FILES = mkdtempSync(join(tmpdir(), "quire-matrix-"));

export function removeMatrixFiles(): Promise<void> {
  return rm(MATRIX_FILES, { recursive: true, force: true });
}

/**
 * The scene's work as imported from a file of its own folder (its batch, in the token), written for the purpose, whose
 * header has a `Section:` line; with a label rule reading it as the fandom when `withRule` (its id is `id`).
 */
const labelledImport = (withRule: boolean) => async (c: SceneContext) => {
  const batch = join(MATRIX_FILES, `labels-${c.scene.workId}`);
  await mkdir(batch, { recursive: true });
  const text = "Title: The Keeper\nSection: Lamp Lore\n\nThe keeper wound the lamp and waited for the ships.\n";
  await writeFile(join(batch, "keeper.txt"), text);
  await c.db.insertInto("work_sources").values({
    work_id: c.scene.workId, path: join(batch, "keeper.txt"), content_hash: "0".repeat(64), size: text.length, role: "primary", format: "text", encoding: "utf-8", parser_version: "matrix",
    imported_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z",
  }).execute();
  if (!withRule) return { token: batch };
  const rule = await c.db.insertInto("review_rules").values({ batch, field: "fandoms", from_value: "Section", to_value: null, label: "section", created_by: null, created_at: "2026-11-20T00:00:00.000Z" })
    .returning("id").executeTakeFirstOrThrow();
  return { token: batch, id: rule.id };
};
const hasLampLore = (c: CaseContext) => c.db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select("t.name")
  .where("wt.work_id", "=", c.scene.workId).where("t.type", "=", "Fandom").where("t.name", "=", "Lamp Lore").executeTakeFirst().then((r) => r !== undefined);
const labelRulesOf = (c: CaseContext) => count(c.db.selectFrom("review_rules").select((eb) => eb.fn.countAll().as("n")).where("batch", "=", c.made.token));
/** The scene's work as imported from a file of its own folder, held as a draft with nothing left to review. */
const heldImport = async (c: SceneContext) => {
  await c.db.insertInto("work_sources").values({
    work_id: c.scene.workId, path: `/matrix/${c.scene.workId}/keeper.txt`, content_hash: "0".repeat(64), size: 1, role: "primary", format: "text", encoding: "utf-8", parser_version: "matrix",
    imported_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z",
  }).execute();
  await c.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", c.scene.workId).execute();
  return {};
};
/** An author of an imported batch with a claim link, holding no work. */
const claimLinkMade = async (c: SceneContext) => {
  const token = newToken();
  const { id } = await c.db.insertInto("external_authors").values({
    batch: `/matrix/${c.scene.workId}`, name: "A Rescued Author", email: null, token_digest: tokenDigest(token), created_by: null, created_at: "2026-11-20T00:00:00.000Z",
  }).returning("id").executeTakeFirstOrThrow();
  return { id, token };
};
const claimOf = (c: CaseContext) => c.db.selectFrom("external_authors").select(["claimed_by", "declined_at"]).where("id", "=", c.made.id).executeTakeFirstOrThrow()
  .then((r) => ({ claimed: r.claimed_by !== null, declined: r.declined_at !== null }));
const visibilityOf = (c: CaseContext) => c.db.selectFrom("works").select("visibility").where("id", "=", c.scene.workId).executeTakeFirstOrThrow().then((r) => r.visibility);
const decisionOf = (c: CaseContext) => c.db.selectFrom("inferred_values").select(["decision", "corrected_to"]).where("id", "=", c.made.id).executeTakeFirstOrThrow();
const cookie = (name: string) => (c: CaseContext) => Promise.resolve(c.client.cookies.get(name) ?? null);
/** The theme the actor's preferences hold: on their account when signed in, in their browser's cookie when not. */
const themeOf = (c: CaseContext) => (c.account ? userColumn(c, c.account.userId, "prefs").then((p) => readPrefsJson(p).theme) : cookie(PREFS_COOKIE)(c).then((v) => readPrefsCookie(v ?? undefined).theme));
const REASON = { reason: "A reason given for the matrix." };
const NEW_PASSWORD = "a new and longer passphrase";

/** The work form as the edit page sends it back (chapters have their own pages), with the details given. */
function workDetails(details: Record<string, string | string[]>): Record<string, string | string[]> {
  return {
    title: "A Work", rating: "General Audiences", warnings: ["No Archive Warnings Apply"], categories: ["Gen"], fandoms: "Moonlit Harbour (TV)",
    relationships: "", characters: "", freeforms: "", summary: "", notes: "", endNotes: "", language: "en", series: "", seriesName: "", seriesPart: "",
    visibility: "public", commentPolicy: "open", complete: "on", expectedChapters: "", coAuthors: "", gifts: "", action: "post", ...details,
  };
}

/** A new work's form: its details and one chapter. */
function newWork(details: Record<string, string | string[]>): Record<string, string | string[]> {
  return workDetails({ "chapters[0][title]": "", "chapters[0][format]": "markdown", "chapters[0][text]": "A chapter of a **new** work.", ...details });
}

/** A reader's comment waiting for the creators' approval (the scene's work does not moderate comments, so it is stored so). */
async function pendingComment(c: SceneContext): Promise<Partial<Made>> {
  const { reader } = c.scene.accounts;
  const { id } = await c.db.insertInto("comments").values({
    work_id: c.scene.workId, chapter_id: null, parent_id: null, thread_id: null, depth: 0, user_id: reader.userId, author_id: reader.authorId,
    guest_name: null, guest_email: null, html: "<p>A comment waiting for approval.</p>", status: "pending", frozen: 0, created_at: "2026-11-20T11:00:00.000Z", edited_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  await c.db.updateTable("comments").set({ thread_id: id }).where("id", "=", id).execute();
  return { id };
}

/** An invitation to co-author the scene's work, for the pseud given. */
async function coAuthorInvitation(c: SceneContext, authorId: number): Promise<Partial<Made>> {
  const { id } = await c.db.insertInto("work_author_invitations").values({ work_id: c.scene.workId, author_id: authorId, invited_by: c.scene.accounts.creator.userId, created_at: "2026-11-20T00:00:00.000Z" })
    .returning("id").executeTakeFirstOrThrow();
  return { id };
}

/** The library's sign-up settings as a new library has them (open, new accounts authors), whatever a row before left. */
async function openSignUp(c: SceneContext): Promise<Partial<Made>> {
  await c.db.deleteFrom("library_settings").where("key", "in", ["signup_mode", "signup_role"]).execute();
  return {};
}

/** Suspends the scene's moderator and admin, until lifted. */
async function suspendStaff(c: SceneContext): Promise<Partial<Made>> {
  const { moderator, admin } = c.scene.accounts;
  await c.db.updateTable("users").set({ suspended_until: SUSPENDED_UNTIL_LIFTED }).where("id", "in", [moderator.userId, admin.userId]).execute();
  return {};
}

/** Another pseud of the account's. */
async function secondPseud(c: SceneContext, account: TestAccount): Promise<number> {
  const name = `${account.login} Again`;
  const { id } = await c.db.insertInto("authors").values({ name, name_key: nameKey(name), user_id: account.userId }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** A canonical fandom tag of this name (made canonical if the library holds it unwrangled), by id. */
async function canonicalFandom(c: SceneContext, name: string): Promise<number> {
  await c.db.insertInto("tags").values({ type: "Fandom", name, name_key: nameKey(name), canonical: 1, merger_id: null, created_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z" })
    .onConflict((oc) => oc.columns(["type", "name_key"]).doUpdateSet({ canonical: 1 })).execute();
  const { id } = await c.db.selectFrom("tags").select("id").where("type", "=", "Fandom").where("name_key", "=", nameKey(name)).executeTakeFirstOrThrow();
  return id;
}

/**
 * An unwrangled freeform of the actor's own on the scene's work (so in its fandom, Moonlit Harbour (TV)), and the
 * actor, when signed in, made a wrangler of `fandom` (none: of no fandom).
 */
function unwrangledTagWrangledBy(fandom: string | null): (c: SceneContext) => Promise<Partial<Made>> {
  return async (c) => {
    const name = `Matrix Freeform ${c.actor} ${c.scene.workId}`;
    const { id } = await c.db.insertInto("tags").values({ type: "Freeform", name, name_key: nameKey(name), canonical: 0, merger_id: null, created_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z" })
      .returning("id").executeTakeFirstOrThrow();
    await c.db.insertInto("work_tags").values({ work_id: c.scene.workId, tag_id: id, position: 99 }).execute();
    const fandomId = await canonicalFandom(c, WORK_FANDOM);
    await c.db.insertInto("work_filters").values({ work_id: c.scene.workId, tag_id: fandomId, inherited: 0 }).onConflict((oc) => oc.columns(["work_id", "tag_id"]).doNothing()).execute();
    if (fandom && c.account) await c.db.insertInto("tag_wranglers").values({ user_id: c.account.userId, fandom_id: await canonicalFandom(c, fandom), assigned_at: "2026-11-20T00:00:00.000Z" }).execute();
    return { id };
  };
}

/** The scene's work's fandom (authorization-scene.ts). */
const WORK_FANDOM = "Moonlit Harbour (TV)";

function tagIsCanonical(c: CaseContext): Promise<number> {
  return c.db.selectFrom("tags").select("canonical").where("id", "=", c.made.id).executeTakeFirstOrThrow().then((r) => r.canonical);
}

function wranglerRows(c: CaseContext): Promise<number> {
  return count(c.db.selectFrom("tag_wranglers").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", c.scene.accounts.target.userId));
}

/**
 * A collection for the collection rows, owned by the scene's `author` (who is no creator of the work), in the state
 * given, and the scene's work in it with the status given (none: not in it). Its name is the scene's own.
 */
async function matrixCollection(c: SceneContext, state: CollectionState, status: CollectionItemStatus | null): Promise<Partial<Made>> {
  const id = await insertCollection(c.db, {
    name: `Matrix_${c.scene.workId}`, title: "A Matrix Collection", description: null, parentId: null, state, anonymous: false, unrevealed: false, ownerId: c.scene.accounts.author.userId,
  }, "2026-11-20T00:00:00.000Z");
  if (status) await c.db.insertInto("collection_works").values({ collection_id: id, work_id: c.scene.workId, status, added_at: "2026-11-20T00:00:00.000Z" }).execute();
  return { id };
}
const matrixName = (c: CaseContext) => `Matrix_${c.scene.workId}`;
const itemStatus = (c: CaseContext) => c.db.selectFrom("collection_works").select("status").where("collection_id", "=", c.made.id).where("work_id", "=", c.scene.workId)
  .executeTakeFirst().then((r) => r?.status ?? "none");
const maintainerRows = (c: CaseContext) => count(c.db.selectFrom("collection_maintainers").select((eb) => eb.fn.countAll().as("n")).where("collection_id", "=", c.made.id));
/** The collection's owner (the scene's `author`) alone. */
const COLLECTION_OWNER = outcomes("forbidden", { anonymous: "sign-in", author: "allowed" });

export const ROUTE_CASES: readonly RouteCase[] = [
  // Reports and moderation.
  {
    route: "/works/:id/report", path: (c) => `/works/${c.scene.workId}/report`, form: () => ({ category: "spam", reason: "This work is an advertisement." }),
    expected: ACTIVE_OR_GUEST, watch: countRises((c) => reportsOf(c, "work", c.scene.workId)),
  },
  {
    route: "/comments/:id/report", path: (c) => `/comments/${c.scene.commentId}/report`, form: () => ({ category: "harassment", reason: "This comment insults the author." }),
    expected: ACTIVE_OR_GUEST, watch: countRises((c) => reportsOf(c, "comment", c.scene.commentId)),
  },
  {
    route: "/moderation/reports/:id/resolve", path: (c) => `/moderation/reports/${c.scene.reportId}/resolve`, form: () => ({ note: "Looked at it; nothing to do." }),
    expected: MODERATORS,
    watch: watching((c) => c.db.selectFrom("reports").select("resolved_by").where("id", "=", c.scene.reportId).executeTakeFirstOrThrow(), (_, after, c) => after.resolved_by === c.account?.userId),
  },
  {
    route: "/moderation/works/:id/hide", path: (c) => `/moderation/works/${c.scene.workId}/hide`, form: () => REASON,
    expected: MODERATORS, watch: becomes((c) => workHidden(c, c.scene.workId), () => 1),
  },
  {
    route: "/moderation/works/:id/hide", variant: "the moderators suspended", path: (c) => `/moderation/works/${c.scene.workId}/hide`, form: () => REASON, prepare: suspendStaff,
    expected: outcomes("forbidden", { anonymous: "sign-in" }), watch: becomes((c) => workHidden(c, c.scene.workId), () => 1),
  },
  {
    route: "/moderation/works/:id/unhide", path: (c) => `/moderation/works/${c.scene.hiddenWorkId}/unhide`, form: () => REASON,
    expected: MODERATORS, watch: becomes((c) => workHidden(c, c.scene.hiddenWorkId), () => 0),
  },
  {
    route: "/moderation/comments/:id/hide", path: (c) => `/moderation/comments/${c.scene.commentId}/hide`, form: () => REASON,
    expected: MODERATORS, watch: becomes((c) => commentStatus(c, c.scene.commentId), () => "hidden"),
  },
  {
    route: "/moderation/comments/:id/unhide", path: (c) => `/moderation/comments/${c.scene.hiddenCommentId}/unhide`, form: () => REASON,
    expected: MODERATORS, watch: becomes((c) => commentStatus(c, c.scene.hiddenCommentId), () => "published"),
  },
  {
    route: "/moderation/users/:id/warn", path: (c) => `/moderation/users/${c.scene.accounts.target.userId}/warn`, form: () => ({ message: "Mind the rules, please." }),
    expected: MODERATORS, watch: countRises((c) => inboxOf(c, c.scene.accounts.target.userId)),
  },
  {
    route: "/moderation/users/:id/suspend", path: (c) => `/moderation/users/${c.scene.accounts.target.userId}/suspend`, form: () => ({ ...REASON, days: "3" }),
    expected: MODERATORS, watch: watching((c) => suspendedUntil(c, c.scene.accounts.target.userId), (_, after) => after !== null),
  },
  {
    route: "/moderation/users/:id/unsuspend", path: (c) => `/moderation/users/${c.scene.accounts.suspendedTarget.userId}/unsuspend`, form: () => REASON,
    expected: MODERATORS, watch: becomes((c) => suspendedUntil(c, c.scene.accounts.suspendedTarget.userId), () => null),
  },
  {
    route: "/moderation/review/accept", path: () => "/moderation/review/accept", form: (c) => ({ work: String(c.scene.workId) }), prepare: inferredGuess,
    expected: MODERATORS, watch: becomes(decisionOf, () => ({ decision: "accepted" as const, corrected_to: null })),
  },
  {
    route: "/moderation/review/rules/apply", path: () => "/moderation/review/rules/apply", form: (c) => ({ batch: `/matrix/${c.scene.workId}` }), prepare: batchRule,
    expected: MODERATORS, watch: becomes(decisionOf, () => ({ decision: "corrected" as const, corrected_to: "The Lamp Keeper" })),
  },
  {
    route: "/moderation/review/labels/rules", path: () => "/moderation/review/labels/rules", form: (c) => ({ batch: c.made.token, label: "section", field: "fandoms" }),
    prepare: labelledImport(false), expected: MODERATORS, watch: becomes(hasLampLore, () => true),
  },
  {
    route: "/moderation/review/labels/rules/apply", path: () => "/moderation/review/labels/rules/apply", form: (c) => ({ batch: c.made.token }),
    prepare: labelledImport(true), expected: MODERATORS, watch: becomes(hasLampLore, () => true),
  },
  {
    route: "/moderation/review/labels/rules/:id/remove", path: (c) => `/moderation/review/labels/rules/${c.made.id}/remove`, form: (c) => ({ batch: c.made.token }),
    prepare: labelledImport(true), expected: MODERATORS, watch: countFalls(labelRulesOf),
  },
  {
    route: "/moderation/review/works/:id/accept", path: (c) => `/moderation/review/works/${c.scene.workId}/accept`, form: () => ({}), prepare: inferredGuess,
    expected: MODERATORS, watch: becomes(decisionOf, () => ({ decision: "accepted" as const, corrected_to: null })),
  },
  {
    route: "/moderation/review/works/:id/correct", path: (c) => `/moderation/review/works/${c.scene.workId}/correct`, prepare: inferredGuess,
    form: () => ({ field: "characters", value: "A Guessed Keeper", to: "The Lamp Keeper" }),
    expected: MODERATORS, watch: becomes(decisionOf, () => ({ decision: "corrected" as const, corrected_to: "The Lamp Keeper" })),
  },
  {
    route: "/moderation/review/hold", path: () => "/moderation/review/hold", form: (c) => ({ batch: `/matrix/${c.scene.workId}` }), prepare: batchRule,
    expected: MODERATORS, watch: becomes(visibilityOf, () => "draft"),
  },
  {
    route: "/moderation/review/publish", path: () => "/moderation/review/publish", form: (c) => ({ batch: `/matrix/${c.scene.workId}` }), prepare: heldImport,
    expected: MODERATORS, watch: becomes(visibilityOf, () => "public"),
  },
  {
    // The link is the credential; claiming takes an account that may act.
    route: "/claims/:token/claim", path: (c) => `/claims/${c.made.token}/claim`, form: () => ({}), prepare: claimLinkMade,
    expected: SIGNED_IN_ACTIVE, watch: becomes(claimOf, () => ({ claimed: true, declined: false })),
  },
  {
    // Declining needs no account: an author may want nothing of the archive.
    route: "/claims/:token/decline", path: (c) => `/claims/${c.made.token}/decline`, form: () => ({}), prepare: claimLinkMade,
    expected: ACTIVE_OR_GUEST, watch: becomes(claimOf, () => ({ claimed: false, declined: true })),
  },
  {
    // The scene's hidden work merged into its work as a near-duplicate: gone, its holdings moved.
    route: "/moderation/duplicates/merge", path: () => "/moderation/duplicates/merge", form: (c) => ({ keep: String(c.scene.workId), merge: String(c.scene.hiddenWorkId) }),
    expected: MODERATORS, watch: becomes((c) => c.db.selectFrom("works").select("id").where("id", "=", c.scene.hiddenWorkId).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    route: "/moderation/duplicates/dismiss", path: () => "/moderation/duplicates/dismiss", form: (c) => ({ a: String(c.scene.workId), b: String(c.scene.hiddenWorkId) }),
    expected: MODERATORS, watch: countRises((c) => count(c.db.selectFrom("duplicate_dismissals").select((eb) => eb.fn.countAll().as("n")).where("high_work_id", "=", Math.max(c.scene.workId, c.scene.hiddenWorkId)))),
  },
  {
    // A moderator is acted on by an admin only (and the scene's moderator acting here is acting on themselves).
    route: "/moderation/users/:id/warn", variant: "a moderator", path: (c) => `/moderation/users/${c.scene.accounts.moderator.userId}/warn`, form: () => ({ message: "A word from an admin." }),
    expected: outcomes("forbidden", { anonymous: "sign-in", admin: "allowed" }), watch: countRises((c) => inboxOf(c, c.scene.accounts.moderator.userId)),
  },
  {
    // Nobody acts on an admin (and the scene's admin acting here is acting on themselves).
    route: "/moderation/users/:id/suspend", variant: "an admin", path: (c) => `/moderation/users/${c.scene.accounts.admin.userId}/suspend`, form: () => ({ ...REASON, days: "3" }),
    expected: outcomes("forbidden", { anonymous: "sign-in" }), watch: becomes((c) => suspendedUntil(c, c.scene.accounts.admin.userId), () => null),
  },

  // Reader preferences: anyone may set their own (a guest's in a cookie, an account's on the account).
  {
    route: "/preferences", path: () => "/preferences", form: () => ({ theme: "dark", fontSize: "large", lineWidth: "wide", mutedTags: "" }),
    expected: EVERYONE, watch: becomes(themeOf, () => "dark"),
  },
  {
    route: "/preferences/theme", path: () => "/preferences/theme", form: () => ({ theme: "dark", return: "/" }),
    expected: EVERYONE, watch: becomes(themeOf, () => "dark"),
  },

  // Signing up, in and out, and forgotten passwords.
  {
    // A guest's form: a signed-in browser is sent to its account and nobody new is made.
    route: "/signup", path: () => "/signup", prepare: openSignUp, form: (c) => ({ login: `Newcomer_${c.actor}`, email: `newcomer-${c.actor}@example.test`, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    expected: outcomes("no-op", { anonymous: "allowed" }),
    watch: countRises((c) => count(c.db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).where("login_key", "=", nameKey(`Newcomer_${c.actor}`)))),
  },
  {
    // Signing in always starts a fresh session, whatever the browser held (the session it held ends): so a session
    // planted in a victim's browser never survives their sign-in (accounts.test.ts). Here everyone signs in as `target`.
    route: "/login", path: () => "/login", form: (c) => ({ name: c.scene.accounts.target.login, password: TEST_PASSWORD }),
    expected: EVERYONE,
    watch: watching(
      async (c) => ({ target: await sessionsOf(c, c.scene.accounts.target.userId), own: await own(c, (a) => sessionsOf(c, a.userId), 0) }),
      (before, after) => after.target === before.target + 1 && after.own === 0,
    ),
  },
  {
    route: "/logout", path: () => "/logout", form: () => ({}),
    // A guest has no session to end: the answer is the same, and nothing changes.
    expected: outcomes("allowed", { anonymous: "no-op" }),
    watch: watching((c) => (c.account ? sessionsOf(c, c.account.userId) : allSessions(c)), (before, after) => before === 1 && after === 0),
  },
  {
    // Anyone may ask for a link for any account: it goes to that account's address only, and the answer is the same.
    route: "/password/forgot", path: () => "/password/forgot", form: (c) => ({ name: c.scene.accounts.target.login }),
    expected: EVERYONE, watch: countRises((c) => count(c.db.selectFrom("password_resets").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", c.scene.accounts.target.userId))),
  },
  {
    // The link's token is the credential: whoever holds it sets the target's new password.
    route: "/password/reset", path: () => "/password/reset",
    prepare: async (c) => {
      const token = newToken();
      await insertPasswordReset(c.db, { id: tokenDigest(token), userId: c.scene.accounts.target.userId, expiresAt: new Date(TODAY.getTime() + 3600_000).toISOString() });
      return { token };
    },
    form: (c) => ({ token: c.made.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    expected: EVERYONE, watch: watching((c) => userColumn(c, c.scene.accounts.target.userId, "password_hash"), (before, after) => before !== after),
  },

  // The account's own settings.
  {
    route: "/account/password", path: () => "/account/password", form: () => ({ current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    expected: SIGNED_IN, watch: watching((c) => own(c, (a) => userColumn(c, a.userId, "password_hash"), ""), (before, after) => before !== after),
  },
  {
    route: "/account/email", path: () => "/account/email", form: (c) => ({ email: `moved-${c.actor}@example.test`, password: TEST_PASSWORD }),
    expected: SIGNED_IN, watch: becomes((c) => own(c, (a) => userColumn(c, a.userId, "email"), ""), (c) => `moved-${c.actor}@example.test`),
  },
  {
    // History is kept unless the reader turns it off, as this form (with no `history` box ticked) does.
    route: "/account/preferences", path: () => "/account/preferences", form: () => ({ fullWork: "on" }),
    expected: SIGNED_IN, watch: becomes((c) => own(c, (a) => userColumn(c, a.userId, "history_enabled"), 1), () => 0),
  },
  {
    route: "/account/pseuds", path: () => "/account/pseuds", form: (c) => ({ name: `A New Pseud for ${c.actor}` }),
    expected: SIGNED_IN_ACTIVE, watch: countRises((c) => own(c, (a) => count(c.db.selectFrom("authors").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", a.userId)), 0)),
  },
  {
    // The creator's default pseud, which only they may rename.
    route: "/account/pseuds/:id/rename", path: (c) => `/account/pseuds/${c.scene.accounts.creator.authorId}/rename`, form: (c) => ({ name: `Renamed by ${c.actor}` }),
    expected: CREATOR_OWN, watch: becomes((c) => pseudName(c, c.scene.accounts.creator.authorId), (c) => `Renamed by ${c.actor}`),
  },
  {
    // A second pseud of the creator's, which only they may make their default.
    route: "/account/pseuds/:id/default", path: (c) => `/account/pseuds/${c.made.id}/default`, form: () => ({}),
    prepare: async (c) => ({ id: await secondPseud(c, c.scene.accounts.creator) }),
    expected: CREATOR_OWN, watch: becomes((c) => userColumn(c, c.scene.accounts.creator.userId, "default_author_id"), (c) => c.made.id),
  },
  {
    // Each account signed in on a second browser too, which this one signs out.
    route: "/account/sessions/end-others", path: () => "/account/sessions/end-others", form: () => ({}),
    prepare: async (c) => {
      if (c.account) await startSession(c.db, c.account.userId, TODAY);
      return {};
    },
    expected: SIGNED_IN, watch: watching((c) => (c.account ? sessionsOf(c, c.account.userId) : allSessions(c)), (before, after) => before === 2 && after === 1),
  },
  {
    route: "/account/mutes", path: () => "/account/mutes", form: (c) => ({ login: c.scene.accounts.target.login }),
    expected: SIGNED_IN, watch: countRises((c) => own(c, (a) => count(c.db.selectFrom("muted_users").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", a.userId)), 0)),
  },
  {
    route: "/account/tokens", path: () => "/account/tokens", form: (c) => ({ name: `A token for ${c.actor}`, scope: "write" }),
    // One's own keys, as sessions are: a suspended account's tokens only read.
    expected: SIGNED_IN, watch: countRises((c) => own(c, (a) => apiTokensOf(c, a.userId), 0)),
  },
  {
    // Each account's own token, which it revokes.
    route: "/account/tokens/:id/revoke", path: (c) => `/account/tokens/${c.made.id}/revoke`, form: () => ({}),
    prepare: async (c) => ({ id: await apiToken(c, c.account ?? c.scene.accounts.reader) }),
    expected: SIGNED_IN, watch: becomes((c) => tokenRevoked(c), () => true),
  },
  {
    route: "/account/tokens/:id/revoke", variant: "another's token", path: (c) => `/account/tokens/${c.made.id}/revoke`, form: () => ({}),
    prepare: async (c) => ({ id: await apiToken(c, c.scene.accounts.reader) }),
    expected: outcomes("not-found", { anonymous: "sign-in", reader: "allowed" }), watch: becomes((c) => tokenRevoked(c), () => true),
  },
  {
    // Each account muted `target` before, and unmutes them.
    route: "/account/mutes/:id/delete", path: (c) => `/account/mutes/${c.scene.accounts.target.userId}/delete`, form: () => ({}),
    prepare: async (c) => {
      if (c.account) await c.db.insertInto("muted_users").values({ user_id: c.account.userId, muted_user_id: c.scene.accounts.target.userId }).execute();
      return {};
    },
    expected: SIGNED_IN, watch: countFalls((c) => own(c, (a) => count(c.db.selectFrom("muted_users").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", a.userId)), 0)),
  },

  // The admins' pages.
  {
    route: "/admin/users/:id/role", path: (c) => `/admin/users/${c.scene.accounts.target.userId}/role`, form: () => ({ role: "author" }),
    expected: ADMINS, watch: becomes((c) => userColumn(c, c.scene.accounts.target.userId, "role"), () => "author"),
  },
  {
    // The scene's moderator and admin suspended (an admin may suspend a moderator, then make them an admin): a
    // suspended admin has no admin's powers, as a suspended moderator has none of a moderator's.
    route: "/admin/users/:id/role", variant: "the admin suspended", path: (c) => `/admin/users/${c.scene.accounts.target.userId}/role`, form: () => ({ role: "author" }),
    prepare: suspendStaff,
    expected: outcomes("forbidden", { anonymous: "sign-in" }), watch: becomes((c) => userColumn(c, c.scene.accounts.target.userId, "role"), () => "author"),
  },
  {
    route: "/admin/invitations", path: () => "/admin/invitations", form: () => ({ email: "invited@example.test" }),
    expected: ADMINS, watch: countRises((c) => count(c.db.selectFrom("invitations").select((eb) => eb.fn.countAll().as("n")))),
  },
  {
    route: "/admin/invitations/:id/delete", path: (c) => `/admin/invitations/${c.made.id}/delete`, form: () => ({}),
    prepare: async (c) => {
      const { id } = await c.db.insertInto("invitations").values({
        token_hash: tokenDigest(newToken()), email: null, created_by: c.scene.accounts.admin.userId, created_at: "2026-11-20T00:00:00.000Z", used_by: null, used_at: null,
      }).returning("id").executeTakeFirstOrThrow();
      return { id };
    },
    expected: ADMINS, watch: becomes((c) => c.db.selectFrom("invitations").select("id").where("id", "=", c.made.id).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    // The settings are the library's, which every scene shares: each actor starts from open sign-up.
    route: "/admin/signup-settings", path: () => "/admin/signup-settings", form: () => ({ mode: "invitation", role: "reader" }),
    prepare: openSignUp,
    expected: ADMINS,
    watch: becomes((c) => c.db.selectFrom("library_settings").select(["key", "value"]).where("key", "in", ["signup_mode", "signup_role"]).orderBy("key").execute(),
      () => [{ key: "signup_mode", value: "invitation" }, { key: "signup_role", value: "reader" }]),
  },


  // Tag wrangling: moderators and admins wrangle every tag; anyone else the tags of the fandoms an admin gave them.
  {
    route: "/wrangling", path: () => "/wrangling", prepare: unwrangledTagWrangledBy(null), form: (c) => ({ tag: String(c.made.id), action: "canonical" }),
    expected: MODERATORS, watch: becomes(tagIsCanonical, () => 1),
  },
  {
    route: "/wrangling", variant: "a wrangler of the tag's fandom", path: () => "/wrangling", prepare: unwrangledTagWrangledBy(WORK_FANDOM),
    form: (c) => ({ tag: String(c.made.id), action: "canonical" }),
    expected: SIGNED_IN_ACTIVE, watch: becomes(tagIsCanonical, () => 1),
  },
  {
    route: "/wrangling", variant: "a wrangler of another fandom", path: () => "/wrangling", prepare: unwrangledTagWrangledBy("Glass Orchard (Books)"),
    form: (c) => ({ tag: String(c.made.id), action: "canonical" }),
    expected: MODERATORS, watch: becomes(tagIsCanonical, () => 1),
  },
  {
    route: "/admin/wranglers", path: () => "/admin/wranglers", prepare: async (c) => ({ id: await canonicalFandom(c, WORK_FANDOM) }),
    form: (c) => ({ login: c.scene.accounts.target.login, fandom: WORK_FANDOM }),
    expected: ADMINS, watch: countRises(wranglerRows),
  },
  {
    route: "/admin/wranglers/:userId/:fandomId/delete", path: (c) => `/admin/wranglers/${c.scene.accounts.target.userId}/${c.made.id}/delete`, form: () => ({}),
    prepare: async (c) => {
      const id = await canonicalFandom(c, WORK_FANDOM);
      await c.db.insertInto("tag_wranglers").values({ user_id: c.scene.accounts.target.userId, fandom_id: id, assigned_at: "2026-11-20T00:00:00.000Z" }).onConflict((oc) => oc.columns(["user_id", "fandom_id"]).doNothing()).execute();
      return { id };
    },
    expected: ADMINS, watch: countFalls(wranglerRows),
  },

  // Collections: the scene's `author` owns the collection; the work's creators answer for the work.
  {
    route: "/collections/new", path: () => "/collections/new", form: (c) => ({ name: `New_${c.actor}_${c.scene.workId}`, title: "A New Collection", description: "", parent: "", state: "open" }),
    expected: POSTERS, watch: countRises((c) => count(c.db.selectFrom("collections").select((eb) => eb.fn.countAll().as("n")).where("name", "=", `New_${c.actor}_${c.scene.workId}`))),
  },
  {
    route: "/collections/:name/settings", path: (c) => `/collections/${matrixName(c)}/settings`, prepare: (c) => matrixCollection(c, "open", null),
    form: (c) => ({ title: `Retitled by ${c.actor}`, description: "", parent: "", state: "moderated" }),
    expected: COLLECTION_OWNER,
    watch: becomes((c) => c.db.selectFrom("collections").select("title").where("id", "=", c.made.id).executeTakeFirstOrThrow().then((r) => r.title), (c) => `Retitled by ${c.actor}`),
  },
  {
    route: "/collections/:name/maintainers", path: (c) => `/collections/${matrixName(c)}/maintainers`, prepare: (c) => matrixCollection(c, "open", null),
    form: (c) => ({ login: c.scene.accounts.target.login, role: "moderator" }),
    expected: COLLECTION_OWNER, watch: countRises(maintainerRows),
  },
  {
    route: "/collections/:name/maintainers/:user/delete", path: (c) => `/collections/${matrixName(c)}/maintainers/${c.scene.accounts.target.userId}/delete`, form: () => ({}),
    prepare: async (c) => {
      const made = await matrixCollection(c, "open", null);
      await c.db.insertInto("collection_maintainers").values({ collection_id: made.id ?? 0, user_id: c.scene.accounts.target.userId, role: "moderator", added_at: "2026-11-20T00:00:00.000Z" }).execute();
      return made;
    },
    expected: COLLECTION_OWNER, watch: countFalls(maintainerRows),
  },
  {
    // Approving is the maintainers'; the work's creators asked already, and may not approve their own request.
    route: "/collections/:name/works/:id/decide", path: (c) => `/collections/${matrixName(c)}/works/${c.scene.workId}/decide`, prepare: (c) => matrixCollection(c, "moderated", "pending"),
    form: () => ({ decision: "approve" }), expected: COLLECTION_OWNER, watch: becomes(itemStatus, () => "approved"),
  },
  {
    // A closed collection takes no request from the creators, while its maintainers may still invite the work.
    route: "/collections/:name/invite", path: (c) => `/collections/${matrixName(c)}/invite`, prepare: (c) => matrixCollection(c, "closed", null),
    form: (c) => ({ work: String(c.scene.workId) }), expected: COLLECTION_OWNER, watch: becomes(itemStatus, () => "invited"),
  },
  {
    // The creators' request joins an open collection at once; the owner's own adding of it is an invitation.
    route: "/works/:id/collections", path: (c) => `/works/${c.scene.workId}/collections`, prepare: (c) => matrixCollection(c, "open", null),
    form: (c) => ({ collection: matrixName(c) }), expected: outcomes("forbidden", { anonymous: "sign-in", creator: "allowed", coauthor: "allowed", author: "allowed" }),
    watch: becomes(itemStatus, (c) => (c.actor === "author" ? "invited" : "approved")),
  },
  {
    route: "/works/:id/collections/:name/decide", path: (c) => `/works/${c.scene.workId}/collections/${matrixName(c)}/decide`, prepare: (c) => matrixCollection(c, "open", "invited"),
    form: () => ({ decision: "accept" }), expected: CREATORS, watch: becomes(itemStatus, () => "approved"),
  },
  {
    route: "/works/:id/collections/:name/remove", path: (c) => `/works/${c.scene.workId}/collections/${matrixName(c)}/remove`, prepare: (c) => matrixCollection(c, "open", "approved"),
    form: () => ({}), expected: CREATORS, watch: becomes(itemStatus, () => "none"),
  },

  // Posting works and series.
  {
    route: "/works/new", path: () => "/works/new", form: (c) => newWork({ title: `A New Work by ${c.actor}` }),
    expected: POSTERS, watch: countRises((c) => worksTitled(c, `A New Work by ${c.actor}`)),
  },
  {
    // The preview stores nothing, and shows the chapter as readers would see it (its Markdown rendered).
    route: "/works/new", variant: "preview", path: () => "/works/new", form: (c) => newWork({ title: `A Previewed Work by ${c.actor}`, action: "preview" }),
    expected: POSTERS, watch: answersWith(allWorks, "<p>A chapter of a <strong>new</strong> work.</p>"),
  },
  {
    // The form filled in from a story file; nothing is stored until it is posted.
    route: "/works/new/upload", path: () => "/works/new/upload",
    form: () => {
      const upload = new FormData();
      upload.set("file", new File(["<html><head><title>The Uploaded Tale</title></head><body><h1>The Uploaded Tale</h1><p>A tale told in a file.</p></body></html>"], "tale.html", { type: "text/html" }));
      return upload;
    },
    expected: POSTERS, watch: answersWith(allWorks, 'name="title" value="The Uploaded Tale"'),
  },
  {
    route: "/works/:id/edit", path: (c) => `/works/${c.scene.workId}/edit`, form: (c) => workDetails({ title: "A Retitled Work", series: String(c.scene.seriesId) }),
    expected: CREATORS, watch: becomes((c) => workTitle(c, c.scene.workId), () => "A Retitled Work"),
  },
  {
    route: "/works/:id/edit", variant: "preview", path: (c) => `/works/${c.scene.workId}/edit`,
    form: (c) => workDetails({ title: "A Previewed Title", series: String(c.scene.seriesId), action: "preview" }),
    expected: CREATORS,
    watch: watching((c) => workTitle(c, c.scene.workId), (before, after, _, body) => after === before && body.includes('<h2 id="preview-heading">Preview</h2>') && body.includes("A Previewed Title")),
  },
  {
    // A draft is its creators' alone: to anyone else (moderators and guests too) it does not exist.
    route: "/works/:id/edit", variant: "a draft", path: (c) => `/works/${c.scene.workId}/edit`,
    prepare: async (c) => {
      await c.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", c.scene.workId).execute();
      return {};
    },
    form: (c) => workDetails({ title: "A Retitled Draft", series: String(c.scene.seriesId), visibility: "draft" }),
    expected: outcomes("not-found", { creator: "allowed", coauthor: "allowed", suspended: "forbidden" }),
    watch: becomes((c) => workTitle(c, c.scene.workId), () => "A Retitled Draft"),
  },
  {
    // A hidden work: its creators still edit it; moderators may read it (to judge it), not edit it; to others it does not exist.
    route: "/works/:id/edit", variant: "a hidden work", path: (c) => `/works/${c.scene.hiddenWorkId}/edit`, form: () => workDetails({ title: "A Retitled Hidden Work" }),
    expected: outcomes("not-found", { creator: "allowed", coauthor: "allowed", suspended: "forbidden", moderator: "forbidden", admin: "forbidden" }),
    watch: becomes((c) => workTitle(c, c.scene.hiddenWorkId), () => "A Retitled Hidden Work"),
  },
  {
    route: "/works/:id/delete", path: (c) => `/works/${c.scene.workId}/delete`, form: () => ({}),
    expected: CREATORS, watch: becomes((c) => c.db.selectFrom("works").select("id").where("id", "=", c.scene.workId).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    route: "/works/:id/chapters/new", path: (c) => `/works/${c.scene.workId}/chapters/new`, form: () => ({ title: "Three", text: "A third chapter.", format: "text" }),
    expected: CREATORS, watch: countRises(chapterCount),
  },
  {
    route: "/works/:id/chapters/:n/edit", path: (c) => `/works/${c.scene.workId}/chapters/1/edit`, form: () => ({ title: "One", text: "The first chapter, rewritten.", format: "text" }),
    expected: CREATORS, watch: becomes(firstChapterText, () => "The first chapter, rewritten."),
  },
  {
    route: "/works/:id/chapters/:n/delete", path: (c) => `/works/${c.scene.workId}/chapters/2/delete`, form: () => ({}),
    expected: CREATORS, watch: countFalls(chapterCount),
  },
  {
    // Each number input is named after the chapter's place now, and holds the place asked for.
    route: "/works/:id/chapters/order", path: (c) => `/works/${c.scene.workId}/chapters/order`, form: () => ({ "position-1": "2", "position-2": "1" }),
    expected: CREATORS, watch: becomes(firstChapterText, () => "The second chapter, which closes it."),
  },
  {
    route: "/series/new", path: () => "/series/new", form: (c) => ({ name: `A New Series by ${c.actor}`, summary: "", notes: "" }),
    expected: POSTERS, watch: countRises((c) => count(c.db.selectFrom("series").select((eb) => eb.fn.countAll().as("n")).where("name", "=", `A New Series by ${c.actor}`))),
  },
  {
    route: "/series/:id/edit", path: (c) => `/series/${c.scene.seriesId}/edit`, form: (c) => ({ name: `A Series Renamed by ${c.actor}`, summary: "", notes: "" }),
    // The series is its creator's alone: a co-author of one of its works does not own it.
    expected: outcomes("forbidden", { anonymous: "sign-in", creator: "allowed" }),
    watch: becomes(seriesName, (c) => `A Series Renamed by ${c.actor}`),
  },
  {
    // The series made the suspended account's: its maker may not change it while suspended, and nobody else may.
    route: "/series/:id/edit", variant: "a suspended maker's", path: (c) => `/series/${c.scene.seriesId}/edit`, form: (c) => ({ name: `A Suspended Series Renamed by ${c.actor}`, summary: "", notes: "" }),
    prepare: async (c) => {
      await c.db.updateTable("series").set({ user_id: c.scene.accounts.suspended.userId }).where("id", "=", c.scene.seriesId).execute();
      return {};
    },
    expected: outcomes("forbidden", { anonymous: "sign-in" }),
    watch: becomes(seriesName, (c) => `A Suspended Series Renamed by ${c.actor}`),
  },
  {
    // `author` is invited to co-author the work: only they may accept (to anyone else the invitation does not exist).
    route: "/account/co-author-invitations/:id/accept", path: (c) => `/account/co-author-invitations/${c.made.id}/accept`, form: () => ({}),
    prepare: (c) => coAuthorInvitation(c, c.scene.accounts.author.authorId),
    expected: outcomes("not-found", { anonymous: "sign-in", author: "allowed" }), watch: countRises(workAuthorRows),
  },
  {
    // A suspended account's second pseud is invited: it may not join a work while suspended.
    route: "/account/co-author-invitations/:id/accept", variant: "a suspended invitee", path: (c) => `/account/co-author-invitations/${c.made.id}/accept`, form: () => ({}),
    prepare: async (c) => coAuthorInvitation(c, await secondPseud(c, c.scene.accounts.suspended)),
    expected: outcomes("not-found", { anonymous: "sign-in", suspended: "forbidden" }), watch: countRises(workAuthorRows),
  },
  {
    route: "/account/co-author-invitations/:id/decline", path: (c) => `/account/co-author-invitations/${c.made.id}/decline`, form: () => ({}),
    prepare: (c) => coAuthorInvitation(c, c.scene.accounts.author.authorId),
    expected: outcomes("not-found", { anonymous: "sign-in", author: "allowed" }), watch: becomes(invitationOf, () => null),
  },

  // Kudos, comments, bookmarks, subscriptions, the inbox and the history.
  {
    route: "/works/:id/kudos", path: (c) => `/works/${c.scene.workId}/kudos`, form: () => ({}),
    // Not on one's own work; guests may, once per address.
    expected: outcomes("allowed", { creator: "forbidden", coauthor: "forbidden", suspended: "forbidden" }),
    watch: countRises((c) => count(c.db.selectFrom("kudos").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    // The suspended account is no longer one of the work's creators here, so nothing but its suspension refuses it.
    route: "/works/:id/kudos", variant: "the suspended account not a creator", path: (c) => `/works/${c.scene.workId}/kudos`, form: () => ({}),
    prepare: async (c) => {
      await c.db.deleteFrom("work_authors").where("work_id", "=", c.scene.workId).where("author_id", "=", c.scene.accounts.suspended.authorId).execute();
      return {};
    },
    expected: outcomes("allowed", { creator: "forbidden", coauthor: "forbidden", suspended: "forbidden" }),
    watch: countRises((c) => count(c.db.selectFrom("kudos").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    // A work for signed-in users only: a guest is asked to sign in first.
    route: "/works/:id/kudos", variant: "a restricted work", path: (c) => `/works/${c.scene.workId}/kudos`, form: () => ({}),
    prepare: async (c) => {
      await c.db.updateTable("works").set({ visibility: "restricted" }).where("id", "=", c.scene.workId).execute();
      return {};
    },
    expected: outcomes("allowed", { anonymous: "sign-in", creator: "forbidden", coauthor: "forbidden", suspended: "forbidden" }),
    watch: countRises((c) => count(c.db.selectFrom("kudos").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    route: "/works/:id/comments", path: (c) => `/works/${c.scene.workId}/comments`,
    form: (c) => ({ text: "A comment on the whole work.", ...(c.account ? {} : { name: "A Guest", email: "guest@example.test" }) }),
    expected: ACTIVE_OR_GUEST, watch: countRises((c) => count(c.db.selectFrom("comments").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    // The creators chose comments from signed-in users only.
    route: "/works/:id/comments", variant: "signed-in commenters only", path: (c) => `/works/${c.scene.workId}/comments`,
    prepare: async (c) => {
      await c.db.updateTable("works").set({ comment_policy: "registered" }).where("id", "=", c.scene.workId).execute();
      return {};
    },
    form: (c) => ({ text: "A comment on the whole work.", ...(c.account ? {} : { name: "A Guest", email: "guest@example.test" }) }),
    expected: SIGNED_IN_ACTIVE, watch: countRises((c) => count(c.db.selectFrom("comments").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    route: "/comments/:id/reply", path: (c) => `/comments/${c.scene.commentId}/reply`,
    form: (c) => ({ text: "A reply to the comment.", ...(c.account ? {} : { name: "A Guest", email: "guest@example.test" }) }),
    expected: ACTIVE_OR_GUEST, watch: countRises((c) => count(c.db.selectFrom("comments").select((eb) => eb.fn.countAll().as("n")).where("parent_id", "=", c.scene.commentId))),
  },
  {
    route: "/comments/:id/edit", path: (c) => `/comments/${c.scene.commentId}/edit`, form: () => ({ text: "The comment, edited." }),
    // The comment is the reader's.
    expected: outcomes("forbidden", { anonymous: "sign-in", reader: "allowed" }),
    watch: watching((c) => c.db.selectFrom("comments").select("html").where("id", "=", c.scene.commentId).executeTakeFirstOrThrow().then((r) => r.html), (_, after) => after.includes("The comment, edited.")),
  },
  {
    route: "/comments/:id/delete", path: (c) => `/comments/${c.scene.commentId}/delete`, form: () => ({}),
    // Its writer, and the creators of the work it is on; moderators hide comments rather than delete them.
    expected: outcomes("forbidden", { anonymous: "sign-in", reader: "allowed", creator: "allowed", coauthor: "allowed" }),
    watch: watching((c) => commentStatus(c, c.scene.commentId), (_, after) => after === "deleted" || after === "gone"),
  },
  {
    // A reader's comment waiting for approval: the creators approve it; its commenter sees it but may not; to
    // anyone else it is not there yet.
    route: "/comments/:id/approve", path: (c) => `/comments/${c.made.id}/approve`, form: () => ({}), prepare: pendingComment,
    expected: outcomes("not-found", { anonymous: "sign-in", reader: "forbidden", creator: "allowed", coauthor: "allowed", suspended: "forbidden" }),
    watch: becomes((c) => commentStatus(c, c.made.id), () => "published"),
  },
  {
    route: "/comments/:id/freeze", path: (c) => `/comments/${c.scene.commentId}/freeze`, form: () => ({ frozen: "1" }),
    expected: CREATORS,
    watch: becomes((c) => c.db.selectFrom("comments").select("frozen").where("id", "=", c.scene.commentId).executeTakeFirstOrThrow().then((r) => r.frozen), () => 1),
  },
  {
    route: "/works/:id/comment-settings", path: (c) => `/works/${c.scene.workId}/comment-settings`, form: () => ({ policy: "registered" }),
    expected: CREATORS,
    watch: becomes((c) => c.db.selectFrom("works").select("comment_policy").where("id", "=", c.scene.workId).executeTakeFirstOrThrow().then((r) => r.comment_policy), () => "registered"),
  },
  {
    route: "/works/:id/bookmark", path: (c) => `/works/${c.scene.workId}/bookmark`, form: () => ({ notes: "", tags: "" }),
    expected: SIGNED_IN_ACTIVE,
    watch: countRises((c) => count(c.db.selectFrom("bookmarks").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    route: "/series/:id/bookmark", path: (c) => `/series/${c.scene.seriesId}/bookmark`, form: () => ({ notes: "", tags: "" }),
    expected: SIGNED_IN_ACTIVE,
    watch: countRises((c) => count(c.db.selectFrom("bookmarks").select((eb) => eb.fn.countAll().as("n")).where("series_id", "=", c.scene.seriesId))),
  },
  {
    // The reader's bookmark of the work.
    route: "/bookmarks/:id/delete", path: (c) => `/bookmarks/${c.made.id}/delete`, form: () => ({}),
    prepare: async (c) => {
      const { reader } = c.scene.accounts;
      const { id } = await c.db.insertInto("bookmarks").values({
        user_id: reader.userId, author_id: reader.authorId, work_id: c.scene.workId, series_id: null, notes: null, private: 0, rec: 0, created_at: "2026-11-20T00:00:00.000Z", updated_at: "2026-11-20T00:00:00.000Z",
      }).returning("id").executeTakeFirstOrThrow();
      return { id };
    },
    expected: READER_OWN, watch: becomes((c) => c.db.selectFrom("bookmarks").select("id").where("id", "=", c.made.id).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    route: "/subscriptions", path: () => "/subscriptions", form: (c) => ({ target_type: "work", target_id: String(c.scene.workId) }),
    expected: SIGNED_IN_ACTIVE,
    watch: countRises((c) => count(c.db.selectFrom("subscriptions").select((eb) => eb.fn.countAll().as("n")).where("target_type", "=", "work").where("target_id", "=", c.scene.workId))),
  },
  {
    // The reader's subscription to the work.
    route: "/subscriptions/:id/delete", path: (c) => `/subscriptions/${c.made.id}/delete`, form: () => ({}),
    prepare: async (c) => {
      const { id } = await c.db.insertInto("subscriptions").values({ user_id: c.scene.accounts.reader.userId, target_type: "work", target_id: c.scene.workId, mail: 0, created_at: "2026-11-20T00:00:00.000Z" })
        .returning("id").executeTakeFirstOrThrow();
      return { id };
    },
    // A suspended account may still stop what it is sent: the suspended actor owns no such subscription here.
    expected: outcomes("not-found", { anonymous: "sign-in", reader: "allowed" }), watch: becomes((c) => c.db.selectFrom("subscriptions").select("id").where("id", "=", c.made.id).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    // The suspended account's own subscription: it may stop what it is sent.
    route: "/subscriptions/:id/delete", path: (c) => `/subscriptions/${c.made.id}/delete`, form: () => ({}),
    prepare: async (c) => {
      const { id } = await c.db.insertInto("subscriptions").values({ user_id: c.scene.accounts.suspended.userId, target_type: "work", target_id: c.scene.workId, mail: 1, created_at: "2026-11-20T00:00:00.000Z" })
        .returning("id").executeTakeFirstOrThrow();
      return { id };
    },
    expected: outcomes("not-found", { anonymous: "sign-in", suspended: "allowed" }),
    watch: becomes((c) => c.db.selectFrom("subscriptions").select("id").where("id", "=", c.made.id).executeTakeFirst().then((r) => r?.id ?? null), () => null),
  },
  {
    route: "/inbox/read", path: () => "/inbox/read", form: () => ({ all: "1" }),
    expected: SIGNED_IN,
    watch: watching((c) => own(c, (a) => count(c.db.selectFrom("inbox_items").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", a.userId).where("read_at", "is", null)), 0),
      (before, after) => before > 0 && after === 0),
  },
  {
    route: "/works/:id/mark-for-later", path: (c) => `/works/${c.scene.workId}/mark-for-later`, form: () => ({}),
    expected: SIGNED_IN_ACTIVE,
    watch: becomes((c) => own(c, (a) => c.db.selectFrom("reading_history").select("marked_for_later").where("user_id", "=", a.userId).where("work_id", "=", c.scene.workId)
      .executeTakeFirst().then((r) => r?.marked_for_later ?? 0), 0), () => 1),
  },
  {
    // Each account read the work before, and forgets it.
    route: "/history/clear", path: () => "/history/clear", form: () => ({}),
    prepare: async (c) => {
      if (c.account) {
        await c.db.insertInto("reading_history").values({ user_id: c.account.userId, work_id: c.scene.workId, last_read_at: "2026-11-29T00:00:00.000Z", last_chapter: 1, visits: 1, marked_for_later: 0 }).execute();
      }
      return {};
    },
    expected: SIGNED_IN,
    watch: watching((c) => own(c, (a) => count(c.db.selectFrom("reading_history").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", a.userId)), 0),
      (before, after) => before === 1 && after === 0),
  },

  // The JSON API reads no cookie: a browser's session, however privileged, writes nothing through it (a token must).
  {
    route: "/api/v1/works", path: () => "/api/v1/works", form: () => newWork({ title: "A Work Posted Through the API" }),
    expected: NO_COOKIE_WRITES, watch: countRises((c) => worksTitled(c, "A Work Posted Through the API")),
  },
  {
    route: "/api/v1/works/:id/chapters", path: (c) => `/api/v1/works/${c.scene.workId}/chapters`, form: () => ({ text: "A chapter sent to the API." }),
    expected: NO_COOKIE_WRITES, watch: countRises(chapterCount),
  },
  {
    route: "/api/v1/works/:id/kudos", path: (c) => `/api/v1/works/${c.scene.workId}/kudos`, form: () => ({}),
    expected: NO_COOKIE_WRITES, watch: countRises((c) => count(c.db.selectFrom("kudos").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    route: "/api/v1/works/:id/comments", path: (c) => `/api/v1/works/${c.scene.workId}/comments`, form: () => ({ text: "A comment sent to the API." }),
    expected: NO_COOKIE_WRITES, watch: countRises((c) => count(c.db.selectFrom("comments").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  {
    route: "/api/v1/works/:id/bookmarks", path: (c) => `/api/v1/works/${c.scene.workId}/bookmarks`, form: () => ({ notes: "" }),
    expected: NO_COOKIE_WRITES, watch: countRises((c) => count(c.db.selectFrom("bookmarks").select((eb) => eb.fn.countAll().as("n")).where("work_id", "=", c.scene.workId))),
  },
  ...CHALLENGE_ROUTE_CASES,
];

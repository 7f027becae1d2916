/**
 * Challenges on every engine, through their services: a gift exchange from sign-ups to a reveal (the matching
 * stored, rerun afresh, sent, defaulted, pinch-hit and fulfilled, the gift's work in the collection and unrevealed
 * until its date), and a prompt meme's prompts, claims and fills, anonymous prompts kept anonymous.
 */
import { describe, expect, it } from "vitest";
import { createSearchIndex } from "../../src/db/search-index.js";
import { GUEST_AUDIENCE } from "../../src/domain/account.js";
import type { Account } from "../../src/domain/account.js";
import { NO_PROMPT_TAGS, type PromptTags } from "../../src/domain/challenges/challenge.js";
import { DEFAULT_EXCHANGE_RULES } from "../../src/domain/challenges/gift-exchange.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../src/domain/errors.js";
import { assignPinchHitter, defaultAssignment, fulfilAssignment, readParticipantAssignments } from "../../src/services/challenges/assignments.js";
import { createChallenge, type NewChallengeInput } from "../../src/services/challenges/create-challenge.js";
import { readExchangeSummary, runExchangeMatching, sendExchangeAssignments, signUpToExchange } from "../../src/services/challenges/gift-exchange.js";
import { claimPrompt, fillClaim, postPrompt, readPromptMeme } from "../../src/services/challenges/prompt-meme.js";
import { changeChallengeSchedule, revealDueChallenges } from "../../src/services/challenges/reveal-challenges.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { makeAccount, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";

const DAY = 86_400_000;
const START = new Date("2026-12-01T12:00:00.000Z");
const later = (days: number) => new Date(START.getTime() + days * DAY);
const fandom = (...names: string[]): PromptTags => ({ ...NO_PROMPT_TAGS, fandom: names });
const account = (a: TestAccount): Account => ({ id: a.userId, login: a.login, role: "author", suspended: false, suspendedUntil: null });
const only = <T,>(items: readonly T[]): T => {
  expect(items.length).toBe(1);
  return items[0] as T;
};

const EXCHANGE: NewChallengeInput = {
  name: "Orchard_Swap", title: "Orchard Swap 2026", description: "Small fandoms, winter gifts.", kind: "gift_exchange",
  schedule: { signupOpensAt: null, signupClosesAt: later(7), worksRevealAt: later(30), creatorsRevealAt: later(37) },
  exchangeRules: DEFAULT_EXCHANGE_RULES, promptsMax: 50,
};

describe.each(TEST_ENGINES)("challenges on $name", (engine) => {
  const quire = freshQuirePerTest(engine);

  it("runs a gift exchange from sign-ups to the reveal", async () => {
    const { library } = quire();
    const mod = await makeAccount(library.db, "Swap_Mod");
    const ash = await makeAccount(library.db, "Ash_Writes");
    const dot = await makeAccount(library.db, "Dot_Writes");
    const maintainer = account(mod);
    const a = account(ash);
    const b = account(await makeAccount(library.db, "Bee_Writes"));
    const c = account(await makeAccount(library.db, "Cal_Writes"));
    const d = account(dot);
    const everyone = [a, b, c, d, maintainer];
    await createChallenge(library, maintainer, EXCHANGE, START);
    await expect(createChallenge(library, maintainer, EXCHANGE, START)).rejects.toThrow(/exists already/);

    // Ash offers Lighthouse and wants Orchard; Bee offers Orchard, wants Lighthouse; Cal offers both, wants Orchard;
    // Dot offers Salt Roads, which nobody wants, and wants Lighthouse.
    await signUpToExchange(library, a, "orchard_swap", { requests: [fandom("Orchard Year")], offers: [fandom("Lighthouse Keepers")] }, later(1));
    await signUpToExchange(library, b, "Orchard_Swap", { requests: [fandom("lighthouse keepers")], offers: [fandom("Orchard Year")] }, later(1));
    await signUpToExchange(library, c, "Orchard_Swap", { requests: [fandom("Orchard Year")], offers: [fandom("Orchard Year", "Lighthouse Keepers")] }, later(1));
    await signUpToExchange(library, d, "Orchard_Swap", { requests: [fandom("Lighthouse Keepers")], offers: [fandom("The Salt Roads")] }, later(1));
    await expect(signUpToExchange(library, d, "Orchard_Swap", { requests: [], offers: [fandom("X")] }, later(1))).rejects.toThrow(ValidationError);
    await expect(signUpToExchange(library, d, "Orchard_Swap", { requests: [fandom("A")], offers: [fandom("B")] }, later(8))).rejects.toThrow(/not open/);
    await expect(readExchangeSummary(library, a, "Orchard_Swap")).rejects.toThrow(ForbiddenError);

    const summary = await readExchangeSummary(library, maintainer, "Orchard_Swap");
    expect(summary.signups.map((s) => s.login)).toEqual(["Ash_Writes", "Bee_Writes", "Cal_Writes", "Dot_Writes"]);
    expect(summary.potentialMatches.length).toBe(7); // Ash → Bee, Dot; Bee → Ash, Cal; Cal → Ash, Bee, Dot

    const first = await runExchangeMatching(library, maintainer, "Orchard_Swap", later(8));
    // Dot can give to no one, so at most three pairs; three there are, and someone receives nothing.
    expect(first.pairs.length).toBe(3);
    expect(first.unmatchedGivers.length).toBe(1);
    const again = await runExchangeMatching(library, maintainer, "Orchard_Swap", later(8));
    expect(again).toEqual(first);
    const stored = (await readExchangeSummary(library, maintainer, "Orchard_Swap")).assignments;
    expect(stored.length).toBe(4); // three pairs and one recipient awaiting a pinch hitter
    expect(stored.filter((x) => x.giverSignupId === null).map((x) => x.recipientSignupId)).toEqual(first.unmatchedRecipients);

    expect((await readParticipantAssignments(library, a, "Orchard_Swap")).toWrite).toEqual([]); // not sent yet
    await sendExchangeAssignments(library, maintainer, "Orchard_Swap", later(9));
    await expect(runExchangeMatching(library, maintainer, "Orchard_Swap", later(9))).rejects.toThrow(/cannot be run again/);

    // Every matched giver sees one assignment with the recipient's requests.
    const cals = only((await readParticipantAssignments(library, c, "Orchard_Swap")).toWrite);
    const calsAssignment = cals.assignment;
    expect(cals.requests.length).toBe(1);

    // Cal defaults; Dot pinch-hits (Dot is not the recipient... unless so, then Mod does) and posts the gift.
    await defaultAssignment(library, c, "Orchard_Swap", calsAssignment.id);
    await expect(defaultAssignment(library, c, "Orchard_Swap", calsAssignment.id)).rejects.toThrow(/already been defaulted/);
    const hitter = calsAssignment.recipientLogin === "Dot_Writes" ? mod : dot;
    await expect(assignPinchHitter(library, a, "Orchard_Swap", calsAssignment.id, hitter.login, later(10))).rejects.toThrow(ForbiddenError);
    await expect(assignPinchHitter(library, maintainer, "Orchard_Swap", calsAssignment.id, calsAssignment.recipientLogin, later(10))).rejects.toThrow(/own gift/);
    await assignPinchHitter(library, maintainer, "Orchard_Swap", calsAssignment.id, hitter.login, later(10));
    // The three matched givers heard of their assignments when they were sent, the pinch hitter when given theirs.
    const notes = await library.db.selectFrom("inbox_items").select(["user_id", "message"]).where("kind", "=", "challenge-assignment").orderBy("id").execute();
    expect(notes.length).toBe(4);
    expect(notes.at(-1)).toEqual({ user_id: hitter.userId, message: `Your assignment in Orchard Swap 2026: write a gift for ${calsAssignment.recipientLogin}. Its requests are on /collections/Orchard_Swap/assignments.` });
    const gift = await postWork(quire(), hitter, { title: "Grafting Season", chapters: ["The orchard wintered under straw, and Wren walked the rows at dawn."] });
    const othersWork = await postWork(quire(), ash, { title: "Not Theirs" });
    await expect(fulfilAssignment(library, account(hitter), "Orchard_Swap", calsAssignment.id, othersWork, later(20))).rejects.toThrow(/of your own/);
    await expect(fulfilAssignment(library, c, "Orchard_Swap", calsAssignment.id, gift, later(20))).rejects.toThrow(ForbiddenError);
    const unposted = await postWork(quire(), hitter, { title: "Still a Draft" }, { visibility: "draft" });
    await expect(fulfilAssignment(library, account(hitter), "Orchard_Swap", calsAssignment.id, unposted, later(20))).rejects.toThrow(/a draft joins no collection/);
    // Two hand-ins sent at once may both pass the check made before the transaction; the update lets one through.
    const second = await postWork(quire(), hitter, { title: "A Second Try" });
    const handIns = await Promise.allSettled([gift, second].map((work) => fulfilAssignment(library, account(hitter), "Orchard_Swap", calsAssignment.id, work, later(20))));
    expect(handIns.map((h) => h.status)).toEqual(["fulfilled", "rejected"]);
    expect(String((handIns[1] as PromiseRejectedResult).reason)).toMatch(/already fulfilled|fulfilled already/u);
    expect(await library.db.selectFrom("work_gifts").select("work_id").where("work_id", "in", [gift, second]).execute()).toEqual([{ work_id: gift }]);
    expect(await library.db.selectFrom("collection_works").select("work_id").where("work_id", "=", second).execute()).toEqual([]);

    const item = await library.db.selectFrom("collection_works").select(["status"]).where("work_id", "=", gift).executeTakeFirstOrThrow();
    expect(item.status).toBe("approved");
    const giftRow = await library.db.selectFrom("work_gifts").select(["recipient", "user_id"]).where("work_id", "=", gift).executeTakeFirstOrThrow();
    expect(giftRow).toEqual({ recipient: calsAssignment.recipientLogin, user_id: calsAssignment.recipientUserId });

    // Unrevealed and anonymous until the dates; the recipient sees the gift from the works date, the writer from the creators'.
    const recipient = only(everyone.filter((x) => x.id === calsAssignment.recipientUserId));
    const flags = () => library.db.selectFrom("collections").select(["unrevealed", "anonymous"]).where("name", "=", "Orchard_Swap").executeTakeFirstOrThrow();
    expect(await flags()).toEqual({ unrevealed: 1, anonymous: 1 });
    expect((await readParticipantAssignments(library, recipient, "Orchard_Swap")).received).toEqual([]);
    expect(await revealDueChallenges(library, later(29))).toBe(0);
    expect(await revealDueChallenges(library, later(30))).toBe(1);
    expect(await flags()).toEqual({ unrevealed: 0, anonymous: 1 });
    expect((await readParticipantAssignments(library, recipient, "Orchard_Swap")).received).toEqual([{ workId: gift, title: "Grafting Season", from: null }]);
    // Revealed but anonymous: the gift is listed, and its writer's name does not find it (nor after it was handed
    // in: the hand-in indexed it anew without its creators).
    const byName = async () => (await createSearchIndex(library).search({ ...emptyWorkSearch(), audience: GUEST_AUDIENCE, text: { kind: "phrase", text: hitter.login, field: null } })).works.map((w) => w.title);
    expect(await byName()).not.toContain("Grafting Season");
    await revealDueChallenges(library, later(37));
    expect(await flags()).toEqual({ unrevealed: 0, anonymous: 0 });
    // Named at last, the writer's name finds the gift: the reveal indexed it anew.
    expect(await byName()).toContain("Grafting Season");
    expect((await readParticipantAssignments(library, recipient, "Orchard_Swap")).received).toEqual([{ workId: gift, title: "Grafting Season", from: hitter.login }]);
    // A gift the moderators hid is named to no one, its recipient included.
    await library.db.updateTable("works").set({ hidden_by_moderator: 1 }).where("id", "=", gift).execute();
    expect((await readParticipantAssignments(library, recipient, "Orchard_Swap")).received).toEqual([]);
  });

  it("lets the maintainers change the dates: sign-ups close, and a reveal date to come conceals the works again", async () => {
    const { library } = quire();
    const keeper = account(await makeAccount(library.db, "Date_Keeper"));
    const other = account(await makeAccount(library.db, "Date_Other"));
    await createChallenge(library, keeper, { ...EXCHANGE, schedule: { ...EXCHANGE.schedule, worksRevealAt: null, creatorsRevealAt: null } }, START);
    const flags = () => library.db.selectFrom("collections").select(["unrevealed", "anonymous"]).where("name", "=", "Orchard_Swap").executeTakeFirstOrThrow();
    expect(await flags()).toEqual({ unrevealed: 0, anonymous: 0 });
    const schedule = { signupOpensAt: null, signupClosesAt: later(2), worksRevealAt: later(10), creatorsRevealAt: later(12) };
    await expect(changeChallengeSchedule(library, other, "Orchard_Swap", schedule, later(1))).rejects.toThrow(ForbiddenError);
    await expect(changeChallengeSchedule(library, keeper, "Orchard_Swap", { ...schedule, creatorsRevealAt: later(5) }, later(1))).rejects.toThrow(/before their works/);
    await changeChallengeSchedule(library, keeper, "Orchard_Swap", schedule, later(1));
    expect(await flags()).toEqual({ unrevealed: 1, anonymous: 1 });
    await expect(signUpToExchange(library, other, "Orchard_Swap", { requests: [fandom("A")], offers: [fandom("B")] }, later(3))).rejects.toThrow(/not open/);
    await changeChallengeSchedule(library, keeper, "Orchard_Swap", { ...schedule, worksRevealAt: null, creatorsRevealAt: null }, later(3));
    expect(await flags()).toEqual({ unrevealed: 0, anonymous: 0 });
  });

  it("runs a prompt meme: prompts, anonymous ones too, claims and more than one fill of a prompt", async () => {
    const { library } = quire();
    const mod = await makeAccount(library.db, "Meme_Mod");
    const poser = await makeAccount(library.db, "Prompt_Poser");
    const writer = await makeAccount(library.db, "Fill_Writer");
    const second = await makeAccount(library.db, "Second_Filler");
    await createChallenge(library, account(mod), { ...EXCHANGE, name: "Winter_Meme", title: "Winter Meme", kind: "prompt_meme", promptsMax: 2, schedule: { ...EXCHANGE.schedule, worksRevealAt: null, creatorsRevealAt: null } }, START);
    const promptId = await postPrompt(library, account(poser), "Winter_Meme", { tags: fandom("Lighthouse Keepers"), text: "The lamp goes out during the storm.", anonymous: true }, later(1));
    await postPrompt(library, account(poser), "Winter_Meme", { tags: fandom("Orchard Year"), text: "First frost.", anonymous: false }, later(1));
    await expect(postPrompt(library, account(poser), "Winter_Meme", { tags: fandom("Orchard Year"), text: "Third.", anonymous: false }, later(1))).rejects.toThrow(/at most 2 prompts/);

    const asGuest = await readPromptMeme(library, null, "Winter_Meme", later(2));
    expect(asGuest.prompts.map((p) => p.poster)).toEqual(["Anonymous", "Prompt_Poser"]);
    expect((await readPromptMeme(library, account(poser), "Winter_Meme", later(2))).prompts.map((p) => p.poster)).toEqual(["Prompt_Poser", "Prompt_Poser"]);

    // A prompt is claimed through its own meme only.
    await createChallenge(library, account(mod), { ...EXCHANGE, name: "Other_Meme", title: "Other Meme", kind: "prompt_meme" }, START);
    await expect(claimPrompt(library, account(writer), "Other_Meme", promptId, later(2))).rejects.toThrow(NotFoundError);
    const claimId = await claimPrompt(library, account(writer), "Winter_Meme", promptId, later(2));
    await expect(claimPrompt(library, account(writer), "Winter_Meme", promptId, later(2))).rejects.toThrow(/already claimed/);
    const secondClaim = await claimPrompt(library, account(second), "Winter_Meme", promptId, later(2));
    const fill = await postWork(quire(), writer, { title: "Storm Lamp", chapters: ["The lamp guttered; Tobias climbed the stair with matches in his teeth."] });
    const draft = await postWork(quire(), second, { title: "Second Draft" }, { visibility: "draft" });
    const restricted = await postWork(quire(), second, { title: "Second Lamp" }, { visibility: "restricted" });
    await expect(fillClaim(library, account(second), "Winter_Meme", claimId, restricted, later(3))).rejects.toThrow(ForbiddenError);
    await expect(fillClaim(library, account(second), "Winter_Meme", secondClaim, draft, later(3))).rejects.toThrow(/a draft joins no collection/);
    await expect(fillClaim(library, account(writer), "Other_Meme", claimId, fill, later(3))).rejects.toThrow(NotFoundError);
    await fillClaim(library, account(writer), "Winter_Meme", claimId, fill, later(3));
    await fillClaim(library, account(second), "Winter_Meme", secondClaim, restricted, later(3));
    await expect(fillClaim(library, account(writer), "Winter_Meme", claimId, fill, later(3))).rejects.toThrow(/already filled/);

    const page = await readPromptMeme(library, null, "Winter_Meme", later(4));
    // Two fills of one prompt; the restricted work's title shows to no guest.
    expect(page.prompts.map((p) => p.claims.map((c) => [c.claim.login, c.fillTitle]))).toEqual([[["Fill_Writer", "Storm Lamp"], ["Second_Filler", null]], []]);
    const asSecond = await readPromptMeme(library, account(second), "Winter_Meme", later(4));
    expect(asSecond.prompts.map((p) => p.claims.map((c) => c.fillTitle))).toEqual([["Storm Lamp", "Second Lamp"], []]);
    const items = await library.db.selectFrom("collection_works").select("work_id").orderBy("work_id").execute();
    expect(items.map((i) => i.work_id)).toEqual([fill, restricted]);
    // Claiming again once the claim is filled is a new story.
    await claimPrompt(library, account(writer), "Winter_Meme", promptId, later(5));

    // In an anonymous meme a claim names no one but to its claimant and the maintainers: who claims is who fills.
    await library.db.updateTable("collections").set({ anonymous: 1 }).where("name", "=", "Winter_Meme").execute();
    const claimants = async (viewer: TestAccount | null) => (await readPromptMeme(library, viewer && account(viewer), "Winter_Meme", later(6))).prompts.flatMap((p) => p.claims.map((c) => c.claimant));
    expect(await claimants(null)).toEqual(["Anonymous", "Anonymous", "Anonymous"]);
    expect(await claimants(writer)).toEqual(["Fill_Writer", "Anonymous", "Fill_Writer"]);
    expect(await claimants(mod)).toEqual(["Fill_Writer", "Second_Filler", "Fill_Writer"]);
  });
});

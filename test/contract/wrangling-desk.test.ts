/**
 * Wrangling on the web, below the pages, on every engine: who may wrangle which tags (moderators and admins every
 * tag, a wrangler the tags of their fandoms), the queue by use with its suggestions, and bulk actions as one
 * transaction whose effect on search is immediate and which is recorded in the wrangling history.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { storeVocabulary } from "../../src/db/repositories/vocabulary.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { Account, Role } from "../../src/domain/account.js";
import { ForbiddenError, SignInRequiredError, ValidationError } from "../../src/domain/errors.js";
import type { ParsedWork } from "../../src/domain/work.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { searchWorks } from "../../src/services/search-works.js";
import { describeTags, listWranglingHistory } from "../../src/services/tags/describe-tags.js";
import { readWranglingQueue, wrangleTags, type QueueRequest } from "../../src/services/tags/wrangling-desk.js";
import { assignWrangler, listWranglersForAdmin, unassignWrangler } from "../../src/services/tags/wranglers.js";
import { parsedWork, toStore } from "../factories.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { smallVocabulary } from "../support/small-vocabulary.js";

const NOW = "2026-01-01T00:00:00.000Z";
const HARBOUR = "Moonlit Harbour (TV)";
const ORCHARD = "Glass Orchard (Books)";

const WORKS: Record<string, Partial<ParsedWork>> = {
  keeper: { title: "The Keeper's Log", fandoms: [HARBOUR], relationships: ["Mara Quel/Tobias Wren"], freeforms: ["Lamp Keeping"] },
  // "MH" is a synonym of the fandom: the work is in it all the same.
  storm: { title: "Storm Season", fandoms: ["MH"], freeforms: ["Lamp Keeping", "Hurt/Comfrot"] },
  orchard: { title: "Under the Glass", fandoms: ["Glass Orchard"], freeforms: ["Orchard Ghosts"] },
};

const QUEUE: QueueRequest = { type: null, fandom: null, page: 1 };

describe.each(TEST_ENGINES)("wrangling on the web on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  const accounts = {} as Record<"harbourWrangler" | "orchardWrangler" | "reader" | "moderator" | "admin", Account>;

  beforeEach(async () => {
    const { db, engine: libraryEngine } = quire().library;
    await libraryEngine.writeTransaction(db, async (trx) => {
      await storeVocabulary(trx, smallVocabulary(), NOW);
      for (const work of Object.values(WORKS)) await insertWork(trx, libraryEngine, toStore(parsedWork(work)), NOW);
    });
    const roles: Record<keyof typeof accounts, Role> = { harbourWrangler: "reader", orchardWrangler: "author", reader: "reader", moderator: "moderator", admin: "admin" };
    for (const [name, role] of Object.entries(roles) as [keyof typeof accounts, Role][]) {
      const made = await makeAccount(db, name, role);
      accounts[name] = { id: made.userId, login: made.login, role, suspended: false, suspendedUntil: null };
    }
    await assignWrangler(quire().library, accounts.admin, "harbourWrangler", HARBOUR, NOW);
    await assignWrangler(quire().library, accounts.admin, "orchardWrangler", ORCHARD, NOW);
  });

  const tagId = async (name: string) => {
    const [tag] = await describeTags(quire().library.db, { name, type: null });
    if (!tag) throw new Error(`no tag ${name}`);
    return tag.id;
  };
  const status = async (name: string) => (await describeTags(quire().library.db, { name, type: null }))[0]?.status;
  const titlesTagged = async (name: string) =>
    (await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), includeTags: [{ name, type: null }] })).works.map((w) => w.title).sort();
  const history = async () => (await listWranglingHistory(quire().library.db, 100)).map((e) => `${e.operation} ${e.tag?.name ?? ""}`);

  it("gives a wrangler the unwrangled tags of their fandoms, the most used first, and a moderator every one", async () => {
    const names = async (viewer: Account, request = QUEUE) => (await readWranglingQueue(quire().library.db, viewer, request)).tags.map((t) => `${t.name} (${t.works})`);
    expect(await names(accounts.harbourWrangler)).toEqual(["Lamp Keeping (2)", "Hurt/Comfrot (1)", "Mara Quel/Tobias Wren (1)"]);
    expect(await names(accounts.orchardWrangler)).toEqual(["Orchard Ghosts (1)"]);
    expect(await names(accounts.moderator)).toEqual(["Lamp Keeping (2)", "Hurt/Comfrot (1)", "Mara Quel/Tobias Wren (1)", "Orchard Ghosts (1)"]);
    expect(await names(accounts.moderator, { ...QUEUE, type: "Relationship" })).toEqual(["Mara Quel/Tobias Wren (1)"]);
    expect(await names(accounts.admin, { ...QUEUE, fandom: ORCHARD })).toEqual(["Orchard Ghosts (1)"]);
    await expect(readWranglingQueue(quire().library.db, accounts.orchardWrangler, { ...QUEUE, fandom: HARBOUR })).rejects.toThrow(ForbiddenError);
    await expect(readWranglingQueue(quire().library.db, accounts.moderator, { ...QUEUE, fandom: "MH" })).rejects.toThrow(ValidationError);
  });

  it("suggests the canonical tags of the same type whose names are most alike", async () => {
    const queue = await readWranglingQueue(quire().library.db, accounts.moderator, QUEUE);
    const suggested = (name: string) => queue.tags.find((t) => t.name === name)?.suggestions.map((s) => s.name);
    expect(suggested("Hurt/Comfrot")?.[0]).toBe("Hurt/Comfort");
    expect(suggested("Mara Quel/Tobias Wren")?.[0]).toBe("Mara Quell/Tobias Wren (Moonlit Harbour)");
    expect(suggested("Orchard Ghosts")).toEqual([]);
  });

  it("refuses guests, accounts that wrangle nothing and suspended wranglers", async () => {
    const { db } = quire().library;
    await expect(readWranglingQueue(db, null, QUEUE)).rejects.toThrow(SignInRequiredError);
    await expect(readWranglingQueue(db, accounts.reader, QUEUE)).rejects.toThrow(ForbiddenError);
    await expect(readWranglingQueue(db, { ...accounts.harbourWrangler, suspended: true }, QUEUE)).rejects.toThrow(ForbiddenError);
    await expect(wrangleTags(quire().library, { ...accounts.moderator, suspended: true }, [await tagId("Lamp Keeping")], { action: "canonical" })).rejects.toThrow(ForbiddenError);
  });

  it("lets a wrangler of one fandom wrangle no tag of another's, and changes nothing when refused", async () => {
    const lamp = await tagId("Lamp Keeping");
    const ghosts = await tagId("Orchard Ghosts");
    await expect(wrangleTags(quire().library, accounts.orchardWrangler, [lamp], { action: "canonical" })).rejects.toThrow(ForbiddenError);
    await expect(wrangleTags(quire().library, accounts.harbourWrangler, [lamp, ghosts], { action: "canonical" })).rejects.toThrow(/"Orchard Ghosts" is in none of your fandoms/u);
    await expect(wrangleTags(quire().library, accounts.harbourWrangler, [lamp], { action: "parent", fandom: ORCHARD })).rejects.toThrow(ForbiddenError);
    expect(await status("Lamp Keeping")).toBe("unwrangled");
    expect(await history()).toEqual([]);
    expect(await wrangleTags(quire().library, accounts.moderator, [ghosts], { action: "canonical" })).toEqual({ changed: 1, works: 0 });
  });

  it("makes a tag a synonym of a suggested tag: searches by the canonical tag find their works at once, and the history has each", async () => {
    await wrangleTags(quire().library, accounts.moderator, [await tagId("Lamp Keeping")], { action: "canonical" });
    expect(await titlesTagged("Hurt/Comfort")).toEqual([]);
    const outcome = await wrangleTags(quire().library, accounts.harbourWrangler, [await tagId("Hurt/Comfrot")], { action: "merge", into: { id: await tagId("Hurt/Comfort") } });
    expect(outcome).toEqual({ changed: 1, works: 1 });
    expect(await titlesTagged("Hurt/Comfort")).toEqual(["Storm Season"]);
    expect(await status("Hurt/Comfrot")).toBe("synonym");
    expect(await history()).toEqual(["merge Hurt/Comfrot", "canonical Lamp Keeping"]);
    const [merge] = await listWranglingHistory(quire().library.db, 1);
    expect(merge?.detail).toMatchObject({ by: "harbourWrangler", wasCanonical: false });
  });

  it("does all of a bulk action or none of it", async () => {
    const lamp = await tagId("Lamp Keeping");
    const ship = await tagId("Mara Quel/Tobias Wren");
    // The relationship cannot become a synonym of a freeform: so the freeform, before it, is left as it was.
    await expect(wrangleTags(quire().library, accounts.harbourWrangler, [lamp, ship], { action: "merge", into: { name: "Hurt/Comfort" } })).rejects.toThrow(/Nothing was changed/u);
    expect(await status("Lamp Keeping")).toBe("unwrangled");
    expect(await titlesTagged("Hurt/Comfort")).toEqual([]);
    expect(await history()).toEqual([]);

    expect(await wrangleTags(quire().library, accounts.harbourWrangler, [lamp, await tagId("Hurt/Comfrot")], { action: "canonical" })).toEqual({ changed: 2, works: 0 });
    expect(await wrangleTags(quire().library, accounts.harbourWrangler, [lamp], { action: "parent", fandom: HARBOUR })).toEqual({ changed: 1, works: 0 });
    expect(await history()).toEqual(["add-parent Lamp Keeping", "canonical Hurt/Comfrot", "canonical Lamp Keeping"]);
  });

  it("lets admins alone assign and unassign wranglers, to canonical fandoms, and logs it", async () => {
    const library = quire().library;
    await expect(assignWrangler(library, accounts.moderator, "reader", HARBOUR, NOW)).rejects.toThrow(ForbiddenError);
    await expect(assignWrangler(library, accounts.admin, "reader", "MH", NOW)).rejects.toThrow(ValidationError);
    await expect(assignWrangler(library, accounts.admin, "nobody", HARBOUR, NOW)).rejects.toThrow(ValidationError);
    await assignWrangler(library, accounts.admin, "reader", HARBOUR, NOW);
    await assignWrangler(library, accounts.admin, "reader", HARBOUR, NOW);
    expect((await readWranglingQueue(library.db, accounts.reader, QUEUE)).total).toBe(3);
    const harbourId = await tagId(HARBOUR);
    await unassignWrangler(library, accounts.admin, accounts.reader.id, harbourId, NOW);
    await expect(unassignWrangler(library, accounts.admin, accounts.reader.id, harbourId, NOW)).rejects.toThrow(/not in this archive/u);
    await expect(readWranglingQueue(library.db, accounts.reader, QUEUE)).rejects.toThrow(ForbiddenError);
    expect((await listWranglersForAdmin(library.db, accounts.admin)).map((a) => `${a.login}: ${a.fandomName}`)).toEqual(["harbourWrangler: Moonlit Harbour (TV)", "orchardWrangler: Glass Orchard (Books)"]);
    const log = await library.db.selectFrom("moderation_log").select(["action", "reason"]).where("target_id", "=", accounts.reader.id).orderBy("id").execute();
    expect(log).toEqual([{ action: "assign-wrangler", reason: HARBOUR }, { action: "unassign-wrangler", reason: HARBOUR }]);
  });
});

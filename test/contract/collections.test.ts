/**
 * Collections in the store, on every engine: an imported work lands as an approved item of the collection its
 * header names (one the importer makes, owner-less, or a user's of the same name key), a re-import keeps the places
 * a work was given on the web, the services move items through their states, and the audience rules hide an
 * unrevealed collection's works and an anonymous one's creators from searches and counts.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Account } from "../../src/domain/account.js";
import { GUEST_AUDIENCE } from "../../src/domain/account.js";
import { ForbiddenError } from "../../src/domain/errors.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { createSearchIndex } from "../../src/db/search-index.js";
import { findCollectionByName, listCollections } from "../../src/db/repositories/collections.js";
import { listUpdateSubscribers, upsertSubscription } from "../../src/db/repositories/subscriptions.js";
import { addWorkToCollection, decideCollectionItem, readCollectionQueue, readWorkCollections } from "../../src/services/collections/collection-items.js";
import { createCollection, readCollection, updateCollection } from "../../src/services/collections/manage-collections.js";
import { importFiles } from "../../src/services/import/import-files.js";
import { inProcessParser } from "../../src/services/import/story-parser.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { findWorkAccess } from "../../src/db/repositories/work-access.js";

const NOW = new Date("2026-11-30T12:00:00Z");
const SETTINGS = { title: "", description: "", parent: "", state: "open" as const, anonymous: false, unrevealed: false };

function story(title: string, header: string, body: string): string {
  return `Title: ${title}\nAuthor: Ottilie Marsh\nFandom: Moonlit Harbour (TV)\nRating: G\n${header}\n\n${body}\n`;
}

describe.each(TEST_ENGINES)("collections on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  const account = (id: number, login: string): Account => ({ id, login, role: "author", suspended: false, suspendedUntil: null });

  const importStories = async (files: Record<string, string>) => {
    const folder = await mkdtemp(join(tmpdir(), "quire-collections-"));
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
    const report = await importFiles({ library: quire().library, parser: inProcessParser }, Object.keys(files), { cwd: folder });
    return { folder, report };
  };

  it("puts imported works in the collections their headers name, approved, made owner-less where none matches", async () => {
    const { db } = quire().library;
    const keeper = await makeAccount(db, "Keeper");
    await createCollection(quire().library, account(keeper.userId, keeper.login), { ...SETTINGS, name: "Lanternfest", title: "Lantern Fest", state: "closed" }, NOW);
    const { report } = await importStories({
      "fest.txt": story("Lamps at the Quay", "Challenge: LanternFest", "The lamps were lit one by one along the quay."),
      "yule.txt": story("Frost on the Nets", "Written for: Bram in the Harbour Yule 2009 challenge", "Frost lay on the nets until the sun was high."),
    });
    expect(report).toMatchObject({ imported: 2, failed: [] });

    // The user's collection, closed as it is, takes the work its header names: the import is the archive's record.
    const fest = await readCollectionQueue(db, account(keeper.userId, keeper.login), "lanternfest");
    expect(fest.approved.map((i) => i.title)).toEqual(["Lamps at the Quay"]);
    const yule = await findCollectionByName(db, "harbour yule 2009");
    expect(yule).toMatchObject({ name: "Harbour Yule 2009", title: "Harbour Yule 2009", ownerId: null, state: "open", anonymous: false, unrevealed: false });
    const search = createSearchIndex(quire().library);
    const listed = await search.search({ ...emptyWorkSearch(), collections: [yule?.id ?? 0] });
    expect(listed.works.map((w) => w.title)).toEqual(["Frost on the Nets"]);
    expect((await listCollections(db, GUEST_AUDIENCE, { query: "yule", limit: 10, offset: 0 })).items.map((c) => [c.name, c.works])).toEqual([["Harbour Yule 2009", 1]]);
  });

  it("keeps a work's places given on the web when its file is imported again", async () => {
    const { db } = quire().library;
    const keeper = await makeAccount(db, "Keeper");
    const { folder } = await importStories({ "tide.txt": story("Tide Tables", "Challenge: Tidewatch", "The tables were wrong by an hour, and nobody minded.") });
    const workId = (await db.selectFrom("works").select("id").executeTakeFirstOrThrow()).id;
    await createCollection(quire().library, account(keeper.userId, keeper.login), { ...SETTINGS, name: "Harbour_Shelf", title: "Harbour Shelf" }, NOW);
    // A maintainer invites the imported work; the archive's admin would answer for it. The row stands either way.
    await addWorkToCollection(quire().library, account(keeper.userId, keeper.login), "Harbour_Shelf", workId, NOW);

    await writeFile(join(folder, "tide.txt"), story("Tide Tables", "Challenge: Tidewatch", "The tables were wrong by an hour, and everybody minded."));
    const again = await importFiles({ library: quire().library, parser: inProcessParser }, ["tide.txt"], { cwd: folder });
    expect(again).toMatchObject({ updated: 1, failed: [] });
    const rows = await db.selectFrom("collection_works as cw").innerJoin("collections as c", "c.id", "cw.collection_id").select(["c.name", "cw.status"]).where("cw.work_id", "=", workId).orderBy("c.name").execute();
    expect(rows).toEqual([{ name: "Harbour_Shelf", status: "invited" }, { name: "Tidewatch", status: "approved" }]);
  });

  it("moves items through their states as the collection's state and the two sides' consents say", async () => {
    const { db } = quire().library;
    const deps = quire().library;
    const keeper = await makeAccount(db, "Keeper");
    const author = await makeAccount(db, "Author");
    const [k, a] = [account(keeper.userId, keeper.login), account(author.userId, author.login)];
    const first = await postWork(quire(), author, { title: "First Buoy", chapters: ["The first buoy rang."] });
    const second = await postWork(quire(), author, { title: "Second Buoy", chapters: ["The second buoy did not."] });
    await createCollection(deps, k, { ...SETTINGS, name: "Buoys", title: "Buoys", state: "moderated" }, NOW);
    const accessOf = async (workId: number) => (await findWorkAccess(db, workId)) ?? expect.unreachable();

    expect(await addWorkToCollection(deps, a, "Buoys", first, NOW)).toBe("pending");
    await expect(addWorkToCollection(deps, a, "Buoys", first, NOW)).rejects.toThrow(ForbiddenError);
    await expect(decideCollectionItem(deps, a, "Buoys", first, "approve", NOW)).rejects.toThrow(ForbiddenError);
    expect(await decideCollectionItem(deps, k, "Buoys", first, "approve", NOW)).toBe("approved");
    expect((await readWorkCollections(db, null, first, await accessOf(first))).approved.map((c) => c.name)).toEqual(["Buoys"]);

    await updateCollection(deps, k, "Buoys", { ...SETTINGS, title: "Buoys", state: "closed" }, NOW);
    await expect(addWorkToCollection(deps, a, "Buoys", second, NOW)).rejects.toThrow(/closed/u);
    expect(await addWorkToCollection(deps, k, "Buoys", second, NOW)).toBe("invited");
    // An invitation, unanswered, is the collection's wish alone: it puts nothing of the work in the collection.
    expect((await readWorkCollections(db, null, second, await accessOf(second))).approved).toEqual([]);
    expect(await decideCollectionItem(deps, a, "Buoys", second, "decline", NOW)).toBe("rejected");
    await expect(addWorkToCollection(deps, a, "Buoys", second, NOW)).rejects.toThrow(/declined/u);
    // Nor can the maintainers take it after all: invite, withdraw, approve would move a stranger's work in unasked.
    await expect(decideCollectionItem(deps, k, "Buoys", second, "approve", NOW)).rejects.toThrow(/rejected/u);
    expect((await readWorkCollections(db, null, second, await accessOf(second))).approved).toEqual([]);
    expect((await readCollection(db, null, "buoys")).collection.state).toBe("closed");
  });

  it("hides an unrevealed collection's works and an anonymous one's creators from searches and counts", async () => {
    const { db } = quire().library;
    const deps = quire().library;
    const keeper = await makeAccount(db, "Keeper");
    const author = await makeAccount(db, "Marlo_Finch");
    const [k, a] = [account(keeper.userId, keeper.login), account(author.userId, author.login)];
    const sealed = await postWork(quire(), author, { title: "Sealed Letter", chapters: ["A letter sealed with green wax."] });
    const masked = await postWork(quire(), author, { title: "Masked Letter", chapters: ["A letter signed with a drawing of a gull."] });
    await createCollection(deps, k, { ...SETTINGS, name: "Sealed", title: "Sealed", unrevealed: true }, NOW);
    await createCollection(deps, k, { ...SETTINGS, name: "Masked", title: "Masked", anonymous: true }, NOW);
    await addWorkToCollection(deps, a, "Sealed", sealed, NOW);
    await addWorkToCollection(deps, a, "Masked", masked, NOW);

    // Nobody hears of a new chapter of the unrevealed work; an author's subscribers hear nothing of the anonymous one.
    const fan = await makeAccount(db, "Fan");
    await upsertSubscription(db, fan.userId, "author", author.authorId, false, NOW.toISOString());
    await upsertSubscription(db, fan.userId, "work", sealed, false, NOW.toISOString());
    expect(await listUpdateSubscribers(db, sealed, true, [])).toEqual([]);
    expect(await listUpdateSubscribers(db, masked, false, [])).toEqual([]);
    const control = await postWork(quire(), author, { title: "Open Letter", chapters: ["A letter pinned to the door."] });
    expect((await listUpdateSubscribers(db, control, false, [])).map((s) => s.userId)).toEqual([fan.userId]);
    await deps.engine.unindexWork(db, control);
    await db.deleteFrom("works").where("id", "=", control).execute();

    const search = createSearchIndex(deps);
    const titles = async (audience: typeof GUEST_AUDIENCE, more: Partial<ReturnType<typeof emptyWorkSearch>> = {}) =>
      (await search.search({ ...emptyWorkSearch(), ...more, audience })).works.map((w) => `${w.title} by ${w.authors.join(", ") || "Anonymous"}`).sort();
    const outsider = { members: true, mutedUsers: [], viewerId: keeper.userId + 1000 };
    expect(await titles(GUEST_AUDIENCE)).toEqual(["Masked Letter by Anonymous"]);
    expect(await titles(outsider)).toEqual(["Masked Letter by Anonymous"]);
    expect(await titles(GUEST_AUDIENCE, { authors: ["Marlo_Finch"] })).toEqual([]);
    expect(await titles(GUEST_AUDIENCE, { text: { kind: "phrase", text: "Marlo_Finch", field: null } })).toEqual([]);
    for (const viewerId of [author.userId, keeper.userId]) {
      expect(await titles({ members: true, mutedUsers: [], viewerId })).toEqual(["Masked Letter by Marlo_Finch", "Sealed Letter by Marlo_Finch"]);
    }
    expect((await listCollections(db, GUEST_AUDIENCE, { query: "", limit: 10, offset: 0 })).items.map((c) => [c.name, c.works])).toEqual([["Masked", 1], ["Sealed", 0]]);
    // Sorted by author, the anonymous work goes where anonymous works go (first, A to Z), not where its creator's name would.
    await postWork(quire(), await makeAccount(db, "Aaron_Abbot"), { title: "Plain Letter", chapters: ["A letter anyone could sign."] });
    const byAuthor = await search.search({ ...emptyWorkSearch(), sort: { field: "author", direction: "asc" } });
    expect(byAuthor.works.map((w) => w.title)).toEqual(["Masked Letter", "Plain Letter"]);

    await updateCollection(deps, k, "Sealed", { ...SETTINGS, title: "Sealed" }, NOW);
    await updateCollection(deps, k, "Masked", { ...SETTINGS, title: "Masked" }, NOW);
    expect(await titles(GUEST_AUDIENCE)).toEqual(["Masked Letter by Marlo_Finch", "Plain Letter by Aaron_Abbot", "Sealed Letter by Marlo_Finch"]);
    expect(await titles(GUEST_AUDIENCE, { authors: ["Marlo_Finch"] })).toHaveLength(2);
    // Revealed, the creator's name finds both again: the full-text entry was made anew.
    expect(await titles(GUEST_AUDIENCE, { text: { kind: "phrase", text: "Marlo_Finch", field: null } })).toHaveLength(2);
  });
});

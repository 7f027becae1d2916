/**
 * Who sees which works, below the web: the search (results, totals and every facet), series, the stats page's
 * histograms and the work gate, on every engine. Drafts are never listed, restricted works only for members,
 * hidden works for nobody, muted users' works not for those who muted them; a work imported from files grants no
 * one the creator's rights, even an account of its author's name.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { readLibraryShape } from "../../src/db/repositories/archive-pages.js";
import { insertSource } from "../../src/db/repositories/sources.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { GUEST_AUDIENCE, type Account, type Audience, type Role } from "../../src/domain/account.js";
import { NotFoundError, SignInRequiredError } from "../../src/domain/errors.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { readSeries } from "../../src/services/archive/read-series.js";
import { requireReadableWork } from "../../src/services/archive/work-access.js";
import { searchWorks } from "../../src/services/search-works.js";
import { parsedWork, toStore } from "../factories.js";
import { makeAccount, type TestAccount } from "../support/accounts.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";

const NOW = "2026-11-01T00:00:00.000Z";

function work(title: string, fandom: string, author: string, series?: number) {
  return toStore(parsedWork({
    title, authors: [author], fandoms: [fandom], rating: "General Audiences", warnings: ["No Archive Warnings Apply"], status: "complete", published: "2024-02-02",
    ...(series === undefined ? {} : { series: [{ name: "Tidewater", part: series }] }),
    chapters: [`${title}: a few plain sentences about a boat, a gull and a harbour wall, written for this test.`],
  }));
}

describe.each(TEST_ENGINES)("what each audience sees on $name", (engine) => {
  let quire: Quire;
  let dispose: (() => Promise<void>) | undefined;
  let poster: TestAccount;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    if (engine.unavailable) return;
    ({ quire, dispose } = await freshQuire(engine));
    const { db, engine: store } = quire.library;
    poster = await makeAccount(db, "Marisol_Quay");
    const works = {
      open: work("Open Water", "Tidewater (Podcast)", "Ines Barrow", 1),
      members: work("Members Only Mooring", "Tidewater (Podcast)", "Ines Barrow"),
      draft: work("Unfinished Jetty", "Saltmarsh (Comics)", "Marisol_Quay", 2),
      hidden: work("Hidden Cove", "Saltmarsh (Comics)", "Ines Barrow"),
      posted: work("Posted by Marisol", "Tidewater (Podcast)", "Marisol_Quay"),
    };
    await store.writeTransaction(db, async (trx) => {
      for (const [key, w] of Object.entries(works)) ids[key] = await insertWork(trx, store, w, NOW);
    });
    await refreshWorkFilters(db, Object.values(ids));
    await db.updateTable("works").set({ visibility: "restricted" }).where("id", "=", ids.members ?? 0).execute();
    await db.updateTable("works").set({ visibility: "draft" }).where("id", "=", ids.draft ?? 0).execute();
    await db.updateTable("works").set({ hidden_by_moderator: 1 }).where("id", "=", ids.hidden ?? 0).execute();
  });
  afterAll(async () => dispose?.());
  beforeEach((context) => {
    if (engine.unavailable) context.skip();
  });

  const member = (mutedUsers: number[] = []): Audience => ({ members: true, mutedUsers });
  const account = (id: number, role: Role): Account => ({ id, login: `user${id}`, role, suspended: false, suspendedUntil: null });

  async function seen(audience: Audience) {
    const result = await searchWorks({ db: quire.library.db, searchIndex: quire.searchIndex }, { ...emptyWorkSearch(), perPage: 50, audience });
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return {
      keys: result.works.map((w) => byId.get(w.id) ?? "?").sort(),
      total: result.total,
      fandoms: Object.fromEntries(result.facets.fandoms.map((f) => [f.name, f.count])),
      ratings: result.facets.rating.reduce((n, f) => n + f.count, 0),
    };
  }

  it("lists public works to guests, restricted ones to members too, and never drafts or hidden works, in results and counts alike", async () => {
    expect(await seen(GUEST_AUDIENCE)).toEqual({ keys: ["open", "posted"], total: 2, fandoms: { "Tidewater (Podcast)": 2 }, ratings: 2 });
    expect(await seen(member())).toEqual({ keys: ["members", "open", "posted"], total: 3, fandoms: { "Tidewater (Podcast)": 3 }, ratings: 3 });
  });

  it("leaves out the works of users the reader muted", async () => {
    expect((await seen(member([poster.userId]))).keys).toEqual(["members", "open"]);
    expect((await seen(member([poster.userId]))).fandoms).toEqual({ "Tidewater (Podcast)": 2 });
  });

  it("counts the whole filter index again once every work is public", async () => {
    const { db } = quire.library;
    const saved = await db.selectFrom("works").select(["id", "visibility", "hidden_by_moderator"]).execute();
    await db.updateTable("works").set({ visibility: "public", hidden_by_moderator: 0 }).execute();
    try {
      const all = await seen(GUEST_AUDIENCE);
      expect(all.total).toBe(5);
      expect(all.fandoms).toEqual({ "Tidewater (Podcast)": 3, "Saltmarsh (Comics)": 2 });
    } finally {
      for (const row of saved) await db.updateTable("works").set({ visibility: row.visibility, hidden_by_moderator: row.hidden_by_moderator }).where("id", "=", row.id).execute();
    }
  });

  it("shows a series with only the parts the audience may see, and no series at all when it may see none", async () => {
    const series = await readSeries(quire.library.db, (await quire.library.db.selectFrom("series").select("id").executeTakeFirstOrThrow()).id, GUEST_AUDIENCE);
    expect(series.works.map((w) => w.title)).toEqual(["Open Water"]);
    await quire.library.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", ids.open ?? 0).execute();
    try {
      await expect(readSeries(quire.library.db, series.id, member())).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await quire.library.db.updateTable("works").set({ visibility: "public" }).where("id", "=", ids.open ?? 0).execute();
    }
  });

  it("draws the stats histograms over the audience's works only", async () => {
    const shape = await readLibraryShape(quire.library.db, [], GUEST_AUDIENCE);
    expect(shape.wordCounts.reduce((n, b) => n + b.works, 0)).toBe(2);
    expect(shape.years).toEqual([{ year: 2024, works: 2 }]);
    expect((await readLibraryShape(quire.library.db, [], member())).years).toEqual([{ year: 2024, works: 3 }]);
  });

  it("opens a work to whoever may read it: guests are asked to sign in for restricted works, drafts are their creators' alone", async () => {
    const { db } = quire.library;
    const gate = (key: string, viewer: Account | null) => requireReadableWork(db, ids[key] ?? 0, viewer);
    await expect(gate("members", null)).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(gate("members", account(9999, "reader"))).resolves.toMatchObject({ visibility: "restricted" });
    await expect(gate("draft", null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(gate("draft", account(9999, "admin"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(gate("draft", account(poster.userId, "author"))).resolves.toMatchObject({ creatorUserIds: [poster.userId] });
    await expect(gate("hidden", account(9999, "reader"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(gate("hidden", account(9999, "moderator"))).resolves.toMatchObject({ hiddenByModerator: true });
    await expect(gate("open", null)).resolves.toMatchObject({ visibility: "public" });
    await expect(requireReadableWork(db, 2_000_000, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives no one the creator's rights over a work imported from files, whatever their name", async () => {
    const { db } = quire.library;
    const imported = await insertWork(db, quire.library.engine, work("Imported Under Her Name", "Tidewater (Podcast)", "Marisol_Quay"), NOW);
    await insertSource(db, {
      work_id: imported, path: "/archive/imported.txt", content_hash: "0".repeat(64), size: 10, role: "primary", format: "text", encoding: "utf-8", parser_version: "4", imported_at: NOW, updated_at: NOW,
    });
    await expect(requireReadableWork(db, imported, account(poster.userId, "author"))).resolves.toMatchObject({ creatorUserIds: [] });
    await expect(requireReadableWork(db, ids.posted ?? 0, account(poster.userId, "author"))).resolves.toMatchObject({ creatorUserIds: [poster.userId] });
  });
});

/**
 * Near-duplicates in the library on each engine: every stored work is signed as it is stored, a library's
 * unsigned or stale works are signed when it is searched, the copies and versions of a story are grouped, and a
 * merge moves a duplicate's sources and readers' rows onto the kept work without breaking uniqueness or counts.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { addKudos } from "../../src/db/repositories/kudos.js";
import { recordHit } from "../../src/db/repositories/hits.js";
import { insertComment, recountWorkComments } from "../../src/db/repositories/comments.js";
import { recountWorkBookmarks, saveBookmark } from "../../src/db/repositories/bookmarks.js";
import { insertSource } from "../../src/db/repositories/sources.js";
import { upsertSubscription } from "../../src/db/repositories/subscriptions.js";
import { insertUser } from "../../src/db/repositories/users.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { SafeHtml } from "../../src/domain/safe-html.js";
import { findNearDuplicates } from "../../src/services/duplicates/find-near-duplicates.js";
import { mergeWorks } from "../../src/services/duplicates/merge-works.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";

const NOW = "2026-11-30T12:00:00.000Z";

// Original fixture prose: a story in two chapters, and a story it has nothing to do with.
const FIRST = `The clockmaker's apprentice was given the key to the tower on the first day of winter, with a list of
instructions written on the back of an old invoice. Wind the great clock every Sunday before the bells. Oil the
escapement once a month, sparingly. Never, under any circumstances, let the pendulum stop while the town is asleep.
Tobias read the list three times on the walk up the hill and then folded it into the lining of his cap, where his
mother had sewn a pocket for letters that mattered.`;

const SECOND = `The pendulum stopped on the ninth night. Tobias woke to a silence so complete that he could hear the
snow settling on the roof tiles, and he knew before he had found his boots what had happened. He ran up the tower
stairs two at a time with a lantern swinging from his fist, and found the old clockmaker already there, sitting on
an upturned crate beside the still brass weight, eating an apple as if nothing in the world were wrong.`;

const OTHER = `Every spring the river brought something new down from the mountains to the ferry landing at Carrow:
one year a piano with no lid, one year a rowing boat full of daffodils, once a door still in its frame, painted a
blue so bright the ferryman's wife took it home and hung it in the orchard, where it opened onto nothing but more
apple trees. Nobody knew who sent these things, and after a while nobody asked.`;

describe.each(TEST_ENGINES)("near-duplicates on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  async function store(title: string, chapters: string[], revised: string | null = null): Promise<number> {
    const { db, engine: sqlEngine } = library().library;
    return insertWork(db, sqlEngine, toStore(parsedWork({ title, authors: ["Wren Hollis"], chapters, updated: revised, published: revised })), NOW);
  }

  it("signs a work as it is stored, with its fingerprint", async () => {
    const { db } = library().library;
    const id = await store("The Tower Clock", [FIRST]);
    const row = await db.selectFrom("work_signatures as s").innerJoin("works as w", "w.id", "s.work_id")
      .select(["s.fingerprint", "w.fingerprint as current", "s.shingles", "s.signature"]).where("s.work_id", "=", id).executeTakeFirstOrThrow();
    expect(row.fingerprint).toBe(row.current);
    expect(row.shingles).toBeGreaterThan(70);
    expect(Buffer.from(row.signature, "base64")).toHaveLength(512);
  });

  it("groups a copy and a longer version of a story, says which is longer and newer, and leaves an unrelated story out", async () => {
    const original = await store("The Tower Clock", [FIRST], "2009-03-01");
    const copy = await store("Tower Clock (repost)", [`Title: The Tower Clock\nAuthor: Wren Hollis\n\n${FIRST.replace(/\n/gu, " ").replace(/'/gu, "\u2019")}`], "2011-07-15");
    const longer = await store("The Tower Clock, complete", [FIRST, SECOND], "2010-01-20");
    const unrelated = await store("Things the River Brought", [OTHER]);

    const groups = await findNearDuplicates(library().library);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    // Longest first: the copy's header left in its text makes it a few words longer than the original.
    expect(group?.works.map((w) => w.id)).toEqual([longer, copy, original]);
    expect(group?.works[0]).toMatchObject({ id: longer, title: "The Tower Clock, complete", authors: ["Wren Hollis"], chapterCount: 2 });
    expect(group?.newestId).toBe(copy);
    expect(group?.pairs.map((p) => p.workIds)).toEqual(expect.arrayContaining([[original, copy], [original, longer], [copy, longer]]));
    expect(group?.pairs.find((p) => p.workIds[0] === original && p.workIds[1] === longer)).toMatchObject({ containment: 1 });
    expect(group?.works.some((w) => w.id === unrelated)).toBe(false);

    expect(await findNearDuplicates(library().library, { threshold: 1 })).toHaveLength(1);
  });

  it("signs works stored before signatures, and again when their text changed", async () => {
    const { db } = library().library;
    const original = await store("The Tower Clock", [FIRST]);
    const copy = await store("Tower Clock", [FIRST.toUpperCase()]);
    await db.deleteFrom("work_signatures").where("work_id", "=", original).execute();
    // The copy's text now differs from what it was signed from: its signature is stale and must be made again.
    await db.updateTable("chapters").set({ text: OTHER }).where("work_id", "=", copy).execute();
    await db.updateTable("works").set({ fingerprint: "changed" }).where("id", "=", copy).execute();

    const progress: [number, number][] = [];
    expect(await findNearDuplicates(library().library, { onSigning: (done, total) => progress.push([done, total]) })).toEqual([]);
    expect(progress).toEqual([[0, 2], [2, 2]]);
    const signed = await db.selectFrom("work_signatures").select(["work_id", "fingerprint"]).orderBy("work_id").execute();
    expect(signed).toEqual([{ work_id: original, fingerprint: expect.any(String) }, { work_id: copy, fingerprint: "changed" }]);
  });

  it("merges a duplicate into the kept work: sources, kudos, bookmarks, comments, subscriptions, history and hits, counts right", async () => {
    const { db, engine: sqlEngine } = library().library;
    const kept = await store("The Tower Clock, complete", [FIRST, SECOND]);
    const merged = await store("The Tower Clock", [FIRST, `${SECOND}\n\nThe End.`]);
    const user = (login: string) => insertUser(db, { login, loginKey: login, email: `${login}@example.test`, emailKey: `${login}@example.test`, passwordHash: "unused", role: "reader" }, NOW);
    const both = await user("reads_both");
    const onlyMerged = await user("reads_one");
    for (const [workId, path, role] of [[kept, "/archive/a/tower.txt", "primary"], [merged, "/archive/b/tower.html", "primary"], [merged, "/archive/b/tower-copy.html", "duplicate"]] as const) {
      await insertSource(db, { work_id: workId, path, content_hash: path, size: 1, role, format: "text", encoding: "utf-8", parser_version: "1", imported_at: NOW, updated_at: NOW });
    }
    await db.transaction().execute(async (trx) => {
      for (const workId of [kept, merged]) {
        await addKudos(trx, workId, { userId: both.userId }, NOW);
        await addKudos(trx, workId, { guestKey: "guest-on-both" }, NOW);
        await saveBookmark(trx, both.userId, both.authorId, { workId }, { notes: null, tags: [], private: false, rec: false }, NOW);
        await upsertSubscription(trx, both.userId, "work", workId, false, NOW);
      }
      await addKudos(trx, merged, { userId: onlyMerged.userId }, NOW);
      await saveBookmark(trx, onlyMerged.userId, onlyMerged.authorId, { workId: merged }, { notes: null, tags: [], private: false, rec: false }, NOW);
      await upsertSubscription(trx, onlyMerged.userId, "work", merged, true, NOW);
      await recountWorkBookmarks(trx, kept);
      await recountWorkBookmarks(trx, merged);
    });
    const chapterTwo = await db.selectFrom("chapters").select("id").where("work_id", "=", merged).where("position", "=", 2).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await insertComment(trx, { workId: merged, chapterId: chapterTwo.id, reply: null, commenter: { userId: onlyMerged.userId, authorId: onlyMerged.authorId }, html: "<p>The apple!</p>" as SafeHtml, status: "published", now: NOW });
      await recountWorkComments(trx, merged);
    });
    for (const workId of [kept, merged]) {
      await db.insertInto("reading_history").values({ user_id: both.userId, work_id: workId, last_read_at: NOW, last_chapter: 1 }).execute();
      await recordHit(db, workId, "visitor-on-both", "2026-11-30");
    }
    await recordHit(db, merged, "visitor-on-one", "2026-11-30");

    const result = await mergeWorks(library().library, kept, merged, new Date(NOW));
    expect(result).toEqual({ kept: { id: kept, title: "The Tower Clock, complete" }, merged: { id: merged, title: "The Tower Clock" } });

    expect(await db.selectFrom("works").select("id").where("id", "=", merged).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom("work_signatures").select("work_id").where("work_id", "=", merged).executeTakeFirst()).toBeUndefined();
    const sources = await db.selectFrom("work_sources").select(["path", "role", "work_id"]).orderBy("path").execute();
    expect(sources).toEqual([
      { path: "/archive/a/tower.txt", role: "primary", work_id: kept },
      { path: "/archive/b/tower-copy.html", role: "duplicate", work_id: kept },
      { path: "/archive/b/tower.html", role: "duplicate", work_id: kept },
    ]);
    const work = await db.selectFrom("works").select(["kudos", "bookmarks", "comments", "hits"]).where("id", "=", kept).executeTakeFirstOrThrow();
    expect(work).toEqual({ kudos: 3, bookmarks: 2, comments: 1, hits: 2 });
    const comment = await db.selectFrom("comments as c").innerJoin("chapters as ch", "ch.id", "c.chapter_id").select(["c.work_id", "ch.position"]).executeTakeFirstOrThrow();
    expect(comment).toEqual({ work_id: kept, position: 2 });
    const subscriptions = await db.selectFrom("subscriptions").select(["user_id", "target_id", "mail"]).orderBy("user_id").execute();
    expect(subscriptions).toEqual([{ user_id: both.userId, target_id: kept, mail: 0 }, { user_id: onlyMerged.userId, target_id: kept, mail: 1 }]);
    expect(await db.selectFrom("reading_history").select(["user_id", "work_id"]).execute()).toEqual([{ user_id: both.userId, work_id: kept }]);
    expect(await sqlEngine.checkIntegrity(db)).toEqual([]);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from works`.execute(db);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("refuses to merge a work into itself or into a work not in the library, and changes nothing", async () => {
    const kept = await store("The Tower Clock", [FIRST]);
    await expect(mergeWorks(library().library, kept, kept, new Date(NOW))).rejects.toThrow(/into itself/u);
    await expect(mergeWorks(library().library, kept, kept + 99, new Date(NOW))).rejects.toThrow(/is not in this archive/u);
    await expect(mergeWorks(library().library, kept + 99, kept, new Date(NOW))).rejects.toThrow(/is not in this archive/u);
    expect(await library().library.db.selectFrom("works").select("id").execute()).toEqual([{ id: kept }]);
  });
});

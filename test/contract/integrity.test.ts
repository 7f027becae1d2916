/**
 * The integrity check on each engine: besides the engine's own checks, it holds the counts the works table keeps
 * (kudos, comments, bookmarks, hits, chapters, words) and the search filters to the rows they are derived from,
 * so that a crash that split a write from its count would show. Each rule is broken by hand here and must be named.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { sql, type Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { recountWorkBookmarks } from "../../src/db/repositories/bookmarks.js";
import { recountWorkComments } from "../../src/db/repositories/comments.js";
import { addKudos } from "../../src/db/repositories/kudos.js";
import { recordHit } from "../../src/db/repositories/hits.js";
import { insertUser } from "../../src/db/repositories/users.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { Database } from "../../src/db/schema.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";

const NOW = "2026-11-30T12:00:00.000Z";

describe.each(TEST_ENGINES)("the integrity check on $name", (engine) => {
  const library = freshQuirePerTest(engine);
  let workId = 0;

  beforeEach(async () => {
    const { db, engine: sqlEngine } = library().library;
    workId = await insertWork(db, sqlEngine, toStore(parsedWork({ title: "The Tide Clock", fandoms: ["Harbour Lights (Original)"], freeforms: ["Clocks"], chapters: ["The clock ran on the tide.", "It stopped at the neap."] })), NOW);
    await db.transaction().execute((trx) => addKudos(trx, workId, { guestKey: "a-guest" }, NOW));
    await recordHit(db, workId, "a-visitor", "2026-11-30");
  });

  it("passes a library whose counts agree with their rows", async () => {
    const { db, engine: sqlEngine } = library().library;
    expect(await sqlEngine.checkIntegrity(db)).toEqual([]);
  });

  const breakages: [string, (id: number) => ReturnType<typeof sql>, RegExp][] = [
    ["a kudos count", (id) => sql`update works set kudos = kudos + 1 where id = ${id}`, /^1 works whose kudos count differs/u],
    ["a comments count", (id) => sql`update works set comments = 2 where id = ${id}`, /^1 works whose comments count differs/u],
    ["a bookmarks count", (id) => sql`update works set bookmarks = 1 where id = ${id}`, /^1 works whose bookmarks count differs/u],
    ["a hits count", (id) => sql`delete from work_hits where work_id = ${id}`, /^1 works whose hits count differs/u],
    ["a chapter count", (id) => sql`update works set chapter_count = 3 where id = ${id}`, /^1 works whose chapter count differs/u],
    ["a gap in the chapters", (id) => sql`update chapters set position = 3 where work_id = ${id} and position = 2`, /^1 works whose chapter count differs .* not numbered from 1/u],
    ["a word count", (id) => sql`update works set word_count = word_count + 1 where id = ${id}`, /^1 works whose word count differs/u],
    ["a search filter", (id) => sql`delete from work_filters where work_id = ${id} and tag_id = (select max(tag_id) from work_tags where work_id = ${id})`, /^1 tags of works missing from the filters/u],
  ];
  it.each(breakages)("names %s that disagrees with its rows", async (_what, breakage, problem) => {
    const { db, engine: sqlEngine } = library().library;
    await breakage(workId).execute(db);
    const problems = await sqlEngine.checkIntegrity(db);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});

describe.each(TEST_ENGINES)("counts kept by concurrent writers on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("count every comment and bookmark when several are written on one work at once", async () => {
    const { db, engine: sqlEngine } = library().library;
    const workId = await insertWork(db, sqlEngine, toStore(parsedWork({ title: "The Busy Quay" })), NOW);
    const writers = 6;
    const users: number[] = [];
    for (let i = 0; i < writers; i += 1) users.push((await insertUser(db, { login: `quay_${i}`, loginKey: `quay_${i}`, email: `quay_${i}@example.test`, emailKey: `quay_${i}@example.test`, passwordHash: "unused", role: "author" }, NOW)).userId);
    // Every transaction writes its row, then all recount together: on PostgreSQL each recount then waits for the
    // others' row lock, which is where a count taken with a stale snapshot would lose the others' rows.
    const together = async (write: (trx: Kysely<Database>, userId: number) => Promise<void>, recount: (trx: Kysely<Database>) => Promise<void>) => {
      let written = 0;
      await Promise.all(users.map((userId) => db.transaction().execute(async (trx) => {
        await write(trx, userId);
        written += 1;
        while (written < writers && engine.name === "postgres") await sleep(10);
        await recount(trx);
      })));
    };
    await together(
      (trx, userId) => trx.insertInto("comments").values({ work_id: workId, chapter_id: null, parent_id: null, thread_id: null, user_id: userId, author_id: null, guest_name: null, guest_email: null, html: "<p>Busy.</p>", created_at: NOW, edited_at: null }).execute().then(() => undefined),
      (trx) => recountWorkComments(trx, workId),
    );
    await together(
      (trx, userId) => trx.insertInto("bookmarks").values({ user_id: userId, author_id: null, work_id: workId, series_id: null, notes: null, created_at: NOW, updated_at: NOW }).execute().then(() => undefined),
      (trx) => recountWorkBookmarks(trx, workId),
    );
    expect(await db.selectFrom("works").select(["comments", "bookmarks"]).where("id", "=", workId).executeTakeFirst()).toEqual({ comments: writers, bookmarks: writers });
    expect(await sqlEngine.checkIntegrity(db)).toEqual([]);
  });
});

/**
 * Bookmarks, subscriptions and the inbox on the web, in process on both engines; and the announcement of new works
 * and chapters to their subscribers (noticeUpdate, mailUpdate).
 */
import { describe, expect, it } from "vitest";
import { mailUpdate, noticeUpdate, type WorkUpdate } from "../../src/services/community/announce-update.js";
import { createMailer } from "../../src/services/mail/mailer.js";
import { makeAccount } from "../support/accounts.js";
import { communityFixture, pageHtml, type CommunityFixture } from "../support/community.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

/** The titles a bookmark listing shows, in order (work blurbs and series alike). */
function listedTitles(html: string): string[] {
  return [...html.matchAll(/<h3 id="(?:work|bookmark)-\d+-title"><a href="\/(?:works|series)\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "");
}

async function bookmarkCount(f: CommunityFixture, workId: number): Promise<number> {
  return (await f.db.selectFrom("works").select("bookmarks").where("id", "=", workId).executeTakeFirstOrThrow()).bookmarks;
}

describe.each(TEST_ENGINES)("bookmarks, subscriptions and the inbox on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  describe("bookmarks", () => {
    it("keeps a private bookmark from everyone but its owner and out of the work's count", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      const { client: hal } = await f.reader("hal");
      const orchard = `/works/${f.ids.orchard}`;

      expect(await pageHtml(fern, `${orchard}/bookmark`)).toContain("Bookmark <a href=\"/works/");
      const saved = await fern.post(`${orchard}/bookmark`, { notes: "Read this *twice*.\n\nThe ladder!", tags: "comfort read, Ladders, comfort READ", rec: "1" });
      expect(saved.headers.get("Location")).toBe(orchard);
      expect(await pageHtml(fern, orchard)).toContain(">Edit bookmark</a>");
      await fern.post(`/works/${f.ids.crossing}/bookmark`, { notes: "Just for me.", private: "1" });
      await hal.post(`/works/${f.ids.crossing}/bookmark`, { notes: "Hal's public note." });
      expect(await bookmarkCount(f, f.ids.orchard)).toBe(1);
      expect(await bookmarkCount(f, f.ids.crossing)).toBe(1);

      const own = await pageHtml(fern, "/bookmarks");
      expect(listedTitles(own).sort()).toEqual(["A Ladder in the Orchard", "Crossing the Orchard Harbour"]);
      expect(own).toContain("2 bookmarks");
      expect(own).toContain("<p>Read this *twice*.</p>\n<p>The ladder!</p>");
      expect(own).toContain(">comfort read</a>, <a href=\"/bookmarks?tag=Ladders\">Ladders</a>");
      expect(own).toContain("Private</strong>");

      for (const client of [hal, f.guest()]) {
        const theirs = await pageHtml(client, "/users/fern/bookmarks");
        expect(listedTitles(theirs)).toEqual(["A Ladder in the Orchard"]);
        expect(theirs).toContain("1 bookmark");
        expect(theirs).not.toContain("Just for me.");
        expect(theirs).toContain("Rec</strong>");
      }
      expect((await f.guest().get("/bookmarks")).status).toBe(303);
      expect((await f.guest().get("/users/Nobody%20Here/bookmarks")).status).toBe(404);
    });

    it("filters by the bookmarker's tag, by recs, and by the work's tags, and leaves out works the viewer may not see", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      await fern.post(`/works/${f.ids.orchard}/bookmark`, { tags: "Gentle", rec: "1" });
      await fern.post(`/works/${f.ids.crossing}/bookmark`, { tags: "gentle, crossover" });
      await fern.post(`/works/${f.ids.uhr}/bookmark`, { tags: "German" });
      await fern.post(`/works/${f.ids.tide}/bookmark`, { tags: "sad" });

      expect(listedTitles(await pageHtml(fern, "/bookmarks?tag=GENTLE")).sort()).toEqual(["A Ladder in the Orchard", "Crossing the Orchard Harbour"]);
      expect(listedTitles(await pageHtml(fern, "/bookmarks?rec=1"))).toEqual(["A Ladder in the Orchard"]);
      expect(listedTitles(await pageHtml(fern, "/bookmarks?work_tag=Moonlit+Harbour+(TV)")).sort()).toEqual(["Crossing the Orchard Harbour", "Die Leuchtturmuhr", "Low Tide Letters"]);
      expect(listedTitles(await pageHtml(fern, "/bookmarks?work_tag=Moonlit+Harbour+(TV)&tag=gentle"))).toEqual(["Crossing the Orchard Harbour"]);
      expect(listedTitles(await pageHtml(fern, "/bookmarks?work_tag=No+Such+Tag"))).toEqual([]);

      // Wren's letters become a draft: gone from the listing and its count, even for the bookmarker.
      await f.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", f.ids.tide).execute();
      const html = await pageHtml(fern, "/bookmarks");
      expect(listedTitles(html)).not.toContain("Low Tide Letters");
      expect(html).toContain("3 bookmarks");
    });

    it("edits and deletes a bookmark, and bookmarks a series, each only by its owner", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      const { client: hal } = await f.reader("hal");
      const orchard = `/works/${f.ids.orchard}`;
      await fern.post(`${orchard}/bookmark`, { notes: "First note", tags: "one" });
      const form = await pageHtml(fern, `${orchard}/bookmark`);
      expect(form).toContain("&lt;p&gt;First note&lt;/p&gt;</textarea>");
      expect(form).toContain('value="one"');
      await fern.post(`${orchard}/bookmark`, { notes: "<p>Second note</p>", tags: "two", private: "1" });
      expect(await f.db.selectFrom("bookmarks").select(["notes", "private"]).execute()).toEqual([{ notes: "<p>Second note</p>", private: 1 }]);
      expect(await bookmarkCount(f, f.ids.orchard)).toBe(0);

      const tooMany = await fern.post(`${orchard}/bookmark`, { tags: Array.from({ length: 51 }, (_, i) => `tag ${i}`).join(",") });
      expect(tooMany.status).toBe(400);
      expect(await tooMany.text()).toContain("at most 50 tags");

      const [bookmark] = await f.db.selectFrom("bookmarks").select("id").execute();
      expect((await hal.post(`/bookmarks/${bookmark?.id ?? 0}/delete`)).status).toBe(404);
      expect((await fern.post(`/bookmarks/${bookmark?.id ?? 0}/delete`)).status).toBe(303);
      expect(await f.db.selectFrom("bookmarks").select("id").execute()).toEqual([]);

      const [series] = await f.db.selectFrom("series").select("id").execute();
      const seriesPath = `/series/${series?.id ?? 0}`;
      expect(await pageHtml(fern, seriesPath)).toContain(`href="${seriesPath}/bookmark"`);
      expect((await fern.post(`${seriesPath}/bookmark`, { notes: "The whole harbour series.", rec: "1" })).headers.get("Location")).toBe(seriesPath);
      const listing = await pageHtml(hal, "/users/fern/bookmarks");
      expect(listedTitles(listing)).toEqual(["Harbour Letters"]);
      expect(listing).toContain("The whole harbour series.");
    });
  });

  describe("subscriptions and the inbox", () => {
    it("subscribes from a work's, series', author's and tag's page, lists the subscriptions, and unsubscribes", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      const [series] = await f.db.selectFrom("series").select("id").execute();
      const [author] = await f.db.selectFrom("authors").select("id").where("name", "=", "Wren Tallow").execute();
      const [tag] = await f.db.selectFrom("tags").select("id").where("name", "=", "Moonlit Harbour (TV)").execute();
      const pages = [`/works/${f.ids.orchard}`, `/series/${series?.id ?? 0}`, "/users/Wren%20Tallow", "/tags/Moonlit%20Harbour%20(TV)"];
      const targets = [["work", f.ids.orchard], ["series", series?.id], ["author", author?.id], ["tag", tag?.id]] as const;
      for (const [i, path] of pages.entries()) {
        const [type, id] = targets[i] ?? ["work", 0];
        const html = await pageHtml(fern, path);
        expect(html).toContain(`name="target_type" value="${type}"`);
        expect(html).toContain(`name="target_id" value="${String(id)}"`);
        const response = await fern.post("/subscriptions", { target_type: type, target_id: String(id), return: path, ...(type === "tag" ? { mail: "1" } : {}) });
        expect(response.headers.get("Location")).toBe(path);
        expect(await pageHtml(fern, path)).toContain(">Unsubscribe</button>");
      }
      expect(await pageHtml(f.guest(), pages[1] ?? "")).not.toContain("/subscriptions");

      const list = await pageHtml(fern, "/subscriptions");
      for (const name of ["A Ladder in the Orchard", "Harbour Letters", "Wren Tallow", "Moonlit Harbour (TV)"]) expect(list).toContain(`>${name}</a>`);
      expect(list.match(/by e-mail too/gu)).toHaveLength(1);

      const [subscription] = await f.db.selectFrom("subscriptions").select("id").orderBy("id").execute();
      const { client: hal } = await f.reader("hal");
      expect((await hal.post(`/subscriptions/${subscription?.id ?? 0}/delete`)).status).toBe(404);
      await fern.post(`/subscriptions/${subscription?.id ?? 0}/delete`);
      expect(await pageHtml(fern, "/subscriptions")).not.toContain("A Ladder in the Orchard");
      expect((await fern.post("/subscriptions", { target_type: "tag", target_id: "999999" })).status).toBe(404);
      expect((await fern.post("/subscriptions", { target_type: "planet", target_id: "1" })).status).toBe(400);
    });

    it("announces an update once to each subscriber, by whatever subscription, mails those who asked with an absolute link, and tells the creators nothing", async () => {
      const f = await communityFixture(library());
      const db = f.db;
      const users = await Promise.all(["byWork", "bySeries", "byAuthor", "byTag", "byAll", "unrelated"].map((login) => makeAccount(db, login, "reader")));
      const [byWork, bySeries, byAuthor, byTag, byAll, unrelated] = users.map((u) => u.userId);
      const [series] = await db.selectFrom("series").select("id").execute();
      const [author] = await db.selectFrom("authors").select("id").where("name", "=", "Wren Tallow").execute();
      const [fandom] = await db.selectFrom("tags").select("id").where("name", "=", "Moonlit Harbour (TV)").execute();
      const [otherFandom] = await db.selectFrom("tags").select("id").where("name", "=", "Glass Orchard (Books)").execute();
      const now = "2026-11-30T12:00:00.000Z";
      const subscribe = (user_id: number | undefined, target_type: "work" | "series" | "author" | "tag", target_id: number | undefined, mail = 0) =>
        db.insertInto("subscriptions").values({ user_id: user_id ?? 0, target_type, target_id: target_id ?? 0, mail, created_at: now }).execute();
      await subscribe(byWork, "work", f.ids.tide, 1);
      await subscribe(bySeries, "series", series?.id);
      await subscribe(byAuthor, "author", author?.id);
      await subscribe(byTag, "tag", fandom?.id, 1);
      for (const [type, id] of [["work", f.ids.tide], ["series", series?.id], ["author", author?.id], ["tag", fandom?.id]] as const) await subscribe(byAll, type, id);
      await subscribe(unrelated, "tag", otherFandom?.id, 1);
      await subscribe(f.wren.userId, "author", author?.id, 1);
      const chapter = await db.selectFrom("chapters").select("id").where("work_id", "=", f.ids.tide).executeTakeFirstOrThrow();

      const outbox: { to: string; subject: string; text: string }[] = [];
      const mailer = createMailer({ kind: "memory", outbox });
      const announce = async (update: WorkUpdate) => {
        const news = await noticeUpdate(db, update, now, "https://archive.example");
        await mailUpdate(mailer, news);
        return news.told;
      };
      const told = await announce({ kind: "new-chapter", workId: f.ids.tide, chapterId: chapter.id, position: 2 });
      const byId = (a: number | undefined, b: number | undefined) => (a ?? 0) - (b ?? 0);
      expect(told.sort(byId)).toEqual([byWork, bySeries, byAuthor, byTag, byAll].sort(byId));
      const items = await db.selectFrom("inbox_items").select(["user_id", "kind", "message"]).execute();
      expect(items).toHaveLength(5);
      expect(new Set(items.map((i) => i.user_id)).size).toBe(5);
      expect(items[0]?.message).toBe("“Low Tide Letters” has a new chapter (chapter 2).");
      expect(outbox.map((m) => m.to).sort()).toEqual(["bytag@example.test", "bywork@example.test"]);
      expect(outbox[0]?.text).toContain(`Read it at https://archive.example/works/${f.ids.tide}/chapters/2\n`);

      // A new work reaches those subscribed to its authors, series and tags, not to the work; a draft reaches no one.
      const newWork = await announce({ kind: "new-work", workId: f.ids.tide });
      expect(newWork).not.toContain(byWork);
      await db.updateTable("works").set({ visibility: "draft" }).where("id", "=", f.ids.tide).execute();
      expect(await announce({ kind: "new-work", workId: f.ids.tide })).toEqual([]);
    });

    it("lists the inbox newest first and marks items read, chosen ones or all", async () => {
      const f = await communityFixture(library());
      const { account, client } = await f.reader("fern");
      const { client: hal } = await f.reader("hal");
      const work = `/works/${f.ids.orchard}`;
      await client.post(`${work}/comments`, { text: "Fern's comment." });
      const [fernComment] = await f.db.selectFrom("comments").select("id").execute();
      for (const text of ["First reply.", "Second reply.", "Third reply."]) await hal.post(`/comments/${fernComment?.id ?? 0}/reply`, { text });
      let html = await pageHtml(client, "/inbox");
      expect(html).toContain("3 items, 3 unread items.");
      const items = await f.db.selectFrom("inbox_items").select("id").where("user_id", "=", account.userId).orderBy("id", "desc").execute();
      expect([...html.matchAll(/name="ids" value="(\d+)"/gu)].map((m) => Number(m[1]))).toEqual(items.map((i) => i.id));

      await client.post("/inbox/read", { ids: [String(items[0]?.id), String(items[1]?.id)] });
      html = await pageHtml(client, "/inbox");
      expect(html).toContain("3 items, 1 unread item.");
      // Someone else's ids are passed over.
      await hal.post("/inbox/read", { all: "1" });
      expect(await pageHtml(client, "/inbox")).toContain("1 unread item.");
      await client.post("/inbox/read", { all: "1" });
      expect(await pageHtml(client, "/inbox")).toContain("3 items, 0 unread items.");
      expect((await f.guest().get("/inbox")).status).toBe(303);
    });
  });
});

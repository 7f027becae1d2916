/**
 * The community on the work page, in process on both engines: kudos (once per account and per guest address,
 * never from the work's creators), hits (once per visitor per work per day), reading history and mark for later,
 * and the gates every action passes (a draft is not there for others; a suspended account reads and does
 * nothing else).
 */
import { describe, expect, it } from "vitest";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { communityFixture, pageHtml } from "../support/community.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("kudos, hits, history and the gates on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  const workCounters = async (f: Awaited<ReturnType<typeof communityFixture>>, id: number) =>
    f.db.selectFrom("works").select(["hits", "kudos", "comments", "bookmarks"]).where("id", "=", id).executeTakeFirstOrThrow();

  describe("kudos", () => {
    it("takes kudos once per account and once per guest address, where a second address may leave its own, and counts them", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      const work = `/works/${f.ids.orchard}`;

      const first = await fern.post(`${work}/kudos`, { return: work });
      expect(first.status).toBe(303);
      expect(first.headers.get("Location")).toBe(`${work}#kudos`);
      let html = await pageHtml(fern, work);
      expect(html).toContain("You have already left kudos here");
      expect(html).not.toMatch(/action="\/works\/\d+\/kudos"/u);
      expect(html).toContain("Kudos: 1");
      expect(html).toContain('<a href="/users/fern">fern</a>');

      // Again: no error page, nothing counted twice.
      const again = await fern.post(`${work}/kudos`, { return: work });
      expect(again.status).toBe(303);
      expect((await workCounters(f, f.ids.orchard)).kudos).toBe(1);

      const guest = f.guest("203.0.113.7");
      expect((await guest.post(`${work}/kudos`)).status).toBe(303);
      expect((await guest.post(`${work}/kudos`)).status).toBe(303);
      html = await pageHtml(guest, work);
      expect(html).toContain("You have already left kudos here");
      expect(html).toContain("and 1 guest left kudos");
      expect((await workCounters(f, f.ids.orchard)).kudos).toBe(2);

      const otherGuest = f.guest("203.0.113.8");
      expect(await pageHtml(otherGuest, work)).toMatch(/action="\/works\/\d+\/kudos"/u);
      await otherGuest.post(`${work}/kudos`);
      html = await pageHtml(otherGuest, work);
      expect(html).toContain("Kudos: 3");
      expect(html).toContain("and 2 guests left kudos");
      expect(html).toMatch(/<dt>Kudos:<\/dt><dd>3<\/dd>/u);

      // A guest is kept as a keyed digest, never as their address.
      const keys = await f.db.selectFrom("kudos").select("guest_key").where("user_id", "is", null).execute();
      expect(keys).toHaveLength(2);
      for (const { guest_key } of keys) expect(guest_key).toMatch(/^[0-9a-f]{64}$/u);
    });

    it("refuses kudos from the work's own creators, and offers them no button", async () => {
      const f = await communityFixture(library());
      const pim = await f.signedIn(f.pim);
      const work = `/works/${f.ids.orchard}`;
      expect(await pageHtml(pim, work)).not.toMatch(/action="\/works\/\d+\/kudos"/u);
      expect((await pim.post(`${work}/kudos`)).status).toBe(403);
      expect((await workCounters(f, f.ids.orchard)).kudos).toBe(0);
    });
  });

  describe("hits", () => {
    it("counts one hit per visitor per work per day, not the creators' visits nor the interstitial, and again the next day", async () => {
      const f = await communityFixture(library());
      const guest = f.guest("203.0.113.20");
      const { client: fern } = await f.reader("fern");
      const pim = await f.signedIn(f.pim);
      const orchard = `/works/${f.ids.orchard}`;

      await pageHtml(guest, orchard);
      await pageHtml(guest, orchard);
      expect((await workCounters(f, f.ids.orchard)).hits).toBe(1);
      await pageHtml(fern, orchard);
      await pageHtml(pim, orchard);
      expect((await workCounters(f, f.ids.orchard)).hits).toBe(2);

      // The adult interstitial shows none of the work: no hit; proceeding is one.
      const lanterns = `/works/${f.ids.lanterns}`;
      expect(await pageHtml(guest, lanterns)).toContain("This work could have adult content");
      expect((await workCounters(f, f.ids.lanterns)).hits).toBe(0);
      await pageHtml(guest, `${lanterns}?view_adult=true`);
      await pageHtml(guest, `${lanterns}/chapters/2`);
      expect((await workCounters(f, f.ids.lanterns)).hits).toBe(1);

      f.clock.now = new Date("2026-12-01T09:00:00Z");
      await pageHtml(guest, orchard);
      await pageHtml(guest, orchard);
      expect((await workCounters(f, f.ids.orchard)).hits).toBe(3);
      expect(await pageHtml(guest, orchard)).toMatch(/<dt>Hits:<\/dt><dd>3<\/dd>/u);
    });
  });

  describe("reading history", () => {
    it("records what a reader opens, says when a work changed since, and lets them clear it", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      await pageHtml(fern, `/works/${f.ids.lanterns}?view_adult=true`);
      await pageHtml(fern, `/works/${f.ids.lanterns}/chapters/2`);
      await pageHtml(fern, `/works/${f.ids.orchard}`);

      let history = await pageHtml(fern, "/history");
      expect(history).toContain("<h2>2 works</h2>");
      expect(history).toContain("(chapter 2) · 2 visits");
      expect(history).not.toContain("Updated since you last read");

      // A chapter is added after the reader's visit: the work changed since.
      await f.db.updateTable("works").set({ updated_at: "2026-12-02T00:00:00.000Z" }).where("id", "=", f.ids.lanterns).execute();
      history = await pageHtml(fern, "/history");
      expect(history.match(/Updated since you last read/gu)).toHaveLength(1);
      expect(history.indexOf("Three Lanterns")).toBeLessThan(history.indexOf("Updated since you last read"));
      f.clock.now = new Date("2026-12-03T00:00:00Z");
      await pageHtml(fern, `/works/${f.ids.lanterns}/chapters/3`);
      expect(await pageHtml(fern, "/history")).not.toContain("Updated since you last read");

      expect((await fern.post("/history/clear")).status).toBe(303);
      expect(await pageHtml(fern, "/history")).toContain("<h2>0 works</h2>");
    });

    it("records nothing for a reader whose history is off", async () => {
      const f = await communityFixture(library());
      const { account, client } = await f.reader("fern");
      await f.db.updateTable("users").set({ history_enabled: 0 }).where("id", "=", account.userId).execute();
      await pageHtml(client, `/works/${f.ids.orchard}`);
      const history = await pageHtml(client, "/history");
      expect(history).toContain("Your history is off");
      expect(history).toContain("<h2>0 works</h2>");
    });

    it("marks a work for later and takes the mark off, and the history's clearing leaves the marked works", async () => {
      const f = await communityFixture(library());
      const { client: fern } = await f.reader("fern");
      const work = `/works/${f.ids.orchard}`;
      expect(await pageHtml(fern, work)).toContain(">Mark for later</button>");
      expect((await fern.post(`${work}/mark-for-later`, { return: work })).headers.get("Location")).toBe(work);
      expect(await pageHtml(fern, work)).toContain(">Mark as read</button>");
      let later = await pageHtml(fern, "/later");
      expect(later).toContain("A Ladder in the Orchard");
      expect(later).toContain("Marked for later");

      await pageHtml(fern, `/works/${f.ids.crossing}`);
      await fern.post("/history/clear");
      expect(await pageHtml(fern, "/history")).not.toContain("Crossing the Orchard Harbour");
      expect(await pageHtml(fern, "/later")).toContain("A Ladder in the Orchard");

      await fern.post(`${work}/mark-for-later`, { return: work });
      later = await pageHtml(fern, "/later");
      expect(later).not.toContain("A Ladder in the Orchard");
      expect((await f.guest().get("/history")).status).toBe(303);
    });
  });

  describe("the gates", () => {
    it("acts on a draft for nobody but its creators: to anyone else it is not there", async () => {
      const f = await communityFixture(library());
      await f.db.updateTable("works").set({ visibility: "draft" }).where("id", "=", f.ids.orchard).execute();
      const { client: fern } = await f.reader("fern");
      const guest = f.guest();
      const work = `/works/${f.ids.orchard}`;
      for (const client of [fern, guest]) {
        expect((await client.post(`${work}/kudos`)).status).toBe(404);
        expect((await client.post(`${work}/comments`, { text: "Lovely.", name: "Someone", email: "someone@example.test" })).status).toBe(404);
      }
      expect((await fern.get(`${work}/bookmark`)).status).toBe(404);
      expect((await fern.post(`${work}/bookmark`, { notes: "x" })).status).toBe(404);
      expect((await fern.post("/subscriptions", { target_type: "work", target_id: String(f.ids.orchard) })).status).toBe(404);
      expect((await fern.post(`${work}/mark-for-later`)).status).toBe(404);
      expect(await f.db.selectFrom("kudos").select("id").execute()).toEqual([]);

      const pim = await f.signedIn(f.pim);
      expect((await pim.post(`${work}/comments`, { text: "A note to myself." })).status).toBe(303);
      expect(await pageHtml(pim, work)).toContain("A note to myself.");
    });

    it("lets a suspended account read, and refuses it every action with 403", async () => {
      const f = await communityFixture(library());
      const { account, client } = await f.reader("fern");
      await f.db.updateTable("users").set({ suspended_until: "2099-01-01T00:00:00.000Z" }).where("id", "=", account.userId).execute();
      const work = `/works/${f.ids.orchard}`;
      const html = await pageHtml(client, work);
      expect(html).not.toMatch(/action="\/works\/\d+\/(?:kudos|comments)"/u);
      expect(html).toContain("Your account is suspended");
      expect((await client.post(`${work}/kudos`)).status).toBe(403);
      expect((await client.post(`${work}/comments`, { text: "Hello" })).status).toBe(403);
      expect((await client.get(`${work}/bookmark`)).status).toBe(403);
      expect((await client.post(`${work}/bookmark`, { notes: "x" })).status).toBe(403);
      expect((await client.post("/subscriptions", { target_type: "work", target_id: String(f.ids.orchard) })).status).toBe(403);
      expect((await client.post(`${work}/mark-for-later`)).status).toBe(403);
      expect(await workCounters(f, f.ids.orchard)).toMatchObject({ kudos: 0, comments: 0, bookmarks: 0 });
    });
  });
});

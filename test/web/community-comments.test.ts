/**
 * Comments on the web, in process on both engines: threads and their depth limit, guests (whose e-mail address
 * no page ever shows), who may edit and delete, the creators' settings (policy, moderation, frozen threads),
 * the rate limit, notices in the inbox, muted commenters, and comment text made safe.
 */
import { describe, expect, it } from "vitest";
import { MAX_COMMENT_DEPTH, MAX_COMMENT_LENGTH } from "../../src/domain/comments.js";
import { COMMENTS_PER_MINUTE } from "../../src/web/routes/community.js";
import { communityFixture, pageHtml, type CommunityFixture } from "../support/community.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import type { WebClient } from "../support/web-client.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

/** The id of the comment a POST made, from where it sent the browser. */
function postedId(response: Response): number {
  const match = /(?:#comment-|\/comments\/)(\d+)$/u.exec(response.headers.get("Location") ?? "");
  if (!match?.[1]) throw new Error(`no comment in ${response.status} ${response.headers.get("Location") ?? ""}`);
  return Number(match[1]);
}

async function comment(client: WebClient, path: string, text: string, guest: { name: string; email: string } | null = null): Promise<number> {
  const response = await client.post(path, { text, ...(guest ?? {}) });
  expect(response.status).toBe(303);
  return postedId(response);
}

async function inbox(f: CommunityFixture, userId: number) {
  return f.db.selectFrom("inbox_items").select(["kind", "comment_id", "message"]).where("user_id", "=", userId).orderBy("id").execute();
}

async function commentCount(f: CommunityFixture, workId: number): Promise<number> {
  return (await f.db.selectFrom("works").select("comments").where("id", "=", workId).executeTakeFirstOrThrow()).comments;
}

describe.each(TEST_ENGINES)("comments on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("threads replies as nested lists, five levels deep at most, and tells the creators and each commenter replied to", async () => {
    const f = await communityFixture(library());
    const { account: fern, client: fernClient } = await f.reader("fern");
    const { client: hal } = await f.reader("hal");
    const work = `/works/${f.ids.orchard}`;
    const first = await comment(fernClient, `${work}/comments`, "The ladder leaning left is perfect.");
    const ids = [first];
    for (let i = 1; i <= MAX_COMMENT_DEPTH + 1; i += 1) {
      const client = i % 2 === 1 ? hal : fernClient;
      ids.push(await comment(client, `/comments/${ids[i - 1] ?? 0}/reply`, `Reply number ${i} in the thread.`));
    }
    const rows = await f.db.selectFrom("comments").select(["id", "parent_id", "thread_id", "depth"]).orderBy("id").execute();
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 3, 4, 4]);
    expect(rows.every((r) => r.thread_id === first)).toBe(true);
    // The reply to the deepest comment sits beside it.
    expect(rows[5]?.parent_id).toBe(rows[3]?.id);

    const html = await pageHtml(f.guest(), work);
    expect(html).toContain("Comments (6)");
    expect(html.match(/<ol class="comments replies">/gu)).toHaveLength(MAX_COMMENT_DEPTH);
    for (let i = 1; i <= 5; i += 1) expect(html).toContain(`Reply number ${i} in the thread.`);
    expect(await commentCount(f, f.ids.orchard)).toBe(6);

    // Pim hears of every comment; Fern of Hal's replies to her, not of her own.
    expect((await inbox(f, f.pim.userId)).map((n) => n.kind)).toEqual(Array(6).fill("comment"));
    const fernHeard = await inbox(f, fern.userId);
    expect(fernHeard.map((n) => n.kind)).toEqual(["reply", "reply", "reply"]);
    expect(fernHeard[0]?.message).toBe("hal replied to your comment on “A Ladder in the Orchard”.");
    expect(await pageHtml(fernClient, "/inbox")).toContain(`href="/comments/${ids[1] ?? 0}"`);
  });

  it("takes the longest comment allowed in a non-Latin script, and says how long one too long is", async () => {
    const f = await communityFixture(library());
    const { client } = await f.reader("fern");
    const work = `/works/${f.ids.orchard}`;
    // 10,000 characters of three UTF-8 bytes each: about 90 KB once the form percent-encodes them.
    await comment(client, `${work}/comments`, "梯".repeat(MAX_COMMENT_LENGTH));
    const tooLong = await client.post(`${work}/comments`, { text: "梯".repeat(MAX_COMMENT_LENGTH + 1) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("A comment has at most 10,000 characters; this one has 10,001.");
  });

  it("shows a guest's name and keeps their e-mail address off every page, the creators' included", async () => {
    const f = await communityFixture(library());
    const guest = f.guest();
    const work = `/works/${f.ids.orchard}`;
    const id = await comment(guest, `${work}/comments`, "Came here from a rec list.", { name: "Moth Reader", email: "moth.secret@example.test" });
    const pim = await f.signedIn(f.pim);
    const pages = [
      await pageHtml(guest, work), await pageHtml(pim, work), await pageHtml(pim, `/comments/${id}`), await pageHtml(pim, `/comments/${id}/reply`), await pageHtml(pim, "/inbox"),
    ];
    for (const html of pages) expect(html).not.toContain("moth.secret");
    expect(pages[0]).toContain('Moth Reader <span class="guest">(Guest)</span>');
    expect(pages[4]).toContain("Moth Reader (guest) commented on “A Ladder in the Orchard”.");

    const missing = await guest.post(`${work}/comments`, { text: "No name given.", name: " ", email: "nope" });
    expect(missing.status).toBe(400);
    const form = await missing.text();
    expect(form).toContain("Give a name to comment as.");
    expect(form).toContain("No name given.</textarea>");
  });

  it("lets the commenter edit, the commenter and the creators delete, and refuses everyone else with 403", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const { client: hal } = await f.reader("hal");
    const pim = await f.signedIn(f.pim);
    const work = `/works/${f.ids.orchard}`;
    const id = await comment(fern, `${work}/comments`, "First thoughts.");

    for (const client of [hal, pim]) {
      expect((await client.get(`/comments/${id}/edit`)).status).toBe(403);
      expect((await client.post(`/comments/${id}/edit`, { text: "Not mine to change." })).status).toBe(403);
    }
    expect((await hal.post(`/comments/${id}/delete`)).status).toBe(403);
    expect((await f.guest().post(`/comments/${id}/delete`)).status).toBe(401);

    expect(await pageHtml(fern, `/comments/${id}/edit`)).toContain("&lt;p&gt;First thoughts.&lt;/p&gt;</textarea>");
    const edited = await fern.post(`/comments/${id}/edit`, { text: "Second thoughts, better ones." });
    expect(edited.headers.get("Location")).toBe(`${work}#comment-${id}`);
    let html = await pageHtml(hal, work);
    expect(html).toContain("Second thoughts, better ones.");
    expect(html).toContain("Last edited");

    // With a reply under it, a deleted comment keeps its place; without, it goes.
    const reply = await comment(hal, `/comments/${id}/reply`, "I agree with the second thoughts.");
    expect((await pim.post(`/comments/${id}/delete`)).status).toBe(303);
    html = await pageHtml(hal, work);
    expect(html).toContain("(Previous comment deleted.)");
    expect(html).not.toContain("Second thoughts, better ones.");
    expect(html).toContain("I agree with the second thoughts.");
    expect(await commentCount(f, f.ids.orchard)).toBe(1);

    expect((await hal.post(`/comments/${reply}/delete`)).status).toBe(303);
    html = await pageHtml(hal, work);
    expect(html).not.toContain("(Previous comment deleted.)");
    expect(html).toContain("No comments yet.");
    expect(await f.db.selectFrom("comments").select("id").execute()).toEqual([]);
    expect(await commentCount(f, f.ids.orchard)).toBe(0);
  });

  it("takes comments from signed-in users only, or from nobody, as the creators set it", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const pim = await f.signedIn(f.pim);
    const work = `/works/${f.ids.orchard}`;
    expect((await fern.post(`${work}/comment-settings`, { policy: "closed" })).status).toBe(403);
    expect(await pageHtml(fern, work)).not.toContain("Comment settings");

    expect((await pim.post(`${work}/comment-settings`, { policy: "registered", return: work })).headers.get("Location")).toBe(`${work}#comments`);
    const guest = f.guest();
    expect(await pageHtml(guest, work)).toContain("This work takes comments from signed-in users only.");
    expect((await guest.post(`${work}/comments`, { text: "Hello from a guest.", name: "Moth", email: "moth@example.test" })).status).toBe(401);
    await comment(fern, `${work}/comments`, "Signed in, so this one counts.");

    await pim.post(`${work}/comment-settings`, { policy: "closed" });
    expect(await pageHtml(fern, work)).toContain("This work does not take comments.");
    expect((await fern.post(`${work}/comments`, { text: "Closed?" })).status).toBe(403);
    expect((await pim.post(`${work}/comments`, { text: "Even mine?" })).status).toBe(403);
    expect(await commentCount(f, f.ids.orchard)).toBe(1);
  });

  it("holds comments on a moderated work until the creators approve them, shown meanwhile to the creators and the commenter only", async () => {
    const f = await communityFixture(library());
    const { account: fern, client: fernClient } = await f.reader("fern");
    const { client: hal } = await f.reader("hal");
    const pim = await f.signedIn(f.pim);
    const work = `/works/${f.ids.orchard}`;
    const first = await comment(hal, `${work}/comments`, "Posted before the creators moderated comments.");
    await pim.post(`${work}/comment-settings`, { policy: "open", moderate: "1" });

    const response = await fernClient.post(`/comments/${first}/reply`, { text: "A reply that must wait." });
    expect(response.headers.get("Location")).toMatch(/^\/comments\/\d+$/u);
    const id = postedId(response);
    expect(await pageHtml(fernClient, `/comments/${id}`)).toContain("Waiting for the creators&#39; approval");
    const guestPermalink = await pageHtml(f.guest(), `/comments/${id}`);
    expect(guestPermalink).toContain("waiting for the work&#39;s creators to approve it");
    expect(guestPermalink).not.toContain("A reply that must wait.");
    for (const client of [f.guest(), hal]) expect(await pageHtml(client, work)).not.toContain("A reply that must wait.");
    // To Hal the comment is not there at all, let alone his to approve.
    expect((await hal.post(`/comments/${id}/approve`)).status).toBe(404);
    expect(await inbox(f, f.pim.userId)).toMatchObject([{ kind: "comment" }, { kind: "comment", message: "fern commented on “A Ladder in the Orchard”. It waits for your approval." }]);
    expect(await commentCount(f, f.ids.orchard)).toBe(1);

    const creatorView = await pageHtml(pim, work);
    expect(creatorView).toContain("A reply that must wait.");
    expect(creatorView).toContain(`action="/comments/${id}/approve"`);
    expect((await pim.post(`/comments/${id}/approve`)).status).toBe(303);
    const guestView = await pageHtml(f.guest(), work);
    expect(guestView).toContain("A reply that must wait.");
    expect(guestView).not.toContain("Waiting for the creators&#39; approval");
    expect(await commentCount(f, f.ids.orchard)).toBe(2);
    // Hal hears of the reply once it is out; Fern was the replier and hears nothing.
    expect((await inbox(f, fern.userId))).toEqual([]);
    expect(await f.db.selectFrom("inbox_items").select("kind").where("kind", "=", "reply").execute()).toHaveLength(1);
  });

  it("freezes a thread: it takes no more replies, and says so", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const pim = await f.signedIn(f.pim);
    const work = `/works/${f.ids.orchard}`;
    const first = await comment(fern, `${work}/comments`, "Opening a thread.");
    const reply = await comment(pim, `/comments/${first}/reply`, "Thank you!");
    expect((await fern.post(`/comments/${first}/freeze`, { frozen: "1" })).status).toBe(403);
    expect((await pim.post(`/comments/${first}/freeze`, { frozen: "1" })).status).toBe(303);

    const html = await pageHtml(fern, work);
    expect(html).toContain("Frozen: this thread takes no more replies.");
    expect(html).not.toContain(`href="/comments/${reply}/reply"`);
    expect((await fern.post(`/comments/${reply}/reply`, { text: "One more?" })).status).toBe(403);
    expect(await pageHtml(fern, `/comments/${reply}/reply`)).toContain("This thread is frozen");

    await pim.post(`/comments/${reply}/freeze`, { frozen: "0" }).then((r) => expect(r.status).toBe(403));
    await pim.post(`/comments/${first}/freeze`, { frozen: "0" });
    await comment(fern, `/comments/${reply}/reply`, "Thawed, so one more.");
  });

  it("takes a few comments a minute from one commenter, then answers 429 until the minute is out", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const work = `/works/${f.ids.orchard}`;
    for (let i = 1; i <= COMMENTS_PER_MINUTE; i += 1) await comment(fern, `${work}/comments`, `Comment ${i}.`);
    const refused = await fern.post(`${work}/comments`, { text: "One too many." });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another commenter is not held back by Fern.
    await comment(f.guest(), `${work}/comments`, "A guest's turn.", { name: "Moth", email: "moth@example.test" });
    f.clock.now = new Date(f.clock.now.getTime() + 61_000);
    await comment(fern, `${work}/comments`, "After a minute.");
  });

  it("shows a chapter's comments under that chapter, and all of them with the entire work", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const lanterns = `/works/${f.ids.lanterns}`;
    await pageHtml(fern, `${lanterns}?view_adult=true`);
    const id = await comment(fern, `${lanterns}/comments?chapter=2`, "The amber lantern chapter is my favourite.");
    expect(await pageHtml(fern, `${lanterns}/chapters/2`)).toContain("The amber lantern chapter is my favourite.");
    expect(await pageHtml(fern, `${lanterns}/chapters/1`)).not.toContain("The amber lantern chapter is my favourite.");
    const entire = await pageHtml(fern, `${lanterns}?view_full_work=true`);
    expect(entire).toContain("on Chapter 2");
    expect(entire).toContain(`id="comment-${id}"`);
    expect((await fern.post(`${lanterns}/comments?chapter=9`, { text: "Nowhere." })).status).toBe(404);
  });

  it("leaves out the comments of users the reader muted", async () => {
    const f = await communityFixture(library());
    const { account: hal, client: halClient } = await f.reader("hal");
    const { account: fern, client: fernClient } = await f.reader("fern");
    const work = `/works/${f.ids.orchard}`;
    await comment(halClient, `${work}/comments`, "Hal's loud opinion.");
    await f.db.insertInto("muted_users").values({ user_id: fern.userId, muted_user_id: hal.userId }).execute();
    expect(await pageHtml(fernClient, work)).not.toContain("Hal's loud opinion.");
    expect(await pageHtml(f.guest(), work)).toContain("Hal's loud opinion.");
  });

  it("makes comment text safe: no scripts, event handlers or javascript: links", async () => {
    const f = await communityFixture(library());
    const { client: fern } = await f.reader("fern");
    const work = `/works/${f.ids.orchard}`;
    await comment(fern, `${work}/comments`, `<p>Nice <em>work</em></p><script>alert("x")</script><img src="https://example.test/a.png" onerror="alert(1)"><a href="javascript:alert(2)">link</a>`);
    const html = await pageHtml(f.guest(), work);
    expect(html).toContain("Nice <em>work</em>");
    expect(html).not.toContain("alert");
    expect(html).not.toMatch(/onerror|javascript:/iu);
  });
});

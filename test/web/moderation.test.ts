/**
 * Moderation through the web app, on both engines: reports of works and comments (guests too, rate-limited),
 * the moderators' queue, hiding works and comments, warnings, suspensions, who may act on whom, and the
 * moderators' log written in each action's own transaction. Comments are stored directly: their forms are
 * another part's.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import type { MailMessage } from "../../src/services/mail/mailer.js";
import { createApp } from "../../src/web/app.js";
import { GUEST_REPORTS_PER_HOUR } from "../../src/web/routes/moderation.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { insertComment, postWork } from "../support/posted-works.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, TODAY, webDeps } from "../support/web-library.js";

const REASON = "The summary promises one thing and chapter two is copied from elsewhere.";

interface Scene {
  quire: Quire;
  app: ReturnType<typeof createApp>;
  outbox: MailMessage[];
  reader: TestAccount;
  author: TestAccount;
  moderator: TestAccount;
  otherModerator: TestAccount;
  admin: TestAccount;
  /** A public work posted by `author`. */
  workId: number;
  /** A published comment by `reader` on it. */
  commentId: number;
  /** A guest. */
  guest(): WebClient;
  as(account: TestAccount): Promise<WebClient>;
}

/**
 * The sample works, five accounts, a work posted by the author and a comment on it by the reader. The clock
 * moves on a second per reading, as a real one would between requests: the library's change stamp is a time.
 */
async function setUp(quire: Quire): Promise<Scene> {
  const { db } = quire.library;
  const outbox: MailMessage[] = [];
  let tick = 0;
  const app = createApp({ ...webDeps(quire, outbox), now: () => new Date(TODAY.getTime() + (tick += 1000)) });
  await storeWebWorks(quire);
  const [reader, author, moderator, otherModerator, admin] = await Promise.all([
    makeAccount(db, "Reader", "reader"), makeAccount(db, "Author", "author"), makeAccount(db, "Moderator", "moderator"),
    makeAccount(db, "Moderator2", "moderator"), makeAccount(db, "Admin", "admin"),
  ]);
  const workId = await postWork(quire, author, { title: "The Borrowed Lighthouse", fandoms: ["Moonlit Harbour (TV)"], rating: "General Audiences", summary: "A keeper, a lamp, a debt." });
  const commentId = await insertComment(quire, workId, reader, "<p>I liked the lamp, but <em>not</em> the ending.</p>");
  return {
    quire, app, outbox, reader, author, moderator, otherModerator, admin, workId, commentId,
    guest: () => new WebClient(app),
    as: async (account) => {
      const client = new WebClient(app);
      await signInAs(db, client, account, TODAY);
      return client;
    },
  };
}

async function reportsOf(quire: Quire) {
  return quire.library.db.selectFrom("reports").selectAll().orderBy("id").execute();
}

async function logOf(quire: Quire) {
  return quire.library.db.selectFrom("moderation_log").selectAll().orderBy("id").execute();
}

async function isHidden(quire: Quire, workId: number): Promise<boolean> {
  const row = await quire.library.db.selectFrom("works").select("hidden_by_moderator").where("id", "=", workId).executeTakeFirstOrThrow();
  return row.hidden_by_moderator === 1;
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("moderation on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  describe("reports", () => {
    it("takes a guest's report of a public work, with its category, and thanks them", async () => {
      const s = await setUp(library());
      const guest = s.guest();
      const form = await guest.get(`/works/${s.workId}/report`);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain("Report “The Borrowed Lighthouse”");
      for (const label of ["Spam", "Harassment", "Wrong rating or warnings", "Plagiarism"]) expect(html).toContain(label);
      const sent = await guest.post(`/works/${s.workId}/report`, { category: "plagiarism", reason: REASON });
      expect(sent.status).toBe(303);
      expect(sent.headers.get("Location")).toBe(`/works/${s.workId}/report?sent=1`);
      expect(await (await guest.follow(sent)).text()).toContain("Your report was sent to the moderators.");
      expect(await reportsOf(s.quire)).toMatchObject([{ target_type: "work", target_id: s.workId, reporter_id: null, category: "plagiarism", reason: REASON, resolved_at: null }]);
    });

    it("refuses a reason under 10 or over 2,000 characters, or no category, keeping what was typed", async () => {
      const s = await setUp(library());
      const reader = await s.as(s.reader);
      const short = await reader.post(`/works/${s.workId}/report`, { category: "spam", reason: "  too short " });
      expect(short.status).toBe(400);
      const shortHtml = await short.text();
      expect(shortHtml).toContain("The reason needs at least 10 characters.");
      expect(shortHtml).toContain("  too short </textarea>");
      expect(shortHtml).toMatch(/value="spam" required="" checked=""/u);
      const long = await reader.post(`/works/${s.workId}/report`, { category: "spam", reason: "x".repeat(2001) });
      expect(long.status).toBe(400);
      expect(await long.text()).toContain("The reason can be at most 2000 characters long.");
      const uncategorised = await reader.post(`/works/${s.workId}/report`, { reason: REASON });
      expect(uncategorised.status).toBe(400);
      expect(await uncategorised.text()).toContain("Choose what the report is about.");
      expect(await reportsOf(s.quire)).toEqual([]);
      expect((await reader.post(`/works/${s.workId}/report`, { category: "other", reason: "x".repeat(2000) })).status).toBe(303);
      expect(await reportsOf(s.quire)).toMatchObject([{ reporter_id: s.reader.userId, category: "other" }]);
    });

    it("takes reports only of works the reporter can read", async () => {
      const quire = library();
      const s = await setUp(quire);
      const restricted = await postWork(quire, s.author, { title: "Members Only" }, { visibility: "restricted" });
      const draft = await postWork(quire, s.author, { title: "Not Yet" }, { visibility: "draft" });
      const hidden = await postWork(quire, s.author, { title: "Hidden Away" }, { hiddenByModerator: true });
      const guest = s.guest();
      expect((await guest.get(`/works/${restricted}/report`)).headers.get("Location")).toMatch(/^\/login\?return=/u);
      expect((await guest.post(`/works/${restricted}/report`, { category: "spam", reason: REASON })).status).toBe(401);
      const reader = await s.as(s.reader);
      for (const id of [draft, hidden, 999_999]) {
        expect((await reader.get(`/works/${id}/report`)).status).toBe(404);
        expect((await reader.post(`/works/${id}/report`, { category: "spam", reason: REASON })).status).toBe(404);
      }
      expect(await reportsOf(quire)).toEqual([]);
      expect((await reader.post(`/works/${restricted}/report`, { category: "spam", reason: REASON })).status).toBe(303);
      expect(await reportsOf(quire)).toMatchObject([{ target_id: restricted }]);
    });

    it("takes a report of a published comment, quoting it, and none of a hidden one", async () => {
      const s = await setUp(library());
      const hiddenComment = await insertComment(s.quire, s.workId, s.reader, "<p>Something a moderator hid.</p>", "hidden");
      const author = await s.as(s.author);
      const form = await author.get(`/comments/${s.commentId}/report`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain("I liked the lamp, but not the ending.");
      expect((await author.post(`/comments/${s.commentId}/report`, { category: "harassment", reason: REASON })).headers.get("Location")).toBe(`/comments/${s.commentId}/report?sent=1`);
      expect((await author.get(`/comments/${hiddenComment}/report`)).status).toBe(404);
      expect((await author.post(`/comments/${hiddenComment}/report`, { category: "harassment", reason: REASON })).status).toBe(404);
      expect(await reportsOf(s.quire)).toMatchObject([{ target_type: "comment", target_id: s.commentId, reporter_id: s.author.userId, category: "harassment" }]);
    });

    it("limits a guest address's reports, and counts an account's apart from it", async () => {
      const s = await setUp(library());
      const guest = s.guest();
      for (let i = 0; i < GUEST_REPORTS_PER_HOUR; i += 1) expect((await guest.post(`/works/${s.workId}/report`, { category: "spam", reason: `${REASON} (${i})` })).status).toBe(303);
      const limited = await guest.post(`/works/${s.workId}/report`, { category: "spam", reason: REASON });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await reportsOf(s.quire)).toHaveLength(GUEST_REPORTS_PER_HOUR);
      const reader = await s.as(s.reader);
      expect((await reader.post(`/works/${s.workId}/report`, { category: "spam", reason: REASON })).status).toBe(303);
    });

    it("offers the Report link to readers and guests, not to the work's creators", async () => {
      const s = await setUp(library());
      const link = `href="/works/${s.workId}/report"`;
      expect(await (await s.guest().get(`/works/${s.workId}`)).text()).toContain(link);
      expect(await (await (await s.as(s.reader)).get(`/works/${s.workId}`)).text()).toContain(link);
      expect(await (await (await s.as(s.author)).get(`/works/${s.workId}`)).text()).not.toContain(link);
    });
  });

  describe("the queue", () => {
    it("sends guests to sign in and refuses readers and authors", async () => {
      const s = await setUp(library());
      const guest = await s.guest().get("/moderation");
      expect(guest.status).toBe(303);
      expect(guest.headers.get("Location")).toMatch(/^\/login\?return=%2Fmoderation/u);
      for (const account of [s.reader, s.author]) expect((await (await s.as(account)).get("/moderation")).status).toBe(403);
      expect((await (await s.as(s.admin)).get("/moderation")).status).toBe(200);
    });

    it("lists open reports oldest first, with the target, the reporter and the reason", async () => {
      const s = await setUp(library());
      await s.guest().post(`/works/${s.workId}/report`, { category: "plagiarism", reason: "First: this is copied from a zine I own." });
      await (await s.as(s.author)).post(`/comments/${s.commentId}/report`, { category: "harassment", reason: "Second: this comment follows me around." });
      const html = await (await (await s.as(s.moderator)).get("/moderation")).text();
      expect(html).toContain("2 open reports, oldest first.");
      const first = html.indexOf("First: this is copied");
      const second = html.indexOf("Second: this comment");
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(first);
      expect(html).toContain(`<a href="/works/${s.workId}">The Borrowed Lighthouse</a>`);
      expect(html).toContain("<dt>By</dt><dd>a guest</dd>");
      expect(html).toContain("<dt>By</dt><dd>Author</dd>");
      expect(html).toContain("I liked the lamp, but not the ending.");
      expect(html).toContain(`href="/works/${s.workId}#comment-${s.commentId}"`);
      // The people involved: the work's creator and the commenter, each with the actions on them.
      expect(html).toContain(`action="/moderation/users/${s.author.userId}/suspend"`);
      expect(html).toContain(`action="/moderation/users/${s.reader.userId}/warn"`);
    });

    it("resolves a report with a note, once, and logs it", async () => {
      const s = await setUp(library());
      await s.guest().post(`/works/${s.workId}/report`, { category: "spam", reason: REASON });
      const [report] = await reportsOf(s.quire);
      const moderator = await s.as(s.moderator);
      const resolved = await moderator.post(`/moderation/reports/${report?.id}/resolve`, { note: "Checked: not spam.", return: "/moderation" });
      expect(resolved.status).toBe(303);
      expect(resolved.headers.get("Location")).toBe("/moderation");
      expect(await (await moderator.follow(resolved)).text()).toContain("0 open reports");
      expect(await reportsOf(s.quire)).toMatchObject([{ resolved_by: s.moderator.userId, resolution_note: "Checked: not spam." }]);
      expect((await moderator.post(`/moderation/reports/${report?.id}/resolve`, { note: "Again." })).status).toBe(400);
      expect((await moderator.post(`/moderation/reports/${report?.id}/resolve`, { note: "  " })).status).toBe(400);
      expect(await logOf(s.quire)).toMatchObject([{ moderator_id: s.moderator.userId, moderator_login: "Moderator", action: "resolve-report", target_type: "report", target_id: report?.id, reason: "Checked: not spam." }]);
    });
  });

  describe("hiding", () => {
    it("hides a work from everyone but its creators and the moderators, with a banner quoting the reason, and shows it again", async () => {
      const s = await setUp(library());
      const guest = s.guest();
      const reader = await s.as(s.reader);
      const author = await s.as(s.author);
      const moderator = await s.as(s.moderator);
      expect(await (await guest.get("/works")).text()).toContain("The Borrowed Lighthouse");
      expect(await (await guest.get("/")).text()).toContain("6 works in");

      const hidden = await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: "Copied text; the author has been asked for sources.", return: `/works/${s.workId}` });
      expect(hidden.headers.get("Location")).toBe(`/works/${s.workId}`);
      expect(await isHidden(s.quire, s.workId)).toBe(true);
      for (const client of [guest, reader]) {
        expect(await (await client.get("/works")).text()).not.toContain("The Borrowed Lighthouse");
        expect((await client.get(`/works/${s.workId}`)).status).toBe(404);
      }
      expect(await (await guest.get("/")).text()).toContain("5 works in");
      const own = await (await author.get(`/works/${s.workId}`)).text();
      expect(own).toContain("A moderator has hidden this work:</strong> Copied text; the author has been asked for sources.");
      expect(await (await moderator.get(`/works/${s.workId}`)).text()).toContain("A moderator has hidden this work:");
      // Its creator still lists it nowhere: hidden is hidden from every listing.
      expect(await (await author.get("/works")).text()).not.toContain("The Borrowed Lighthouse");

      expect((await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: "Twice." })).status).toBe(400);
      expect((await moderator.post(`/moderation/works/${s.workId}/unhide`, { reason: "Sources supplied." })).status).toBe(303);
      expect(await (await guest.get("/works")).text()).toContain("The Borrowed Lighthouse");
      expect(await (await author.get(`/works/${s.workId}`)).text()).not.toContain("A moderator has hidden this work");
      expect(await logOf(s.quire)).toMatchObject([
        { action: "hide", target_type: "work", target_id: s.workId, reason: "Copied text; the author has been asked for sources.", moderator_login: "Moderator" },
        { action: "unhide", target_type: "work", target_id: s.workId, reason: "Sources supplied." },
      ]);
    });

    it("refuses to hide without a reason, and never reaches another's draft", async () => {
      const quire = library();
      const s = await setUp(quire);
      const draft = await postWork(quire, s.author, { title: "Not Yet" }, { visibility: "draft" });
      const moderator = await s.as(s.moderator);
      expect((await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: " " })).status).toBe(400);
      expect((await moderator.post(`/moderation/works/${draft}/hide`, { reason: "Looks bad." })).status).toBe(404);
      expect(await isHidden(quire, s.workId)).toBe(false);
      expect(await isHidden(quire, draft)).toBe(false);
      expect(await logOf(quire)).toEqual([]);
    });

    it("writes the action and its log line together or not at all", async () => {
      const s = await setUp(library());
      const { db } = s.quire.library;
      const moderator = await s.as(s.moderator);
      // With the log gone, the log line cannot be written: the hide in the same transaction must not stay.
      await sql`drop table moderation_log`.execute(db);
      const failed = await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: "This must not stick." });
      expect(failed.status).toBe(500);
      expect(await isHidden(s.quire, s.workId)).toBe(false);
      const suspended = await moderator.post(`/moderation/users/${s.reader.userId}/suspend`, { reason: "Nor this.", days: "3" });
      expect(suspended.status).toBe(500);
      const reader = await db.selectFrom("users").select("suspended_until").where("id", "=", s.reader.userId).executeTakeFirstOrThrow();
      expect(reader.suspended_until).toBeNull();
    });

    it("hides a published comment and shows it again", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      const status = async () => (await s.quire.library.db.selectFrom("comments").select("status").where("id", "=", s.commentId).executeTakeFirstOrThrow()).status;
      expect((await moderator.post(`/moderation/comments/${s.commentId}/hide`, { reason: "Spoilers without warning." })).status).toBe(303);
      expect(await status()).toBe("hidden");
      expect((await moderator.post(`/moderation/comments/${s.commentId}/hide`, { reason: "Again." })).status).toBe(400);
      expect((await moderator.post(`/moderation/comments/${s.commentId}/unhide`, { reason: "The commenter added a warning." })).status).toBe(303);
      expect(await status()).toBe("published");
      expect((await moderator.post(`/moderation/comments/${s.commentId}/unhide`, { reason: "Again." })).status).toBe(400);
      expect((await moderator.post("/moderation/comments/999999/hide", { reason: "No such comment." })).status).toBe(404);
      expect((await (await s.as(s.reader)).post(`/moderation/comments/${s.commentId}/hide`, { reason: "I am no moderator." })).status).toBe(403);
      expect(await status()).toBe("published");
      expect((await logOf(s.quire)).map((e) => [e.action, e.target_type, e.target_id])).toEqual([["hide-comment", "comment", s.commentId], ["unhide-comment", "comment", s.commentId]]);
    });
  });

  describe("users", () => {
    it("warns a user in their inbox and by mail", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      const warned = await moderator.post(`/moderation/users/${s.reader.userId}/warn`, { message: "Please keep comments about the story, not its author.", return: `/moderation/users/${s.reader.userId}` });
      expect(warned.headers.get("Location")).toBe(`/moderation/users/${s.reader.userId}`);
      const inbox = await s.quire.library.db.selectFrom("inbox_items").selectAll().where("user_id", "=", s.reader.userId).execute();
      expect(inbox).toMatchObject([{ kind: "moderator-warning", message: "Please keep comments about the story, not its author.", read_at: null }]);
      expect(s.outbox).toHaveLength(1);
      expect(s.outbox[0]).toMatchObject({ to: "reader@example.test", subject: "A warning from the moderators" });
      expect(s.outbox[0]?.text).toContain("Please keep comments about the story, not its author.");
      const page = await (await moderator.follow(warned)).text();
      expect(page).toContain("warned a user");
      expect((await moderator.post(`/moderation/users/${s.reader.userId}/warn`, { message: "" })).status).toBe(400);
      expect(s.outbox).toHaveLength(1);
    });

    it("lets a moderator act on readers and authors only, and an admin on moderators too, but nobody on an admin or themselves", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      const admin = await s.as(s.admin);
      const warn = (client: WebClient, target: TestAccount) => client.post(`/moderation/users/${target.userId}/warn`, { message: "A test of who may warn whom." });
      expect((await warn(moderator, s.author)).status).toBe(303);
      expect((await warn(moderator, s.otherModerator)).status).toBe(403);
      expect((await warn(moderator, s.moderator)).status).toBe(403);
      expect((await warn(moderator, s.admin)).status).toBe(403);
      expect((await moderator.post(`/moderation/users/${s.admin.userId}/suspend`, { reason: "No.", days: "1" })).status).toBe(403);
      expect((await warn(admin, s.otherModerator)).status).toBe(303);
      expect((await warn(admin, s.admin)).status).toBe(403);
      expect((await warn(moderator, { ...s.reader, userId: 999_999 })).status).toBe(404);
      expect((await logOf(s.quire)).map((e) => e.target_id)).toEqual([s.author.userId, s.otherModerator.userId]);
      // The forms are offered only where they would be taken.
      expect(await (await moderator.get(`/moderation/users/${s.otherModerator.userId}`)).text()).toContain("You cannot act on this account");
      expect(await (await admin.get(`/moderation/users/${s.otherModerator.userId}`)).text()).toContain(`action="/moderation/users/${s.otherModerator.userId}/suspend"`);
    });

    it("suspends a user, who stays signed in and reads under a banner but cannot report, and lifts it", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      const author = await s.as(s.author);
      expect((await moderator.post(`/moderation/users/${s.author.userId}/suspend`, { reason: "Spam links in summaries.", days: "7" })).status).toBe(303);
      const row = await s.quire.library.db.selectFrom("users").select("suspended_until").where("id", "=", s.author.userId).executeTakeFirstOrThrow();
      expect(Date.parse(row.suspended_until ?? "") - TODAY.getTime()).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
      expect(Date.parse(row.suspended_until ?? "") - TODAY.getTime()).toBeLessThan(7 * 24 * 3600 * 1000 + 60_000);
      const home = await author.get("/");
      expect(home.status).toBe(200);
      const homeHtml = await home.text();
      expect(homeHtml).toContain("Your account is suspended until 7 December 2026");
      expect(homeHtml).toContain('<a href="/account">Author</a>');
      expect(homeHtml).not.toContain('href="/works/new"');
      expect((await author.get(`/works/${s.workId}`)).status).toBe(200);
      expect((await author.post(`/works/1/report`, { category: "spam", reason: REASON })).status).toBe(403);

      expect((await moderator.post(`/moderation/users/${s.author.userId}/suspend`, { reason: "Repeat offence.", indefinite: "on" })).status).toBe(303);
      expect(await (await author.get("/")).text()).toContain("Your account is suspended until a moderator lifts it.");
      expect((await moderator.post(`/moderation/users/${s.author.userId}/unsuspend`, { reason: "Appeal accepted." })).status).toBe(303);
      expect(await (await author.get("/")).text()).not.toContain("Your account is suspended");
      expect((await moderator.post(`/moderation/users/${s.author.userId}/unsuspend`, { reason: "Not suspended." })).status).toBe(400);
      expect((await logOf(s.quire)).map((e) => e.action)).toEqual(["suspend", "suspend", "unsuspend"]);
      expect((await logOf(s.quire))[1]?.reason).toBe("Repeat offence. (until lifted)");
    });

    it("refuses a suspension of no days, too many days, or days that are not a number", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      for (const days of ["0", "3651", "abc", "", "2.5"]) {
        expect((await moderator.post(`/moderation/users/${s.reader.userId}/suspend`, { reason: "Testing limits.", days })).status).toBe(400);
      }
      expect(await logOf(s.quire)).toEqual([]);
    });

    it("stops a suspended moderator from moderating", async () => {
      const s = await setUp(library());
      const admin = await s.as(s.admin);
      expect((await admin.post(`/moderation/users/${s.moderator.userId}/suspend`, { reason: "Abused the tools.", days: "30" })).status).toBe(303);
      const moderator = await s.as(s.moderator);
      expect((await moderator.get("/moderation")).status).toBe(403);
      expect((await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: "Still trying." })).status).toBe(403);
      expect(await isHidden(s.quire, s.workId)).toBe(false);
    });
  });

  describe("the log", () => {
    it("lists every action newest first, a page at a time, to moderators only", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      for (let i = 1; i <= 51; i += 1) {
        expect((await moderator.post(`/moderation/works/${s.workId}/${i % 2 === 1 ? "hide" : "unhide"}`, { reason: `Step ${i} of the log test` })).status).toBe(303);
      }
      const first = await (await moderator.get("/moderation/log")).text();
      expect(first).toContain("51 actions, newest first.");
      expect(first.indexOf("Step 51 of")).toBeLessThan(first.indexOf("Step 50 of"));
      expect(first).not.toContain("Step 1 of");
      expect(first).toContain('href="/moderation/log?page=2"');
      const second = await (await moderator.get("/moderation/log?page=2")).text();
      expect(second).toContain("Step 1 of the log test");
      expect(second).not.toContain("Step 2 of");
      expect((await s.guest().get("/moderation/log")).headers.get("Location")).toMatch(/^\/login/u);
      expect((await (await s.as(s.author)).get("/moderation/log")).status).toBe(403);
    });

    it("has no address that changes or removes an entry", async () => {
      const s = await setUp(library());
      const moderator = await s.as(s.moderator);
      await moderator.post(`/moderation/works/${s.workId}/hide`, { reason: "For the record." });
      const [entry] = await logOf(s.quire);
      for (const path of ["/moderation/log", `/moderation/log/${entry?.id}`, `/moderation/log/${entry?.id}/delete`, `/moderation/log/${entry?.id}/edit`]) {
        expect((await moderator.post(path, { reason: "rewritten" })).status).toBe(404);
      }
      expect(await logOf(s.quire)).toEqual([entry]);
    });
  });
});

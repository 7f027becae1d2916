/**
 * Posting on the web, in process on both engines: the work form (limits, required fields, safe HTML, Markdown),
 * drafts and works for signed-in users only everywhere they could show, edits that keep the work, chapters,
 * co-authors, gifts, who may do what, series, announcements to subscribers, and a legacy story file read into
 * the form and posted. Every story text here is original to these tests.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import type { Role } from "../../src/domain/account.js";
import type { MailMessage } from "../../src/services/mail/mailer.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { TODAY, webDeps } from "../support/web-library.js";
import { WebClient } from "../support/web-client.js";

const FIXTURE = new URL("../fixtures/posting/kettle-weather.txt", import.meta.url);

/** The titles of the works a listing shows, in order. */
function listedTitles(html: string): string[] {
  return [...html.matchAll(/<h3 id="work-\d+-title"><a href="\/works\/\d+">([^<]*)<\/a>/gu)].map((m) => m[1] ?? "");
}

/** A new work's form as a browser sends it, with what a test changes (null: a box left unticked, not sent). */
function workFields(overrides: Record<string, string | string[] | null> = {}): Record<string, string | string[]> {
  const fields: Record<string, string | string[] | null> = {
    title: "The Lamp Room", rating: "General Audiences", warnings: ["No Archive Warnings Apply"], categories: ["Gen"],
    fandoms: "Moonlit Harbour (TV)", relationships: "", characters: "Mara Quell", freeforms: "Rain, Tea", summary: "A keeper mends a lamp.",
    notes: "", endNotes: "", language: "en", series: "", seriesName: "", seriesPart: "", visibility: "public", commentPolicy: "open",
    complete: "on", expectedChapters: "", coAuthors: "", gifts: "",
    "chapters[0][title]": "", "chapters[0][format]": "text",
    "chapters[0][text]": "Mara took the lamp apart on the kitchen table and laid every screw in a saucer.\n\nBy midnight it was whole again, and brighter.",
    action: "post",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | string[]] => entry[1] !== null));
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("posting on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  interface Session {
    quire: Quire;
    outbox: MailMessage[];
    guest: WebClient;
    /** A signed-in browser for a new account of the role. */
    as(login: string, role?: Role): Promise<WebClient & { account: TestAccount }>;
  }

  function session(): Session {
    const quire = library();
    const outbox: MailMessage[] = [];
    const app = createApp(webDeps(quire, outbox));
    return {
      quire, outbox, guest: new WebClient(app),
      as: async (login, role = "author") => {
        const account = await makeAccount(quire.library.db, login, role);
        const client = Object.assign(new WebClient(app), { account });
        await signInAs(quire.library.db, client, account, TODAY);
        return client;
      },
    };
  }

  /** Posts the work form with these changes to workFields, and returns the new work's id. */
  function post(client: WebClient, overrides: Record<string, string | string[] | null> = {}): Promise<number> {
    return submit(client, workFields(overrides));
  }

  /** Sends the work form's fields as they are, and returns the new work's id. */
  async function submit(client: WebClient, fields: Record<string, string | string[]>): Promise<number> {
    const response = await client.post("/works/new", fields);
    expect(response.status, await response.clone().text()).toBe(303);
    const id = Number(/^\/works\/(\d+)$/u.exec(response.headers.get("Location") ?? "")?.[1]);
    expect(id).toBeGreaterThan(0);
    return id;
  }

  describe("posting a work", () => {
    it("posts a public work that is listed, searchable and filtered by its tags, as its creator's", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren, { commentPolicy: "registered", moderateComments: "on" });

      const page = await (await s.guest.get(`/works/${id}`)).text();
      expect(page).toContain("The Lamp Room");
      expect(page).toContain('<a rel="author" href="/users/Wren">Wren</a>');
      expect(page).toContain("<p>Mara took the lamp apart on the kitchen table and laid every screw in a saucer.</p>");
      expect(page).toMatch(/<dt>Published:<\/dt><dd>2026-11-30<\/dd>/u);
      expect(page).toMatch(/<dt>Words:<\/dt><dd>24<\/dd>/u);
      expect(page).toMatch(/<dt>Chapters:<\/dt><dd>1\/1<\/dd>/u);
      expect(page).not.toContain(`href="/works/${id}/edit"`);

      expect(listedTitles(await (await s.guest.get("/works")).text())).toEqual(["The Lamp Room"]);
      expect(listedTitles(await (await s.guest.get("/works?q=saucer")).text())).toEqual(["The Lamp Room"]);
      expect(listedTitles(await (await s.guest.get("/works?fandom=Moonlit+Harbour+(TV)&freeform=Tea")).text())).toEqual(["The Lamp Room"]);
      expect(listedTitles(await (await s.guest.get("/users/Wren")).text())).toEqual(["The Lamp Room"]);
      expect(await (await wren.get(`/works/${id}`)).text()).toContain(`href="/works/${id}/edit"`);
      const settings = await s.quire.library.db.selectFrom("works").select(["visibility", "comment_policy", "moderate_comments", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(settings).toEqual({ visibility: "public", comment_policy: "registered", moderate_comments: 1, status: "complete" });
    });

    it("keeps a synonym the author typed, and files the work under its canonical tag; a fandom typed in another case takes the archive's spelling", async () => {
      const s = await session();
      const { db } = s.quire.library;
      const now = TODAY.toISOString();
      const { id: canonical } = await db.insertInto("tags").values({ type: "Freeform", name: "Hurt/Comfort", name_key: "hurt/comfort", canonical: 1, merger_id: null, created_at: now, updated_at: now, details: null })
        .returning("id").executeTakeFirstOrThrow();
      await db.insertInto("tags").values({ type: "Freeform", name: "h/c", name_key: "h/c", canonical: 0, merger_id: canonical, created_at: now, updated_at: now, details: null }).execute();
      await db.insertInto("tags").values({ type: "Fandom", name: "Moonlit Harbour (TV)", name_key: "moonlit harbour (tv)", canonical: 1, merger_id: null, created_at: now, updated_at: now, details: null }).execute();
      const id = await post(await s.as("Wren"), { fandoms: "moonlit HARBOUR (tv)", freeforms: "h/c" });

      const page = await (await s.guest.get(`/works/${id}`)).text();
      expect(page).toContain(">h/c<");
      expect(page).toContain(">Moonlit Harbour (TV)<");
      expect(page).not.toContain("moonlit HARBOUR");
      expect(listedTitles(await (await s.guest.get("/works?freeform=Hurt%2FComfort")).text())).toEqual(["The Lamp Room"]);
      expect(listedTitles(await (await s.guest.get("/tags/Hurt*s*Comfort/works")).text())).toEqual(["The Lamp Room"]);
    });

    it("takes HTML through the archive's allowlist: scripts and event handlers are gone from the work page", async () => {
      const s = await session();
      const id = await post(await s.as("Wren"), {
        "chapters[0][format]": "html",
        "chapters[0][text]": '<p>The <em>lamp</em> hummed.</p><script>alert("x")</script><img src="https://images.example/lamp.png" onerror="alert(1)" alt="a lamp"><p onclick="steal()">Then quiet.</p>',
      });
      const page = await (await s.guest.get(`/works/${id}`)).text();
      expect(page).toContain("<p>The <em>lamp</em> hummed.</p>");
      expect(page).toContain("<p>Then quiet.</p>");
      expect(page).toContain('src="https://images.example/lamp.png"');
      expect(page).not.toContain("alert");
      expect(page).not.toContain("onerror");
      expect(page).not.toContain("onclick");
      expect(page).not.toContain("<script>alert");
    });

    it("renders Markdown", async () => {
      const s = await session();
      const id = await post(await s.as("Wren"), { "chapters[0][format]": "markdown", "chapters[0][text]": "The tide was **very** low.\n\n- salt\n- rope" });
      const page = await (await s.guest.get(`/works/${id}`)).text();
      expect(page).toContain("<p>The tide was <strong>very</strong> low.</p>");
      expect(page).toMatch(/<ul>\s*<li>salt<\/li>\s*<li>rope<\/li>\s*<\/ul>/u);
    });

    it("previews the work as readers will see it without storing it, with the form filled in below", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const response = await wren.post("/works/new", workFields({ action: "preview", gifts: "Ilse" }));
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<h2 id="preview-heading">Preview</h2>');
      expect(html).toContain("<p>Mara took the lamp apart on the kitchen table and laid every screw in a saucer.</p>");
      expect(html).toContain('<p class="gifts">For Ilse</p>');
      expect(html).toContain('name="title" value="The Lamp Room"');
      expect(await s.quire.library.db.selectFrom("works").select("id").execute()).toEqual([]);
    });

    it("answers a form over the limits with 400, the author's input kept and each message beside its field", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const many = Array.from({ length: 80 }, (_, i) => `Tag ${i}`).join(", ");
      const response = await wren.post("/works/new", workFields({ title: "T".repeat(256), summary: "s".repeat(1251), freeforms: many, "chapters[0][text]": "  " }));
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<p class="field-error" id="title-error">The title must be at most 255 characters (it has 256).</p>');
      expect(html).toContain('<p class="field-error" id="summary-error">The summary must be at most 1,250 characters (it has 1,251).</p>');
      expect(html).toContain("A work may have at most 75 fandoms, relationships, characters and additional tags together (this one has 82).");
      expect(html).toContain('<p class="field-error" id="chapters-0-text-error">The chapter needs some text.</p>');
      expect(html).toContain('aria-describedby="title-error" aria-invalid="true"');
      expect(html).toContain(`value="${"T".repeat(256)}"`);
      expect(html).toContain("Tag 79");
      expect(await s.quire.library.db.selectFrom("works").select("id").execute()).toEqual([]);
    });

    it("requires a rating, an archive warning and a fandom", async () => {
      const s = await session();
      const response = await (await s.as("Wren")).post("/works/new", workFields({ rating: "", warnings: [], fandoms: "" }));
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('id="rating-error">Choose a rating.');
      expect(html).toContain('id="warnings-error">Choose at least one archive warning');
      expect(html).toContain('id="fandoms-error">Name at least one fandom');
    });

    it("refuses chapter text over 500,000 characters", async () => {
      const s = await session();
      const response = await (await s.as("Wren")).post("/works/new", workFields({ "chapters[0][text]": "word ".repeat(100_001) }));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("The chapter text must be at most 500,000 characters (it has 500,005).");
    });
  });

  describe("who may post", () => {
    it("sends a guest to sign in, and refuses a reader's account and a suspended one", async () => {
      const s = await session();
      const guest = await s.guest.get("/works/new");
      expect(guest.status).toBe(303);
      expect(guest.headers.get("Location")).toMatch(/^\/login\?return=%2Fworks%2Fnew/u);
      expect((await s.guest.post("/works/new", workFields())).status).toBe(401);

      const reader = await s.as("Pim", "reader");
      expect((await reader.get("/works/new")).status).toBe(403);
      expect((await reader.post("/works/new", workFields())).status).toBe(403);

      const suspended = await s.as("Jonas");
      await s.quire.library.db.updateTable("users").set({ suspended_until: "2027-01-01T00:00:00.000Z" }).where("id", "=", suspended.account.userId).execute();
      const refused = await suspended.post("/works/new", workFields());
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("suspended");
      expect(await s.quire.library.db.selectFrom("works").select("id").execute()).toEqual([]);
    });
  });

  describe("drafts and restricted works", () => {
    it("shows a draft to its creator only, with a banner, and nowhere in listings or counts; posting it later dates it that day", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const other = await s.as("Pim");
      const formPage = await (await wren.post("/works/new", workFields({ visibility: "draft", action: "preview" }))).text();
      expect(formPage).toContain(">Save draft</button>");
      const id = await post(wren, { visibility: "draft" });

      const own = await (await wren.get(`/works/${id}`)).text();
      expect(own).toContain("<strong>Draft:</strong> only you can see this.");
      expect((await other.get(`/works/${id}`)).status).toBe(404);
      expect((await s.guest.get(`/works/${id}`)).status).toBe(404);
      for (const client of [wren, s.guest]) {
        const listing = await (await client.get("/works")).text();
        expect(listedTitles(listing)).toEqual([]);
        expect(listing).not.toContain("Moonlit Harbour (TV)");
      }
      expect(listedTitles(await (await wren.get("/works?q=saucer")).text())).toEqual([]);
      expect(await (await wren.get("/account/works")).text()).toMatch(/The Lamp Room<\/a><\/h2>\s*<p><strong class="marker">Draft<\/strong>/u);

      const posted = await wren.post(`/works/${id}/edit`, workFields({ visibility: "public" }));
      expect(posted.status).toBe(303);
      expect(listedTitles(await (await s.guest.get("/works")).text())).toEqual(["The Lamp Room"]);
      expect(await (await s.guest.get("/works")).text()).toMatch(/Moonlit Harbour \(TV\) <span class="count">\(1\)<\/span>/u);
      const row = await s.quire.library.db.selectFrom("works").select(["published", "visibility"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(row).toEqual({ published: "2026-11-30", visibility: "public" });
    });

    it("sends guests to sign in for a work for signed-in users only, marks it for members, and lists it only for them", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren, { visibility: "restricted" });
      const guest = await s.guest.get(`/works/${id}`);
      expect(guest.status).toBe(303);
      expect(guest.headers.get("Location")).toMatch(/^\/login\?return=/u);

      const member = await s.as("Pim", "reader");
      const page = await (await member.get(`/works/${id}`)).text();
      expect(page).toContain("Signed-in users only");
      expect(page).toContain("laid every screw in a saucer");
      expect(listedTitles(await (await member.get("/works")).text())).toEqual(["The Lamp Room"]);
      const guestListing = await (await s.guest.get("/works")).text();
      expect(listedTitles(guestListing)).toEqual([]);
      expect(guestListing).not.toContain("Moonlit Harbour (TV)");
    });
  });

  describe("editing", () => {
    it("keeps the work's id, chapters and creators when its details change", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren);
      const form = await (await wren.get(`/works/${id}/edit`)).text();
      expect(form).toContain('name="title" value="The Lamp Room"');
      expect(form).toContain('value="Moonlit Harbour (TV)"');

      const response = await wren.post(`/works/${id}/edit`, workFields({ title: "The Lamp Room, Mended", freeforms: "Rain", "chapters[0][text]": "ignored" }));
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(`/works/${id}`);
      const page = await (await s.guest.get(`/works/${id}`)).text();
      expect(page).toContain("The Lamp Room, Mended");
      expect(page).toContain("laid every screw in a saucer");
      expect(page).toContain('<a rel="author" href="/users/Wren">Wren</a>');
      expect(listedTitles(await (await s.guest.get("/works?freeform=Tea")).text())).toEqual([]);
      expect(listedTitles(await (await s.guest.get("/works?q=mended")).text())).toEqual(["The Lamp Room, Mended"]);
      expect((await s.quire.library.db.selectFrom("works").select("id").execute()).map((r) => r.id)).toEqual([id]);
    });

    it("refuses another user's edit and delete with 403, and answers 404 for a draft they cannot see", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const pim = await s.as("Pim");
      const id = await post(wren);
      const draft = await post(wren, { title: "Unfinished", visibility: "draft" });
      expect((await pim.get(`/works/${id}/edit`)).status).toBe(403);
      expect((await pim.post(`/works/${id}/edit`, workFields({ title: "Taken" }))).status).toBe(403);
      expect((await pim.post(`/works/${id}/delete`)).status).toBe(403);
      expect((await pim.post(`/works/${id}/chapters/new`, { text: "More.", format: "text" })).status).toBe(403);
      expect((await pim.get(`/works/${draft}/edit`)).status).toBe(404);
      expect((await pim.post(`/works/${draft}/delete`)).status).toBe(404);
      expect(await (await s.guest.get(`/works/${id}`)).text()).toContain("The Lamp Room");
    });

    it("deletes a work after asking, for its creator only", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren);
      const confirm = await (await wren.get(`/works/${id}/delete`)).text();
      expect(confirm).toContain("Are you sure?");
      expect(confirm).toContain(`action="/works/${id}/delete"`);
      const deleted = await wren.post(`/works/${id}/delete`);
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get("Location")).toBe("/account/works?deleted=1");
      expect((await s.guest.get(`/works/${id}`)).status).toBe(404);
      expect(listedTitles(await (await s.guest.get("/works?q=saucer")).text())).toEqual([]);
      // The id may be given again: the new work is searchable as itself alone.
      const next = await post(wren, { title: "Second Light", "chapters[0][text]": "A different lamp entirely." });
      expect(listedTitles(await (await s.guest.get("/works?q=saucer")).text())).toEqual([]);
      expect(listedTitles(await (await s.guest.get("/works?q=different")).text())).toEqual(["Second Light"]);
      expect(next).toBeGreaterThan(0);
    });
  });

  describe("chapters", () => {
    it("adds, reorders and deletes chapters, keeping positions 1 to n and the work's counts", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren, { complete: null, expectedChapters: "2", "chapters[0][title]": "Screws" });
      expect(await (await s.guest.get(`/works/${id}`)).text()).toMatch(/<dt>Chapters:<\/dt><dd>1\/2<\/dd>/u);

      const added = await wren.post(`/works/${id}/chapters/new`, { title: "Glass", text: "The new glass came wrapped in newspaper from the mainland.", format: "text" });
      expect(added.status).toBe(303);
      expect(added.headers.get("Location")).toBe(`/works/${id}/chapters/2`);
      await wren.post(`/works/${id}/chapters/new`, { title: "Oil", text: "Oil last, always oil last.", format: "text" });
      const three = await (await s.guest.get(`/works/${id}/chapters/3`)).text();
      expect(three).toContain("Chapter 3: Oil");
      expect(three).toMatch(/<dt>Chapters:<\/dt><dd>3\/3<\/dd>/u);
      expect(listedTitles(await (await s.guest.get("/works?q=newspaper")).text())).toEqual(["The Lamp Room"]);

      const order = await wren.post(`/works/${id}/chapters/order`, { "position-1": "3", "position-2": "1", "position-3": "2" });
      expect(order.status).toBe(303);
      const outline = await (await wren.get(`/works/${id}/chapters/order`)).text();
      expect([...outline.matchAll(/<th scope="row">([^<]*)<\/th>/gu)].map((m) => m[1])).toEqual(["Chapter 1: Glass", "Chapter 2: Oil", "Chapter 3: Screws"]);

      const edited = await wren.post(`/works/${id}/chapters/2/edit`, { title: "Oil", text: "Oil last, *always* oil last, and a rag for the drips.", format: "markdown" });
      expect(edited.status).toBe(303);
      expect(await (await s.guest.get(`/works/${id}/chapters/2`)).text()).toContain("<p>Oil last, <em>always</em> oil last, and a rag for the drips.</p>");
      expect(await (await wren.get(`/works/${id}/chapters/2/edit`)).text()).toContain("Oil last, *always* oil last");

      expect(await (await wren.get(`/works/${id}/chapters/1/delete`)).text()).toContain("Are you sure? The chapter goes for good");
      expect((await wren.post(`/works/${id}/chapters/1/delete`)).status).toBe(303);
      const rows = await s.quire.library.db.selectFrom("chapters").select(["position", "title"]).where("work_id", "=", id).orderBy("position").execute();
      expect(rows).toEqual([{ position: 1, title: "Oil" }, { position: 2, title: "Screws" }]);
      const work = await s.quire.library.db.selectFrom("works").select(["chapter_count", "word_count"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(work.chapter_count).toBe(2);
      expect(work.word_count).toBe(11 + 24);
      expect(listedTitles(await (await s.guest.get("/works?q=newspaper")).text())).toEqual([]);

      await wren.post(`/works/${id}/chapters/1/delete`);
      const last = await wren.post(`/works/${id}/chapters/1/delete`);
      expect(last.status).toBe(400);
      expect(await last.text()).toContain("A work needs at least one chapter");
    });

    it("tells subscribers to the fandom of a new work, and to the work of a new chapter, but never of a draft", async () => {
      const s = await session();
      const { db } = s.quire.library;
      const reader = await s.as("Pim", "reader");
      const wren = await s.as("Wren");
      await post(wren, { title: "Unannounced", visibility: "draft" });
      const fandom = await db.selectFrom("tags").select("id").where("type", "=", "Fandom").where("name", "=", "Moonlit Harbour (TV)").executeTakeFirstOrThrow();
      await db.insertInto("subscriptions").values({ user_id: reader.account.userId, target_type: "tag", target_id: fandom.id, created_at: TODAY.toISOString() }).execute();

      const id = await post(wren);
      const inbox = () => db.selectFrom("inbox_items").select(["kind", "work_id", "message"]).where("user_id", "=", reader.account.userId).orderBy("id").execute();
      expect(await inbox()).toEqual([{ kind: "new-work", work_id: id, message: "A new work: “The Lamp Room”." }]);

      await db.insertInto("subscriptions").values({ user_id: reader.account.userId, target_type: "work", target_id: id, created_at: TODAY.toISOString() }).execute();
      await wren.post(`/works/${id}/chapters/new`, { title: "", text: "Another night, another wick.", format: "text" });
      expect((await inbox()).map((i) => i.kind)).toEqual(["new-work", "new-chapter"]);
    });

    it("has told the subscribers when the work's transaction commits: a process killed the moment after leaves no one untold", async () => {
      const s = await session();
      const { db, engine: sqlEngine } = s.quire.library;
      const reader = await s.as("Pim", "reader");
      const wren = await s.as("Wren");
      const draft = await post(wren, { title: "Not Yet", visibility: "draft" });
      const fandom = await db.selectFrom("tags").select("id").where("type", "=", "Fandom").where("name", "=", "Moonlit Harbour (TV)").executeTakeFirstOrThrow();
      await db.insertInto("subscriptions").values({ user_id: reader.account.userId, target_type: "tag", target_id: fandom.id, created_at: TODAY.toISOString() }).execute();
      await db.insertInto("subscriptions").values({ user_id: reader.account.userId, target_type: "work", target_id: draft, created_at: TODAY.toISOString() }).execute();
      // Every write transaction commits, and then the process "dies": nothing after the commit runs.
      const dying = { ...sqlEngine, writeTransaction: async <T,>(on: typeof db, fn: (trx: typeof db) => Promise<T>): Promise<T> => {
        await sqlEngine.writeTransaction(on, fn);
        throw new Error("killed just after the commit");
      } };
      const afterKill = new WebClient(createApp({ ...webDeps(s.quire), engine: dying }));
      afterKill.cookies.set("quire_session", wren.cookies.get("quire_session") ?? "");
      const log = console.error;
      console.error = () => undefined;
      try {
        expect((await afterKill.post("/works/new", workFields({ title: "Posted at the Last Moment" }))).status).toBe(500);
        // The draft made public is news of a new work, then its new chapter.
        expect((await afterKill.post(`/works/${draft}/edit`, workFields({ title: "Not Yet" }))).status).toBe(500);
        expect((await afterKill.post(`/works/${draft}/chapters/new`, { title: "", text: "The second night, the wick held.", format: "text" })).status).toBe(500);
      } finally {
        console.error = log;
      }
      const posted = await db.selectFrom("works").select("id").where("title", "=", "Posted at the Last Moment").executeTakeFirstOrThrow();
      const inbox = await db.selectFrom("inbox_items").select(["kind", "work_id"]).where("user_id", "=", reader.account.userId).orderBy("id").execute();
      expect(inbox).toEqual([{ kind: "new-work", work_id: posted.id }, { kind: "new-work", work_id: draft }, { kind: "new-chapter", work_id: draft }]);
    });
  });

  describe("co-authors and gifts", () => {
    it("invites a co-author, who can edit only after accepting; declining drops the invitation", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const ilse = await s.as("Ilse");
      const pim = await s.as("Pim");
      const id = await post(wren, { coAuthors: "ilse, Pim" });

      const { db } = s.quire.library;
      const items = await db.selectFrom("inbox_items").select(["user_id", "kind", "message"]).where("kind", "=", "co-author-invitation").orderBy("user_id").execute();
      expect(items).toEqual([
        { user_id: ilse.account.userId, kind: "co-author-invitation", message: "Wren invited you to co-author “The Lamp Room”." },
        { user_id: pim.account.userId, kind: "co-author-invitation", message: "Wren invited you to co-author “The Lamp Room”." },
      ]);
      expect((await ilse.get(`/works/${id}/edit`)).status).toBe(403);
      expect(await (await wren.get(`/works/${id}/edit`)).text()).toContain("Invited to co-author, not yet accepted: Ilse, Pim.");

      const invitations = await (await ilse.get("/account/co-author-invitations")).text();
      const invitation = /action="\/account\/co-author-invitations\/(\d+)\/accept"/u.exec(invitations)?.[1];
      expect(invitations).toContain("The Lamp Room");
      expect((await pim.post(`/account/co-author-invitations/${invitation}/accept`)).status).toBe(404);
      const accepted = await ilse.post(`/account/co-author-invitations/${invitation}/accept`);
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get("Location")).toBe(`/works/${id}`);
      expect((await ilse.get(`/works/${id}/edit`)).status).toBe(200);
      expect(await (await s.guest.get(`/works/${id}`)).text()).toContain('<a rel="author" href="/users/Wren">Wren</a>, <a rel="author" href="/users/Ilse">Ilse</a>');
      expect(listedTitles(await (await s.guest.get("/users/Ilse")).text())).toEqual(["The Lamp Room"]);

      const pimInvitation = /action="\/account\/co-author-invitations\/(\d+)\/decline"/u.exec(await (await pim.get("/account/co-author-invitations")).text())?.[1];
      expect((await pim.post(`/account/co-author-invitations/${pimInvitation}/decline`)).status).toBe(303);
      expect(await (await pim.get("/account/co-author-invitations")).text()).toContain("No invitations are waiting for you.");
      expect((await pim.get(`/works/${id}/edit`)).status).toBe(403);
    });

    it("names a co-author no account has as a problem with the field", async () => {
      const s = await session();
      const response = await (await s.as("Wren")).post("/works/new", workFields({ coAuthors: "Nobody Here" }));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("No account here has the pseud “Nobody Here”");
    });

    it("shows who a gift is for on the work page", async () => {
      const s = await session();
      await s.as("Ilse");
      const id = await post(await s.as("Wren"), { gifts: "Ilse, Harbour Friends" });
      expect(await (await s.guest.get(`/works/${id}`)).text()).toContain('<p class="gifts">For Ilse, Harbour Friends</p>');
      const gifts = await s.quire.library.db.selectFrom("work_gifts").select(["recipient", "user_id"]).where("work_id", "=", id).orderBy("id").execute();
      expect(gifts.map((g) => [g.recipient, g.user_id !== null])).toEqual([["Ilse", true], ["Harbour Friends", false]]);
    });
  });

  describe("series", () => {
    it("makes a series, adds works to it from the work form, and reorders them for its owner only", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const made = await wren.post("/series/new", { name: "Keeper's Log", summary: "A year at the lamp.", notes: "" });
      expect(made.status).toBe(303);
      const seriesId = Number(/^\/series\/(\d+)\/edit/u.exec(made.headers.get("Location") ?? "")?.[1]);
      const first = await post(wren, { title: "Spring", series: String(seriesId) });
      const second = await post(wren, { title: "Summer", series: String(seriesId) });
      const seriesPage = await (await s.guest.get(`/series/${seriesId}`)).text();
      expect(listedTitles(seriesPage)).toEqual(["Spring", "Summer"]);
      expect(seriesPage).toContain("<p>A year at the lamp.</p>");
      expect(seriesPage).not.toContain(`/series/${seriesId}/edit`);
      expect(await (await wren.get(`/series/${seriesId}`)).text()).toContain(`<a href="/series/${seriesId}/edit">Edit the series</a>`);
      expect(await (await s.guest.get(`/works/${second}`)).text()).toContain(`Part 2 of <a href="/series/${seriesId}">Keeper&#39;s Log</a>`);

      const pim = await s.as("Pim");
      expect((await pim.get(`/series/${seriesId}/edit`)).status).toBe(403);
      expect((await pim.post(`/series/${seriesId}/edit`, { name: "Mine Now", [`part-${first}`]: "2", [`part-${second}`]: "1" })).status).toBe(403);
      const refused = await pim.post("/works/new", workFields({ series: String(seriesId) }));
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Choose one of your own series.");

      const reordered = await wren.post(`/series/${seriesId}/edit`, { name: "A Keeper's Log", summary: "", notes: "", [`part-${first}`]: "2", [`part-${second}`]: "1" });
      expect(reordered.status).toBe(303);
      expect(listedTitles(await (await s.guest.get(`/series/${seriesId}`)).text())).toEqual(["Summer", "Spring"]);
      expect(listedTitles(await (await s.guest.get("/works?q=keeper")).text()).sort()).toEqual(["Spring", "Summer"]);
    });

    it("makes a new series named in the work form, and refuses a name another's series has", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const id = await post(wren, { series: "new", seriesName: "Harbour Nights", seriesPart: "1" });
      expect(await (await s.guest.get(`/works/${id}`)).text()).toMatch(/Part 1 of <a href="\/series\/\d+">Harbour Nights<\/a>/u);
      const clash = await (await s.as("Pim")).post("/works/new", workFields({ series: "new", seriesName: "harbour nights" }));
      expect(clash.status).toBe(400);
      expect(await clash.text()).toContain("A series named “Harbour Nights” exists already");
    });
  });

  describe("a legacy story file", () => {
    it("fills the form from an uploaded file, every chapter included, and posts it as the uploader's work", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const upload = new FormData();
      upload.set("file", new File([readFileSync(FIXTURE)], "kettle-weather.txt", { type: "text/plain" }));
      const filled = await wren.post("/works/new/upload", upload);
      expect(filled.status).toBe(200);
      const html = await filled.text();
      expect(html).toContain("The form below holds what was read from <strong>kettle-weather.txt</strong>");
      expect(html).toContain('name="title" value="Kettle Weather"');
      expect(html).toContain('<option value="Teen And Up Audiences" selected="">');
      expect(html).toMatch(/name="warnings" value="No Archive Warnings Apply" checked=""/u);
      expect(html).toContain('name="fandoms" value="Moonlit Harbour (TV)"');
      expect(html).toContain('name="relationships" value="Mara Quell/Ilse Brand"');
      expect(html).toContain("Two keepers, one kettle, and a storm that will not make up its mind.</textarea>");
      expect(html).toContain('name="chapters[0][title]" value="The Kettle"');
      expect(html).toContain('name="chapters[1][title]" value="The Second Cup"');
      expect(html).toContain("The file names its author as “Sorrel Vane”");
      expect(html).toContain("Language, 90% sure: detected from");

      // Posted as the browser would send the form as it was filled in.
      const id = await submit(wren, { ...filledForm(html, "/works/new"), action: "post" });

      const page = await (await s.guest.get(`/works/${id}?view_full_work=true`)).text();
      expect(page).toContain("Chapter 1: The Kettle");
      expect(page).toContain("Chapter 2: The Second Cup");
      expect(page).toContain("Mara put the kettle on before she had even taken off her coat.");
      expect(page).toContain("she took off her boots.");
      expect(page).toMatch(/<dt>Chapters:<\/dt><dd>2\/2<\/dd>/u);
      expect(page).toContain('<a rel="author" href="/users/Wren">Wren</a>');
      expect(listedTitles(await (await s.guest.get("/works?fandom=Moonlit+Harbour+(TV)")).text())).toEqual(["Kettle Weather"]);
      expect((await wren.get(`/works/${id}/edit`)).status).toBe(200);
      expect(await s.quire.library.db.selectFrom("work_sources").select("id").execute()).toEqual([]);
    });

    it("takes a file up to the upload's limit, and no more; other forms keep the app's small limit", async () => {
      const s = await session();
      const wren = await s.as("Wren");
      const upload = new FormData();
      upload.set("file", new File([new Uint8Array(6 * 1024 * 1024).fill(0x61)], "huge.txt", { type: "text/plain" }));
      expect((await wren.post("/works/new/upload", upload)).status).toBe(413);
      expect((await wren.post("/preferences", { mutedTags: "x".repeat(300_000) })).status).toBe(413);
      expect((await wren.post("/works/new", workFields({ "chapters[0][text]": "A long night. ".repeat(20_000) }))).status).toBe(303);
    });

    it("says why a file cannot be read, and offers the empty form", async () => {
      const s = await session();
      const upload = new FormData();
      upload.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], "story.pdf", { type: "application/pdf" }));
      const response = await (await s.as("Wren")).post("/works/new/upload", upload);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<p class="field-error" id="file-error">This file could not be read: PDF files are not supported; convert to text, HTML or EPUB.</p>');
      expect(html).toContain('name="title" value=""');
    });
  });
});

/**
 * The fields a browser sends for the form with this action as the page filled it in: text and number inputs,
 * textareas, the chosen option of each select, and the ticked checkboxes and radio buttons.
 */
function filledForm(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`<form method="post" action="${action}"`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const known = fields[name];
    fields[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  };
  for (const [tag] of form.matchAll(/<input [^>]*>/gu)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1];
    const type = attribute("type") ?? "text";
    const name = attribute("name");
    if (!name || type === "file" || ((type === "checkbox" || type === "radio") && !/\schecked=""/u.test(tag))) continue;
    add(name, decode(attribute("value") ?? (type === "checkbox" ? "on" : "")));
  }
  for (const match of form.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/gu)) add(match[1] ?? "", decode(match[2] ?? ""));
  for (const match of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gu)) {
    const chosen = /<option value="([^"]*)" selected="">/u.exec(match[2] ?? "") ?? /<option value="([^"]*)"/u.exec(match[2] ?? "");
    add(match[1] ?? "", decode(chosen?.[1] ?? ""));
  }
  return fields;
}

/** An attribute value or textarea text as the browser reads it. */
function decode(html: string): string {
  return html.replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, "&");
}

/**
 * Works imported for others, held for their authors (Open Doors), through the web app on both engines: an
 * archivist holds a batch from the review desk and each author gets a claim link (mailed to the address in their
 * file's header); held works leak through no listing, search, feed, catalog, API or sitemap; a signed-in author
 * claims the works with the link once, and they become theirs; an author declines and the works are removed; the
 * desk publishes the reviewed works it holds and shows each claim; moderators only, CSRF on every form. And the
 * desk's table of the header labels the batch's files use, with what the importer made of each.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import type { MailMessage } from "../../src/services/mail/mailer.js";
import { createApp } from "../../src/web/app.js";
import { workDownloadPath } from "../../src/web/download-paths.js";
import { makeAccount, signInAs, type TestAccount } from "../support/accounts.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { storyFile } from "../factories.js";
import { storeFileWork } from "../support/review-desk-library.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";

// Original fixture headers: two authors of a closing archive, one who left an address.
const FILES = {
  tides: { name: "a-tides.txt", title: "Quillwort Tides", author: "Marram Grey", text: storyFile({ title: "Quillwort Tides", author: "Marram Grey <marram@example.org>", body: "The tide came in over the salt marsh." }) },
  nets: { name: "nets.txt", title: "Quillwort Nets", author: "Marram Grey", text: storyFile({ title: "Quillwort Nets", author: "Marram Grey", body: "Mending nets on the quay." }) },
  orchard: {
    name: "orchard.txt", title: "Quillwort Orchard", author: "Teasel Hart",
    text: "Title: Quillwort Orchard\nAuthor: Teasel Hart\nCategory: Saltmarsh Stories\nShelf Mark: B-12\n\nThe orchard across the river: nobody picked it.\n",
  },
} as const;
type FileKey = keyof typeof FILES;

let root = "";
let batch = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "quire-held-"));
  batch = join(root, "rescued");
  await mkdir(batch);
  for (const file of Object.values(FILES)) await writeFile(join(batch, file.name), file.text);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Scene {
  quire: Quire;
  ids: Record<FileKey, number>;
  outbox: MailMessage[];
  accounts: Record<"reader" | "author" | "moderator", TestAccount>;
  as(account: TestAccount): Promise<WebClient>;
  guest(): WebClient;
}

async function setUp(quire: Quire): Promise<Scene> {
  const outbox: MailMessage[] = [];
  const app = createApp(webDeps(quire, outbox));
  const { db } = quire.library;
  const ids = {} as Record<FileKey, number>;
  for (const key of Object.keys(FILES) as FileKey[]) {
    const file = FILES[key];
    ids[key] = await storeFileWork(quire, join(batch, file.name), file.text, { title: file.title, authors: [file.author] });
  }
  const [reader, author, moderator] = await Promise.all([makeAccount(db, "Reader", "reader"), makeAccount(db, "Marram", "author"), makeAccount(db, "Archivist", "moderator")]);
  return {
    quire, ids, outbox, accounts: { reader, author, moderator },
    guest: () => new WebClient(app),
    as: async (account) => {
      const client = new WebClient(app);
      await signInAs(db, client, account, TODAY);
      return client;
    },
  };
}

/** Holds the scene's batch for its authors. @returns the claim links by author, as the desk's page shows them. */
async function hold(s: Scene): Promise<Record<string, string>> {
  const response = await (await s.as(s.accounts.moderator)).post("/moderation/review/hold", { batch, authors: "on" });
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const html = await response.text();
  return Object.fromEntries([...html.matchAll(/<li>([^:<]+): <code>http:\/\/[^/]+(\/claims\/[A-Za-z0-9_-]+)<\/code>/gu)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

const visibilityOf = async (s: Scene, id: number) => (await s.quire.library.db.selectFrom("works").select("visibility").where("id", "=", id).executeTakeFirst())?.visibility ?? "gone";
const bylineOf = async (s: Scene, id: number) => (await s.quire.library.db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select(["a.name", "a.user_id"]).where("wa.work_id", "=", id).execute());

/** Sent to sign in: a 303 to the sign-in page, or 401. */
const asksToSignIn = (response: Response) => response.status === 401 || (response.status === 303 && (response.headers.get("Location") ?? "").startsWith("/login"));

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("works held for their authors on $name", (engine) => {
  const library = freshQuirePerTest(engine);

  it("holds a batch for its authors: each gets a claim link, mailed to the address their file's header gave", async () => {
    const s = await setUp(library());
    const links = await hold(s);
    expect(Object.keys(links).sort()).toEqual(["Marram Grey", "Teasel Hart"]);
    for (const id of Object.values(s.ids)) expect(await visibilityOf(s, id)).toBe("draft");
    expect(s.outbox).toHaveLength(1);
    expect(s.outbox[0]?.to).toBe("marram@example.org");
    expect(s.outbox[0]?.text).toContain(links["Marram Grey"]);
    // Only digests are stored.
    const stored = await s.quire.library.db.selectFrom("external_authors").select(["name", "email", "token_digest"]).orderBy("name").execute();
    expect(stored.map((a) => [a.name, a.email])).toEqual([["Marram Grey", "marram@example.org"], ["Teasel Hart", null]]);
    for (const a of stored) expect(Object.values(links).some((l) => l.endsWith(a.token_digest))).toBe(false);
    // Holding again makes no second link.
    expect(await hold(s)).toEqual({});
    const desk = await (await (await s.as(s.accounts.moderator)).get(`/moderation/review?batch=${encodeURIComponent(batch)}`)).text();
    expect(desk).toContain("3 works of this batch held");
    expect(desk).toMatch(/<td>Marram Grey<\/td><td>marram@example.org<\/td><td>2<\/td><td>Unclaimed<\/td>/u);
  });

  it("lets held works leak through no listing, search, feed, API or sitemap", async () => {
    const s = await setUp(library());
    const paths = ["/works", "/works/search?q=Quillwort", "/works/search/feed.atom?q=Quillwort", "/api/v1/works?q=Quillwort", "/sitemap.xml", `/users/${encodeURIComponent("Marram Grey")}`];
    // A title, or an address of one of the works (the sitemap lists addresses alone).
    const held = new RegExp(`Quillwort (?:Tides|Nets|Orchard)|/works/(?:${Object.values(s.ids).join("|")})<`, "u");
    // Each surface answers, and shows the works, before the hold: their absence after it is the hold's doing.
    const shown = async (client: WebClient) => Promise.all(paths.map(async (path) => {
      const response = await client.get(path);
      return { path, status: response.status, leaked: held.test(await response.text()) };
    }));
    expect(await shown(s.guest())).toEqual(paths.map((path) => ({ path, status: 200, leaked: true })));
    const download = workDownloadPath(s.ids.tides, "Quillwort Tides", "epub");
    expect((await s.guest().get(download)).status).toBe(200);
    expect((await s.guest().get(`/works/${s.ids.tides}/cover.svg`)).status).toBe(200);
    expect((await s.guest().get("/downloads/search.zip?q=Quillwort")).status).toBe(200);
    await hold(s);
    for (const client of [s.guest(), await s.as(s.accounts.reader)]) {
      expect(await shown(client)).toEqual(paths.map((path) => ({ path, status: 200, leaked: false })));
      expect((await client.get(`/works/${s.ids.tides}`)).status).toBe(404);
      expect((await client.get(`/api/v1/works/${s.ids.tides}`)).status).toBe(404);
      expect((await client.get(download)).status).toBe(404);
      expect((await client.get(`/works/${s.ids.tides}/cover.svg`)).status).toBe(404);
      // The search's zip has nothing left to bundle.
      expect((await client.get("/downloads/search.zip?q=Quillwort")).status).toBe(404);
    }
  });

  it("lets a signed-in author claim the works once: their pseud on the byline, theirs to read, edit and publish", async () => {
    const s = await setUp(library());
    const link = (await hold(s))["Marram Grey"] ?? "";
    const guestPage = await (await s.guest().get(link)).text();
    expect(guestPage).toContain("Works held for Marram Grey");
    expect(guestPage).toContain("Quillwort Nets");
    expect(guestPage).toContain(`/login?return=${encodeURIComponent(link).replace(/%2F/gu, "%2F")}`);
    expect(asksToSignIn(await s.guest().post(`${link}/claim`))).toBe(true);

    const author = await s.as(s.accounts.author);
    expect((await author.post(`${link}/claim`, {}, { csrf: false })).status).toBe(403);
    const claimed = await author.post(`${link}/claim`);
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get("Location")).toBe("/account/works");
    for (const id of [s.ids.tides, s.ids.nets]) {
      expect(await bylineOf(s, id)).toEqual([{ name: "Marram", user_id: s.accounts.author.userId }]);
      expect(await visibilityOf(s, id)).toBe("draft");
    }
    expect(await bylineOf(s, s.ids.orchard)).toEqual([{ name: "Teasel Hart", user_id: null }]);
    expect((await author.get(`/works/${s.ids.tides}`)).status).toBe(200);
    expect((await author.get(`/works/${s.ids.tides}/edit`)).status).toBe(200);
    expect((await (await s.as(s.accounts.reader)).get(`/works/${s.ids.tides}`)).status).toBe(404);
    expect(await (await author.get("/account/works")).text()).toContain("Quillwort Tides");
    // Published from the work's own form, as any draft of theirs.
    const published = await author.post(`/works/${s.ids.tides}/edit`, {
      title: "Quillwort Tides", rating: "General Audiences", warnings: ["No Archive Warnings Apply"], categories: ["Gen"], fandoms: "Saltmarsh Stories",
      relationships: "", characters: "", freeforms: "", summary: "", notes: "", endNotes: "", language: "en", series: "", seriesName: "", seriesPart: "",
      visibility: "public", commentPolicy: "open", complete: "on", expectedChapters: "", coAuthors: "", gifts: "", action: "post",
    });
    expect(published.status).toBe(303);
    expect(await visibilityOf(s, s.ids.tides)).toBe("public");
    expect(await (await s.guest().get("/works/search?q=Quillwort")).text()).toContain("Quillwort Tides");

    // Used once.
    expect((await (await s.as(s.accounts.reader)).post(`${link}/claim`)).status).toBe(400);
    expect((await s.guest().post(`${link}/decline`)).status).toBe(400);
    expect(await (await s.guest().get(link)).text()).toContain("These works have been claimed");
    const desk = await (await (await s.as(s.accounts.moderator)).get(`/moderation/review?batch=${encodeURIComponent(batch)}`)).text();
    expect(desk).toContain("Claimed by Marram");
    expect((await s.guest().get("/claims/not-a-link")).status).toBe(404);
  });

  it("removes the works of an author who declines, without an account, and records it", async () => {
    const s = await setUp(library());
    const link = (await hold(s))["Teasel Hart"] ?? "";
    expect((await s.guest().post(`${link}/decline`, {}, { csrf: "forged" })).status).toBe(403);
    expect(await visibilityOf(s, s.ids.orchard)).toBe("draft");
    const declined = await s.guest().post(`${link}/decline`);
    expect(declined.status).toBe(303);
    expect(await visibilityOf(s, s.ids.orchard)).toBe("gone");
    expect(await visibilityOf(s, s.ids.tides)).toBe("draft");
    expect(await (await s.guest().follow(declined)).text()).toContain("asked that these works not be imported");
    expect(await (await (await s.as(s.accounts.moderator)).get(`/moderation/review?batch=${encodeURIComponent(batch)}`)).text()).toContain("Declined (not imported)");
  });

  it("keeps a co-authored work that one author declines for the other, who claimed it", async () => {
    const s = await setUp(library());
    const text = "Title: Quillwort Duet\nAuthor: Marram Grey & Teasel Hart\n\nTwo voices across the marsh at dusk.\n";
    await writeFile(join(batch, "duet.txt"), text);
    const duet = await storeFileWork(s.quire, join(batch, "duet.txt"), text, { title: "Quillwort Duet", authors: ["Marram Grey", "Teasel Hart"] });
    const links = await hold(s);
    expect((await (await s.as(s.accounts.author)).post(`${links["Marram Grey"] ?? ""}/claim`)).status).toBe(303);
    expect((await s.guest().post(`${links["Teasel Hart"] ?? ""}/decline`)).status).toBe(303);
    // Teasel's own work is gone; the one Marram claimed with them stays Marram's.
    expect(await visibilityOf(s, s.ids.orchard)).toBe("gone");
    expect(await visibilityOf(s, duet)).toBe("draft");
    expect(await bylineOf(s, duet)).toContainEqual({ name: "Marram", user_id: s.accounts.author.userId });
  });

  it("publishes from the desk the held works whose values are decided and that no author is to claim", async () => {
    const s = await setUp(library());
    const { db } = s.quire.library;
    await db.insertInto("inferred_values").values({ work_id: s.ids.nets, field: "fandoms", value: "Saltmarsh", confidence: 0.4, evidence: "Category: Saltmarsh" }).execute();
    const moderator = await s.as(s.accounts.moderator);
    expect((await moderator.post("/moderation/review/hold", { batch })).status).toBe(200);
    expect(await db.selectFrom("external_authors").selectAll().execute()).toEqual([]);
    const desk = await (await moderator.get(`/moderation/review?batch=${encodeURIComponent(batch)}`)).text();
    expect(desk).toContain("Publish the 2 reviewed works");
    const published = await moderator.post("/moderation/review/publish", { batch });
    expect(published.status).toBe(303);
    expect([await visibilityOf(s, s.ids.tides), await visibilityOf(s, s.ids.nets), await visibilityOf(s, s.ids.orchard)]).toEqual(["public", "draft", "public"]);
    expect(await (await s.guest().get("/works/search?q=Quillwort")).text()).toContain("Quillwort Tides");
    // Once its value is decided, the last one goes too.
    await moderator.post(`/moderation/review/works/${s.ids.nets}/accept`);
    await moderator.post("/moderation/review/publish", { batch });
    expect(await visibilityOf(s, s.ids.nets)).toBe("public");
  });

  it("is the moderators' to hold and publish: others are refused and change nothing, and CSRF is checked", async () => {
    const s = await setUp(library());
    expect(asksToSignIn(await s.guest().post("/moderation/review/hold", { batch, authors: "on" }))).toBe(true);
    for (const account of [s.accounts.reader, s.accounts.author]) {
      const client = await s.as(account);
      expect((await client.post("/moderation/review/hold", { batch, authors: "on" })).status).toBe(403);
      expect((await client.post("/moderation/review/publish", { batch })).status).toBe(403);
    }
    expect((await (await s.as(s.accounts.moderator)).post("/moderation/review/hold", { batch, authors: "on" }, { csrf: false })).status).toBe(403);
    for (const id of Object.values(s.ids)) expect(await visibilityOf(s, id)).toBe("public");
    expect(s.outbox).toEqual([]);
    expect((await (await s.as(s.accounts.moderator)).post("/moderation/review/hold", { batch: join(root, "nowhere") })).status).toBe(400);
  });

  it("shows a batch's header labels with what the importer made of each, addresses removed, to moderators only", async () => {
    const s = await setUp(library());
    const path = `/moderation/review/labels?${new URLSearchParams({ batch }).toString()}`;
    const html = await (await (await s.as(s.accounts.moderator)).get(path)).text();
    expect(html).toContain("3 files read.");
    expect(html).toContain("<tr><td>Title</td><td>3</td><td>Read as title</td>");
    // The first file by path gives the example: its address is left out.
    expect(html).toContain("<tr><td>Author</td><td>3</td><td>Read as authors</td><td>Marram Grey</td><td><form method=\"post\" action=\"/moderation/review/labels/rules\"");
    expect(html).toContain("<tr><td>Category</td><td>1</td><td>Read as category</td><td>Saltmarsh Stories</td><td><form method=\"post\" action=\"/moderation/review/labels/rules\"");
    expect(html).toContain("<tr><td>Shelf Mark</td><td>1</td><td>Ignored: no label the importer knows</td><td>B-12</td><td><form method=\"post\" action=\"/moderation/review/labels/rules\"");
    // The story's own line with a colon is no header.
    expect(html).not.toContain("nobody picked it");
    expect(html).not.toContain("marram@example.org");
    expect((await (await s.as(s.accounts.author)).get(path)).status).toBe(403);
    expect(asksToSignIn(await s.guest().get(path))).toBe(true);
  });
});

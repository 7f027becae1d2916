/**
 * E-reader apps and feed readers sign in with HTTP Basic and an API token as the password (src/web/reader-apps.ts),
 * on both engines: a restricted work reaches the catalog, its feed and its download only for the signed-in app;
 * the account's adult-content preference shapes the catalog; bad credentials and a guest's restricted download
 * are answered with a challenge, not the sign-in page; and Basic credentials sign in no other page.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { workDownloadPath } from "../../src/web/download-paths.js";
import { READER_APP_CHALLENGE } from "../../src/web/reader-apps.js";
import { makeAccount, type TestAccount } from "../support/accounts.js";
import { tokenFor } from "../support/api-client.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { storeWebWorks, TODAY, webDeps, WEB_WORKS } from "../support/web-library.js";

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

const basic = (login: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${login}:${password}`, "utf8").toString("base64")}` });

describe.each(TEST_ENGINES)("reader apps signed in by API token on $name", (engine) => {
  let quire: Quire;
  let app: ReturnType<typeof createApp>;
  let reader: TestAccount;
  let token = "";
  let restrictedId = 0;
  const restrictedTitle = "Members Only Lighthouse";

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    await storeWebWorks(quire);
    const creator = await makeAccount(quire.library.db, "Keeper", "author");
    reader = await makeAccount(quire.library.db, "Wick", "reader");
    restrictedId = await postWork(quire, creator, {
      title: restrictedTitle, fandoms: ["Lighthouse Fandom"], rating: "General Audiences", chapters: ["The lamp turned all night."],
    }, { visibility: "restricted" });
    token = await tokenFor(quire.library.db, reader, "read");
    app = createApp({ ...webDeps(quire), now: () => TODAY });
  });

  const get = async (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

  it("shows a restricted work in the catalog and its feed to the signed-in app only", async () => {
    const asGuest = await (await get("/opds/new")).text();
    expect(asGuest).not.toContain(restrictedTitle);
    const signedIn = await get("/opds/new", basic(reader.login, token));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("Vary")).toMatch(/Authorization/u);
    expect(await signedIn.text()).toContain(restrictedTitle);
    expect(await (await get("/tags/Lighthouse%20Fandom/feed.atom", basic(reader.login, token))).text()).toContain(restrictedTitle);
  });

  it("downloads a restricted work for the app, and asks a guest's app for credentials instead of sending it to a form", async () => {
    const path = workDownloadPath(restrictedId, restrictedTitle, "epub");
    const asGuest = await get(path);
    expect(asGuest.status).toBe(401);
    expect(asGuest.headers.get("WWW-Authenticate")).toBe(READER_APP_CHALLENGE);
    const signedIn = await get(path, basic(reader.login, token));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("Content-Type")).toBe("application/epub+zip");
  });

  it("challenges unknown credentials, and a guest at the sign-in address", async () => {
    for (const [path, headers] of [["/opds", basic(reader.login, "quire_not-a-token")], ["/opds?sign_in", {}]] as const) {
      const response = await get(path, headers);
      expect(response.status, path).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toBe(READER_APP_CHALLENGE);
    }
    expect((await get("/opds?sign_in", basic(reader.login, token))).status).toBe(200);
  });

  it("follows the account's adult-content preference", async () => {
    const explicitTitle = WEB_WORKS.lanterns.title ?? "";
    expect(WEB_WORKS.lanterns.rating).toBe("Explicit");
    const before = await (await get("/opds/new", basic(reader.login, token))).text();
    expect(before).not.toContain(explicitTitle);
    await quire.library.db.updateTable("users").set({ prefs: JSON.stringify({ showAdult: true }) }).where("id", "=", reader.userId).execute();
    try {
      expect(await (await get("/opds/new", basic(reader.login, token))).text()).toContain(explicitTitle);
    } finally {
      await quire.library.db.updateTable("users").set({ prefs: "{}" }).where("id", "=", reader.userId).execute();
    }
  });

  it("sets no CSRF cookie on the reader apps' addresses, which hold no form, while a page gets one", async () => {
    const cookies = async (path: string) => (await get(path)).headers.getSetCookie().map((c) => c.split("=")[0]);
    for (const path of ["/opds", "/opds/new", "/tags/Lighthouse%20Fandom/feed.atom", workDownloadPath(restrictedId, restrictedTitle, "txt")]) {
      expect(await cookies(path), path).not.toContain("quire_csrf");
    }
    expect(await cookies("/works")).toContain("quire_csrf");
  });

  it("signs in no page outside the reader apps' addresses", async () => {
    const page = await get(`/works/${restrictedId}`, basic(reader.login, token));
    expect(page.status).toBe(303);
    expect(page.headers.get("Location")).toMatch(/^\/login/u);
  });

  it("stops opening anything once the token is revoked", async () => {
    const revoked = await tokenFor(quire.library.db, reader, "read");
    expect((await get("/opds", basic(reader.login, revoked))).status).toBe(200);
    await quire.library.db.updateTable("api_tokens").set({ revoked_at: TODAY.toISOString() }).where("user_id", "=", reader.userId).where("revoked_at", "is", null).where("name", "like", "%read token").execute();
    expect((await get("/opds", basic(reader.login, revoked))).status).toBe(401);
  });
});

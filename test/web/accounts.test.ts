/**
 * Accounts on the web, in process, on both engines: sign-up (open and by invitation), sign-in by name or address
 * with one answer for every failure and limits on failures, the session cookie's flags, session fixation, sign-out,
 * password changes and reset links, admin-only pages and roles, pseuds, muted users, and preferences kept on the
 * account. Accounts are made straight in the store (makeAccount) wherever the sign-up form is not the subject,
 * since each password hash takes a third of a second on purpose.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Quire } from "../../src/composition.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { tokenDigest } from "../../src/services/accounts/secrets.js";
import { verifyPassword } from "../../src/services/accounts/password.js";
import type { MailMessage } from "../../src/services/mail/mailer.js";
import { createApp } from "../../src/web/app.js";
import { DEFAULT_PREFS, writePrefsCookie } from "../../src/web/reader-prefs.js";
import { parsedWork, toStore } from "../factories.js";
import { makeAccount, signInAs, TEST_PASSWORD, type TestAccount } from "../support/accounts.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, webDeps } from "../support/web-library.js";

type App = ReturnType<typeof createApp>;

const NEW_PASSWORD = "a lantern on the quay";
const WRONG_SIGN_IN = "That user name or password is not right.";
/** A browser's CSRF cookie and the form field that matches it, for requests made without the WebClient. */
const CSRF_TOKEN = "c".repeat(43);

/** A form POST with headers of the test's choosing (a proxy's, a client address). */
function rawPost(app: App, url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(url, {
    method: "POST", body: new URLSearchParams({ ...fields, _csrf: CSRF_TOKEN }),
    headers: { Origin: new URL(url).origin, "Content-Type": "application/x-www-form-urlencoded", ...headers, Cookie: [`quire_csrf=${CSRF_TOKEN}`, headers.Cookie].filter(Boolean).join("; ") },
  }));
}

/** The alert a form came back with, or "" when there is none. */
function alertOf(html: string): string {
  return /<div class="errors" role="alert">([\s\S]*?)<\/div>/u.exec(html)?.[1] ?? "";
}

function setCookieFor(response: Response, name: string): string {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? "";
}

/** The link in a mail that goes to `path`. */
function linkIn(mail: MailMessage | undefined, path: string): string {
  const link = new RegExp(`https?://[^\\s]+${path.replace(/[?/]/gu, "\\$&")}[^\\s]*`, "u").exec(mail?.text ?? "")?.[0];
  if (!link) throw new Error(`no ${path} link in ${JSON.stringify(mail)}`);
  return link;
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("accounts on $name", (engine) => {
  let quire: Quire;
  let dispose: (() => Promise<void>) | undefined;
  let outbox: MailMessage[];
  /** The app's clock runs with the real one (sessions made by signInAs use it), moved on by this much. */
  let clockOffsetMs: number;
  let app: App;

  beforeEach(async (context) => {
    if (engine.unavailable) {
      context.skip();
      return;
    }
    const fresh = await freshQuire(engine);
    quire = fresh.quire;
    dispose = fresh.dispose;
    outbox = [];
    clockOffsetMs = 0;
    app = createApp({ ...webDeps(quire, outbox), now: () => new Date(Date.now() + clockOffsetMs) });
  });
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  const db = () => quire.library.db;
  const browser = () => new WebClient(app);
  const signedIn = async (account: TestAccount) => {
    const client = browser();
    await signInAs(db(), client, account);
    return client;
  };
  /** Whether the browser is signed in: the account page answers, rather than sending it to sign in. */
  const isSignedIn = async (client: WebClient) => (await client.get("/account")).status === 200;
  const userRow = (login: string) => db().selectFrom("users").selectAll().where("login", "=", login).executeTakeFirstOrThrow();

  describe("sign-up", () => {
    it("makes an author account with the browser's preferences and signs it in", async () => {
      const client = browser();
      client.cookies.set("quire_prefs", writePrefsCookie({ ...DEFAULT_PREFS, theme: "dark", mutedTags: ["Angst"] }));
      expect((await client.get("/signup")).status).toBe(200);
      const response = await client.post("/signup", { login: "Maren_Vos", email: "maren@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD });
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe("/account?saved=welcome");
      const html = await (await client.follow(response)).text();
      expect(html).toContain("Welcome! Your account is ready");
      expect(html).toContain("<dd>Maren_Vos</dd>");
      const user = await userRow("Maren_Vos");
      expect(user.role).toBe("author");
      expect(JSON.parse(user.prefs)).toMatchObject({ theme: "dark", mutedTags: ["Angst"] });
      expect(await verifyPassword(TEST_PASSWORD, user.password_hash)).toBe(true);
      // The account's first pseud is its login, and its page is the author page.
      expect((await client.get("/users/Maren_Vos")).status).toBe(200);
    });

    it("refuses a taken name or address, and passwords that differ, saying which", async () => {
      await makeAccount(db(), "Ilse_Brand");
      const client = browser();
      const taken = await client.post("/signup", { login: "ilse_brand", email: "new@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD });
      expect(taken.status).toBe(400);
      expect(alertOf(await taken.text())).toContain("The name “ilse_brand” is taken.");
      const address = await client.post("/signup", { login: "Ilse_Two", email: "ILSE_BRAND@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD });
      expect(alertOf(await address.text())).toContain("An account with that e-mail address exists");
      const differ = await client.post("/signup", { login: "Ilse_Two", email: "two@example.test", password: TEST_PASSWORD, confirm: NEW_PASSWORD });
      expect(differ.status).toBe(400);
      const html = await differ.text();
      expect(alertOf(html)).toContain("The two passwords are not the same.");
      // What was typed comes back, but never a password.
      expect(html).toContain('value="Ilse_Two"');
      expect(html).not.toContain(TEST_PASSWORD);
      // Every problem at once, so the form comes back only once.
      const both = alertOf(await (await client.post("/signup", { login: "ilse_brand", email: "two@example.test", password: TEST_PASSWORD, confirm: NEW_PASSWORD })).text());
      expect(both).toContain("is taken");
      expect(both).toContain("The two passwords are not the same.");
      expect(client.cookies.has("quire_session")).toBe(false);
      // A name an imported author has is taken too: no one signs up as an author whose works the archive holds.
      await storeWebWorks(quire);
      const author = await client.post("/signup", { login: "wren tallow", email: "wren@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD });
      expect(author.status).toBe(400);
    });

    it("limits sign-ups from one address", async () => {
      const client = browser();
      for (let i = 0; i < 10; i++) expect((await client.post("/signup", { login: "x", email: "bad", password: "short", confirm: "short" })).status).toBe(400);
      const refused = await client.post("/signup", { login: "x", email: "bad", password: "short", confirm: "short" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    });
  });

  describe("sign-in", () => {
    it("takes a login name or an e-mail address, and goes back where the reader was, on this site only", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const byName = browser();
      const response = await byName.post("/login", { name: "wren_keeper", password: TEST_PASSWORD, return: "/works?sort=title" });
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe("/works?sort=title");
      expect(await isSignedIn(byName)).toBe(true);
      const byAddress = browser();
      const elsewhere = await byAddress.post("/login", { name: " Wren_Keeper@Example.test ", password: TEST_PASSWORD, return: "//evil.example/" });
      expect(elsewhere.headers.get("Location")).toBe("/");
      expect(await isSignedIn(byAddress)).toBe(true);
      // The sign-in page keeps where to go back to, and a signed-in reader is sent straight there.
      expect(await (await browser().get("/login?return=%2Fworks")).text()).toContain('name="return" value="/works"');
      expect((await byName.get("/login?return=%2Fworks")).headers.get("Location")).toBe("/works");
    });

    it("answers a wrong password and an unknown name in the same words", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const wrongPassword = await browser().post("/login", { name: "Wren_Keeper", password: "not the password" });
      const unknownName = await browser().post("/login", { name: "Nobody_Here", password: "not the password" });
      expect(wrongPassword.status).toBe(400);
      expect(unknownName.status).toBe(400);
      const [a, b] = [alertOf(await wrongPassword.text()), alertOf(await unknownName.text())];
      expect(a).toContain(WRONG_SIGN_IN);
      expect(a).toBe(b);
    });

    it("limits failed sign-ins per account and per client address, with Retry-After", async () => {
      const proxied = createApp({ ...webDeps(quire, outbox), trustProxy: true });
      const [target, other] = [await makeAccount(db(), "Wren_Keeper"), await makeAccount(db(), "Ilse_Brand")];
      const login = (account: TestAccount, password: string, address: string) => rawPost(proxied, "http://localhost/login", { name: account.login, password }, { "X-Forwarded-For": address });
      for (let i = 0; i < 10; i++) expect((await login(target, `guess ${i}`, "203.0.113.7")).status).toBe(400);
      // The account is shut to every address for now, even with the right password…
      const account = await login(target, TEST_PASSWORD, "198.51.100.1");
      expect(account.status).toBe(429);
      expect(Number(account.headers.get("Retry-After"))).toBeGreaterThan(800);
      // …and the guessing address is shut for every account…
      expect((await login(other, TEST_PASSWORD, "203.0.113.7")).status).toBe(429);
      // …while others go on as before.
      expect((await login(other, TEST_PASSWORD, "198.51.100.1")).status).toBe(303);
      // Whoever reads the account's mail may unlock it: a reset ends the lock-out.
      await rawPost(proxied, "http://localhost/password/forgot", { name: target.login }, { "X-Forwarded-For": "198.51.100.2" });
      const token = new URL(linkIn(outbox[0], "/password/reset?token=")).searchParams.get("token") ?? "";
      expect((await rawPost(proxied, "http://localhost/password/reset", { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { "X-Forwarded-For": "198.51.100.2" })).status).toBe(303);
      expect((await login(target, NEW_PASSWORD, "198.51.100.3")).status).toBe(303);
    });

    it("sets the session cookie HttpOnly, SameSite=Lax and for the whole site, and Secure behind a trusted TLS proxy", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const plain = setCookieFor(await rawPost(app, "http://localhost/login", { name: "Wren_Keeper", password: TEST_PASSWORD }), "quire_session");
      expect(plain).toMatch(/^quire_session=[\w-]{43};/u);
      for (const flag of [/; HttpOnly/u, /; SameSite=Lax/u, /; Path=\/(;|$)/u, /; Max-Age=2592000/u]) expect(plain).toMatch(flag);
      expect(plain).not.toMatch(/; Secure/u);
      const proxied = createApp({ ...webDeps(quire, outbox), trustProxy: true });
      const headers = { Origin: "https://archive.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "archive.example" };
      const secure = setCookieFor(await rawPost(proxied, "http://127.0.0.1:3000/login", { name: "Wren_Keeper", password: TEST_PASSWORD }, headers), "quire_session");
      expect(secure).toMatch(/; Secure/u);
      expect(secure).toMatch(/; HttpOnly/u);
    });

    it("starts a new session and CSRF token at sign-in, and the session planted before signs no one in after", async () => {
      const [victim, attacker] = [await makeAccount(db(), "Wren_Keeper"), await makeAccount(db(), "Mallory_M")];
      // The attacker's own valid session, planted in the victim's browser.
      const planter = await signedIn(attacker);
      const planted = planter.cookies.get("quire_session") ?? "";
      const client = browser();
      await client.get("/login");
      client.cookies.set("quire_session", planted);
      const csrfBefore = client.cookies.get("quire_csrf");
      expect(await (await client.post("/login", { name: victim.login, password: TEST_PASSWORD })).status).toBe(303);
      const after = client.cookies.get("quire_session");
      expect(after).toBeDefined();
      expect(after).not.toBe(planted);
      expect(client.cookies.get("quire_csrf")).not.toBe(csrfBefore);
      expect(await (await client.get("/account")).text()).toContain("<dd>Wren_Keeper</dd>");
      // The planted token was ended on the server: it signs in neither the victim nor the attacker.
      expect(await isSignedIn(planter)).toBe(false);
      // A made-up token is no better.
      const guessed = browser();
      guessed.cookies.set("quire_session", "x".repeat(43));
      expect(await isSignedIn(guessed)).toBe(false);
    });

    it("ends the session on the server at sign-out", async () => {
      const client = await signedIn(await makeAccount(db(), "Wren_Keeper"));
      const token = client.cookies.get("quire_session") ?? "";
      const out = await client.post("/logout");
      expect(out.status).toBe(303);
      expect(out.headers.get("Location")).toBe("/");
      expect(client.cookies.has("quire_session")).toBe(false);
      // The old cookie, kept by someone who copied it, no longer works.
      const copy = browser();
      copy.cookies.set("quire_session", token);
      const account = await copy.get("/account");
      expect(account.status).toBe(303);
      expect(account.headers.get("Location")).toMatch(/^\/login\?return=%2Faccount/u);
    });
  });

  describe("passwords and addresses", () => {
    it("changes the password with the current one, signing out every other browser but not this one", async () => {
      const account = await makeAccount(db(), "Wren_Keeper");
      const [here, elsewhere] = [await signedIn(account), await signedIn(account)];
      const wrong = await here.post("/account/password", { current: "not it", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(alertOf(await wrong.text())).toContain("That is not your password.");
      const tokenBefore = here.cookies.get("quire_session");
      const changed = await here.post("/account/password", { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(changed.status).toBe(303);
      expect(here.cookies.get("quire_session")).not.toBe(tokenBefore);
      expect(await (await here.follow(changed)).text()).toContain("Your password is changed");
      expect(await isSignedIn(elsewhere)).toBe(false);
      const user = await userRow("Wren_Keeper");
      expect(await verifyPassword(NEW_PASSWORD, user.password_hash)).toBe(true);
      expect((await browser().post("/login", { name: "Wren_Keeper", password: TEST_PASSWORD })).status).toBe(400);
    });

    it("changes the e-mail address with the password, and tells the old address", async () => {
      const client = await signedIn(await makeAccount(db(), "Wren_Keeper"));
      expect((await client.post("/account/email", { email: "wren@lighthouse.test", password: "not it" })).status).toBe(400);
      expect((await userRow("Wren_Keeper")).email).toBe("wren_keeper@example.test");
      const changed = await client.post("/account/email", { email: "wren@lighthouse.test", password: TEST_PASSWORD });
      expect(changed.status).toBe(303);
      expect((await userRow("Wren_Keeper")).email).toBe("wren@lighthouse.test");
      expect(outbox).toHaveLength(1);
      expect(outbox[0]?.to).toBe("wren_keeper@example.test");
      expect(outbox[0]?.text).toContain("wren@lighthouse.test");
    });

    it("mails reset links on the archive's own origin, whatever Host or X-Forwarded-Host asked for them", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const ask = async (target: App, url: string, headers: Record<string, string> = {}) => {
        expect((await rawPost(target, url, { name: "Wren_Keeper" }, headers)).status).toBe(303);
        return new URL(linkIn(outbox.at(-1), "/password/reset?token=")).origin;
      };
      // None configured: the address the server listens on (webDeps' http://localhost), not the Host the attacker sent.
      expect(await ask(app, "http://evil.example/password/forgot")).toBe("http://localhost");
      // Configured: that origin, under a forged Host, and behind a trusted proxy under a forged X-Forwarded-Host
      // (a proxy passes on the one the client sent).
      const publicOrigin = { url: "https://archive.example", configured: true };
      const configured = createApp({ ...webDeps(quire, outbox), publicOrigin });
      expect(await ask(configured, "http://evil.example/password/forgot", { Origin: "https://archive.example" })).toBe("https://archive.example");
      const proxied = createApp({ ...webDeps(quire, outbox), publicOrigin, trustProxy: true });
      const forged = { Origin: "https://archive.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example, archive.example" };
      expect(await ask(proxied, "http://127.0.0.1:3000/password/forgot", forged)).toBe("https://archive.example");
      expect(outbox.map((m) => m.text).join("\n")).not.toContain("evil.example");
    });

    it("with --origin, takes forms from that origin alone and marks cookies Secure when it is https", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const configured = createApp({ ...webDeps(quire, outbox), publicOrigin: { url: "https://archive.example", configured: true } });
      // The archive reached by another name (its LAN address, or an attacker's DNS name rebound to it) takes no form.
      for (const url of ["http://evil.example/login", "http://192.0.2.10:3000/login"]) {
        expect((await rawPost(configured, url, { name: "Wren_Keeper", password: TEST_PASSWORD })).status, url).toBe(403);
      }
      // From the configured origin, the proxy in front need not say it was TLS for the cookie to be Secure.
      const signIn = await rawPost(configured, "http://127.0.0.1:3000/login", { name: "Wren_Keeper", password: TEST_PASSWORD }, { Origin: "https://archive.example" });
      expect(signIn.status).toBe(303);
      expect(setCookieFor(signIn, "quire_session")).toMatch(/; Secure/u);
      expect(signIn.headers.get("Strict-Transport-Security")).toContain("max-age=");
    });

    it("mails a reset link that sets a new password once, signs in, and ends every other session", async () => {
      const account = await makeAccount(db(), "Wren_Keeper");
      const elsewhere = await signedIn(account);
      const client = browser();
      const asked = await client.post("/password/forgot", { name: "wren_keeper@example.test" });
      expect(asked.headers.get("Location")).toBe("/password/forgot?sent=1");
      expect(await (await client.follow(asked)).text()).toContain("If an account with that name or address exists");
      expect(outbox.map((m) => m.to)).toEqual(["wren_keeper@example.test"]);
      const link = new URL(linkIn(outbox[0], "/password/reset?token="));
      expect(link.origin).toBe("http://localhost");
      const token = link.searchParams.get("token") ?? "";
      // Only the token's digest is stored.
      const stored = await db().selectFrom("password_resets").select("id").execute();
      expect(stored.map((r) => r.id)).toEqual([tokenDigest(token)]);
      expect((await client.get(`${link.pathname}${link.search}`)).status).toBe(200);
      const reset = await client.post("/password/reset", { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(reset.status).toBe(303);
      expect(reset.headers.get("Location")).toBe("/account?saved=reset");
      expect(await isSignedIn(client)).toBe(true);
      expect(await isSignedIn(elsewhere)).toBe(false);
      // Used once, the link is spent.
      const again = await browser().get(`${link.pathname}${link.search}`);
      expect(again.status).toBe(400);
      expect(await again.text()).toContain("expired or has been used");
      expect((await browser().post("/password/reset", { token, password: "yet another one", confirm: "yet another one" })).status).toBe(400);
      expect(await verifyPassword(NEW_PASSWORD, (await userRow("Wren_Keeper")).password_hash)).toBe(true);
    });

    it("answers a reset request for a name with no account as for one with, and mails nothing", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const known = await browser().post("/password/forgot", { name: "Wren_Keeper" });
      const unknown = await browser().post("/password/forgot", { name: "Nobody_Here" });
      expect(unknown.status).toBe(known.status);
      expect(unknown.headers.get("Location")).toBe(known.headers.get("Location"));
      expect(outbox).toHaveLength(1);
    });

    it("refuses a reset link after its hour", async () => {
      await makeAccount(db(), "Wren_Keeper");
      await browser().post("/password/forgot", { name: "Wren_Keeper" });
      const token = new URL(linkIn(outbox[0], "/password/reset?token=")).searchParams.get("token") ?? "";
      clockOffsetMs = 61 * 60_000;
      expect((await browser().get(`/password/reset?token=${token}`)).status).toBe(400);
      const late = await browser().post("/password/reset", { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain("expired or has been used");
      expect(await verifyPassword(TEST_PASSWORD, (await userRow("Wren_Keeper")).password_hash)).toBe(true);
    });

    it("answers a reset request the same when the mail cannot go, and says so in the server's log", async () => {
      await makeAccount(db(), "Wren_Keeper");
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        const broken = createApp({ ...webDeps(quire), mailer: { send: () => Promise.reject(new Error("connection refused by mail.example")) } });
        const known = await new WebClient(broken).post("/password/forgot", { name: "Wren_Keeper" });
        const unknown = await new WebClient(broken).post("/password/forgot", { name: "Nobody_Here" });
        expect(known.status).toBe(303);
        expect(known.headers.get("Location")).toBe(unknown.headers.get("Location"));
        expect(log).toHaveBeenCalledWith(expect.stringContaining("connection refused by mail.example"));
      } finally {
        log.mockRestore();
      }
    });

    it("limits reset requests from one address", async () => {
      const client = browser();
      for (let i = 0; i < 5; i++) expect((await client.post("/password/forgot", { name: `someone_${i}` })).status).toBe(303);
      expect((await client.post("/password/forgot", { name: "someone_else" })).status).toBe(429);
    });
  });

  describe("invitations", () => {
    it("in invitation mode, refuses sign-up without a valid invitation, and lets an invitation make one account", async () => {
      const admin = await signedIn(await makeAccount(db(), "Archivist", "admin"));
      expect((await admin.post("/admin/signup-settings", { mode: "invitation", role: "author" })).status).toBe(303);
      const guest = browser();
      const closed = await guest.get("/signup");
      expect(closed.status).toBe(403);
      expect(await closed.text()).toContain("by invitation only");
      expect((await guest.post("/signup", { login: "Sneaky_One", email: "sneaky@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD })).status).toBe(403);
      expect((await guest.get(`/signup?invitation=${"z".repeat(43)}`)).status).toBe(403);

      const made = await admin.post("/admin/invitations", { email: "tobias@example.test" });
      expect(made.status).toBe(200);
      expect(outbox.map((m) => m.to)).toEqual(["tobias@example.test"]);
      const link = new URL(linkIn(outbox[0], "/signup?invitation="));
      expect(await made.text()).toContain(link.href);
      const token = link.searchParams.get("invitation") ?? "";
      const stored = await db().selectFrom("invitations").select("token_hash").executeTakeFirstOrThrow();
      expect(stored.token_hash).toBe(tokenDigest(token));

      expect((await guest.get(`${link.pathname}${link.search}`)).status).toBe(200);
      const joined = await guest.post("/signup", { login: "Tobias_Wren", email: "tobias@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD, invitation: token });
      expect(joined.status).toBe(303);
      expect(await isSignedIn(guest)).toBe(true);
      // Used up: the next person with the same link is turned away.
      const second = await browser().post("/signup", { login: "Tobias_Two", email: "two@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD, invitation: token });
      expect(second.status).toBe(403);
      expect(await second.text()).toContain("not valid, or it has been used");
      expect(await (await admin.get("/admin/invitations")).text()).toContain("by Tobias_Wren");
    });

    it("makes new accounts readers when the admins say so", async () => {
      const admin = await signedIn(await makeAccount(db(), "Archivist", "admin"));
      await admin.post("/admin/signup-settings", { mode: "open", role: "reader" });
      expect((await browser().post("/signup", { login: "New_Reader", email: "reader@example.test", password: TEST_PASSWORD, confirm: TEST_PASSWORD })).status).toBe(303);
      expect((await userRow("New_Reader")).role).toBe("reader");
    });
  });

  describe("admin pages", () => {
    it("send a guest to sign in and refuse anyone but an admin", async () => {
      const guest = await browser().get("/admin/users");
      expect(guest.status).toBe(303);
      expect(guest.headers.get("Location")).toMatch(/^\/login\?return=%2Fadmin%2Fusers/u);
      const author = await signedIn(await makeAccount(db(), "Wren_Keeper", "author"));
      const moderator = await signedIn(await makeAccount(db(), "Ilse_Brand", "moderator"));
      for (const path of ["/admin/users", "/admin/invitations"]) {
        expect((await author.get(path)).status).toBe(403);
        expect((await moderator.get(path)).status).toBe(403);
      }
      expect((await browser().post("/admin/users/1/role", { role: "admin" })).status).toBe(401);
      expect((await author.post("/admin/users/1/role", { role: "admin" })).status).toBe(403);
      expect((await author.post("/admin/signup-settings", { mode: "invitation", role: "author" })).status).toBe(403);
      expect((await userRow("Wren_Keeper")).role).toBe("author");
    });

    it("list users, change roles into the moderators' log, and never leave the archive without an admin", async () => {
      const adminAccount = await makeAccount(db(), "Archivist", "admin");
      const author = await makeAccount(db(), "Wren_Keeper", "author");
      const admin = await signedIn(adminAccount);
      const list = await (await admin.get("/admin/users")).text();
      expect(list).toContain("Wren_Keeper");
      expect(list).toContain("wren_keeper@example.test");
      expect((await admin.post(`/admin/users/${author.userId}/role`, { role: "moderator" })).status).toBe(303);
      expect((await userRow("Wren_Keeper")).role).toBe("moderator");
      const logged = await db().selectFrom("moderation_log").selectAll().executeTakeFirstOrThrow();
      expect(logged).toMatchObject({ action: "set-role", moderator_login: "Archivist", target_type: "user", target_id: author.userId, reason: "author → moderator" });

      const stepDown = await admin.post(`/admin/users/${adminAccount.userId}/role`, { role: "author" });
      expect(stepDown.status).toBe(400);
      expect(alertOf(await stepDown.text())).toContain("The archive needs an admin");
      expect((await userRow("Archivist")).role).toBe("admin");
      // With a second admin, the first may step down.
      await admin.post(`/admin/users/${author.userId}/role`, { role: "admin" });
      expect((await admin.post(`/admin/users/${adminAccount.userId}/role`, { role: "author" })).status).toBe(303);
      expect((await userRow("Archivist")).role).toBe("author");
    });
  });

  describe("the account's settings", () => {
    it("keeps a signed-in reader's preferences on the account, for every browser they sign in on", async () => {
      const account = await makeAccount(db(), "Wren_Keeper");
      const [laptop, phone] = [await signedIn(account), await signedIn(account)];
      const saved = await laptop.post("/preferences", { theme: "dark", fontSize: "large", lineWidth: "narrow", mutedTags: "Angst" });
      expect(saved.status).toBe(303);
      expect(laptop.cookies.has("quire_prefs")).toBe(false);
      expect(await (await phone.get("/")).text()).toContain('class="theme-dark font-large width-narrow"');
      expect((await phone.post("/preferences/theme", { theme: "light", return: "/" })).status).toBe(303);
      expect(JSON.parse((await userRow("Wren_Keeper")).prefs)).toMatchObject({ theme: "light", fontSize: "large", mutedTags: ["Angst"] });
      // The account's preferences, not a cookie the browser also holds.
      laptop.cookies.set("quire_prefs", writePrefsCookie({ ...DEFAULT_PREFS, theme: "dark" }));
      expect(await (await laptop.get("/")).text()).toContain('class="theme-light font-large width-narrow"');
    });

    it("opens the entire work by default when the reader asks, and keeps history only when asked", async () => {
      const ids = await storeWebWorks(quire);
      const client = await signedIn(await makeAccount(db(), "Wren_Keeper"));
      const work = `/works/${ids.lanterns}?view_adult=true`;
      expect(await (await client.get(work)).text()).not.toContain("The third lantern was white");
      expect((await client.post("/account/preferences", { fullWork: "on" })).status).toBe(303);
      expect((await userRow("Wren_Keeper")).history_enabled).toBe(0);
      const whole = await (await client.get(work)).text();
      expect(whole).toContain("The first lantern was green");
      expect(whole).toContain("The third lantern was white");
      expect(await (await client.get(`${work}&view_full_work=false`)).text()).not.toContain("The third lantern was white");
      await client.post("/account/preferences", { history: "on" });
      expect((await userRow("Wren_Keeper")).history_enabled).toBe(1);
      expect(await (await client.get(work)).text()).not.toContain("The third lantern was white");
    });

    it("adds pseuds with names no other author has, renames them with their works, and sets the default", async () => {
      await storeWebWorks(quire);
      const client = await signedIn(await makeAccount(db(), "Wren_Keeper"));
      expect((await client.post("/account/pseuds", { name: "  Lantern   Keeper " })).status).toBe(303);
      const pseud = await db().selectFrom("authors").select(["id", "name"]).where("name", "=", "Lantern Keeper").executeTakeFirstOrThrow();
      expect(await (await client.get("/account")).text()).toContain('href="/users/Lantern%20Keeper"');
      for (const [name, problem] of [["Wren Tallow", "is taken"], ["lantern keeper", "is taken"], ["Wren/Keeper", "letters, digits"], ["x".repeat(41), "at most 40"]]) {
        const refused = await client.post("/account/pseuds", { name: name ?? "" });
        expect(refused.status).toBe(400);
        expect(alertOf(await refused.text())).toContain(problem);
      }
      // Another user's pseud is not this user's to rename or make default.
      const other = await makeAccount(db(), "Ilse_Brand");
      expect((await client.post(`/account/pseuds/${other.authorId}/rename`, { name: "Stolen" })).status).toBe(404);
      expect((await client.post(`/account/pseuds/${other.authorId}/default`)).status).toBe(404);

      // A work by the pseud follows its rename: byline, author page, and the search by author.
      const workId = await quire.library.engine.writeTransaction(db(), (trx) => insertWork(trx, quire.library.engine, toStore(parsedWork({
        title: "A Log Kept at Night", authors: ["Lantern Keeper"], fandoms: ["Moonlit Harbour (TV)"], rating: "General Audiences",
        chapters: ["Each night the keeper wrote one line in the log, and each morning the line had changed."],
      })), new Date().toISOString()));
      await refreshWorkFilters(db(), [workId]);
      expect((await client.post(`/account/pseuds/${pseud.id}/rename`, { name: "Wren Tallow" })).status).toBe(400);
      expect((await client.post(`/account/pseuds/${pseud.id}/rename`, { name: "Harbour Light" })).status).toBe(303);
      expect(await (await client.get("/users/Harbour%20Light")).text()).toContain("A Log Kept at Night");
      expect((await client.get("/users/Lantern%20Keeper")).status).toBe(404);
      expect(await (await client.get(`/works?q=${encodeURIComponent('author:"Harbour Light"')}`)).text()).toContain("A Log Kept at Night");
      expect(await (await client.get(`/works?q=${encodeURIComponent('author:"Lantern Keeper"')}`)).text()).not.toContain("A Log Kept at Night");
      expect(await (await client.get(`/works/${workId}`)).text()).toContain("Harbour Light");

      expect((await client.post(`/account/pseuds/${pseud.id}/default`)).status).toBe(303);
      expect((await userRow("Wren_Keeper")).default_author_id).toBe(pseud.id);
    });

    it("leaves a muted user's works out of the listings and the fandom counts until unmuted", async () => {
      await storeWebWorks(quire);
      const author = await makeAccount(db(), "Sela_Marsh");
      const workId = await quire.library.engine.writeTransaction(db(), (trx) => insertWork(trx, quire.library.engine, toStore(parsedWork({
        title: "Bells Under Glass", authors: ["Sela_Marsh"], fandoms: ["Glass Orchard (Books)"], rating: "General Audiences",
        chapters: ["Under the glass orchard the bells rang once an hour, though no one had hung them."],
      })), new Date().toISOString()));
      await refreshWorkFilters(db(), [workId]);
      const reader = await signedIn(await makeAccount(db(), "Wren_Keeper"));
      const works = async () => (await reader.get("/works")).text();
      const before = await works();
      expect(before).toContain("Bells Under Glass");
      expect(before).toMatch(/Glass Orchard \(Books\) <span class="count">\(3\)<\/span>/u);

      expect((await reader.post("/account/mutes", { login: "sela_marsh" })).status).toBe(303);
      expect(await (await reader.get("/account/mutes")).text()).toContain("Sela_Marsh");
      const muted = await works();
      expect(muted).not.toContain("Bells Under Glass");
      expect(muted).toMatch(/Glass Orchard \(Books\) <span class="count">\(2\)<\/span>/u);
      // Only this reader's listings change.
      expect(await (await browser().get("/works")).text()).toContain("Bells Under Glass");

      expect((await reader.post("/account/mutes", { login: "Nobody_Here" })).status).toBe(400);
      expect((await reader.post("/account/mutes", { login: "Wren_Keeper" })).status).toBe(400);
      expect((await reader.post(`/account/mutes/${author.userId}/delete`)).status).toBe(303);
      const unmuted = await works();
      expect(unmuted).toContain("Bells Under Glass");
      expect(unmuted).toMatch(/Glass Orchard \(Books\) <span class="count">\(3\)<\/span>/u);
    });

    it("signs out every other browser on request, and asks a guest to sign in first", async () => {
      const account = await makeAccount(db(), "Wren_Keeper");
      const [here, elsewhere] = [await signedIn(account), await signedIn(account)];
      expect((await here.post("/account/sessions/end-others")).status).toBe(303);
      expect(await isSignedIn(here)).toBe(true);
      expect(await isSignedIn(elsewhere)).toBe(false);
      expect((await browser().post("/account/pseuds", { name: "Anyone" })).status).toBe(401);
    });
  });
});

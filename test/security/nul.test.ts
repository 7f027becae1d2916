/**
 * A NUL character in an address, a form or a JSON body is refused with the field named (web/nul-guard.ts), on both
 * engines alike: PostgreSQL refuses one in any query, and sign-up, reset requests, bookmarks and series answered 500
 * there. An uploaded file is not a text field and may hold any bytes.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { fieldWithNul } from "../../src/web/nul-guard.js";
import { PREFS_COOKIE } from "../../src/web/reader-prefs.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { ApiClient, tokenFor } from "../support/api-client.js";
import { TEST_ENGINES } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { webDeps, webWorksPerSuite } from "../support/web-library.js";

describe("fieldWithNul", () => {
  it("finds a NUL in any text field however nested, and never in a file", () => {
    expect(fieldWithNul({ a: "x", b: ["y", "z\u0000"] })).toBe("b");
    expect(fieldWithNul({ chapters: [{ text: "ok" }, { text: "no\u0000" }] })).toBe("text");
    expect(fieldWithNul({ a: "x", file: new File(["\u0000binary"], "story.epub") })).toBeNull();
    expect(fieldWithNul(null)).toBeNull();
  });
});

describe.each(TEST_ENGINES)("a NUL on $name", (engine) => {
  const library = webWorksPerSuite(engine);

  it("is refused with 400 in an address or a form, and 422 in the API's JSON, with nothing stored", async () => {
    const { quire, ids } = library();
    const app = createApp(webDeps(quire));
    const guest = new WebClient(app);
    const account = await makeAccount(quire.library.db, `nul_${engine.name}`);
    const member = new WebClient(app);
    await signInAs(quire.library.db, member, account);
    const answers = [
      await guest.get("/works?tag=lan%00tern"),
      await guest.get("/users/a%00b"),
      await guest.post("/login", { name: "a\u0000b", password: "x\u0000y" }),
      await guest.post("/signup", { login: "nul\u0000name", email: "nul@example.test", password: "correct horse battery", confirm: "correct horse battery" }),
      await guest.post("/password/forgot", { name: "a\u0000" }),
      await member.post(`/works/${ids.orchard}/bookmark`, { notes: "a\u0000note", tags: "" }),
      await member.post("/series/new", { name: "Nul\u0000Series", summary: "", notes: "" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(await answers[5]?.text()).toContain("holds a NUL character");
    const api = new ApiClient(app, await tokenFor(quire.library.db, account));
    const refused = await api.post(`/works/${ids.orchard}/bookmarks`, { notes: "a\u0000note" });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ status: 422, errors: { notes: expect.stringContaining("NUL") } });
    const stored = await quire.library.db.selectFrom("bookmarks").select("id").where("user_id", "=", account.userId).execute();
    expect(stored).toEqual([]);
    // The same forms without the NUL go through.
    expect((await member.post(`/works/${ids.orchard}/bookmark`, { notes: "a note", tags: "" })).status).toBe(303);
  });
});

describe.each(TEST_ENGINES)("what the NUL guard lets through, and how it refuses, on $name", (engine) => {
  const library = webWorksPerSuite(engine);

  it("lets an uploaded story file holding NULs reach the importer, which reads the story around them", async () => {
    const { quire } = library();
    const author = await makeAccount(quire.library.db, `nul_upload_${engine.name}`);
    const browser = new WebClient(createApp(webDeps(quire)));
    await signInAs(quire.library.db, browser, author);
    const form = new FormData();
    form.set("file", new File(["Title: The Ferryman\u0000s Lamp\n\nThe ferry crossed at dusk\u0000 and the lamp swung on its hook.\n"], "ferry.txt", { type: "text/plain" }));
    const answer = await browser.post("/works/new/upload", form);
    const html = await answer.text();
    expect(answer.status, html).toBe(200);
    expect(html).toContain("The ferry crossed at dusk");
    expect(html).not.toContain("holds a NUL character");
  });

  it("refuses a password holding a NUL with 400 and the field named, on every form that takes one", async () => {
    const { quire } = library();
    const app = createApp(webDeps(quire));
    const account = await makeAccount(quire.library.db, `nul_password_${engine.name}`);
    const member = new WebClient(app);
    await signInAs(quire.library.db, member, account);
    const answers = [
      await new WebClient(app).post("/login", { name: account.login, password: "correct\u0000horse" }),
      await new WebClient(app).post("/signup", { login: `nul_new_${engine.name}`, email: `nul_new_${engine.name}@example.test`, password: "correct horse\u0000battery", confirm: "correct horse\u0000battery" }),
      await member.post("/account/password", { current: "correct horse battery", password: "a new\u0000password", confirm: "a new\u0000password" }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain("The field password holds a NUL character");
    }
  });

  it("reads the media type as the routes do, whatever its case: a NUL cannot slip past in an upper-case Content-Type", async () => {
    const { quire, ids } = library();
    const app = createApp(webDeps(quire));
    const account = await makeAccount(quire.library.db, `nul_case_${engine.name}`);
    const member = new WebClient(app);
    await signInAs(quire.library.db, member, account);
    await member.get("/preferences");
    // A script's form, its token in the header (the routes read such a body as a form, as Hono reads any case).
    const page = await app.request(`http://localhost/works/${ids.orchard}/bookmark`, {
      method: "POST", body: new URLSearchParams({ notes: "a\u0000note", tags: "" }).toString(),
      headers: {
        "Content-Type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8", Origin: "http://localhost", "X-CSRF-Token": member.cookies.get("quire_csrf") ?? "",
        Cookie: [...member.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
    });
    expect(page.status).toBe(400);
    const refused = await app.request(`http://localhost/api/v1/works/${ids.orchard}/bookmarks`, {
      method: "POST", body: JSON.stringify({ notes: "a\u0000note" }),
      headers: { "Content-Type": "Application/JSON", Authorization: `Bearer ${await tokenFor(quire.library.db, account)}` },
    });
    expect(await refused.json()).toMatchObject({ status: 422, errors: { notes: expect.stringContaining("NUL") } });
    const stored = await quire.library.db.selectFrom("bookmarks").select("id").where("user_id", "=", account.userId).execute();
    expect(stored).toEqual([]);
  });
});

describe.each(TEST_ENGINES)("a NUL in a guest's preferences cookie on $name", (engine) => {
  const library = webWorksPerSuite(engine);

  it("is no muted tag: the listing is served, as to a guest who muted nothing", async () => {
    const { quire } = library();
    const guest = new WebClient(createApp(webDeps(quire)));
    const works = async (response: Response) => [...(await response.text()).matchAll(/href="\/works\/(\d+)"/gu)].map((m) => m[1]);
    const unmuted = await works(await guest.get("/works"));
    expect(unmuted.length).toBeGreaterThan(0);
    guest.cookies.set(PREFS_COOKIE, Buffer.from(JSON.stringify({ theme: "dark", mutedTags: ["Lan\u0000tern"] })).toString("base64url"));
    const answer = await guest.get("/works");
    expect(answer.status).toBe(200);
    expect(await works(answer)).toEqual(unmuted);
  });
});

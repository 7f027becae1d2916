/**
 * A NUL character in an address, a form or a JSON body is refused with the field named (web/nul-guard.ts), on both
 * engines alike: PostgreSQL refuses one in any query, and sign-up, reset requests, bookmarks and series answered 500
 * there. An uploaded file is not a text field and may hold any bytes.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/web/app.js";
import { fieldWithNul } from "../../src/web/nul-guard.js";
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

/**
 * Each engine recognises its own refusal of a duplicate under a unique index, and nothing else as one: sign-up
 * relies on it to answer a lost race for a name with the form's message rather than an error page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";

describe.each(TEST_ENGINES)("unique violations on $name", (engine) => {
  let quire: Quire;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (engine.unavailable) return;
    ({ quire, dispose } = await freshQuire(engine));
    await makeAccount(quire.library.db, "Tern_Watcher");
  });
  afterAll(async () => dispose?.());
  beforeEach((context) => {
    if (engine.unavailable) context.skip();
  });

  it("knows a second row with a taken unique value for what it is", async () => {
    const error = await makeAccount(quire.library.db, "Tern_Watcher").then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(quire.library.engine.isUniqueViolation(error)).toBe(true);
  });

  it("does not take other failures for one", async () => {
    const orphan = await quire.library.db.insertInto("sessions").values({ id: "x", user_id: 2_000_000, created_at: "", last_seen_at: "", expires_at: "" }).execute().then(() => null, (e: unknown) => e);
    expect(orphan, "a session for no user is refused (foreign key)").not.toBeNull();
    expect(quire.library.engine.isUniqueViolation(orphan)).toBe(false);
    expect(quire.library.engine.isUniqueViolation(new Error("duplicate key value"))).toBe(false);
    expect(quire.library.engine.isUniqueViolation("23505")).toBe(false);
  });
});

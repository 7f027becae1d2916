/**
 * `quire users` as the archive's owner runs it: the first admin made from the command line (the password from
 * QUIRE_PASSWORD or standard input, never an argument), roles changed by login, and the mistakes refused.
 */
import { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "../src/db/connect.js";
import { readNewPassword } from "../src/cli/commands/users.js";
import { UsageError } from "../src/cli/io.js";
import { verifyPassword } from "../src/services/accounts/password.js";
import { TEST_ENGINES, sqliteLibraryPath, withPostgresLibrary } from "./support/databases.js";
import { runCli } from "./support/run-cli.js";

const PASSWORD = "keeper of the lamps";

/** Runs the test against a fresh library on the engine, named as --db takes it. */
async function withLibrary(engine: (typeof TEST_ENGINES)[number], fn: (db: string) => Promise<void>): Promise<void> {
  if (engine.name === "sqlite") await fn(`sqlite:${await sqliteLibraryPath()}`);
  else await withPostgresLibrary(fn);
}

async function readUser(db: string, login: string) {
  const library = connect(db.startsWith("sqlite:") ? { engine: "sqlite", path: db.slice("sqlite:".length) } : { engine: "postgres", url: db });
  try {
    return await library.db.selectFrom("users").selectAll().where("login", "=", login).executeTakeFirst();
  } finally {
    await library.close();
  }
}

afterEach(() => {
  delete process.env.QUIRE_PASSWORD;
});

describe.each(TEST_ENGINES)("quire users on $name", (engine) => {
  it.skipIf(engine.unavailable)("makes the first admin with the password from QUIRE_PASSWORD, and changes roles by login", async () => {
    await withLibrary(engine, async (db) => {
      process.env.QUIRE_PASSWORD = PASSWORD;
      const made = await runCli(["users", "add", "First_Keeper", "--email", "keeper@example.test", "--role", "admin", "--db", db]);
      expect(made).toMatchObject({ code: 0, stderr: "" });
      expect(made.stdout).toContain("Made the account First_Keeper (admin)");
      const user = await readUser(db, "First_Keeper");
      expect(user?.role).toBe("admin");
      expect(await verifyPassword(PASSWORD, user?.password_hash ?? "")).toBe(true);

      const demoted = await runCli(["users", "role", "first_keeper", "Moderator", "--db", db]);
      expect(demoted).toMatchObject({ code: 0, stdout: "first_keeper is now moderator (was admin).\n" });
      expect((await readUser(db, "First_Keeper"))?.role).toBe("moderator");

      const taken = await runCli(["users", "add", "first_keeper", "--email", "other@example.test", "--db", db]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain("is taken");
      const unknown = await runCli(["users", "role", "Nobody_Here", "admin", "--db", db]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("Nobody_Here");
    });
  });
});

describe("quire users: mistakes", () => {
  it("refuses an unknown role or action, and a missing address, before touching the library", async () => {
    process.env.QUIRE_PASSWORD = PASSWORD;
    expect(await runCli(["users", "add", "Someone", "--email", "a@example.test", "--role", "emperor"])).toMatchObject({ code: 2, stderr: expect.stringContaining("a role is one of reader, author, moderator, admin") });
    expect(await runCli(["users", "add", "Someone"])).toMatchObject({ code: 2, stderr: expect.stringContaining("needs --email") });
    expect(await runCli(["users", "remove", "Someone"])).toMatchObject({ code: 2, stderr: expect.stringContaining("users needs add or role") });
    expect(await runCli(["users", "role", "Someone"])).toMatchObject({ code: 2 });
  });
});

describe("a new password on the command line", () => {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

  it("comes from QUIRE_PASSWORD first, else the first line of a pipe", async () => {
    expect(await readNewPassword({ env: "from the environment", input: Readable.from(["ignored\n"]), output: quiet })).toBe("from the environment");
    expect(await readNewPassword({ env: undefined, input: Readable.from(["from a pipe\nand more\n"]), output: quiet })).toBe("from a pipe");
    expect(await readNewPassword({ env: "", input: Readable.from(["windows line\r\n"]), output: quiet })).toBe("windows line");
  });

  it("is refused when the pipe is empty", async () => {
    await expect(readNewPassword({ env: undefined, input: Readable.from([]), output: quiet })).rejects.toThrow(UsageError);
  });
});

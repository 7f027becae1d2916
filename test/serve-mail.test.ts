/**
 * `quire serve --mail DIR` as a user runs it: the real binary says where mail goes, the address its links give and
 * how to make the first admin, and a password reset asked for on the web lands in the folder as an .eml file whose
 * link is the server's own (`--origin`, else the address it listens on), whatever Host header asked for it.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CSRF_COOKIE } from "../src/web/csrf.js";
import { runCli, startServeBin } from "./support/run-cli.js";
import { sqliteLibraryPath } from "./support/databases.js";

const BIN = join(import.meta.dirname, "..", "bin", "quire.js");

afterEach(() => {
  delete process.env.QUIRE_PASSWORD;
});

/** A browser's CSRF cookie and the form field that matches it. */
const CSRF_TOKEN = "c".repeat(43);

/**
 * Asks the server at `address` for a reset of `name`'s password, as an attacker's own client can: with any Host
 * (fetch will not send one of its choosing) and any other headers. @returns the status.
 */
async function askForReset(address: string, name: string, headers: Record<string, string>): Promise<number> {
  const body = new URLSearchParams({ name, _csrf: CSRF_TOKEN }).toString();
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const headersSent = { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Cookie: `${CSRF_COOKIE}=${CSRF_TOKEN}`, ...headers };
    request(new URL("password/forgot", address), { method: "POST", headers: headersSent }, resolve).on("error", reject).end(body);
  });
  response.resume();
  return response.statusCode ?? 0;
}

/** The one mail in the folder, as text. */
async function onlyMail(mailDir: string): Promise<string> {
  const files = await readdir(mailDir);
  expect(files).toHaveLength(1);
  return readFile(join(mailDir, files[0] ?? ""), "utf8");
}

describe("quire serve --mail", () => {
  it("writes a reset link with the server's own address into the mail folder", async () => {
    const db = `sqlite:${await sqliteLibraryPath()}`;
    const mailDir = await mkdtemp(join(tmpdir(), "quire-mail-"));
    const server = await startServeBin(["--db", db, "--mail", mailDir]);
    try {
      expect(server.printed()).toContain(`Mail (password resets, invitations, notifications) is written as .eml files to ${mailDir}.`);
      expect(server.printed()).toContain("No admin account yet: make one with `quire users add");
      process.env.QUIRE_PASSWORD = "keeper of the lamps";
      expect((await runCli(["users", "add", "Lamp_Keeper", "--email", "lamps@example.test", "--role", "admin", "--db", db])).code).toBe(0);

      // The attacker names their own host: the mail still links to the server's address.
      expect(await askForReset(server.address, "Lamp_Keeper", { Host: "evil.example", Origin: "http://evil.example" })).toBe(303);
      const mail = await onlyMail(mailDir);
      expect(mail).toContain("To: lamps@example.test");
      expect(mail).toContain(`${server.address}password/reset?token=`);
      expect(mail).not.toContain("evil.example");
      expect(server.printed()).toContain(`Links in mail point to ${server.address.slice(0, -1)}, the address this server listens on`);
    } finally {
      server.child.kill("SIGTERM");
    }
    const [code] = await once(server.child, "exit");
    expect(code).toBe(0);
  });

  it("links mail to --origin behind a trusted proxy, whatever X-Forwarded-Host asked for it", async () => {
    const db = `sqlite:${await sqliteLibraryPath()}`;
    const mailDir = await mkdtemp(join(tmpdir(), "quire-mail-"));
    process.env.QUIRE_PASSWORD = "keeper of the lamps";
    expect((await runCli(["users", "add", "Lamp_Keeper", "--email", "lamps@example.test", "--db", db])).code).toBe(0);
    const server = await startServeBin(["--db", db, "--mail", mailDir, "--trust-proxy", "--origin", "https://archive.example/"]);
    try {
      expect(server.printed()).toContain("Links in mail point to https://archive.example (--origin).");
      const forged = { Host: "evil.example", Origin: "https://archive.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" };
      expect(await askForReset(server.address, "Lamp_Keeper", forged)).toBe(303);
      const mail = await onlyMail(mailDir);
      expect(mail).toContain("https://archive.example/password/reset?token=");
      expect(mail).not.toContain("evil.example");
    } finally {
      server.child.kill("SIGTERM");
    }
    await once(server.child, "exit");
  });

  it.each([
    [["--origin", "https://archive.example/fics"], {}, "--origin \"https://archive.example/fics\" has a path, query or fragment"],
    [[], { QUIRE_ORIGIN: "archive.example" }, "QUIRE_ORIGIN \"archive.example\" is not an http or https address"],
  ])("refuses an origin it cannot use, before serving (%j %j)", async (args, env, message) => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args, "--db", `sqlite:${await sqliteLibraryPath()}`], {
      // A server that took the origin would serve until killed: the timeout ends it, and the test fails.
      stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env }, timeout: 30_000,
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("refuses a mail setting it cannot use, before serving", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--db", `sqlite:${await sqliteLibraryPath()}`], {
      stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, QUIRE_MAIL: "http://mail.example" },
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("--mail takes console, a folder, or an smtp:// or smtps:// URL");
  });
});

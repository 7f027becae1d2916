/**
 * `quire serve --mail DIR` as a user runs it: the real binary says where mail goes and how to make the first admin,
 * and a password reset asked for on the web lands in the folder as an .eml file whose link is the server's own.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, startServeBin } from "./support/run-cli.js";
import { sqliteLibraryPath } from "./support/databases.js";

const BIN = join(import.meta.dirname, "..", "bin", "quire.js");

afterEach(() => {
  delete process.env.QUIRE_PASSWORD;
});

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

      const form = await fetch(`${server.address}password/forgot`);
      const csrf = /quire_csrf=([\w-]{43})/u.exec(form.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
      const asked = await fetch(`${server.address}password/forgot`, {
        method: "POST", redirect: "manual", body: new URLSearchParams({ name: "Lamp_Keeper", _csrf: csrf }),
        headers: { Origin: server.address.slice(0, -1), Cookie: `quire_csrf=${csrf}` },
      });
      expect(asked.status).toBe(303);
      const files = await readdir(mailDir);
      expect(files).toHaveLength(1);
      const mail = await readFile(join(mailDir, files[0] ?? ""), "utf8");
      expect(mail).toContain("To: lamps@example.test");
      expect(mail).toContain(`${server.address}password/reset?token=`);
    } finally {
      server.child.kill("SIGTERM");
    }
    const [code] = await once(server.child, "exit");
    expect(code).toBe(0);
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

/**
 * `quire serve` as a user runs it: the real binary serves the library at the address it prints, signs the owner
 * in with the link it prints, and on SIGTERM finishes and exits 0. A taken port is a clear usage error.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "./support/run-cli.js";
import { sqliteLibraryPath } from "./support/databases.js";

const BIN = join(import.meta.dirname, "..", "bin", "quire.js");

describe("quire serve", () => {
  it("serves the library at the address it prints and stops cleanly on SIGTERM", async () => {
    const db = await sqliteLibraryPath();
    const child = spawn(process.execPath, [BIN, "serve", "--db", `sqlite:${db}`, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: string) => {
        stdout += d;
        const found = stdout.match(/serving the archive at (http:\/\/127\.0\.0\.1:\d+\/)/u)?.[1];
        if (found && stdout.includes("owner?key=")) resolve(found);
      });
      child.once("exit", () => reject(new Error(`quire serve exited early: ${stdout}`)));
    });
    try {
      const home = await fetch(address);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Welcome to the archive");
      const ownerLink = stdout.match(/(http:\/\/\S+\/owner\?key=\S+)/u)?.[1] ?? "";
      const signIn = await fetch(ownerLink, { redirect: "manual" });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.getSetCookie().some((c) => /^quire_owner=.*HttpOnly/u.test(c))).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stdout).toContain("finishing the requests in flight");
  });

  it("says so when the port asked for is taken", async () => {
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = await runBin(["serve", "--db", `sqlite:${await sqliteLibraryPath()}`, "--port", String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken`, "u"));
    } finally {
      blocker.close();
    }
  });
});

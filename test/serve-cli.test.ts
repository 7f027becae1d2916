/**
 * `quire serve` as a user runs it: the real binary serves the library at the address it prints, signs the owner
 * in with the link it prints, and on SIGTERM finishes and exits 0. A taken port is a clear usage error.
 */
import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { runBin, startServeBin } from "./support/run-cli.js";
import { sqliteLibraryPath } from "./support/databases.js";


describe("quire serve", () => {
  it("serves the library at the address it prints and stops cleanly on SIGTERM", async () => {
    const db = await sqliteLibraryPath();
    const { child, address, printed } = await startServeBin(["--db", `sqlite:${db}`]);
    try {
      const home = await fetch(address);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Welcome to the archive");
      const ownerLink = printed().match(/(http:\/\/\S+\/owner\?key=\S+)/u)?.[1] ?? "";
      const signIn = await fetch(ownerLink, { redirect: "manual" });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.getSetCookie().some((c) => /^quire_owner=.*HttpOnly/u.test(c))).toBe(true);
      for (const [printedAs, type] of [["OPDS catalog for e-reader apps", "application/atom+xml;profile=opds-catalog"], ["API", "application/json"]] as const) {
        const link = printed().match(new RegExp(`${printedAs}: (http://[^\\s;]+)`, "u"))?.[1] ?? "";
        const response = await fetch(link);
        expect(response.status, link).toBe(200);
        expect(response.headers.get("Content-Type")).toContain(type);
      }
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(printed()).toContain("finishing the requests in flight");
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

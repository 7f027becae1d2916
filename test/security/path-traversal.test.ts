/**
 * Path traversal through every parameter of every address the app answers GETs on, taken from the app's own
 * routes (so a new route is covered without a line here): downloads of works and series, covers, the assets, and
 * every page that takes a name. The server reads no file by a name from a request — downloads and covers are made
 * from the library by id, assets are looked up in memory by their exact address — and this holds it to that: no
 * 500, and no answer holding a file of the server's (package.json, the library, /etc/passwd). Each is asked in
 * process and, for the raw forms a browser would never send (unnormalised dot segments, backslashes), through a
 * real server. The CLI's export, export-site, backup and restore write and read where their user says: that is
 * the user's own choice on their own machine, not a boundary.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { startServer, type RunningServer } from "../../src/web/server.js";
import { freshSqliteQuire } from "../support/databases.js";
import { storeWebWorks, webDeps } from "../support/web-library.js";

const PAYLOADS: readonly string[] = [
  "../../../../../../etc/passwd", "../package.json", "..%2f..%2f..%2fpackage.json", "%2e%2e%2f%2e%2e%2fpackage.json", "%2e%2e/%2e%2e/package.json",
  "%252e%252e%252fpackage.json", "..\\..\\package.json", "..%5c..%5cpackage.json", "package.json%00.epub", "\u2024\u2024/\u2024\u2024/package.json",
  "%c0%ae%c0%ae%c0%afpackage.json", "....//....//package.json", "%2fetc%2fpasswd", "~%2f.ssh%2fid_rsa", ".env", "quire.db", "..%2fquire.db",
  "..%2f..%2fsrc%2fweb%2fstatic%2fquire.css", "%2e%2e%2f%2e%2e%2fpackage.json.epub",
];

/** What would show that a file of the server's was read: package.json, a SQLite library, /etc/passwd, a key. */
const LEAKS = [/"name":\s*"quire"/u, /SQLite format 3/u, /root:.*:0:0:/u, /-----BEGIN [A-Z ]*PRIVATE KEY-----/u];

function fill(path: string, param: string, value: string, valid: (name: string) => string): string {
  return path.replace(/:([A-Za-z]+)(\{[^}]*\})?/gu, (_, name: string) => (name === param ? value : valid(name)));
}

describe("path traversal", () => {
  let fresh: Awaited<ReturnType<typeof freshSqliteQuire>>;
  let quire: Quire;
  let app: ReturnType<typeof createApp>;
  let server: RunningServer;
  let workId: number;

  beforeAll(async () => {
    fresh = await freshSqliteQuire();
    quire = fresh.quire;
    workId = (await storeWebWorks(quire)).lanterns;
    // Behind a trusted proxy, each request from an address of its own: the API's limit of 60 guest requests a
    // minute per address (on a clock that stands still here) would otherwise answer most of them.
    app = createApp({ ...webDeps(quire), trustProxy: true });
    server = await startServer(webDeps(quire), { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server?.close();
    await fresh?.dispose();
  });

  /** Every GET route with a parameter, as the app lists them. */
  function routesWithParams(): string[] {
    return [...new Set(app.routes.filter((r) => r.method === "GET" && r.path.includes(":")).map((r) => r.path))];
  }

  it("finds the file parameters among the app's routes", () => {
    const routes = routesWithParams();
    for (const path of ["/downloads/:workId{[0-9]+}/:fileName", "/downloads/series/:id{[0-9]+}/:fileName", "/assets/:file"]) expect(routes).toContain(path);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("reads no file by a name from a request, through any parameter of any route", async () => {
    const valid = (name: string) => (/id$/iu.test(name) ? String(workId) : name === "fileName" ? "Three_Lanterns.epub" : "Angst");
    const failures: string[] = [];
    let asked = 0;
    for (const route of routesWithParams()) {
      const params = [...route.matchAll(/:([A-Za-z]+)/gu)].map((m) => m[1] ?? "");
      for (const param of params) {
        for (const payload of PAYLOADS) {
          const path = fill(route, param, payload, valid);
          asked += 1;
          const response = await app.request(`http://localhost${path}`, { headers: { "X-Forwarded-For": `10.0.${asked >> 8}.${asked & 255}` } });
          const body = Buffer.from(await response.arrayBuffer()).toString("latin1");
          if (response.status >= 500 || response.status === 429) failures.push(`${path}: ${response.status}`);
          if (LEAKS.some((leak) => leak.test(body))) failures.push(`${path}: answered with a server file`);
        }
      }
    }
    expect(asked).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  }, 120_000);

  it("serves assets by their exact address only, and downloads only as books of the work", async () => {
    // (404, or 400 for a NUL, which no address may hold.)
    for (const payload of PAYLOADS) expect([400, 404]).toContain((await app.request(`http://localhost/assets/${payload}`)).status);
    // A download's file name is what the browser saves it as: whatever it says, the answer is the work's book.
    const named = await app.request(`http://localhost/downloads/${workId}/..%2f..%2fpackage.json.epub`);
    expect(named.status).toBe(200);
    expect(named.headers.get("Content-Type")).toBe("application/epub+zip");
    expect((await app.request(`http://localhost/downloads/${workId}/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it("through a real server, with the raw paths a browser would never send", async () => {
    const raw = (path: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });
    const failures: string[] = [];
    for (const prefix of ["/assets/", `/downloads/${workId}/`, "/downloads/series/1/", `/works/${workId}/`, "/static/", "/"]) {
      for (const payload of [...PAYLOADS, "..\\..\\..\\package.json", "/../../package.json", "..;/package.json"]) {
        // Node's client sends only ASCII in a path: other characters go percent-encoded, as any client's would.
        const answer = await raw(`${prefix}${payload}`.replace(/[^\x21-\x7e]/gu, encodeURIComponent));
        if (answer.status >= 500 && answer.status !== 505) failures.push(`${prefix}${payload}: ${answer.status}`);
        if (LEAKS.some((leak) => leak.test(answer.body))) failures.push(`${prefix}${payload}: answered with a server file`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

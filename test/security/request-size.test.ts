/**
 * What a client can make the server hold: headers and addresses past Node's header limit, a slowloris dripping its
 * headers or its body, a query of thousands of parameters, and multipart forms too large or of too many fields.
 * The socket tests run a real server (with its timeouts shortened, so that they take a second, not a minute).
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { startServer, type RunningServer } from "../../src/web/server.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { freshSqliteQuire } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { storeWebWorks, webDeps } from "../support/web-library.js";

type App = ReturnType<typeof createApp>;

/** Sends the bytes (in pieces, with pauses, when given several) and resolves with all the server answered once it closes. */
function exchange(url: string, pieces: readonly string[], pauseMs = 0): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect({ host: hostname, port: Number(port) });
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.on("connect", () => {
      void (async () => {
        for (const piece of pieces) {
          if (socket.destroyed) return;
          socket.write(piece);
          if (pauseMs > 0) await new Promise((wait) => setTimeout(wait, pauseMs));
        }
      })();
    });
  });
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/u.exec(answer)?.[1] ?? 0);
}

/** The header fields of a raw answer, by lower-case name. */
function headersOf(answer: string): Map<string, string> {
  const [head = ""] = answer.split("\r\n\r\n");
  return new Map(head.split("\r\n").slice(1).map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** The security headers every answer of the app carries (test/security/headers.test.ts checks their values). */
const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "cross-origin-opener-policy", "cross-origin-resource-policy"];

describe("request sizes and slow clients", () => {
  let fresh: Awaited<ReturnType<typeof freshSqliteQuire>>;
  let quire: Quire;
  let app: App;
  let server: RunningServer;

  beforeAll(async () => {
    fresh = await freshSqliteQuire();
    quire = fresh.quire;
    await storeWebWorks(quire);
    app = createApp(webDeps(quire));
    server = await startServer(webDeps(quire), { port: 0, host: "127.0.0.1", timeouts: { headersTimeout: 400, requestTimeout: 800, connectionsCheckingInterval: 100 } });
  });
  afterAll(async () => {
    await server?.close();
    await fresh?.dispose();
  });

  it("answers 431 to headers or an address past 16 KB, and goes on serving", async () => {
    const big = await exchange(server.url, [`GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"a".repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`]);
    expect(statusOf(big.answer)).toBe(431);
    const long = await exchange(server.url, [`GET /works?q=${"b".repeat(20 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`]);
    expect(statusOf(long.answer)).toBe(431);
    const many = await exchange(server.url, [`GET / HTTP/1.1\r\nHost: localhost\r\n${Array.from({ length: 3000 }, (_, i) => `X-H${i}: 1\r\n`).join("")}Connection: close\r\n\r\n`]);
    expect(statusOf(many.answer)).toBe(431);
    expect((await fetch(`${server.url}works`)).status).toBe(200);
  });

  it("sends the app's security headers with the refusals Node's parser makes before the app sees a request", async () => {
    const page = await fetch(`${server.url}works`);
    const refusals = [
      await exchange(server.url, ["NOT HTTP AT ALL\r\n\r\n"]),
      await exchange(server.url, [`GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"a".repeat(20 * 1024)}\r\n\r\n`]),
      // Headers begun and never ended: the headers timeout answers.
      await exchange(server.url, ["GET / HTTP/1.1\r\nHost: localhost\r\n"]),
    ];
    expect(refusals.map((r) => statusOf(r.answer))).toEqual([400, 431, 408]);
    for (const { answer } of refusals) {
      const headers = headersOf(answer);
      for (const name of SECURITY_HEADERS) expect(headers.get(name), `${name} in ${answer}`).toBe(page.headers.get(name) ?? "missing from the page");
      expect(headers.get("connection")).toBe("close");
      expect(headers.get("content-length")).toBe("0");
    }
  });

  it("drops a client that drips its headers, or its body, past the timeouts", async () => {
    // A slowloris: a header line every 150 ms, never the blank line that ends them.
    const headers = await exchange(server.url, ["GET / HTTP/1.1\r\nHost: localhost\r\n", ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`)], 150);
    expect(statusOf(headers.answer)).toBe(408);
    expect(headers.closedAfterMs).toBeLessThan(40 * 150);
    // A body promised at 1000 bytes and sent a few at a time.
    // (From this site, so that the CSRF check reads the body rather than refusing it at once.)
    const host = new URL(server.url).host;
    const body = await exchange(server.url, [`POST /preferences/theme HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`, ...Array.from({ length: 40 }, () => "theme=dark&")], 150);
    expect(statusOf(body.answer)).toBe(408);
    expect(body.closedAfterMs).toBeLessThan(40 * 150);
    expect((await fetch(`${server.url}works`)).status).toBe(200);
  });

  it("reads a query of thousands of parameters as any other", async () => {
    const params = new URLSearchParams();
    for (let i = 0; i < 2000; i++) params.append(i % 2 === 0 ? "tag" : `x${i}`, `t${i}`);
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const queries = [
      params.toString(),
      new URLSearchParams({ q: words.join(" ") }).toString(),
      new URLSearchParams({ q: words.join(" OR ") }).toString(),
      new URLSearchParams({ q: `${"(".repeat(5000)}lantern${")".repeat(5000)}` }).toString(),
      new URLSearchParams({ q: `${"-".repeat(5000)}lantern` }).toString(),
      new URLSearchParams(words.map((w): [string, string] => ["author", w])).toString(),
      new URLSearchParams(words.map((w): [string, string] => ["language", w])).toString(),
    ];
    const failures: string[] = [];
    for (const query of queries) {
      for (const path of ["/works", "/works/search", "/api/v1/works", "/opds/search", "/works/search/feed.atom"]) {
        const response = await app.request(`http://localhost${path}?${query}`);
        if (response.status >= 500) failures.push(`${path}?${query.slice(0, 30)}…: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses a multipart form past the posting limit before reading it, and survives one of 100,000 fields under it", async () => {
    const author = await makeAccount(quire.library.db, "Big_Form_Author");
    const browser = new WebClient(app);
    await signInAs(quire.library.db, browser, author);
    const huge = new FormData();
    huge.set("title", "Too big");
    huge.set("chapters[0][text]", "c".repeat(13 * 1024 * 1024));
    expect((await browser.post("/works/new", huge)).status).toBe(413);
    const elsewhere = new FormData();
    elsewhere.set("theme", "x".repeat(300 * 1024));
    expect((await browser.post("/preferences/theme", elsewhere)).status).toBe(413);

    const fields = new FormData();
    for (let i = 0; i < 100_000; i++) fields.append(`f${i % 1000}[${i}]`, "v");
    const many = await browser.post("/works/new", fields);
    expect(many.status).toBeGreaterThanOrEqual(400);
    expect(many.status).toBeLessThan(500);
    const works = await quire.library.db.selectFrom("works").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(works.n)).toBe(5);
    expect((await browser.get("/works")).status).toBe(200);
  }, 60_000);
});

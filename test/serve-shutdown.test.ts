/**
 * A graceful stop, for real: `quire serve` gets SIGTERM while writes are half sent (their bodies still coming),
 * refuses new connections at once, finishes the writes (they are in the library afterwards), closes the
 * connections they came on and exits 0. And a request that never finishes cannot hold the stop beyond its drain
 * time. On SQLite and PostgreSQL.
 */
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { describeDatabaseTarget, type DatabaseTarget } from "../src/config.js";
import { openQuire } from "../src/composition.js";
import { insertWork } from "../src/db/repositories/works.js";
import { startSession } from "../src/services/accounts/sessions.js";
import { CSRF_COOKIE } from "../src/web/csrf.js";
import { startServer } from "../src/web/server.js";
import { SESSION_COOKIE } from "../src/web/session.js";
import { parsedWork, toStore } from "./factories.js";
import { makeAccount } from "./support/accounts.js";
import { TEST_ENGINES } from "./support/databases.js";
import { startServeBin } from "./support/run-cli.js";
import { webDeps } from "./support/web-library.js";

const CSRF_TOKEN = "drain-test-token-0123456789-abcdefghijklmno";

interface Scene {
  target: DatabaseTarget;
  workId: number;
  cookie: string;
}

async function scene(target: DatabaseTarget): Promise<Scene> {
  const quire = await openQuire(target);
  try {
    const { db, engine } = quire.library;
    const workId = await insertWork(db, engine, toStore(parsedWork({ title: "The Long Goodbye of the Lamps" })), new Date().toISOString());
    const account = await makeAccount(db, "drainer", "reader");
    const session = await startSession(db, account.userId, new Date());
    return { target, workId, cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${CSRF_TOKEN}` };
  } finally {
    await quire.close();
  }
}

/** A raw HTTP/1.1 connection, so a request can be left half sent; everything it receives is kept. */
async function openConnection(address: string): Promise<{ socket: Socket; received: () => string; ended: Promise<unknown> }> {
  const url = new URL(address);
  const socket = connect(Number(url.port), url.hostname);
  let received = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
  const ended = once(socket, "close");
  await once(socket, "connect");
  return { socket, received: () => received, ended };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

/**
 * Sends a form POST's headers with `Expect: 100-continue` and half its body. The server answers 100 Continue
 * only once it has read the headers and begun the request, so on return the request is in flight for certain.
 */
async function startSlowPost(address: string, s: Scene, path: string, fields: Record<string, string>) {
  const connection = await openConnection(address);
  const body = new URLSearchParams({ ...fields, _csrf: CSRF_TOKEN }).toString();
  const origin = new URL(address).origin;
  connection.socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${new URL(address).host}\r\nOrigin: ${origin}\r\nCookie: ${s.cookie}\r\n` +
    `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await until(() => connection.received().includes("100 Continue"), `100 Continue for ${path}`);
  const half = Math.floor(body.length / 2);
  connection.socket.write(body.slice(0, half));
  return { ...connection, finish: () => connection.socket.write(body.slice(half)) };
}

function responseAfterContinue(received: string): { status: number; headers: string } {
  const [head = ""] = received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/u, "").split("\r\n\r\n");
  return { status: Number(/^HTTP\/1\.1 (\d{3})/u.exec(head)?.[1]), headers: head.toLowerCase() };
}

async function refusesConnections(address: string): Promise<boolean> {
  const url = new URL(address);
  const socket = connect(Number(url.port), url.hostname);
  try {
    await once(socket, "connect");
    return false;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "ECONNREFUSED";
  } finally {
    socket.destroy();
  }
}

describe.each(TEST_ENGINES)("stopping quire serve on $name", (engine) => {
  const targets: DatabaseTarget[] = [];
  afterAll(async () => {
    for (const target of targets) await engine.dropTarget(target);
  });
  const fresh = async (context: { skip: () => void }) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      context.skip();
    }
    const target = await engine.createTarget();
    targets.push(target);
    return scene(target);
  };

  it("finishes the writes in flight at SIGTERM, refuses new connections, closes kept-alive ones and exits 0", async (context) => {
    const s = await fresh(context);
    const { child, address, printed } = await startServeBin(["--db", describeDatabaseTarget(s.target)]);
    const exited = once(child, "exit");
    try {
      const marker = `said just before the lights went out ${Date.now()}`;
      const comment = await startSlowPost(address, s, `/works/${s.workId}/comments`, { text: marker });
      const kudos = await startSlowPost(address, s, `/works/${s.workId}/kudos`, {});
      // A reader's connection that has had its page and stays open for the next one.
      const idle = await openConnection(address);
      idle.socket.write(`GET /works/${s.workId} HTTP/1.1\r\nHost: ${new URL(address).host}\r\nCookie: view_adult=true\r\n\r\n`);
      await until(() => idle.received().includes("</html>"), "the idle reader's page");

      child.kill("SIGTERM");
      await until(() => printed().includes("finishing the requests in flight"), "the stop to begin");
      expect(await refusesConnections(address)).toBe(true);
      await idle.ended;

      comment.finish();
      kudos.finish();
      await Promise.all([comment.ended, kudos.ended]);
      for (const { received } of [comment, kudos]) {
        const response = responseAfterContinue(received());
        expect(response.status, received()).toBe(303);
        // The server ends the connection after the response instead of keeping it for another request.
        expect(response.headers).toContain("connection: close");
      }
      const [code] = await exited;
      expect(code).toBe(0);

      const quire = await openQuire(s.target);
      try {
        const { db } = quire.library;
        const comments = await db.selectFrom("comments").select("html").where("work_id", "=", s.workId).execute();
        expect(comments.filter((c) => c.html.includes(marker))).toHaveLength(1);
        const work = await db.selectFrom("works").select("kudos").where("id", "=", s.workId).executeTakeFirstOrThrow();
        const kudosRows = await db.selectFrom("kudos").select("id").where("work_id", "=", s.workId).execute();
        expect([work.kudos, kudosRows.length]).toEqual([1, 1]);
      } finally {
        await quire.close();
      }
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("cuts a request that does not finish within the drain time", async (context) => {
    const s = await fresh(context);
    const quire = await openQuire(s.target);
    try {
      const server = await startServer({ ...webDeps(quire), now: () => new Date() }, { port: 0, host: "127.0.0.1" });
      // Its body never comes: the request would wait for it for as long as the connection stays open.
      const stuck = await startSlowPost(server.url, s, `/works/${s.workId}/kudos`, {});
      expect(await server.close(200)).toBe(1);
      await stuck.ended;
      expect(responseAfterContinue(stuck.received()).status).toBeNaN();
    } finally {
      await quire.close();
    }
  });
});

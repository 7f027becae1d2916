import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { once } from "node:events";
import { connect, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createTurnGate, takingTurns } from "./request-turns.js";

describe("createTurnGate", () => {
  it("lets waiters through in the order they came, one per turn of the event loop", async () => {
    const turn = createTurnGate();
    const order: string[] = [];
    await Promise.all(["a", "b", "c"].map(async (name) => {
      await turn();
      order.push(name);
      setImmediate(() => order.push(`turn after ${name}`));
    }));
    await new Promise((resolve) => setImmediate(resolve));
    // Let through all at once, the three would come before any of their next turns.
    expect(order).toEqual(["a", "b", "turn after a", "c", "turn after b", "turn after c"]);
  });
});

/** A page that takes the server's thread for a while, as a page over better-sqlite3 does. */
const busyPage: Hono["fetch"] = () => {
  const started = performance.now();
  while (performance.now() - started < 2);
  return new Response("ok");
};

const REQUEST = "GET / HTTP/1.1\r\nHost: quire.test\r\n\r\n";

/** Counts the answers on a kept-alive connection; `onAnswer` runs after each. */
function client(port: number, onAnswer: (socket: Socket) => void): Socket {
  const socket = connect(port, "127.0.0.1");
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    for (let i = 0; i < chunk.split("HTTP/1.1 200").length - 1; i++) onAnswer(socket);
  });
  socket.write(REQUEST);
  return socket;
}

/**
 * How many answers the busy connections got before every one of the newcomers had its first answer. Node takes one
 * new connection per turn of its loop, so without turns each newcomer waits for a turn holding every busy
 * connection's page: about newcomers × busy answers. With turns, a turn holds one page.
 */
async function answersBeforeNewcomers(fetch: Hono["fetch"], busy: number, newcomers: number): Promise<number> {
  const server = serve({ fetch, port: 0, hostname: "127.0.0.1" });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const sockets: Socket[] = [];
  try {
    let busyAnswers = 0;
    for (let i = 0; i < busy; i++) sockets.push(client(port, (socket) => {
      busyAnswers += 1;
      socket.write(REQUEST);
    }));
    // The busy connections are all taken and answering before the newcomers come.
    while (busyAnswers < busy * 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = busyAnswers;
    let answered = 0;
    const allAnswered = new Promise<void>((resolve) => {
      for (let i = 0; i < newcomers; i++) {
        let first = true;
        sockets.push(client(port, () => {
          if (!first) return;
          first = false;
          answered += 1;
          if (answered === newcomers) resolve();
        }));
      }
    });
    await allAnswered;
    return busyAnswers - before;
  } finally {
    for (const socket of sockets) socket.destroy();
    server.close();
  }
}

describe("takingTurns", () => {
  it("takes new connections while kept-alive ones keep the server busy", async () => {
    const busy = 30;
    const newcomers = 30;
    const answers = await answersBeforeNewcomers(takingTurns(busyPage), busy, newcomers);
    // Turns: a newcomer is taken within a turn or two and waits behind at most the busy connections' pages once.
    // Without them, about newcomers × busy = 900.
    expect(answers).toBeLessThan(4 * (busy + newcomers));
  }, 60_000);
});

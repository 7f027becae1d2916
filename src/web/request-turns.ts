/**
 * Requests take turns: one request begins its work per turn of the event loop, in the order they arrived.
 *
 * Why: Node accepts one new connection per turn of its event loop, and a turn runs every request that arrived on
 * the connections it already holds. A page is mostly synchronous work (better-sqlite3 answers without yielding),
 * so when the server is behind, a turn holds dozens of pages and a new reader's connection waits in the kernel's
 * queue for dozens of turns: the proving ground's load run saw half of 200 readers never answered at all, while
 * the other half were served every second. Browsers and load balancers give up and reconnect, which puts them at
 * the back of the queue again. With turns, a turn holds one page, so a new connection is taken within a page's
 * time, and every reader waits in one queue: under more load than the server can answer, answers get slower for
 * everyone rather than never coming for some.
 *
 * No library does this: request limiters (p-limit, p-queue) bound how many run at once, while what matters here
 * is how much synchronous work one turn of the loop holds. An idle server pays one setImmediate a request.
 */
import type { Hono } from "hono";

type Fetch = Hono["fetch"];

/** A gate that lets one waiter through per turn of the event loop, first come first served. */
export function createTurnGate(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const letOneThrough = () => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(letOneThrough);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(letOneThrough);
      }
    });
}

/** The app's fetch, each request waiting for its turn first. */
export function takingTurns(fetch: Fetch): Fetch {
  const turn = createTurnGate();
  return async (request, env, context) => {
    await turn();
    return fetch(request, env, context);
  };
}

/**
 * Pages under autocannon for the web benchmark and the proving ground's scale run: fifty connections, each
 * starting at another page of one rotation, a warm-up run and then the timed run.
 */
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { serveQuire } from "./quire-command.js";

export const CONNECTIONS = 50;
export const WARM_UP_SECONDS = 5;

/**
 * `quire serve` on the SQLite library without its per-address request limit: every connection comes from this
 * one address, and the limit would answer most of them 429.
 */
export function serveForLoad(path: string): Promise<{ child: ChildProcess; url: string }> {
  return serveQuire({ engine: "sqlite", path }, ["--request-limit", "0"]);
}

/** One page as the load generator sends it: the requests a browser makes for it, one after the other. */
export type Page = autocannon.Request[];

/** A warm-up run, then the timed run, on the same rotation of pages. */
export async function loadPages(url: string, pages: readonly Page[], seconds: number): Promise<autocannon.Result> {
  const attack = (duration: number) => {
    let clients = 0;
    return autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      // Each connection starts at another page, as fifty readers would be on different works, not in step.
      setupClient: (client) => {
        const start = Math.floor((clients * pages.length) / CONNECTIONS) % pages.length;
        clients += 1;
        client.setRequests([...pages.slice(start), ...pages.slice(0, start)].flat().map((request) => ({ ...request })));
      },
    });
  };
  await attack(WARM_UP_SECONDS);
  return attack(seconds);
}

/**
 * Pages under autocannon for the web benchmark and the proving ground's scale run: fifty connections, each
 * starting at another page of one rotation, a warm-up run and then the timed run.
 */
import autocannon from "autocannon";

export const CONNECTIONS = 50;
export const WARM_UP_SECONDS = 5;

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

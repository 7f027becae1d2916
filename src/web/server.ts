/**
 * Runs the web app on Node's HTTP server until SIGINT or SIGTERM, then stops taking connections, lets the
 * requests in flight finish, and closes the library.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { WebDeps } from "./env.js";

/** How long a client may take over a request before Node answers 408 and closes its connection. */
export interface ServerTimeouts {
  /** To send the request line and headers: a browser does it at once; a slowloris drips them to hold a socket. */
  headersTimeout: number;
  /** To send the whole request, body included: a 12 MB story upload at 1 Mbit/s takes about 100 seconds. */
  requestTimeout: number;
  /** How often Node looks for requests past those times. */
  connectionsCheckingInterval: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = { headersTimeout: 20_000, requestTimeout: 120_000, connectionsCheckingInterval: 5_000 };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts listening. Port 0 takes any free port.
 * @throws the listen error (EADDRINUSE, EACCES) as Node reports it.
 */
export function startServer(deps: WebDeps, options: { port: number; host: string; timeouts?: ServerTimeouts }): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, port: options.port, hostname: options.host, serverOptions: options.timeouts ?? SERVER_TIMEOUTS }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise<void>((done, fail) => {
          server?.close((error) => (error ? fail(error) : done()));
          // Idle keep-alive sockets would hold close() open; requests in flight still finish.
          if (server && "closeIdleConnections" in server) server.closeIdleConnections();
        }),
      });
    });
    server.once("error", reject);
  });
}

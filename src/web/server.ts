/**
 * Runs the web app on Node's HTTP server until SIGINT or SIGTERM, then stops taking connections, lets the
 * requests in flight finish, and closes the library.
 */
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { Server, STATUS_CODES, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createApp } from "./app.js";
import type { PublicOrigin, WebDeps } from "./env.js";
import { takingTurns } from "./request-turns.js";
import { securityHeaderLines } from "./security-headers.js";

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

/**
 * How long requests in flight may take to finish once the server is told to stop, before their connections are
 * cut: under the 10 s a container runtime (Docker's default stop timeout) waits before SIGKILL, so the library
 * is still closed by us rather than killed mid-write, and long beyond any page or write the archive serves.
 */
export const DRAIN_MS = 8_000;

export interface RunningServer {
  /** The address it listens on, as `http://127.0.0.1:3000/`. */
  url: string;
  /** Where mailed links point: the configured origin, else the listen address. */
  publicOrigin: PublicOrigin;
  /**
   * Stops listening (new connections are refused at once), lets the requests in flight finish and closes every
   * connection, idle keep-alive ones at once and busy ones after their response. Requests still running after
   * `drainMs` have their connections cut. @returns how many requests were cut off that way (0 normally).
   */
  close(drainMs?: number): Promise<number>;
}

/** What the server's app runs on but its public origin, which startServer settles. */
export type ServerDeps = Omit<WebDeps, "publicOrigin">;

export interface ListenOptions {
  port: number;
  host: string;
  /** The archive's configured address (`--origin`), if any. */
  origin?: string;
  timeouts?: ServerTimeouts;
}

/**
 * Starts listening. Port 0 takes any free port. `origin` is the archive's configured address (`--origin`); without
 * it, mailed links give the address listened on, which only listening tells (port 0, or a port taken).
 * @throws the listen error (EADDRINUSE, EACCES) as Node reports it.
 */
export async function startServer(deps: ServerDeps, options: ListenOptions): Promise<RunningServer> {
  const headerLines = await securityHeaderLines();
  return new Promise((resolve, reject) => {
    let close: RunningServer["close"] = () => Promise.resolve(0);
    // The app is made in the listening callback, once the address is known. Node runs that callback before it
    // takes any connection (it emits "listening" on the next tick after binding), so no request finds it unmade.
    let app: ReturnType<typeof createApp> | undefined;
    const fetch: Hono["fetch"] = (request, env, context) => {
      if (!app) throw new Error("a request came before the server was listening");
      return app.fetch(request, env, context);
    };
    const server = serve({ fetch: takingTurns(fetch), port: options.port, hostname: options.host, serverOptions: options.timeouts ?? SERVER_TIMEOUTS }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}/`;
      const publicOrigin = options.origin === undefined ? { url: new URL(url).origin, configured: false } : { url: options.origin, configured: true };
      app = createApp({ ...deps, publicOrigin });
      resolve({ url, publicOrigin, close });
    });
    server.once("error", reject);
    // Without a createServer option it is Node's HTTP/1 server, which has the connection controls a stop needs.
    if (!(server instanceof Server)) throw new Error("the web server is not an HTTP/1 server");
    const responses = trackResponses(server);
    close = drainable(server, responses);
    answerClientErrors(server, headerLines, responses);
  });
}

/** The status Node gives each refusal of its parser (lib/_http_server.js); any other is 400. */
const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/**
 * Answers what Node refuses before the app sees a request — headers past its limit (431), a client too slow with
 * its headers or body (408), bytes that are no HTTP (400) — as Node itself would, with the status, no body and the
 * connection closed, but with the security headers every other answer carries (Node's own has none). As Node
 * does, nothing is written to a connection already closed, or whose response has begun: a status line in the
 * middle of an answer would corrupt it.
 */
function answerClientErrors(server: Server, headerLines: string, responses: ReadonlySet<ServerResponse>): void {
  server.on("clientError", (error: Error & { code?: string }, socket: Duplex) => {
    // The connection's first unfinished response is the one being written; pipelined ones wait behind it.
    let writing: ServerResponse | undefined;
    for (const response of responses) {
      if (response.req.socket === socket) {
        writing = response;
        break;
      }
    }
    if (socket.writable && !writing?.headersSent) {
      const status = CLIENT_ERROR_STATUS[error.code ?? ""] ?? 400;
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\nContent-Length: 0\r\n${headerLines}\r\n`);
    }
    socket.destroy(error);
  });
}

/** The responses not yet finished, in the order their requests came (a Set keeps insertion order). */
function trackResponses(server: Server): ReadonlySet<ServerResponse> {
  const responses = new Set<ServerResponse>();
  server.on("request", (_request, response: ServerResponse) => {
    responses.add(response);
    response.once("close", () => responses.delete(response));
  });
  return responses;
}

/**
 * The server's stop. It reads the responses being written (trackResponses), so that a stop can have their
 * connections close after them: Node keeps a keep-alive connection open after its response even while the server is closing
 * (until the client's keep-alive timeout), which would hold `close()` open for seconds after the last request.
 */
function drainable(server: Server, responses: ReadonlySet<ServerResponse>): RunningServer["close"] {
  let stopping = false;
  server.on("request", (_request, response: ServerResponse) => {
    // A request that came on a kept-alive connection after the stop began is served, and its connection closed.
    if (stopping) response.setHeader("Connection", "close");
    // A response whose headers had gone before the stop leaves its connection idle: close it once it is done.
    response.once("close", () => {
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  return (drainMs = DRAIN_MS) => {
    stopping = true;
    for (const response of responses) {
      if (!response.headersSent) response.setHeader("Connection", "close");
    }
    return new Promise<number>((done, fail) => {
      let cut = 0;
      const timer = setTimeout(() => {
        cut = responses.size;
        server.closeAllConnections();
      }, drainMs);
      server.close((error) => {
        clearTimeout(timer);
        if (error) fail(error);
        else done(cut);
      });
      server.closeIdleConnections();
    });
  };
}

/**
 * A local round-robin HTTP proxy in front of several `quire serve` processes on one library, standing for the
 * load balancer (nginx, HAProxy) of a deployment that runs more than one. Each request goes to the next server
 * in turn over kept-alive connections, with the client's address as the last X-Forwarded-For hop, as such a
 * proxy adds it, so the servers (run with --trust-proxy, which believe that hop alone) count rate limits per
 * client, not per proxy. The Host header is passed on, so the forms' origin check sees the address the client used.
 *
 * Every client of this proxy connects from 127.0.0.1: the load run's readers stand for readers at addresses of
 * their own by sending one in X-Forwarded-For, so that header, when a client sends one, is taken as the address
 * the client connected from, where a real proxy would append the socket's.
 *
 * node:http rather than a library: the job is a few lines (choose, forward, pipe back), no proxy library is
 * installed, and the usual one (http-proxy) has had no release since 2020.
 */
import { once } from "node:events";
import { Agent, createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";

export interface RunningProxy {
  url: string;
  /** Requests each server was sent, in the order of the servers given. */
  forwarded: readonly number[];
  close(): Promise<void>;
}

/** Headers about one connection (RFC 9110 §7.6.1), which a proxy must not pass on to the next. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Listens on 127.0.0.1 (any free port) and forwards to the servers, e.g. `["http://127.0.0.1:4001/", …]`. */
export async function startRoundRobinProxy(servers: readonly string[]): Promise<RunningProxy> {
  const upstreams = servers.map((server) => new URL(server));
  const forwarded = upstreams.map(() => 0);
  // Idle connections are let go after 4 s, before the servers' own 5 s keep-alive timeout would close them under
  // a request just sent (Node's default; the race the agent otherwise loses now and then under load).
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  let next = 0;
  const proxy = createServer((incoming, outgoing) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    const upstream = upstreams[index];
    if (!upstream) throw new Error("a proxy needs at least one server");
    forwarded[index] = (forwarded[index] ?? 0) + 1;
    const claimed = incoming.headers["x-forwarded-for"];
    const headers = { ...endToEnd(incoming.headers), "x-forwarded-for": claimed ?? incoming.socket.remoteAddress ?? "unknown" };
    const toServer = request({ hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(outgoing);
    });
    // A server that cannot be reached or drops the request: the client gets a 502, as from a real proxy.
    toServer.on("error", () => {
      if (outgoing.destroyed) return;
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end("bad gateway\n");
    });
    // A client that gives up (a timeout) takes its request away from the server too, as nginx does by default.
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) toServer.destroy();
    });
    incoming.pipe(toServer);
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("the proxy is not listening on a TCP port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    forwarded,
    close: async () => {
      const closed = once(proxy, "close");
      proxy.close();
      proxy.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}

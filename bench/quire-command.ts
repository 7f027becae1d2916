/**
 * The `quire` command as a user runs it, for the benchmarks and the proving ground: the package's bin/quire.js
 * (found from the package root, so the same whether this runs compiled from dist/ or from the sources in the
 * tests), the `--db` argument that names a library, and `quire serve` started on a free port.
 */
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { DatabaseTarget } from "../src/config.js";
import { packageRoot } from "../src/package-root.js";
import { freePort, startServer } from "./server-process.js";

export const QUIRE_BIN = join(packageRoot(), "bin", "quire.js");

/**
 * `--db`'s spelling of a target, the inverse of parseDatabaseTarget. Not describeDatabaseTarget, which masks a
 * PostgreSQL password for printing: a child process given that could not sign in.
 */
export function databaseArgument(target: DatabaseTarget): string {
  return target.engine === "sqlite" ? `sqlite:${target.path}` : target.url;
}

/** `quire serve` on the library, on a free port of 127.0.0.1, once it has opened the library and listens. */
export async function serveQuire(target: DatabaseTarget, options: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // The address is printed once the server listens, after the library has been opened and migrated.
  const child = await startServer(process.execPath, [QUIRE_BIN, "serve", "--db", databaseArgument(target), "--port", String(port), ...options], url);
  return { child, url };
}

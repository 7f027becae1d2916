/**
 * Server processes for the benchmarks and the proving ground: started as a user starts them, awaited until they
 * print their address, and stopped with SIGTERM as a service manager would (or SIGKILL, as a crash would).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no TCP port to listen on");
  return address.port;
}

/** Starts a server process and resolves once it prints `ready`; its output is drained from then on. */
export async function startServer(command: string, args: readonly string[], ready: string): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} printed no "${ready}" within 2 minutes:\n${output}`)), 120_000);
    const check = () => {
      if (!output.includes(ready)) return;
      clearTimeout(timer);
      child.off("exit", exited);
      resolve();
    };
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before it served:\n${output}`));
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", exited);
  });
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  return child;
}

/**
 * Stops the process with SIGTERM (a server's graceful stop), killing it if it has not exited 15 s later.
 * @returns its exit code, null when a signal ended it (or it had ended before).
 */
export async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  const [code] = await exited;
  clearTimeout(timer);
  return typeof code === "number" ? code : null;
}

/** SIGKILL, and the exit waited for; nothing if it has exited already. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, "exit");
  child.kill("SIGKILL");
  await exit;
}

export async function fetchOk(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}\n${body.slice(0, 500)}`);
  return body;
}

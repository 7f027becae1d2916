/** Runs the CLI in process with captured output, or the real `bin/quire.js` in a child process. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const BIN = join(import.meta.dirname, "..", "..", "bin", "quire.js");

/** The installed binary, as a user runs it (needs `npm run build`, which `npm test` does first). */
export function runBin(args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

export interface ServingBin {
  child: ChildProcess;
  /** The address it printed, with a trailing slash. */
  address: string;
  /** What it has printed so far. */
  printed(): string;
}

/** `quire serve --port 0 …` from the real binary, once it has printed its address and how to stop it. */
export async function startServeBin(args: readonly string[]): Promise<ServingBin> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  // Read, so a server that writes much there never blocks on a full pipe, and kept, for the reason it failed.
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: string) => {
      stdout += d;
      const found = stdout.match(/serving the archive at (http:\/\/127\.0\.0\.1:\d+\/)/u)?.[1];
      if (found && stdout.includes("Ctrl-C")) resolve(found);
    });
    child.once("exit", () => reject(new Error(`quire serve exited early: ${stdout}${stderr}`)));
  });
  return { child, address, printed: () => stdout };
}

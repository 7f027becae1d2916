/** A process's resident memory, read from /proc (Linux) as the benchmarks and the proving ground report it. */
import { readFileSync } from "node:fs";

/**
 * Current and peak resident memory (VmRSS and VmHWM, worker threads included), in bytes.
 * @returns null where there is no /proc entry for the process (not Linux, or it has exited).
 */
export function residentMemory(pid: number | undefined): { rss: number; peak: number } | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const bytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "mu").exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: bytes("VmRSS"), peak: bytes("VmHWM") };
}

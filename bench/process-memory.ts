/** A process's resident memory and CPU time, read from /proc (Linux) as the benchmarks and the proving ground report them. */
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

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture since the kernel fixed it for user space. */
const CLOCK_TICKS = 100;

/** CPU seconds a process has used (user + system), from /proc; null where there is none (not Linux). */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    // After the command name, in parentheses, come the state (field 3), … utime (14) and stime (15): proc(5).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

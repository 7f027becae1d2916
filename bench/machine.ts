/** The line every benchmark prints first: what it ran on, so figures are never quoted without their machine. */
import os from "node:os";

export function machineLine(title: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  // The load average says how busy the machine was as the run began: figures from a shared machine say so.
  const load = os.loadavg().map((n) => n.toFixed(1)).join(", ");
  return `${title} — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}, load average ${load} at the start`;
}

/** The folder benchmarks keep generated corpora and libraries in between runs. */
export const BENCH_DIR = process.env.QUIRE_BENCH_DIR ?? `${os.tmpdir()}/quire-bench`;

/** `--name value` (or `--name=value`) from the command line (or from `argv`), or the fallback. */
export function flag(name: string, fallback: string, argv: readonly string[] = process.argv): string {
  const index = argv.indexOf(`--${name}`);
  if (index >= 0) return argv[index + 1] ?? fallback;
  const joined = argv.find((arg) => arg.startsWith(`--${name}=`));
  return joined === undefined ? fallback : joined.slice(name.length + 3);
}

/**
 * A whole-number flag (a count, a size, a seed), or the fallback.
 * @throws naming the flag when its value is not a whole number of at least `least`, rather than run with NaN.
 * @example wholeNumberFlag("works", 10_000, argv) // 500 for `--works 500`
 */
export function wholeNumberFlag(name: string, fallback: number, argv: readonly string[] = process.argv, least = 1): number {
  const value = flag(name, String(fallback), argv);
  const n = Number(value);
  if (value.trim() === "" || !Number.isSafeInteger(n) || n < least) throw new Error(`--${name} takes a whole number from ${least}, not ${value}`);
  return n;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The line every benchmark prints first: what it ran on, so figures are never quoted without their machine. */
import os from "node:os";

export function machineLine(title: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${title} — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The folder benchmarks keep generated corpora and libraries in between runs. */
export const BENCH_DIR = process.env.QUIRE_BENCH_DIR ?? `${os.tmpdir()}/quire-bench`;

/** `--name value` from the command line (or from `argv`), or the fallback. */
export function flag(name: string, fallback: string, argv: readonly string[] = process.argv): string {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? (argv[index + 1] ?? fallback) : fallback;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

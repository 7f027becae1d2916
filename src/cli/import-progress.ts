/**
 * How `quire import` shows its progress: a bar on a terminal (files done/total, works/s, MB/s, ETA, the current
 * file), a plain line every few seconds when output goes to a file or pipe, or nothing. Failures are printed as
 * they happen, above the bar.
 */
import cliProgress from "cli-progress";
import type { ImportEvent } from "../services/import/import-files.js";
import type { Io } from "./io.js";
import { printable } from "./printable.js";

export type ProgressMode = "bar" | "lines" | "silent";

export interface ImportProgress {
  onEvent(event: ImportEvent): void;
  /** Always called, in a finally: restores the terminal's cursor. */
  stop(): void;
}

const LINE_INTERVAL_MS = 5_000;
const MB = 1024 * 1024;

export function createImportProgress(io: Io, mode: ProgressMode): ImportProgress {
  const started = Date.now();
  let total = { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  let works = 0;
  let current = "";
  let lastLine = started;

  const rates = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const bytesPerSecond = bytes / seconds;
    const eta = total.bytes > 0 && bytesPerSecond > 0 ? Math.max(0, (total.bytes - bytes) / bytesPerSecond) : null;
    return { worksPerSecond: works / seconds, mbPerSecond: bytesPerSecond / MB, eta };
  };

  // A MultiBar with one bar, because only MultiBar can print lines above the bar while it runs.
  const bars = mode === "bar" && io.terminal
    ? new cliProgress.MultiBar({
        stream: io.terminal,
        format: "{bar} {value}/{total} files | {works} works/s | {mbps} MB/s | ETA {etaText} | {file}",
        barsize: 24,
        hideCursor: true,
        linewrap: false,
        fps: 8,
      }, cliProgress.Presets.shades_classic)
    : null;

  let bar: cliProgress.SingleBar | null = null;

  const barValues = () => {
    const { worksPerSecond, mbPerSecond, eta } = rates();
    return { works: worksPerSecond.toFixed(0), mbps: mbPerSecond.toFixed(1), etaText: formatSeconds(eta), file: shorten(current, 40) };
  };

  return {
    onEvent: (event) => {
      switch (event.type) {
        case "surveyed":
          total = { files: event.files, bytes: event.bytes };
          bar = bars?.create(event.files, 0, barValues()) ?? null;
          if (mode === "lines") io.err(`importing ${event.files} files (${(event.bytes / MB).toFixed(1)} MB)\n`);
          return;
        case "reading":
          current = printable(event.file);
          return;
        case "done":
          files += 1;
          bytes += event.bytes;
          if (event.outcome.kind === "imported" || event.outcome.kind === "updated") works += 1;
          if (event.outcome.kind === "failed") {
            const line = `failed: ${printable(event.file)}: ${printable(event.outcome.error)}\n`;
            if (bars) bars.log(line);
            else if (mode === "lines") io.err(line);
          }
          if (bar) bar.update(files, barValues());
          else if (mode === "lines" && Date.now() - lastLine >= LINE_INTERVAL_MS) {
            lastLine = Date.now();
            const { worksPerSecond, mbPerSecond, eta } = rates();
            const percent = total.files > 0 ? ` (${Math.floor((files / total.files) * 100)}%)` : "";
            io.err(`${files}/${total.files} files${percent}, ${worksPerSecond.toFixed(0)} works/s, ${mbPerSecond.toFixed(1)} MB/s, ETA ${formatSeconds(eta)}, at ${current}\n`);
          }
          return;
      }
    },
    stop: () => bars?.stop(),
  };
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "--";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

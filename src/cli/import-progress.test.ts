/** The import's progress display: a bar on a terminal, timed lines elsewhere, failures always shown. */
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { ImportEvent } from "../services/import/import-files.js";
import { createImportProgress } from "./import-progress.js";

function fakeTerminal(): { stream: NodeJS.WriteStream; output: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160, rows: 40 });
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  // The fake only needs what cli-progress uses of a terminal: writes, isTTY and columns.
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => text };
}

const events: ImportEvent[] = [
  { type: "surveyed", files: 4, bytes: 4 * 1024 * 1024 },
  { type: "reading", file: "fics/one.txt" },
  { type: "done", file: "fics/one.txt", bytes: 1024 * 1024, outcome: { kind: "imported", workId: 1 } },
  { type: "reading", file: "fics/two.epub" },
  { type: "done", file: "fics/two.epub", bytes: 1024 * 1024, outcome: { kind: "failed", error: "EPUB rejected: a damaged zip archive" } },
];

describe("import progress", () => {
  it("draws a bar with files, works/s, MB/s, ETA and the current file on a terminal, failures above it", async () => {
    const terminal = fakeTerminal();
    const progress = createImportProgress({ out: () => undefined, err: () => undefined, terminal: terminal.stream }, "bar");
    try {
      for (const event of events) progress.onEvent(event);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      progress.stop();
    }
    const output = terminal.output();
    expect(output).toMatch(/2\/4 files \| \d+ works\/s \| [\d.]+ MB\/s \| ETA [\d-]+ s? ?\| fics\/two\.epub/u);
    expect(output).toContain("failed: fics/two.epub: EPUB rejected: a damaged zip archive\n");
  });

  it("prints a line every few seconds, and failures as they happen, when output is not a terminal", () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const progress = createImportProgress({ out: () => undefined, err: (text) => lines.push(text) }, "lines");
      progress.onEvent(events[0] as ImportEvent);
      progress.onEvent(events[1] as ImportEvent);
      progress.onEvent(events[2] as ImportEvent);
      vi.advanceTimersByTime(6_000);
      progress.onEvent(events[3] as ImportEvent);
      progress.onEvent(events[4] as ImportEvent);
      progress.stop();
      expect(lines).toEqual([
        "importing 4 files (4.0 MB)\n",
        "failed: fics/two.epub: EPUB rejected: a damaged zip archive\n",
        expect.stringMatching(/^2\/4 files \(50%\), 0 works\/s, 0\.3 MB\/s, ETA 6 s, at fics\/two\.epub\n$/u),
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("prints nothing in silent mode", () => {
    const lines: string[] = [];
    const progress = createImportProgress({ out: (t) => lines.push(t), err: (t) => lines.push(t) }, "silent");
    for (const event of events) progress.onEvent(event);
    progress.stop();
    expect(lines).toEqual([]);
  });
});

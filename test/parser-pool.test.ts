/** The worker-thread parser pool: results equal the in-process parser's; a file over the time limit fails alone. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createParserPool } from "../src/services/import/parser-pool.js";
import { inProcessParser, type StoryParser } from "../src/services/import/story-parser.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "parse");

describe("parser pool", () => {
  let pool: StoryParser | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it("parses on worker threads exactly as in process, many files at once", async () => {
    pool = createParserPool({ workers: 2 });
    const names = ["text-header-sg1-basic.txt", "html-ao3-oneshot.html", "md-frontmatter-startrek.md", "enc-cp1252-pride.txt"];
    const files = await Promise.all(names.map((name) => readFile(join(FIXTURES, name))));
    const inWorkers = await Promise.all(files.map((bytes, i) => pool?.parse(new Uint8Array(bytes), names[i] ?? "")));
    const inProcess = await Promise.all(files.map((bytes, i) => inProcessParser.parse(new Uint8Array(bytes), names[i] ?? "")));
    expect(inWorkers).toEqual(inProcess);
  });

  it("reports a file that is not a story with the parser's reason", async () => {
    pool = createParserPool({ workers: 1 });
    await expect(pool.parse(new Uint8Array(0), "empty.txt")).rejects.toMatchObject({ code: "empty", message: "file is empty" });
  });

  it("fails a file that takes longer than the limit, replaces the worker, and goes on", async () => {
    // The 16 MB file takes seconds to parse; the short one, in the fresh worker that replaces the first, a few
    // tens of milliseconds even on a busy machine: half a second parts them with room on both sides.
    pool = createParserPool({ workers: 1, timeoutMs: 500 });
    const huge = new TextEncoder().encode(`Title: Slow\n\n${"The river ran on and on past the mill. ".repeat(400_000)}`);
    await expect(pool.parse(huge, "slow.txt")).rejects.toMatchObject({ code: "parser-limit", message: "parsing took longer than 500 ms" });
    const next = await pool.parse(new TextEncoder().encode("Title: Quick\n\nA short story that parses at once.\n"), "quick.txt");
    expect(next.work.title).toBe("Quick");
  });

  it("fails the files it is parsing and those waiting when it is closed", async () => {
    const closing = createParserPool({ workers: 1 });
    const big = new TextEncoder().encode(`Title: Long\n\n${"The river ran on and on past the mill. ".repeat(400_000)}`);
    // Settled into values at once, so that their rejections during close() are handled.
    const outcome = (promise: Promise<unknown>) => promise.then(() => "parsed", (error: unknown) => error);
    const running = outcome(closing.parse(big, "long.txt"));
    const waiting = outcome(closing.parse(new TextEncoder().encode("Title: Next\n\nA short one.\n"), "next.txt"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await closing.close();
    expect(await running).toMatchObject({ code: "cancelled" });
    expect(await waiting).toMatchObject({ code: "cancelled" });
    await expect(closing.parse(new Uint8Array(1), "after.txt")).rejects.toMatchObject({ code: "cancelled" });
  });
});


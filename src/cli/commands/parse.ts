/** `quire parse <file…> [--json]`: one story file in, the structured work out. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseStory } from "../../importers/parse-story.js";
import { formatWorkSummary } from "../format-work-summary.js";
import { UsageError, type Io } from "../main.js";

export async function runParse(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (positionals.length === 0) throw new UsageError("parse needs a file: quire parse <file> [--json]");
  if (values.json && positionals.length > 1) throw new UsageError("parse --json takes exactly one file");

  if (values.json) {
    const path = positionals[0] ?? "";
    const { work } = await parseStory(await readFile(path), path);
    io.out(`${JSON.stringify(work, null, 2)}\n`);
    return 0;
  }
  // Several files (as `npm start` passes the samples): each summary in turn; a bad file is reported and the
  // rest still print, and the exit code says something failed.
  let failed = 0;
  for (const [index, path] of positionals.entries()) {
    try {
      const result = await parseStory(await readFile(path), path);
      io.out(`${index > 0 ? "\n" : ""}${formatWorkSummary(path, result)}`);
    } catch (error) {
      if (positionals.length === 1) throw error;
      failed += 1;
      io.err(`quire: ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: { json: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (usage: quire parse <file> [--json])`);
  }
}

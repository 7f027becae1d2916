/**
 * `quire parse <file…> [--json]`: one story file in, the structured work out, tagged with the starter vocabulary
 * (canonical tags, and what the file never said inferred from its text, with evidence).
 */
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { QuireError } from "../../domain/errors.js";
import { MAX_STORY_BYTES, parseStory, type ParseResult } from "../../importers/parse-story.js";
import { starterVocabulary } from "../../tags/starter-vocabulary.js";
import { tagWork } from "../../tags/tag-work.js";
import { Vocabulary } from "../../tags/vocabulary.js";
import { formatWorkSummary } from "../format-work-summary.js";
import { UsageError, type Io } from "../io.js";

export async function runParse(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (positionals.length === 0) throw new UsageError("parse needs a file: quire parse <file> [--json]");
  if (values.json && positionals.length > 1) throw new UsageError("parse --json takes exactly one file");

  if (values.json) {
    const { work } = await parseFile(positionals[0] ?? "");
    io.out(`${JSON.stringify(work, null, 2)}\n`);
    return 0;
  }
  // Several files (as `npm start` passes the samples): each summary in turn; a bad file is reported and the
  // rest still print, and the exit code says something failed.
  let failed = 0;
  for (const [index, path] of positionals.entries()) {
    try {
      io.out(`${index > 0 ? "\n" : ""}${formatWorkSummary(path, await parseFile(path))}`);
    } catch (error) {
      if (positionals.length === 1) throw error;
      failed += 1;
      io.err(`quire: ${error instanceof QuireError ? error.message : `${path}: unexpected error: ${String(error instanceof Error ? error.message : error).split("\n")[0] ?? ""}`}\n`);
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

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file", ENOTDIR: "no such file", EACCES: "permission denied", ELOOP: "too many symbolic links",
};

let vocabulary: Vocabulary | undefined;

/** Parses and tags one file; every error it reports names the file. */
async function parseFile(path: string): Promise<ParseResult> {
  let bytes: Uint8Array;
  try {
    // Checked before reading: a FIFO or /dev/zero would never end, and a huge file would be read only to be refused.
    const info = await stat(path);
    if (info.isDirectory()) throw new QuireError("file", `${path}: is a directory, not a story file`);
    if (!info.isFile()) throw new QuireError("file", `${path}: not a regular file`);
    if (info.size > MAX_STORY_BYTES) throw new QuireError("too-large", `${path}: file is larger than ${MAX_STORY_BYTES / 1048576} MB`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof QuireError) throw error;
    const reason = FILE_ERRORS[error instanceof Error && "code" in error ? String(error.code) : ""];
    if (reason) throw new QuireError("file", `${path}: ${reason}`, { cause: error });
    throw error;
  }
  try {
    const result = await parseStory(bytes, path);
    vocabulary ??= new Vocabulary(starterVocabulary());
    return { ...result, work: tagWork(result.work, vocabulary) };
  } catch (error) {
    if (error instanceof QuireError) throw new QuireError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

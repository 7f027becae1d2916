/**
 * `quire <command> …`: dispatches to one file per command and turns errors into one line on stderr with a
 * non-zero exit code — never a stack trace (unless QUIRE_DEBUG is set).
 */
import { QuireError } from "../domain/errors.js";
import { runGenerate } from "./commands/generate.js";
import { runImport } from "./commands/import.js";
import { runMigrate } from "./commands/migrate.js";
import { runMute } from "./commands/mute.js";
import { runParse } from "./commands/parse.js";
import { runSearch, SEARCH_HELP } from "./commands/search.js";
import { UsageError, type Io } from "./io.js";

const USAGE = `Usage: quire <command> [options]

Commands:
  parse <file…> [--json]        Read story files (text, Markdown, HTML, EPUB) and show the structured work.
                                With --json, print exactly one JSON object for one file.
  import <path…> [--json]       Import story files, folders (recursively) and .zip archives into the library.
                                --reparse reads known files again; --jobs N sets the parser threads.
  search [query…] [--json]      Search the library with the Archive's query syntax and filters
                                (quire help search lists them).
  mute add|remove|list [tag]    Mute tags library-wide: their works vanish from every result and count.
  migrate                       Bring the library's database up to date (every command also does).
  generate --works N --out DIR  Write a synthetic corpus of legacy story files with a manifest of the truth
           [--seed S]           (for benchmarks and accuracy at scale).
  help [command]                Show this help.

The library is --db sqlite:PATH (default ./quire.db) or --db postgres://…, also from QUIRE_DB.
Exit codes: 0 done, 1 error, 2 usage mistake, 3 import finished but some files failed.
`;

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { terminal: process.stderr } : {}),
};

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: Io) => Promise<number>>> = {
  parse: runParse,
  import: runImport,
  search: runSearch,
  mute: runMute,
  migrate: runMigrate,
  generate: runGenerate,
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError("a command is needed (quire help lists them)");
    if (command === "help" || command === "--help" || command === "-h") {
      io.out(rest[0] === "search" ? SEARCH_HELP : USAGE);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}" (quire help lists the commands)`);
    return await run(rest, io);
  } catch (error) {
    io.err(`quire: ${describeError(error)}\n`);
    if (process.env.QUIRE_DEBUG && error instanceof Error) io.err(`${error.stack ?? ""}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof QuireError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n")[0] ?? ""}`;
}

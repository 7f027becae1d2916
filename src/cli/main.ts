/**
 * `quire <command> …`: dispatches to one file per command and turns errors into one line on stderr with a
 * non-zero exit code — never a stack trace (unless QUIRE_DEBUG is set).
 */
import { QuireError } from "../domain/errors.js";
import { runParse } from "./commands/parse.js";
import { UsageError, type Io } from "./io.js";

const USAGE = `Usage: quire <command> [options]

Commands:
  parse <file…> [--json]   Read story files (text, Markdown, HTML, EPUB) and show the structured work.
                           With --json, print exactly one JSON object for one file.
  help                     Show this help.
`;

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "parse":
        return await runParse(rest, io);
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return 0;
      case undefined:
        throw new UsageError("a command is needed (quire help lists them)");
      default:
        throw new UsageError(`unknown command "${command}" (quire help lists the commands)`);
    }
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

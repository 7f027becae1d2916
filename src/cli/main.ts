/**
 * `quire <command> …`: dispatches to one file per command and turns errors into one line on stderr with a
 * non-zero exit code — never a stack trace (unless QUIRE_DEBUG is set).
 */
import { QuireError } from "../domain/errors.js";
import { UsageError, type Io } from "./io.js";

const USAGE = `Usage: quire <command> [options]

Commands:
  parse <file…> [--json]        Read story files (text, Markdown, HTML, EPUB) and show the structured work.
                                With --json, print exactly one JSON object for one file.
  import <path…> [--json]       Import story files, folders (recursively) and .zip archives into the library.
                                --reparse reads known files again; --jobs N sets the parser threads;
                                --batch N stores N works a transaction (default 200).
  search [query…] [--json]      Search the library with the Archive's query syntax and filters
                                (quire help search lists them).
  serve [--port N] [--host H]   Serve the archive on the web (http://127.0.0.1:3000/ unless told otherwise);
                                --origin URL the public address mailed links use (also QUIRE_ORIGIN; default:
                                the address listened on, never a request's Host);
                                --trust-proxy behind a TLS proxy that sets X-Forwarded-Proto and -Host;
                                --request-limit N requests a minute per client address (default 600; 0: none);
                                --mail console|DIR|smtp://… where mail goes (also QUIRE_MAIL; default console).
  users add LOGIN --email E     Make an account (--role reader|author|moderator|admin, default author); the
                                password from QUIRE_PASSWORD, else asked for (or read as one line from stdin).
  users role LOGIN ROLE         Give a user a role: the way to the first admin.
  mute add|remove|list [tag]    Mute tags library-wide: their works vanish from every result and count.
  tags <action> …               The tag vocabulary: show, unwrangled, canonical, merge, parent, meta, rename,
                                history, import and export (quire help tags lists them).
  review [--below 0.75]         List the values the tagger inferred with less confidence, and inferred ratings;
  review accept|correct <id>    accept them, or correct one (--field F --value OLD --to NEW | --remove).
  duplicates [--threshold X]    List groups of near-duplicate works: the same story from two sources, or two
                                versions of one (X: how much of the shorter is in the longer, default 0.7).
  duplicates merge KEEP OTHER   Merge work OTHER into KEEP: its source files, kudos, bookmarks, comments and
                                subscriptions move to KEEP, and OTHER is deleted.
  export <id…|--all> --format F Write works as download files (F: epub, html, txt or md) into --out DIR, named
         --out DIR              after their titles; --origin URL is the archive's address the books link to.
  export-site OUT               Write the archive as a static website into OUT (what a guest may read, with
                                search in the browser and downloads), for any static host; OUT is new, empty or
                                an earlier export. --origin URL is the archive's address the books cite.
  migrate                       Bring the library's database up to date (every command also does).
  backup FILE                   Back the library up while it may be in use: FILE.jsonl or FILE.jsonl.gz, a
                                portable dump from either engine; FILE.sqlite or FILE.db, a copy of a SQLite library.
  restore FILE [--replace]      Restore a dump into an empty library on either engine (--replace: replace one
                                that holds works or accounts).
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

type Command = (args: readonly string[], io: Io) => Promise<number>;

// Each command's modules load only when it runs: `quire parse` need not start the database drivers, and no
// command pays for the corpus generator's tables but `quire generate`.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  parse: async () => (await import("./commands/parse.js")).runParse,
  import: async () => (await import("./commands/import.js")).runImport,
  search: async () => (await import("./commands/search.js")).runSearch,
  serve: async () => (await import("./commands/serve.js")).runServe,
  mute: async () => (await import("./commands/mute.js")).runMute,
  users: async () => (await import("./commands/users.js")).runUsers,
  tags: async () => (await import("./commands/tags.js")).runTags,
  review: async () => (await import("./commands/review.js")).runReview,
  duplicates: async () => (await import("./commands/duplicates.js")).runDuplicates,
  export: async () => (await import("./commands/export.js")).runExport,
  "export-site": async () => (await import("./commands/export-site.js")).runExportSite,
  migrate: async () => (await import("./commands/migrate.js")).runMigrate,
  backup: async () => (await import("./commands/backup.js")).runBackup,
  restore: async () => (await import("./commands/restore.js")).runRestore,
  generate: async () => (await import("./commands/generate.js")).runGenerate,
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError("a command is needed (quire help lists them)");
    if (command === "help" || command === "--help" || command === "-h") {
      const topic = rest[0];
      io.out(topic === "search" ? (await import("./commands/search.js")).SEARCH_HELP : topic === "tags" ? (await import("./commands/tags.js")).TAGS_HELP : USAGE);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command "${command}" (quire help lists the commands)`);
    return await (await load())(rest, io);
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

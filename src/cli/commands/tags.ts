/**
 * `quire tags …`: the library's tag vocabulary and its wrangling. `show`, `unwrangled` and `history` read;
 * `canonical`, `merge`, `parent`, `meta` and `rename` wrangle, each in one transaction that refreshes the affected
 * works' filters at once; `import` and `export` move tags in and out as an Archive tag dump (CSV) or a Quire
 * vocabulary file (YAML). `quire help tags` lists them.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { openQuire } from "../../composition.js";
import type { WranglingEntry } from "../../db/repositories/wrangling-history.js";
import type { UnwrangledTag, WrangledTag } from "../../db/repositories/wrangling.js";
import { AmbiguousTagError } from "../../domain/errors.js";
import { TAG_TYPES, type TagType } from "../../domain/tags/tag-type.js";
import type { TagRef } from "../../search/work-search.js";
import { describeTags, listUnwrangled, listWranglingHistory, type TagDescription } from "../../services/tags/describe-tags.js";
import { importTagFile } from "../../services/tags/import-tags.js";
import { makeTagCanonical } from "../../services/tags/make-canonical.js";
import { mergeTag } from "../../services/tags/merge-tag.js";
import { renameTag } from "../../services/tags/rename-tag.js";
import { exportTagDump, type TagImportReport } from "../../services/tags/tag-dump.js";
import { addMetaTag, addTagParent, removeMetaTag, removeTagParent, type LinkOutcome } from "../../services/tags/tag-links.js";
import { exportVocabularyFile } from "../../services/tags/vocabulary-transfer.js";
import type { TagLibrary, WranglingOutcome } from "../../services/tags/wrangle.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger, rejectOtherFlags, tagTypeOption } from "../args.js";
import { EXIT_SOME_FAILED, UsageError, type Io } from "../io.js";
import { printable } from "../printable.js";

export const TAGS_HELP = `Usage: quire tags <action> … [--db TARGET]

  show <name> [--type T] [--json]             a tag: canonical, synonym or unwrangled, its synonyms, parents,
                                              children, meta and sub tags, details and works
  unwrangled [--type T] [--limit N] [--json]  tags neither canonical nor synonyms, the most used first
  canonical <name> [--type T]                 make a tag canonical
  merge <synonym> --into <canonical> [--type T]
                                              make a tag a synonym of a canonical tag of its type
  parent add|remove <child> <parent> [--type T]
                                              file a tag under a fandom or character (Fandom → Character,
                                              Relationship, Freeform; Character → Relationship)
  meta add|remove <sub> <meta> [--type T]     put a canonical tag under a meta tag of its type
  rename <name> <new name> [--type T]         change a tag's case or diacritics, nothing else
  history [--limit N] [--json]                the latest wrangling operations, newest first
  import <file> [--json]                      an Archive tag dump (.csv: id,type,name,canonical,cached_count,
                                              merger_id) or a Quire vocabulary file (.yaml)
  export [--format csv|quire] [--out FILE]    every tag as an Archive tag dump (the default), or the vocabulary
                                              as a Quire vocabulary file

Names with spaces go in quotes where an action takes two. --type (${TAG_TYPES.join(", ")}) names the type of the first tag, when several types have the name.
Every change refreshes the filters of the works it reaches at once, and is kept in the history.
`;

const USAGE = "quire tags show|unwrangled|canonical|merge|parent|meta|rename|history|import|export … (quire help tags)";

const OPTIONS = {
  ...DB_OPTION,
  type: { type: "string" },
  into: { type: "string" },
  limit: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean", default: false },
} as const;

/** The flags each action takes, besides --db. */
const ACTION_FLAGS: Readonly<Record<string, readonly string[]>> = {
  show: ["type", "json"], unwrangled: ["type", "limit", "json"], canonical: ["type"], merge: ["type", "into"], parent: ["type"], meta: ["type"],
  rename: ["type"], history: ["limit", "json"], import: ["json"], export: ["format", "out"],
};

const DEFAULT_UNWRANGLED = 50;
const DEFAULT_HISTORY = 20;
const LIMIT_MAX = 100_000;
/** Rejected rows printed after an import; --json lists them all. */
const REJECTED_SHOWN = 20;

type LinkAction = { kind: "parent" | "meta"; add: boolean; lower: TagRef; upper: TagRef };
type Request =
  | { action: "show"; ref: TagRef; json: boolean }
  | { action: "unwrangled"; type: TagType | null; limit: number; json: boolean }
  | { action: "canonical"; ref: TagRef }
  | { action: "merge"; synonym: TagRef; canonical: TagRef }
  | ({ action: "link" } & LinkAction)
  | { action: "rename"; ref: TagRef; name: string }
  | { action: "history"; limit: number; json: boolean }
  | { action: "import"; path: string; json: boolean }
  | { action: "export"; format: "csv" | "quire"; out: string | null };

export async function runTags(args: readonly string[], io: Io): Promise<number> {
  const { request, db } = parseRequest(args);
  const quire = await openQuire(databaseFrom(db));
  try {
    return await run(quire.library, request, io);
  } catch (error) {
    if (error instanceof AmbiguousTagError) {
      throw new UsageError(`"${error.tagName}" names tags of several types (${error.types.join(", ")}): add ${error.types.map((t) => `--type ${t}`).join(" or ")}`);
    }
    throw error;
  } finally {
    await quire.close();
  }
}

/** The action and its arguments, checked before the library opens. */
function parseRequest(args: readonly string[]): { request: Request; db: string | undefined } {
  const { values: flags, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const [action, ...rest] = positionals;
  // An unknown action is refused below, by name.
  if (action !== undefined && Object.hasOwn(ACTION_FLAGS, action)) rejectOtherFlags(flags, ACTION_FLAGS[action] ?? [], `tags ${action}`, USAGE);
  const type = flags.type === undefined ? null : tagTypeOption(flags.type);
  const oneName = (what: string): TagRef => {
    const name = rest.join(" ").trim();
    if (name.length === 0) throw new UsageError(`tags ${action ?? ""} needs ${what} (usage: ${USAGE})`);
    return { name, type };
  };
  const names = (count: number, what: string, given: readonly string[] = rest): string[] => {
    if (given.length !== count || given.some((n) => n.trim().length === 0)) throw new UsageError(`tags ${action ?? ""} takes ${what}; quote names with spaces (usage: ${USAGE})`);
    return given.map((n) => n.trim());
  };
  const limit = (fallback: number) => (flags.limit === undefined ? fallback : positiveInteger("--limit", flags.limit, LIMIT_MAX));
  const request = ((): Request => {
    switch (action) {
      case "show":
        return { action, ref: oneName("a tag name"), json: flags.json };
      case "unwrangled":
        names(0, "no names");
        return { action, type, limit: limit(DEFAULT_UNWRANGLED), json: flags.json };
      case "canonical":
        return { action, ref: oneName("a tag name") };
      case "merge": {
        if (flags.into === undefined || flags.into.trim().length === 0) throw new UsageError(`tags merge needs --into <canonical tag> (usage: ${USAGE})`);
        return { action, synonym: oneName("the tag to merge"), canonical: { name: flags.into.trim(), type } };
      }
      case "parent":
      case "meta": {
        const [verb, ...pair] = rest;
        if (verb !== "add" && verb !== "remove") throw new UsageError(`tags ${action} takes add or remove (usage: ${USAGE})`);
        const [lower = "", upper = ""] = names(2, action === "parent" ? "a child tag and its parent" : "a sub tag and its meta tag", pair);
        return { action: "link", kind: action, add: verb === "add", lower: { name: lower, type }, upper: { name: upper, type: null } };
      }
      case "rename": {
        const [name = "", newName = ""] = names(2, "a tag's name and its new name");
        return { action, ref: { name, type }, name: newName };
      }
      case "history":
        names(0, "no names");
        return { action, limit: limit(DEFAULT_HISTORY), json: flags.json };
      case "import":
        return { action, path: names(1, "one file")[0] ?? "", json: flags.json };
      case "export": {
        names(0, "no names");
        const format = flags.format?.trim().toLowerCase() ?? "csv";
        if (format !== "csv" && format !== "quire") throw new UsageError(`--format takes csv or quire, not "${flags.format ?? ""}"`);
        return { action, format, out: flags.out ?? null };
      }
      default:
        throw new UsageError(action === undefined ? `tags needs an action (usage: ${USAGE})` : `unknown tags action "${action}" (usage: ${USAGE})`);
    }
  })();
  return { request, db: flags.db };
}

async function run(library: TagLibrary, request: Request, io: Io): Promise<number> {
  const { db } = library;
  switch (request.action) {
    case "show": {
      const tags = await describeTags(db, request.ref);
      io.out(request.json ? `${JSON.stringify(tags)}\n` : tags.map(formatDescription).join("\n"));
      return 0;
    }
    case "unwrangled": {
      const tags = await listUnwrangled(db, request);
      io.out(request.json ? `${JSON.stringify(tags)}\n` : formatUnwrangled(tags));
      return 0;
    }
    case "canonical": {
      const { tag, changed, works } = await makeTagCanonical(library, request.ref);
      io.out(changed ? `Made ${label(tag)} canonical${refreshed(works)}.\n` : `${label(tag)} is canonical already.\n`);
      return 0;
    }
    case "merge": {
      const merged = await mergeTag(library, request.synonym, request.canonical);
      const moved = [merged.synonymsMoved > 0 ? `its ${merged.synonymsMoved} synonyms followed` : "", merged.linksMoved > 0 ? `its ${merged.linksMoved} links moved to "${printable(merged.canonical.name)}"` : ""].filter((s) => s);
      io.out(merged.changed
        ? `Merged ${label(merged.synonym)} into "${printable(merged.canonical.name)}"${refreshed(merged.works)}${moved.length > 0 ? `; ${moved.join(", ")}` : ""}.\n`
        : `${label(merged.synonym)} is a synonym of "${printable(merged.canonical.name)}" already.\n`);
      return 0;
    }
    case "link":
      io.out(formatLink(request, await (request.kind === "parent" ? (request.add ? addTagParent : removeTagParent) : request.add ? addMetaTag : removeMetaTag)(library, request.lower, request.upper)));
      return 0;
    case "rename": {
      const { tag, previousName, changed } = await renameTag(library, request.ref, request.name);
      io.out(changed ? `Renamed "${printable(previousName)}" to ${label(tag)}.\n` : `${label(tag)} has that name already.\n`);
      return 0;
    }
    case "history": {
      const entries = await listWranglingHistory(db, request.limit);
      io.out(request.json ? `${JSON.stringify(entries)}\n` : formatHistory(entries));
      return 0;
    }
    case "import": {
      const report = await importTagFile(library, request.path);
      io.out(request.json ? `${JSON.stringify(report)}\n` : formatImport(request.path, report));
      return report.rejected.length > 0 ? EXIT_SOME_FAILED : 0;
    }
    case "export":
      return exportTags(library, request, io);
  }
}

async function exportTags(library: TagLibrary, request: { format: "csv" | "quire"; out: string | null }, io: Io): Promise<number> {
  const file = request.out === null ? null : createWriteStream(request.out);
  const write = (text: string) => (file ? file.write(text) : io.out(text));
  try {
    if (request.format === "csv") {
      const count = await exportTagDump(library.db, write);
      if (request.out !== null) io.out(`Wrote ${count} tags to ${printable(request.out)}.\n`);
    } else {
      const { text, omitted } = await exportVocabularyFile(library.db);
      write(text);
      if (request.out !== null) io.out(`Wrote the vocabulary to ${printable(request.out)}.\n`);
      if (omitted.length > 0) io.err(`Left out, as a vocabulary file cannot hold them: ${omitted.map(printable).join(", ")}\n`);
    }
  } finally {
    if (file) {
      file.end();
      await once(file, "close");
    }
  }
  return 0;
}

const label = (tag: Pick<WrangledTag, "name" | "type">) => `"${printable(tag.name)}" (${tag.type})`;
const refreshed = (works: number) => (works > 0 ? `; ${works} ${works === 1 ? "work's" : "works'"} filters refreshed` : "");

function formatLink(request: LinkAction, { lower, upper, changed, works }: LinkOutcome & WranglingOutcome): string {
  const relation = request.kind === "parent" ? `under the parent ${label(upper)}` : `under the meta tag ${label(upper)}`;
  if (!changed) return request.add ? `${label(lower)} was ${relation} already.\n` : `${label(lower)} was not ${relation}.\n`;
  return `${label(lower)} is ${request.add ? "now" : "no longer"} ${relation}${refreshed(works)}.\n`;
}

function formatDescription(tag: TagDescription): string {
  const lines = [`${printable(tag.name)} (${tag.type}): ${tag.status === "synonym" ? `synonym of "${printable(tag.synonymOf ?? "?")}"` : tag.status}, on ${tag.works} ${tag.works === 1 ? "work" : "works"}`];
  const list = (title: string, names: readonly string[]) => {
    if (names.length > 0) lines.push(`  ${title}: ${names.map(printable).join(", ")}`);
  };
  list("Synonyms", tag.synonyms);
  list("Parents", tag.parents);
  list("Children", tag.children);
  list("Meta tags", tag.metaTags);
  list("Sub tags", tag.subTags);
  for (const [key, value] of Object.entries(tag.details)) lines.push(`  ${key}: ${printable(Array.isArray(value) ? value.join(", ") : String(value))}`);
  return `${lines.join("\n")}\n`;
}

function formatUnwrangled(tags: readonly UnwrangledTag[]): string {
  if (tags.length === 0) return "No unwrangled tags.\n";
  const width = Math.max(...tags.map((t) => String(t.works).length), 5);
  return `${"works".padStart(width)}  type          tag\n${tags.map((t) => `${String(t.works).padStart(width)}  ${t.type.padEnd(12)}  ${printable(t.name)}`).join("\n")}\n`;
}

function formatHistory(entries: readonly WranglingEntry[]): string {
  if (entries.length === 0) return "No wrangling yet.\n";
  return `${entries.map((e) => {
    const tags = [e.tag, e.otherTag].filter((t) => t !== null).map(label).join(" → ");
    const detail = Object.keys(e.detail).length > 0 ? `  ${JSON.stringify(e.detail)}` : "";
    return `${e.at}  ${e.operation.padEnd(15)}  ${tags}${printable(detail)}`;
  }).join("\n")}\n`;
}

function formatImport(path: string, report: TagImportReport): string {
  const counts = [
    `${report.entries} ${report.format === "csv" ? "rows" : "entries"}`, `${report.created} tags created`, `${report.madeCanonical} made canonical`,
    `${report.merged} merged`, ...(report.format === "quire" ? [`${report.linked} links added`] : []), `${report.kept} kept as wrangled`,
    ...(report.format === "csv" ? [`${report.rejected.length} rejected`] : []), `${report.worksRefreshed} works refreshed`,
  ];
  const lines = [`Imported ${printable(path)} (${report.format === "csv" ? "Archive tag dump" : "Quire vocabulary"}): ${counts.join(", ")}.`];
  if (report.rejected.length > 0) {
    lines.push("", "Rejected:");
    for (const r of report.rejected.slice(0, REJECTED_SHOWN)) lines.push(`  line ${r.line}${r.name ? ` "${printable(r.name)}"` : ""}: ${printable(r.reason)}`);
    if (report.rejected.length > REJECTED_SHOWN) lines.push(`  … and ${report.rejected.length - REJECTED_SHOWN} more (--json lists them all)`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `quire duplicates [--threshold 0.7] [--json]`: the groups of near-duplicate works in the library (the same story
 * from two sources, or two versions of one), with how alike each pair is and which work is longest and newest.
 * `quire duplicates merge KEEP OTHER`: merges work OTHER into work KEEP and deletes OTHER.
 */
import { openQuire } from "../../composition.js";
import { DEFAULT_THRESHOLD } from "../../domain/near-duplicates/near-duplicates.js";
import { findNearDuplicates, type NearDuplicateGroup } from "../../services/duplicates/find-near-duplicates.js";
import { mergeWorks } from "../../services/duplicates/merge-works.js";
import type { ComparedWork } from "../../db/repositories/work-signatures.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, rejectOtherFlags, shareOption, workIdArgument } from "../args.js";
import { UsageError, type Io } from "../io.js";
import { printable } from "../printable.js";

const USAGE = `quire duplicates [--threshold 0.7] [--json]
       quire duplicates merge KEEP OTHER
  --threshold: how much of the shorter story must be in the longer, from 0 to 1 (or 0% to 100%); default ${DEFAULT_THRESHOLD}`;

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean", default: false },
  threshold: { type: "string" },
} as const;

type Request = { action: "list"; threshold: number; json: boolean } | { action: "merge"; keep: number; other: number };

export async function runDuplicates(args: readonly string[], io: Io): Promise<number> {
  const { request, db } = parseRequest(args);
  const quire = await openQuire(databaseFrom(db));
  try {
    const library = quire.library;
    if (request.action === "merge") {
      const { kept, merged } = await mergeWorks(library, request.keep, request.other, new Date());
      io.out(`Merged #${merged.id} "${printable(merged.title)}" into #${kept.id} "${printable(kept.title)}".\n`);
      return 0;
    }
    let lastSigned = 0;
    const groups = await findNearDuplicates(library, {
      threshold: request.threshold,
      onSigning: (signed, total) => {
        if (signed === 0) io.err(`Signing ${total} ${total === 1 ? "work" : "works"} not yet compared…\n`);
        // A line a tenth of the way, so a first run over a large library shows it is moving.
        else if (Math.floor((signed * 10) / total) > Math.floor((lastSigned * 10) / total)) io.err(`  signed ${signed} of ${total}\n`);
        lastSigned = signed;
      },
    });
    io.out(request.json ? `${JSON.stringify({ threshold: request.threshold, groups: groups.map(toJson) })}\n` : formatGroups(groups, request.threshold));
    return 0;
  } finally {
    await quire.close();
  }
}

function parseRequest(args: readonly string[]): { request: Request; db: string | undefined } {
  const { values: flags, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const [action = "list", ...rest] = positionals;
  if (action === "merge") {
    rejectOtherFlags(flags, [], "duplicates merge", USAGE);
    if (rest.length !== 2) throw new UsageError(`duplicates merge takes the work to keep and the work to merge into it (usage: ${USAGE})`);
    const [keep, other] = rest.map((id) => workIdArgument("a work id", id));
    if (keep === undefined || other === undefined) throw new UsageError(`usage: ${USAGE}`);
    return { request: { action, keep, other }, db: flags.db };
  }
  if (action !== "list" || rest.length > 0) throw new UsageError(`duplicates takes merge KEEP OTHER, or nothing to list the groups (usage: ${USAGE})`);
  return { request: { action, threshold: flags.threshold === undefined ? DEFAULT_THRESHOLD : shareOption("--threshold", "a share", flags.threshold), json: flags.json }, db: flags.db };
}

function toJson(group: NearDuplicateGroup) {
  return { works: group.works, pairs: group.pairs, longestId: group.works[0]?.id ?? null, newestId: group.newestId };
}

const percent = (n: number): string => `${Math.floor(n * 100)}%`;

function describeWork(work: ComparedWork): string {
  const by = work.authors.length > 0 ? ` by ${work.authors.map(printable).join(", ")}` : "";
  const chapters = `${work.chapterCount} ${work.chapterCount === 1 ? "chapter" : "chapters"}`;
  const date = work.revised === null ? `stored ${work.createdAt.slice(0, 10)}` : `updated ${work.revised}`;
  return `#${work.id} "${printable(work.title)}"${by}: ${chapters}, ${work.wordCount.toLocaleString("en-US")} words, ${date}`;
}

function formatGroups(groups: readonly NearDuplicateGroup[], threshold: number): string {
  if (groups.length === 0) return `No near-duplicates: no two works share ${percent(threshold)} of the shorter one's text.\n`;
  const lines = [`${groups.length} ${groups.length === 1 ? "group" : "groups"} of near-duplicate works (at least ${percent(threshold)} of the shorter one's text in the longer):`];
  for (const [index, group] of groups.entries()) {
    const [longest, next] = group.works;
    lines.push("", `${index + 1}.`);
    for (const work of group.works) {
      const marks = [work.id === longest?.id ? "longest" : "", work.id === group.newestId ? "newest" : ""].filter((m) => m !== "");
      lines.push(`   ${describeWork(work)}${marks.length > 0 ? ` (${marks.join(", ")})` : ""}`);
    }
    for (const pair of group.pairs) {
      lines.push(`   #${pair.workIds[0]} and #${pair.workIds[1]}: ${percent(pair.containment)} of the shorter in the longer, ${percent(pair.jaccard)} alike overall`);
    }
    if (longest && next) lines.push(`   To keep the longest: quire duplicates merge ${longest.id} ${next.id}`);
  }
  return `${lines.join("\n")}\n`;
}

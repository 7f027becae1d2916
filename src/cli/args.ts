/** Flag parsing shared by the commands: node:util's parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseDatabaseTarget, parsePublicOrigin, type DatabaseTarget } from "../config.js";
import { QuireError } from "../domain/errors.js";
import { isTagType, TAG_TYPES, type TagType } from "../domain/tags/tag-type.js";
import { UsageError } from "./io.js";
import { MAX_ID } from "../domain/row-id.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `--db` is accepted by every command that opens the library. */
export const DB_OPTION = { db: { type: "string" } } as const satisfies Options;

export function parseCommandArgs<T extends Options>(args: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (usage: ${usage})`);
  }
}

/** The library the flags name, else QUIRE_DB, else ./quire.db. */
export function databaseFrom(value: string | undefined): DatabaseTarget {
  return asUsage(() => parseDatabaseTarget(value));
}

/** The archive's public origin `--origin` gives, else QUIRE_ORIGIN, else null. */
export function publicOriginFrom(value: string | undefined): string | null {
  return asUsage(() => parsePublicOrigin(value));
}

/** A setting's parse, its config error (a mistake in what the user typed) reported as a usage error. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof QuireError ? new UsageError(error.message) : error;
  }
}

/**
 * A whole number from `min` (1 unless given) to `max`; no upper bound is named when `max` is the largest safe integer.
 * @example positiveInteger("--jobs", "4", 64) // 4
 * @example positiveInteger("--offset", "0", Number.MAX_SAFE_INTEGER, 0) // 0
 */
export function positiveInteger(flag: string, value: string, max: number, min = 1): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} takes a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? "" : ` to ${max}`}, not "${value}"`);
  }
  return n;
}

/** A work's id as typed, with or without its `#`. @example workIdArgument("the work id", "#12") // 12 */
export function workIdArgument(what: string, value: string): number {
  return positiveInteger(what, value.replace(/^#/u, ""), MAX_ID);
}

/**
 * A share from 0 to 1, written as 0.75 or 75%.
 * @example shareOption("--below", "a confidence", "75%") // 0.75
 */
export function shareOption(flag: string, what: string, value: string): number {
  const percent = /^\s*([\d.]+)\s*%\s*$/u.exec(value);
  const n = percent ? Number(percent[1]) / 100 : Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} takes ${what} from 0 to 1 (or 0% to 100%), not "${value}"`);
  return n;
}

/**
 * @throws UsageError for a flag given (besides --db) that the action does not take.
 * @example rejectOtherFlags({ json: true, to: "x" }, ["json"], "review list", usage) // throws: --to does not go with review list
 */
export function rejectOtherFlags(flags: Readonly<Record<string, unknown>>, allowed: readonly string[], action: string, usage: string): void {
  const wrong = Object.entries(flags).find(([name, value]) => name !== "db" && value !== undefined && value !== false && !allowed.includes(name));
  if (wrong) throw new UsageError(`--${wrong[0]} does not go with ${action} (usage: ${usage})`);
}

/** `--type`'s value, in any case. @example tagTypeOption("freeform") // "Freeform" */
export function tagTypeOption(value: string): TagType {
  const found = TAG_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase());
  if (found && isTagType(found)) return found;
  throw new UsageError(`--type takes one of ${TAG_TYPES.join(", ")}, not "${value}"`);
}

/** `quire serve`'s own default address. */
const DEFAULT_ORIGIN = "http://127.0.0.1:3000";

/**
 * Where an export says the archive is: `--origin`, else QUIRE_ORIGIN, else `quire serve`'s own default address;
 * checked by the rules `quire serve --origin` follows. @throws UsageError naming what is wrong.
 */
export function exportOrigin(value: string | undefined): string {
  return publicOriginFrom(value) ?? DEFAULT_ORIGIN;
}

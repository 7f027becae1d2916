/** Flag parsing shared by the commands: node:util's parseArgs, with its errors turned into usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseDatabaseTarget, type DatabaseTarget } from "../config.js";
import { QuireError } from "../domain/errors.js";
import { isTagType, TAG_TYPES, type TagType } from "../domain/tags/tag-type.js";
import { UsageError } from "./io.js";

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
  try {
    return parseDatabaseTarget(value);
  } catch (error) {
    throw error instanceof QuireError ? new UsageError(error.message) : error;
  }
}

/** @example positiveInteger("--jobs", "4", 64) // 4 */
export function positiveInteger(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

/** `--type`'s value, in any case. @example tagTypeOption("freeform") // "Freeform" */
export function tagTypeOption(value: string): TagType {
  const found = TAG_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase());
  if (found && isTagType(found)) return found;
  throw new UsageError(`--type takes one of ${TAG_TYPES.join(", ")}, not "${value}"`);
}

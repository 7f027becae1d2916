/**
 * Quire's portable dump, in JSON Lines (optionally gzipped): one JSON value per line.
 *
 * ```
 * {"format":"quire-backup","version":1,"quire":"0.1.0","schema":"0009-moderation","engine":"sqlite","created_at":"…"}
 * {"table":"authors","columns":[["id","integer"],["name","text"],…]}
 * [1,"Wren Tallow",…]                       one array per row, in the columns' order, rows in primary-key order
 * {"end":"authors","rows":1}
 * …                                         every table, each after the tables it points at
 * {"complete":true,"tables":35,"rows":1234}
 * ```
 *
 * `schema` is the last migration the library had: a restore builds that schema before it stores the rows. The
 * closing line is what tells a whole dump from one cut short. Everything after the header line is the same
 * whichever engine made the dump, so two dumps of one library compare line by line.
 */
import { z } from "zod";
import type { PortableType } from "./column-codec.js";

export const DUMP_FORMAT = "quire-backup";
export const DUMP_VERSION = 1;

const header = z.object({
  format: z.literal(DUMP_FORMAT),
  version: z.number().int().positive(),
  quire: z.string(),
  schema: z.string().min(1),
  engine: z.enum(["sqlite", "postgres"]),
  created_at: z.string(),
});
export type DumpHeader = z.infer<typeof header>;

const portable = z.enum(["integer", "real", "text", "binary"]) satisfies z.ZodType<PortableType>;
const tableStart = z.object({ table: z.string().min(1), columns: z.array(z.tuple([z.string().min(1), portable])).min(1) });
const tableEnd = z.object({ end: z.string().min(1), rows: z.number().int().nonnegative() });
const dumpEnd = z.object({ complete: z.literal(true), tables: z.number().int().nonnegative(), rows: z.number().int().nonnegative() });
const row = z.array(z.union([z.number(), z.string(), z.null()]));

export type TableStartLine = z.infer<typeof tableStart>;
export type TableEndLine = z.infer<typeof tableEnd>;
export type DumpEndLine = z.infer<typeof dumpEnd>;

/** A line after the header, read. */
export type DumpLine =
  | { kind: "table"; line: TableStartLine }
  | { kind: "row"; values: (number | string | null)[] }
  | { kind: "end-table"; line: TableEndLine }
  | { kind: "complete"; line: DumpEndLine };

/** The line as JSON text, with its newline. */
export function dumpLine(value: DumpHeader | TableStartLine | TableEndLine | DumpEndLine | readonly (number | string | null)[]): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * The header, read; null for text that is not a Quire dump's header at all. A header of a newer version of the
 * format parses, so that the caller can say so.
 */
export function parseHeader(text: string): DumpHeader | null {
  const parsed = header.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

/** A line after the header, read; null for a line that is none of the four kinds. */
export function parseLine(text: string): DumpLine | null {
  const value = parseJson(text);
  if (Array.isArray(value)) {
    const values = row.safeParse(value);
    return values.success ? { kind: "row", values: values.data } : null;
  }
  const start = tableStart.safeParse(value);
  if (start.success) return { kind: "table", line: start.data };
  const end = tableEnd.safeParse(value);
  if (end.success) return { kind: "end-table", line: end.data };
  const complete = dumpEnd.safeParse(value);
  return complete.success ? { kind: "complete", line: complete.data } : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

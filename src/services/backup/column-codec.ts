/**
 * How a backup writes a column's values so that either engine reads them back the same. Quire's columns are
 * integers (ids, counts, and 0/1 flags, never booleans), double-precision reals, text (dates are ISO-8601 text
 * and JSON documents are text) and, should a table ever hold bytes, binary; each becomes a plain JSON value, bytes
 * as base64. A column of any other type (a PostgreSQL boolean, timestamp or json) is refused rather than written
 * in a form the other engine would read differently.
 */
import { QuireError } from "../../domain/errors.js";

export type PortableType = "integer" | "real" | "text" | "binary";

/**
 * The portable type of a declared column type, by SQLite's affinity rules, which PostgreSQL's type names fit too;
 * null for a type with no portable form.
 * @example portableType("double precision") // "real"
 * @example portableType("boolean") // null
 */
export function portableType(declared: string): PortableType | null {
  const type = declared.toLowerCase();
  if (type.includes("int")) return "integer";
  if (type.includes("char") || type.includes("clob") || type.includes("text")) return "text";
  if (type.includes("blob") || type === "bytea") return "binary";
  if (type.includes("real") || type.includes("floa") || type.includes("doub")) return "real";
  return null;
}

/** A JSON value as a dump line holds it. */
export type DumpValue = number | string | null;

/**
 * The value as the dump holds it.
 * @throws QuireError("backup") when the stored value is not of its column's type (SQLite lets a column hold any
 *   value): the other engine would refuse it or read it differently.
 */
export function encodeValue(type: PortableType, value: unknown, where: string): DumpValue {
  if (value === null) return null;
  switch (type) {
    case "integer":
      if (typeof value === "number" && Number.isSafeInteger(value)) return value;
      if (typeof value === "bigint" && Number.isSafeInteger(Number(value))) return Number(value);
      break;
    case "real":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      break;
    case "text":
      if (typeof value === "string") return value;
      break;
    case "binary":
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
      break;
  }
  throw new QuireError("backup", `${where} holds ${describe(value)}, which is not a value of its type (${type})`);
}

/**
 * The value to store from what the dump holds.
 * @throws QuireError("restore") when the dump's value is not of the column's type: the dump is damaged.
 */
export function decodeValue(type: PortableType, value: unknown, where: string): number | string | Buffer | null {
  if (value === null) return null;
  switch (type) {
    case "integer":
      if (typeof value === "number" && Number.isSafeInteger(value)) return value;
      break;
    case "real":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      break;
    case "text":
      if (typeof value === "string") return value;
      break;
    case "binary":
      if (typeof value === "string" && /^[A-Za-z0-9+/]*={0,2}$/u.test(value)) return Buffer.from(value, "base64");
      break;
  }
  throw new QuireError("restore", `${where} holds ${describe(value)}, which is not a value of its type (${type}): the dump is damaged`);
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : typeof value === "object" ? "an object" : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

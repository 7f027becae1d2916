/** `quire tags import <file>`: an Archive tag dump (CSV) or a Quire vocabulary file (YAML), told apart by the
 *  file's extension or, failing that, by its first line. */
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { extname } from "node:path";
import { QuireError } from "../../domain/errors.js";
import { TAG_DUMP_COLUMNS } from "../../domain/tags/tag-dump.js";
import { importTagDump, type TagImportReport } from "./tag-dump.js";
import { importVocabularyFile } from "./vocabulary-transfer.js";
import type { TagLibrary } from "./wrangle.js";

export type TagFileFormat = "csv" | "quire";

/**
 * @param head the file's first bytes, as text.
 * @example tagFileFormat("tags.txt", "id,type,name,canonical,cached_count,merger_id\n…") // "csv"
 */
export function tagFileFormat(path: string, head: string): TagFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".yaml" || extension === ".yml") return "quire";
  const firstLine = head.replace(/^\uFEFF/u, "").split(/\r?\n/u, 1)[0] ?? "";
  const columns = firstLine.split(",").map((c) => c.trim().toLowerCase());
  return TAG_DUMP_COLUMNS.filter((c) => columns.includes(c)).length >= 3 ? "csv" : "quire";
}

/** @throws QuireError("unreadable") when the file cannot be read; the importers' errors otherwise. */
export async function importTagFile(library: TagLibrary, path: string): Promise<TagImportReport> {
  const head = await readable(path, async () => {
    const handle = await open(path);
    try {
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096) });
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  });
  if (tagFileFormat(path, head) === "csv") return importTagDump(library, createReadStream(path), path);
  return importVocabularyFile(library, await readable(path, () => readFile(path, "utf8")), path);
}

async function readable<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new QuireError("unreadable", `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

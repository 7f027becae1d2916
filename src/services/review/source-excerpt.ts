/**
 * The text of a work's source file, for a person reviewing what the importer read from it: read again from where
 * the import found it (a file, or an entry of a zip archive), decoded as the importer decodes, and cut to a
 * length a page can hold. The file may have moved or changed since; the excerpt says so rather than failing.
 */
import { createHash } from "node:crypto";
import type { WorkSourceRow } from "../../db/schema.js";
import { ZIP_ENTRY } from "../../domain/import-batch.js";
import { decodeText } from "../../importers/decode.js";
import { listSources } from "../import/sources.js";

/** Characters of a source shown on a page: a long novel's file is cut here, with a note. */
export const SOURCE_EXCERPT_MAX = 60_000;

export type SourceExcerpt =
  | { kind: "text"; path: string; text: string; totalCharacters: number; truncated: boolean; changed: boolean }
  | { kind: "unreadable"; path: string; reason: string };

/** Never throws: a file that cannot be read is an excerpt saying why. */
export async function readSourceExcerpt(source: Pick<WorkSourceRow, "path" | "format" | "content_hash">): Promise<SourceExcerpt> {
  const { path } = source;
  if (source.format === "epub") return { kind: "unreadable", path, reason: "An EPUB is a zip of pages, not text to show here: the work's chapters are what the importer read from it." };
  const entry = path.indexOf(ZIP_ENTRY);
  const listed = entry >= 0 ? path.slice(0, entry) : path;
  try {
    for await (const item of listSources([listed], "/")) {
      if (!("read" in item)) return { kind: "unreadable", path, reason: `The file cannot be read now: ${item.error}.` };
      if (item.path !== path) continue;
      const bytes = await item.read();
      const changed = createHash("sha256").update(bytes).digest("hex") !== source.content_hash;
      const { text } = decodeText(bytes);
      // Cut before a character that the limit would split in two.
      const last = text.charCodeAt(SOURCE_EXCERPT_MAX - 1);
      const end = last >= 0xd800 && last <= 0xdbff ? SOURCE_EXCERPT_MAX - 1 : SOURCE_EXCERPT_MAX;
      return { kind: "text", path, text: text.slice(0, end), totalCharacters: text.length, truncated: text.length > SOURCE_EXCERPT_MAX, changed };
    }
  } catch (error) {
    return { kind: "unreadable", path, reason: `The file cannot be read now: ${error instanceof Error ? error.message : String(error)}.` };
  }
  return { kind: "unreadable", path, reason: "The zip archive no longer holds this entry." };
}

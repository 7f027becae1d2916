/**
 * The header lines of a batch's files, read again from where they were imported (services/review/source-excerpt.ts)
 * by the header reader (importers/metadata/header-lines.ts), without parsing the stories: what the desk's labels
 * page counts and what its label rules take their values from.
 */
import type { Kysely } from "kysely";
import { listBatchSources } from "../../db/repositories/review-rules.js";
import type { Database, WorkSourceRow } from "../../db/schema.js";
import { headerLines, type HeaderLine } from "../../importers/metadata/header-lines.js";
import { readSourceExcerpt } from "./source-excerpt.js";

export interface WorkHeader {
  workId: number;
  lines: HeaderLine[];
}

export interface BatchHeaders {
  /** Of each file read as text, by path. */
  headers: WorkHeader[];
  /** The files read, and of those the ones that could not be read (gone, changed into a zip, an EPUB). */
  files: number;
  unreadable: number;
  /** True when the batch has more files than `limit`. */
  partial: boolean;
}

/** Reads the header of each of the batch's primary files, the first `limit` by path. Never throws for a file. */
export async function readBatchHeaders(db: Kysely<Database>, batch: string, limit: number): Promise<BatchHeaders> {
  const sources = await listBatchSources(db, batch, limit + 1);
  const read = sources.slice(0, limit);
  const headers = await readHeaders(read);
  return { headers, files: read.length, unreadable: read.length - headers.length, partial: sources.length > read.length };
}

/** The header of each file that can be read as text (a file gone or an EPUB is left out), in the order given. */
export async function readHeaders(sources: readonly Pick<WorkSourceRow, "work_id" | "path" | "format" | "content_hash">[]): Promise<WorkHeader[]> {
  const headers: WorkHeader[] = [];
  for (const source of sources) {
    const excerpt = await readSourceExcerpt(source);
    if (excerpt.kind === "text") headers.push({ workId: source.work_id, lines: headerLines(excerpt.text) });
  }
  return headers;
}

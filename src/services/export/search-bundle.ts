/**
 * A search's results as one zip of downloads: the works the search page shows (its page of results), each in
 * the format asked for, at most MAX_BUNDLE_WORKS of them, each read through the same gate as its page.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { uniqueExportFileNames, type ExportFormat } from "../../formats/export/file-name.js";
import { writeExport } from "../../formats/export/write-export.js";
import { zipEntries } from "../../formats/export/zip.js";
import { exportWork, type ExportSite } from "./export-works.js";

/** A search page shows at most this many works; a bundle holds no more, so one request stays cheap. */
export const MAX_BUNDLE_WORKS = 50;

/** The zip of the works' files, or null when there is no work to put in it. */
export async function bundleWorks(db: Kysely<Database>, workIds: readonly number[], viewer: Viewer, site: ExportSite, format: ExportFormat): Promise<Buffer | null> {
  const works = [];
  for (const id of workIds.slice(0, MAX_BUNDLE_WORKS)) works.push(await exportWork(db, id, viewer, site));
  if (works.length === 0) return null;
  const names = uniqueExportFileNames(works.map((w) => w.title), format);
  const files = await Promise.all(works.map(async (work, i) => ({ name: names[i] ?? `${work.id}.${format}`, data: await writeExport(work, format) })));
  const newest = works.map((w) => w.changedAt).sort().at(-1) ?? works[0]?.changedAt ?? new Date(0).toISOString();
  return zipEntries(files, new Date(newest));
}

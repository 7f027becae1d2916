/**
 * The downloads beside the static site's works and series: the archive's own writers (EPUB, HTML, plain text,
 * Markdown) on each work and each series as one book, so a copy's books are the archive's books.
 */
import type { ExportedWork } from "../../formats/export/exported-work.js";
import type { ExportFormat } from "../../formats/export/file-name.js";
import { writeExport } from "../../formats/export/write-export.js";
import type { SeriesReading } from "../../services/archive/read-series.js";
import { exportReadSeries, exportReadWork, type ExportSite } from "../../services/export/export-works.js";
import type { SearchDeps } from "../../services/search-works.js";
import type { GuestWork } from "../../services/static-site/read-site.js";

/** A book in every download format. */
export type FormatFiles = Readonly<Record<ExportFormat, Uint8Array>>;

export interface SiteDownloads {
  work(work: GuestWork): Promise<FormatFiles>;
  /** The series as the site lists it: the works it holds, in order. */
  series(series: SeriesReading): Promise<FormatFiles>;
}

async function everyFormat(book: ExportedWork): Promise<FormatFiles> {
  return { epub: await writeExport(book, "epub"), html: await writeExport(book, "html"), txt: await writeExport(book, "txt"), md: await writeExport(book, "md") };
}

/** @param site the archive's address and name, which each book cites as where the work was posted. */
export function archiveDownloads(db: SearchDeps["db"], site: ExportSite): SiteDownloads {
  return {
    work: async ({ work }) => everyFormat(await exportReadWork(db, work, site)),
    series: async (series) => everyFormat(await exportReadSeries(db, series, null, site)),
  };
}

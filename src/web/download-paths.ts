/**
 * Where the archive serves its downloads and covers. The pages, the OPDS catalog, the feeds, the JSON API and
 * the static site all link here, so the addresses are made in one place. The file name in a download's path is
 * what browsers save it as; the server reads only the id and the extension.
 */
import { exportFileName, type ExportFormat } from "../formats/export/file-name.js";

/** @example workDownloadPath(12, "Rain on Sunnydale", "epub") === "/downloads/12/Rain_on_Sunnydale.epub" */
export function workDownloadPath(workId: number, title: string, format: ExportFormat): string {
  return `/downloads/${workId}/${encodeURIComponent(exportFileName(title, format))}`;
}

/** A whole series as one book. */
export function seriesDownloadPath(seriesId: number, name: string, format: ExportFormat): string {
  return `/downloads/series/${seriesId}/${encodeURIComponent(exportFileName(name, format))}`;
}

/** The generated cover (title, authors, fandom) as SVG; e-readers and OPDS clients scale it. */
export function workCoverPath(workId: number): string {
  return `/works/${workId}/cover.svg`;
}

/** A page of search results (the search page's own query string) as one zip of downloads in the format. */
export function searchBundlePath(query: URLSearchParams, format: ExportFormat): string {
  const params = new URLSearchParams(query);
  params.set("format", format);
  return `/downloads/search.zip?${params.toString()}`;
}

/**
 * The "Download" menu of a work, a series or a page of search results: a disclosure of plain links (EPUB, HTML,
 * plain text, Markdown), so it opens and works without JavaScript.
 */
import type { ExportFormat } from "../../formats/export/file-name.js";

const FORMAT_LABELS: readonly [ExportFormat, string][] = [["epub", "EPUB"], ["html", "HTML"], ["txt", "Plain text"], ["md", "Markdown"]];

/** @param href the download's address in each format. */
export function DownloadMenu(props: { label?: string; href: (format: ExportFormat) => string }) {
  return (
    <details class="download-menu">
      <summary>{props.label ?? "Download"}</summary>
      <ul>
        {FORMAT_LABELS.map(([format, label]) => <li><a href={props.href(format)} download>{label}</a></li>)}
      </ul>
    </details>
  );
}

/**
 * `quire export-site OUT [--origin URL] [--db …]`: the archive as a static website in OUT — what a guest may
 * read, with client-side search and every work's downloads — for any static host. A progress line while it
 * writes, then a summary.
 */
import { resolve } from "node:path";
import { openQuire } from "../../composition.js";
import { ARCHIVE_NAME } from "../../services/export/export-works.js";
import { loadAssets } from "../../web/assets.js";
import { exportSite, type SiteProgress, type SiteSummary } from "../../web/static-site/export-site.js";
import { archiveDownloads } from "../../web/static-site/site-downloads.js";
import { DB_OPTION, databaseFrom, exportOrigin, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire export-site OUT [--origin URL] [--db TARGET]";

const OPTIONS = { ...DB_OPTION, origin: { type: "string" } } as const;

/** On a terminal, one line redrawn in place; elsewhere, a line when writing starts. */
function progressLine(io: Io): { show: (progress: SiteProgress) => void; stop: () => void } {
  const terminal = io.terminal;
  let drawn = false;
  return {
    show: (progress) => {
      const line = progress.phase === "reading" ? "reading the archive…" : `writing pages ${progress.done}/${progress.total}`;
      if (terminal) {
        terminal.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else if (progress.phase === "reading" || progress.done === 1) {
        io.err(`${progress.phase === "reading" ? line : `writing ${progress.total} pages…`}\n`);
      }
    },
    stop: () => {
      if (drawn) terminal?.write("\r\x1b[2K");
    },
  };
}

export async function runExportSite(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const [out, ...extra] = positionals;
  if (out === undefined || extra.length > 0) throw new UsageError(`export-site takes one folder (usage: ${USAGE})`);
  const folder = resolve(out);
  // The books cite where each work was posted: the archive's own address.
  const site = { origin: exportOrigin(values.origin), archiveName: ARCHIVE_NAME };
  const quire = await openQuire(databaseFrom(values.db));
  const progress = progressLine(io);
  let summary: SiteSummary;
  try {
    const { db } = quire.library;
    const deps = { db, searchIndex: quire.searchIndex, assets: loadAssets(), downloads: archiveDownloads(db, site) };
    summary = await exportSite(deps, folder, { onProgress: progress.show });
  } finally {
    progress.stop();
    await quire.close();
  }
  io.out(`wrote ${summary.files} files to ${folder}: ${summary.works} works, ${summary.tags} tags, ${summary.authors} authors, ${summary.series} series\n`);
  return 0;
}

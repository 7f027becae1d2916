/**
 * `quire export-site OUT [--db …]`: the archive as a static website in OUT — what a guest may read, with
 * client-side search — for any static host. A progress line while it writes, then a summary.
 */
import { resolve } from "node:path";
import { openQuire } from "../../composition.js";
import { loadAssets } from "../../web/assets.js";
import { exportSite, type SiteProgress } from "../../web/static-site/export-site.js";
import { DB_OPTION, databaseFrom, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire export-site OUT [--db TARGET]";

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
  const { values, positionals } = parseCommandArgs(args, DB_OPTION, USAGE);
  const [out, ...extra] = positionals;
  if (out === undefined || extra.length > 0) throw new UsageError(`export-site takes one folder (usage: ${USAGE})`);
  const folder = resolve(out);
  const quire = await openQuire(databaseFrom(values.db));
  const progress = progressLine(io);
  try {
    const summary = await exportSite({ db: quire.library.db, searchIndex: quire.searchIndex, assets: loadAssets() }, folder, { onProgress: progress.show });
    progress.stop();
    io.out(`wrote ${summary.files} files to ${folder}: ${summary.works} works, ${summary.tags} tags, ${summary.authors} authors, ${summary.series} series\n`);
  } finally {
    progress.stop();
    await quire.close();
  }
  return 0;
}

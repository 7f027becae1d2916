/**
 * Zip archives for books and bundles, through yazl: entries in the order given, each deflated unless asked to
 * be stored (an EPUB's `mimetype` must be stored, and first), every entry dated the same given time so that the
 * same input makes the same bytes.
 */
import { ZipFile } from "yazl";

export interface ZipInput {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Buffer | string;
  /** Stored as is rather than deflated. */
  store?: boolean;
}

/**
 * @param modified the date every entry carries. A zip's DOS date has no time zone and yazl writes it in local
 * time, so the date is shifted to show UTC's wall-clock time: the bytes do not depend on the machine's zone.
 */
export function zipEntries(entries: readonly ZipInput[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date(modified.getTime() + new Date(modified.getTime()).getTimezoneOffset() * 60_000);
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data;
    zip.addBuffer(data, entry.name, { mtime, mode: 0o100644, compress: !entry.store, forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

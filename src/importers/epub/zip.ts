/**
 * Reading an EPUB's zip safely: entries are read into memory only when asked for; the sizes the zip declares are
 * capped per entry and in total before anything inflates, and yauzl's `validateEntrySizes` fails any entry that
 * inflates to more than it declared, so a zip bomb ends in an error rather than filling memory. Entry names with
 * `..` or an absolute path are refused (yauzl validates them); nothing is ever written to disk.
 */
import yauzl from "yauzl";
import { UnreadableStoryError } from "../../domain/errors.js";

const EPUB_LIMITS = { maxEntries: 10_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

export interface ZipArchive {
  names: readonly string[];
  /** The entry's bytes, or null if there is no such entry. */
  read(name: string): Promise<Uint8Array | null>;
  close(): void;
}

export async function openZip(bytes: Uint8Array): Promise<ZipArchive> {
  const limits = EPUB_LIMITS;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error || !file ? reject(fail("corrupt", "not a readable zip archive", error)) : resolve(file),
    );
  });
  const entries = new Map<string, yauzl.Entry>();
  let declaredTotal = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      declaredTotal += entry.uncompressedSize;
      if (entries.size >= limits.maxEntries) return reject(fail("unsafe-archive", `more than ${limits.maxEntries} entries`));
      if (entry.uncompressedSize > limits.maxEntryBytes || declaredTotal > limits.maxTotalBytes) {
        return reject(fail("unsafe-archive", `the archive expands to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB`));
      }
      if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", (error: unknown) => reject(fail("corrupt", "a damaged zip archive", error)));
    zip.readEntry();
  }).catch((error: unknown) => {
    zip.close();
    throw error;
  });

  return {
    names: [...entries.keys()],
    close: () => zip.close(),
    read: async (name) => {
      const entry = entries.get(name) ?? [...entries.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
      return entry ? readEntry(zip, entry) : null;
    },
  };
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(fail("corrupt", `cannot read ${entry.fileName}`, error));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (e: unknown) => reject(fail("corrupt", `${entry.fileName} is damaged`, e)));
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

function fail(code: "corrupt" | "unsafe-archive", reason: string, cause?: unknown): UnreadableStoryError {
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  return new UnreadableStoryError(code, `EPUB rejected: ${reason}${detail}`, { cause });
}

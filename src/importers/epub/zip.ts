/**
 * Reading an EPUB's zip safely: entries are read into memory only when asked for, each capped in size, the whole
 * archive capped in total, so a zip bomb ends in an error rather than filling memory. Entry names with `..` or
 * an absolute path are refused (yauzl validates them); nothing is ever written to disk.
 */
import yauzl from "yauzl";
import { UnreadableStoryError } from "../../domain/errors.js";

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const EPUB_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

export interface ZipArchive {
  names: readonly string[];
  /** The entry's bytes, or null if there is no such entry. */
  read(name: string): Promise<Uint8Array | null>;
  close(): void;
}

export async function openZip(bytes: Uint8Array, limits: ZipLimits = EPUB_LIMITS): Promise<ZipArchive> {
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

  let readTotal = 0;
  return {
    names: [...entries.keys()],
    close: () => zip.close(),
    read: async (name) => {
      const entry = entries.get(name) ?? [...entries.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
      if (!entry) return null;
      const data = await readEntry(zip, entry, limits.maxEntryBytes);
      readTotal += data.byteLength;
      if (readTotal > limits.maxTotalBytes) throw fail("unsafe-archive", "the archive expands past its size limit");
      return data;
    },
  };
}

// Counts bytes as they inflate: the sizes in the zip's directory can lie, so the limit is enforced on the stream.
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(fail("corrupt", `cannot read ${entry.fileName}`, error));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          stream.destroy();
          reject(fail("unsafe-archive", `${entry.fileName} expands past ${Math.round(maxBytes / 1048576)} MB`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (e: unknown) => reject(fail("corrupt", `${entry.fileName} is damaged`, e)));
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

function fail(code: "corrupt" | "unsafe-archive", reason: string, cause?: unknown): UnreadableStoryError {
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  return new UnreadableStoryError(code, `EPUB rejected: ${reason}${detail}`, { cause });
}

/**
 * A minimal zip writer for EPUBs: every entry stored (not compressed), with fixed timestamps. `rawZip` writes
 * entries exactly as described, deflated or lying about their size, for the proving ground's hostile archives.
 *
 * Why not yazl (which test/support/zip-folder.ts uses): the corpus is a synchronous generator that yields one
 * file at a time, and yazl only produces its output through an asynchronous stream. Why stored entries: deflate's
 * output depends on the zlib that Node bundles, which changes between Node versions, and the corpus must be
 * byte-identical everywhere; storing also keeps generation fast. Stored entries are valid in any EPUB, and the
 * `mimetype` entry must be stored anyway (and first, which the caller arranges).
 */
import { crc32 } from "node:zlib";

/** One file in the archive. */
export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 1980-01-01 00:00, the earliest time a zip can state. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const FLAGS = 0x0800;
const VERSION = 20;

const encoder = new TextEncoder();

/**
 * An entry as the archive holds it: its bytes as written (stored or raw-deflated), and the checksum and size it
 * declares. The proving ground writes archives that lie (a declared size smaller than the data inflates to, names
 * with `..`), so nothing here is checked against `data`.
 */
export interface RawZipEntry {
  name: string;
  /** 0: stored; 8: deflated (raw deflate, no zlib header). */
  method: 0 | 8;
  /** The bytes as they sit in the archive. */
  data: Uint8Array;
  crc: number;
  /** The size the headers declare the entry inflates to. */
  uncompressedSize: number;
}

/**
 * The zip archive holding `entries` in the order given.
 * @example storedZip([{ name: "mimetype", data: new TextEncoder().encode("application/epub+zip") }])
 */
export function storedZip(entries: readonly ZipEntry[]): Uint8Array {
  return rawZip(entries.map((e) => ({ name: e.name, method: 0, data: e.data, crc: crc32(e.data), uncompressedSize: e.data.length })));
}

/** The zip archive holding `entries` exactly as described: headers say what each entry declares. */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((entry, k) => {
    const nameLength = names[k]?.length ?? 0;
    localSize += 30 + nameLength + entry.data.length;
    centralSize += 46 + nameLength;
  });
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, k) => {
    const name = names[k] ?? new Uint8Array();
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, FLAGS, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, entry.crc, true);
    view.setUint32(at + 18, entry.data.length, true);
    view.setUint32(at + 22, entry.uncompressedSize, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  });
  const centralStart = at;
  entries.forEach((entry, k) => {
    const name = names[k] ?? new Uint8Array();
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, FLAGS, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.data.length, true);
    view.setUint32(at + 24, entry.uncompressedSize, true);
    view.setUint16(at + 28, name.length, true);
    // Extra field, comment, disk number, internal and external attributes: none.
    view.setUint32(at + 42, offsets[k] ?? 0, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

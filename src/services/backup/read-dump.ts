/**
 * Reads a dump (dump-format.ts), gzipped or not (told by its first bytes, not its name), a line at a time, and
 * checks its structure as it goes: every row inside a table and as long as the table's columns, each table
 * closed with the number of rows it held, and the closing line at the end. A dump cut short, damaged or of a
 * newer format is reported with the line where it went wrong.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { QuireError } from "../../domain/errors.js";
import { DUMP_FORMAT, DUMP_VERSION, parseHeader, parseLine, type DumpHeader, type DumpLine } from "./dump-format.js";

export interface OpenedDump {
  header: DumpHeader;
  /** The lines after the header, checked; throws QuireError("restore") where the dump goes wrong. */
  lines: AsyncGenerator<DumpLine>;
  /** Stops reading and closes the file, whether the lines were read to the end, in part or not at all. */
  close(): Promise<void>;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** @throws QuireError("restore") for a file that is not a Quire dump, or one of a newer format. */
export async function openDump(file: string): Promise<OpenedDump> {
  const input = await openText(file);
  const text = createInterface({ input: input.stream, crlfDelay: Infinity });
  const close = async () => {
    text.close();
    await input.close();
  };
  try {
    const iterator = text[Symbol.asyncIterator]();
    const first = await nextLine(iterator, file);
    const header = first === undefined ? null : parseHeader(first);
    if (!header) throw new QuireError("restore", `${file} is not a Quire dump (its first line is not a ${DUMP_FORMAT} header)`);
    if (header.version > DUMP_VERSION) {
      throw new QuireError("restore", `${file} is a dump of format version ${header.version}, made by Quire ${header.quire}; this Quire reads version ${DUMP_VERSION}: upgrade Quire to restore it`);
    }
    return { header, lines: checkedLines(iterator, file), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The file's text, and how to close it: closing the line reader only pauses the stream under it, which holds the
 * file open until it is read to the end.
 */
async function openText(file: string): Promise<{ stream: Readable; close: () => Promise<void> }> {
  const handle = await open(file, "r").catch((error: unknown) => {
    throw new QuireError("restore", `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  const magic = Buffer.alloc(GZIP_MAGIC.length);
  try {
    await handle.read(magic, 0, magic.length, 0);
  } finally {
    await handle.close();
  }
  const input = createReadStream(file);
  const closeFile = async () => {
    if (input.closed) return;
    const closed = once(input, "close");
    input.destroy();
    await closed;
  };
  if (!GZIP_MAGIC.every((byte, i) => magic[i] === byte)) return { stream: input, close: closeFile };
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  return {
    stream: input.pipe(gunzip),
    close: async () => {
      gunzip.destroy();
      await closeFile();
    },
  };
}

async function nextLine(iterator: AsyncIterator<string>, file: string): Promise<string | undefined> {
  try {
    const result = await iterator.next();
    return result.done ? undefined : result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuireError("restore", `${file} is damaged or cut short (${reason})`, { cause: error });
  }
}

async function* checkedLines(iterator: AsyncIterator<string>, file: string): AsyncGenerator<DumpLine> {
  let number = 1;
  let table: { name: string; columns: number; rows: number } | null = null;
  let tables = 0;
  let rows = 0;
  const fail = (problem: string) => new QuireError("restore", `${file}, line ${number}: ${problem}`);
  for (;;) {
    const text = await nextLine(iterator, file);
    number += 1;
    if (text === undefined) {
      throw new QuireError("restore", `${file} is cut short: it ends ${table ? `inside table ${table.name}, after ${table.rows} rows` : "before its closing line"}`);
    }
    const line = parseLine(text);
    if (!line) throw fail("not a line of a Quire dump: the dump is damaged");
    if (line.kind === "row") {
      if (!table) throw fail("a row outside any table");
      if (line.values.length !== table.columns) throw fail(`a row of ${line.values.length} values in table ${table.name}, which has ${table.columns} columns`);
      table.rows += 1;
    } else if (line.kind === "table") {
      if (table) throw fail(`table ${line.line.table} begins before table ${table.name} ends`);
      table = { name: line.line.table, columns: line.line.columns.length, rows: 0 };
    } else if (line.kind === "end-table") {
      if (!table || table.name !== line.line.end) throw fail(`the end of table ${line.line.end}, which is not the table being read`);
      if (table.rows !== line.line.rows) throw fail(`table ${table.name} should hold ${line.line.rows} rows, and ${table.rows} were read`);
      tables += 1;
      rows += table.rows;
      table = null;
    } else {
      if (table) throw fail(`the dump closes inside table ${table.name}`);
      if (line.line.tables !== tables || line.line.rows !== rows) throw fail(`the dump should hold ${line.line.tables} tables and ${line.line.rows} rows, and ${tables} and ${rows} were read`);
      yield line;
      const after = await nextLine(iterator, file);
      if (after !== undefined && after.trim() !== "") throw fail("text after the dump's closing line");
      return;
    }
    yield line;
  }
}

/**
 * `quire backup FILE.jsonl[.gz]`: the whole library as a portable dump (dump-format.ts), read in one read-only
 * transaction, so that it is the library at one moment while the server goes on writing, and streamed a chunk of
 * rows at a time, so that a library of any size is never in memory at once. The dump is written beside FILE
 * and renamed onto it when complete: FILE is never a dump cut short.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Library } from "../../db/connect.js";
import type { TableShape } from "../../db/dialects/engine.js";
import { describeLibraryTables } from "../../db/library-rows.js";
import { appliedMigrations } from "../../db/migrate.js";
import { QuireError } from "../../domain/errors.js";
import { encodeValue, portableType, type PortableType } from "./column-codec.js";
import { DUMP_FORMAT, DUMP_VERSION, dumpLine } from "./dump-format.js";
import { QUIRE_VERSION } from "./quire-version.js";
import { dependencyOrder } from "./table-order.js";
import { writeSealed } from "./seal-backup.js";

/** Rows read from the database at a time. */
const CHUNK_ROWS = 500;

export interface DumpSummary {
  /** The library's last migration. */
  schema: string;
  tables: number;
  rows: number;
}

export interface DumpOptions {
  gzip: boolean;
  now?: Date;
}

/** @throws QuireError("backup") for a database that holds no Quire library, or a column no dump can carry. */
export async function writeDump(library: Library, file: string, options: DumpOptions): Promise<DumpSummary> {
  const { db, engine } = library;
  return writeSealed(file, (partial) => engine.readTransaction(db, async (trx) => {
    const schema = (await appliedMigrations({ ...library, db: trx })).at(-1);
    if (schema === undefined) throw new QuireError("backup", "this database holds no Quire library");
    const tables = dependencyOrder(await describeLibraryTables(trx, engine)).map(portableTable);
    const counted = { schema, tables: tables.length, rows: 0 };
    const header = dumpLine({ format: DUMP_FORMAT, version: DUMP_VERSION, quire: QUIRE_VERSION, schema, engine: engine.name, created_at: (options.now ?? new Date()).toISOString() });
    async function* lines(): AsyncGenerator<string> {
      yield header;
      for (const { shape, columns } of tables) {
        yield dumpLine({ table: shape.name, columns: columns.map((c): [string, PortableType] => [c.name, c.type]) });
        let rows = 0;
        for await (const chunk of engine.readRows(trx, shape, CHUNK_ROWS)) {
          yield chunk.map((row) => dumpLine(columns.map((c) => encodeValue(c.type, row[c.name], `${shape.name}.${c.name}`)))).join("");
          rows += chunk.length;
        }
        yield dumpLine({ end: shape.name, rows });
        counted.rows += rows;
      }
      yield dumpLine({ complete: true, tables: tables.length, rows: counted.rows });
    }
    const out = createWriteStream(partial);
    // One chunk of rows waits at a time (a chunk of long chapters is megabytes; Readable.from would queue 16).
    const source = Readable.from(lines(), { highWaterMark: 1 });
    await (options.gzip ? pipeline(source, createGzip(), out) : pipeline(source, out));
    return counted;
  }));
}

/** The table with each column's portable type. @throws QuireError("backup") for a column with none. */
function portableTable(shape: TableShape): { shape: TableShape; columns: { name: string; type: PortableType }[] } {
  return {
    shape,
    columns: shape.columns.map((c) => {
      const type = portableType(c.type);
      if (!type) throw new QuireError("backup", `column ${shape.name}.${c.name} is of type ${c.type}, which a dump cannot carry between engines`);
      return { name: c.name, type };
    }),
  };
}

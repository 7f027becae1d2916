/**
 * `quire backup` and `quire restore`: a rich library moved SQLite → dump → PostgreSQL → dump, the two dumps
 * compared line by line (every table, every row); the SQLite copy; backups taken while a writer holds a
 * transaction open; dumps cut short or damaged refused with the library left as it was; the refusals; an older
 * schema's dump restored and brought up to date; and the restored library searched and served.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseArgument } from "../bench/quire-command.js";
import { openQuire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { connect } from "../src/db/connect.js";
import { appliedMigrations, migrateTo } from "../src/db/migrate.js";
import { migrations } from "../src/db/migrations/index.js";
import { createApp } from "../src/web/app.js";
import { sqliteLibraryPath, TEST_ENGINES } from "./support/databases.js";
import { buildRichLibrary, type RichLibrary } from "./support/rich-library.js";
import { runCli } from "./support/run-cli.js";
import { WebClient } from "./support/web-client.js";
import { webDeps } from "./support/web-library.js";

const postgres = TEST_ENGINES.find((e) => e.name === "postgres");
const folder = mkdtempSync(join(tmpdir(), "quire-backup-"));
let counter = 0;
const scratch = (name: string) => join(folder, `${(counter += 1)}-${name}`);

async function quire(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args);
}

async function backup(target: DatabaseTarget, file: string): Promise<void> {
  const result = await quire("backup", file, "--db", databaseArgument(target));
  if (result.code !== 0) throw new Error(`backup failed: ${result.stderr}`);
}

/** The dump's lines, gzipped or not. */
function dumpLines(file: string): string[] {
  const bytes = readFileSync(file);
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
  return text.split("\n").filter((line) => line.length > 0);
}

/** Each table the dump holds, with its number of rows. */
function dumpedTables(lines: readonly string[]): Map<string, number> {
  const tables = new Map<string, number>();
  for (const line of lines) {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === "object" && "end" in parsed && "rows" in parsed && typeof parsed.end === "string" && typeof parsed.rows === "number") tables.set(parsed.end, parsed.rows);
  }
  return tables;
}

/** The process's open descriptors of the file (Linux's /proc). */
function openDescriptorsOf(file: string): string[] {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  });
}

async function withLibrary<T>(target: DatabaseTarget, fn: (library: ReturnType<typeof connect>) => Promise<T>): Promise<T> {
  const library = connect(target);
  try {
    return await fn(library);
  } finally {
    await library.close();
  }
}

/** What the library holds of what a failed restore must not leave behind. */
async function contents(target: DatabaseTarget): Promise<{ works: number; users: number; tags: number }> {
  const library = connect(target);
  try {
    const count = async (table: "works" | "users" | "tags") => Number((await library.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    return { works: await count("works"), users: await count("users"), tags: await count("tags") };
  } finally {
    await library.close();
  }
}

describe("quire backup and quire restore", () => {
  let rich: RichLibrary;
  let source: DatabaseTarget;
  let sqliteDump: string;

  beforeAll(async () => {
    rich = await buildRichLibrary();
    source = { engine: "sqlite", path: rich.path };
    sqliteDump = scratch("library.jsonl.gz");
    await backup(source, sqliteDump);
  }, 120_000);

  it("dumps every table of the database (the rich library has rows in each)", async () => {
    const library = connect(source);
    try {
      // sqlite_master lists FTS5's table and its storage as tables too: the search index is rebuilt, not dumped.
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'
        and name not like 'sqlite%' and name not like 'kysely%' and name not like 'work_fts%'`.execute(library.db);
      const dumped = dumpedTables(dumpLines(sqliteDump));
      expect(rows.length).toBeGreaterThan(30);
      for (const { name } of rows) expect({ table: name, rows: (dumped.get(name) ?? 0) > 0 }).toEqual({ table: name, rows: true });
      expect([...dumped.keys()].sort()).toEqual(rows.map((r) => r.name).sort());
    } finally {
      await library.close();
    }
  });

  it("moves the library SQLite → dump → PostgreSQL → dump, and the two dumps agree line by line", async (context) => {
    if (!postgres || postgres.unavailable) {
      console.warn(`skipped: ${postgres?.unavailable ?? "no PostgreSQL engine"}`);
      context.skip();
      return;
    }
    const target = await postgres.createTarget();
    try {
      const restored = await quire("restore", sqliteDump, "--db", databaseArgument(target));
      expect(restored.stderr).toBe("");
      expect(restored.stdout).toMatch(/search index rebuilt/u);
      const pgDump = scratch("from-postgres.jsonl");
      await backup(target, pgDump);
      const [sqliteHeader, ...sqliteRest] = dumpLines(sqliteDump);
      const [pgHeader, ...pgRest] = dumpLines(pgDump);
      expect(JSON.parse(pgHeader ?? "{}")).toMatchObject({ format: "quire-backup", engine: "postgres", schema: JSON.parse(sqliteHeader ?? "{}").schema });
      expect(pgRest.length).toBe(sqliteRest.length);
      expect(pgRest).toEqual(sqliteRest);

      const library = connect(target);
      try {
        const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema()
          and table_type = 'BASE TABLE' and table_name <> 'work_text' and table_name not like 'kysely%'`.execute(library.db);
        expect(rows.map((r) => r.table_name).sort()).toEqual([...dumpedTables(pgRest).keys()].sort());
      } finally {
        await library.close();
      }

      // New rows take ids after the restored ones (PostgreSQL's identity columns were moved on past them).
      const muted = await quire("mute", "add", "A Tag Muted After the Move", "--db", databaseArgument(target));
      expect(muted.stdout).toBe("Muted \"A Tag Muted After the Move\".\n");

      // The restored library works: the same searches find the same works, and its pages serve what they should.
      for (const args of [["lantern"], ["ladder", "--complete"], ["--freeform", "Keeping Lanterns"], ["crossing", "--sort", "title"]]) {
        const bySqlite = JSON.parse((await quire("search", ...args, "--json", "--db", databaseArgument(source))).stdout);
        const byPostgres = JSON.parse((await quire("search", ...args, "--json", "--db", databaseArgument(target))).stdout);
        const ids = (result: { works: { id: number }[] }) => result.works.map((w) => w.id).sort((a, b) => a - b);
        expect(bySqlite.total).toBeGreaterThan(0);
        expect({ args, total: byPostgres.total, ids: ids(byPostgres) }).toEqual({ args, total: bySqlite.total, ids: ids(bySqlite) });
      }
      const served = await openQuire(target, { starterVocabulary: false });
      try {
        const guest = new WebClient(createApp(webDeps(served)));
        const page = await guest.get(`/works/${rich.works.visible}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("The Ferryman&#39;s Ledger");
        for (const hidden of [rich.works.draft, rich.works.restricted, rich.works.hidden]) expect((await guest.get(`/works/${hidden}`)).status).not.toBe(200);
      } finally {
        await served.close();
      }
    } finally {
      await postgres.dropTarget(target);
    }
  });

  it("copies a SQLite library into a SQLite file that reads the same", async () => {
    const copy = scratch("copy.sqlite");
    await backup(source, copy);
    const copyDump = scratch("from-copy.jsonl");
    await backup({ engine: "sqlite", path: copy }, copyDump);
    expect(dumpLines(copyDump).slice(1)).toEqual(dumpLines(sqliteDump).slice(1));
  });

  it("leaves backups readable by their owner alone: they hold password digests, e-mail addresses and drafts", async () => {
    const gzipped = scratch("private.jsonl.gz");
    const copy = scratch("private.sqlite");
    await backup(source, gzipped);
    await backup(source, copy);
    for (const file of [sqliteDump, gzipped, copy]) expect({ file, mode: statSync(file).mode & 0o777 }).toEqual({ file, mode: 0o600 });
  });

  it("backs up what is committed while a writer holds a transaction open", async () => {
    const writer = connect(source);
    const copy = scratch("during-write.db");
    const dump = scratch("during-write.jsonl");
    try {
      await writer.engine.writeTransaction(writer.db, async (trx) => {
        await trx.insertInto("muted_tags").values({ name: "Uncommitted Tag", name_key: "uncommitted tag", type: null, created_at: "2026-11-30T00:00:00.000Z" }).execute();
        await backup(source, copy);
        await backup(source, dump);
        await trx.deleteFrom("muted_tags").where("name", "=", "Uncommitted Tag").execute();
      });
    } finally {
      await writer.close();
    }
    expect(dumpLines(dump).slice(1)).toEqual(dumpLines(sqliteDump).slice(1));
    const copyDump = scratch("during-write-copy.jsonl");
    await backup({ engine: "sqlite", path: copy }, copyDump);
    expect(dumpLines(copyDump).slice(1)).toEqual(dumpLines(sqliteDump).slice(1));
  });

  describe.each(TEST_ENGINES)("a dump cut short or damaged, restored on $name", (engine) => {
    it("is refused, and the library is left as it was", async (context) => {
      if (engine.unavailable) {
        console.warn(`skipped: ${engine.unavailable}`);
        context.skip();
        return;
      }
      const whole = dumpLines(sqliteDump);
      const gzipped = readFileSync(sqliteDump);
      const cutText = scratch("cut.jsonl");
      // Cut inside the rows, past the first tables, so that some tables are whole and one is not.
      writeFileSync(cutText, `${whole.slice(0, Math.floor(whole.length * 0.6)).join("\n")}\n`);
      const cutGzip = scratch("cut.jsonl.gz");
      writeFileSync(cutGzip, gzipped.subarray(0, Math.floor(gzipped.length * 0.6)));
      const damaged = scratch("damaged.jsonl");
      const rowAt = whole.findIndex((line, i) => i > whole.length / 2 && line.startsWith("["));
      writeFileSync(damaged, `${whole.map((line, i) => (i === rowAt ? line.slice(0, line.length - 3) : line)).join("\n")}\n`);

      const target = await engine.createTarget();
      try {
        const before = await contents(target);
        const cases: [string, RegExp][] = [[cutText, /is cut short: it ends inside table/u], [cutGzip, /is damaged or cut short/u], [damaged, new RegExp(`line ${rowAt + 1}: .*damaged`, "u")]];
        for (const [file, message] of cases) {
          const result = await quire("restore", file, "--db", databaseArgument(target));
          expect({ file, code: result.code }).toEqual({ file, code: 1 });
          expect(result.stderr).toMatch(message);
          expect(await contents(target)).toEqual(before);
        }
      } finally {
        await engine.dropTarget(target);
      }
    });
  });

  it("refuses a library that holds works, a dump from a newer schema, and a file that is no dump", async () => {
    const intoRich = await quire("restore", sqliteDump, "--db", databaseArgument(source));
    expect(intoRich.code).toBe(1);
    expect(intoRich.stderr).toMatch(/this library holds \d+ works and \d+ accounts: restore into a new, empty database, or pass --replace/u);

    const [header = "", ...rest] = dumpLines(sqliteDump);
    const future = scratch("future.jsonl");
    writeFileSync(future, `${JSON.stringify({ ...JSON.parse(header), schema: "9999-from-the-future" })}\n${rest.join("\n")}\n`);
    const fresh = { engine: "sqlite" as const, path: await sqliteLibraryPath() };
    const newer = await quire("restore", future, "--db", databaseArgument(fresh));
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(/made with a newer Quire \(schema 9999-from-the-future\)/u);

    const notADump = await quire("restore", join(import.meta.dirname, "..", "samples", "overdue.html"), "--db", databaseArgument(fresh));
    expect(notADump.stderr).toMatch(/is not a Quire dump/u);
    expect(await contents(fresh)).toMatchObject({ works: 0, users: 0 });
  });

  it("closes the dump it refuses, whether it read none of its rows or stopped at a damaged line", async (context) => {
    if (!existsSync("/proc/self/fd")) {
      console.warn("skipped: no /proc/self/fd to list the open files in");
      context.skip();
      return;
    }
    const [header = ""] = dumpLines(sqliteDump);
    // Longer than the line reader reads ahead, so that it stops with the file still open.
    const filler = `{"table":"authors","columns":[["id","integer"]]}\n${"{}\n".repeat(200_000)}`;
    const refused = scratch("refused.jsonl");
    writeFileSync(refused, `${header}\n${filler}`);
    expect((await quire("restore", refused, "--db", databaseArgument(source))).stderr).toMatch(/this library holds \d+ works/u);
    expect(openDescriptorsOf(refused)).toEqual([]);

    const damaged = scratch("damaged-early.jsonl");
    writeFileSync(damaged, `${header}\n${filler}`);
    const fresh = { engine: "sqlite" as const, path: await sqliteLibraryPath() };
    expect((await quire("restore", damaged, "--db", databaseArgument(fresh))).stderr).toMatch(/the dump's columns of table authors are not those of its own schema: it is damaged/u);
    expect(openDescriptorsOf(damaged)).toEqual([]);
  });

  it("replaces a library that holds works when told to, keeping nothing of it", async () => {
    const other = { engine: "sqlite" as const, path: await sqliteLibraryPath({ starterVocabulary: true }) };
    const imported = await quire("import", join(import.meta.dirname, "..", "samples", "overdue.html"), "--db", databaseArgument(other));
    expect(imported.code).toBe(0);
    const replaced = await quire("restore", sqliteDump, "--replace", "--db", databaseArgument(other));
    expect(replaced.stderr).toBe("");
    const after = scratch("replaced.jsonl");
    await backup(other, after);
    expect(dumpLines(after).slice(1)).toEqual(dumpLines(sqliteDump).slice(1));
  });

  it("restores a dump of an older schema and brings the library up to date", async () => {
    const names = await withLibrary(source, async (library) => Object.keys(migrations(library.engine)));
    const older = names.at(-2) ?? "";
    const old = { engine: "sqlite" as const, path: scratch("old.db") };
    const oldLibrary = connect(old);
    try {
      await migrateTo(oldLibrary, older);
    } finally {
      await oldLibrary.close();
    }
    const dump = scratch("old.jsonl");
    await backup(old, dump);
    expect(JSON.parse(dumpLines(dump)[0] ?? "{}").schema).toBe(older);

    const restoredTo = { engine: "sqlite" as const, path: scratch("restored-old.db") };
    const restored = await quire("restore", dump, "--db", databaseArgument(restoredTo));
    expect(restored.stdout).toContain(`then applied ${names.at(-1) ?? ""}`);
    const library = connect(restoredTo);
    try {
      expect(await appliedMigrations(library)).toEqual(names);
    } finally {
      await library.close();
    }
  });
});

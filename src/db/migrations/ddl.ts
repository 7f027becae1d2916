/** Column and table helpers that read the same in every migration, whichever engine runs it. */
import type { CreateTableBuilder, Kysely } from "kysely";
import type { Engine } from "../dialects/engine.js";

/** An integer key the engine generates: SQLite's rowid alias, PostgreSQL's identity column. */
export function withId<T extends string>(table: CreateTableBuilder<T>, engine: Engine): CreateTableBuilder<T> {
  return table.addColumn("id", "integer", (c) => engine.ddl.generatedId(c));
}

export function createIndex(db: Kysely<unknown>, name: string, table: string, columns: readonly string[], unique = false) {
  const builder = db.schema.createIndex(name).on(table).columns([...columns]);
  return (unique ? builder.unique() : builder).execute();
}

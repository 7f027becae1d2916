/**
 * The stored vocabulary: what a tag knows beyond its name (`tags.details`, JSON), the history of wrangling, and the
 * library's settings (which starter vocabulary it holds). Unwrangled tags get an index of their own, since the
 * wrangling queue lists them by type.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function vocabularyMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.alterTable("tags").addColumn("details", "text").execute();
      await db.schema
        .createIndex("tags_unwrangled")
        .on("tags")
        .columns(["type", "id"])
        .where(sql.ref("canonical"), "=", 0)
        .where(sql.ref("merger_id"), "is", null)
        .execute();

      await withId(db.schema.createTable("wrangling_history"), engine)
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("operation", "text", (c) => c.notNull())
        .addColumn("tag_id", "integer", (c) => c.references("tags.id"))
        .addColumn("other_tag_id", "integer", (c) => c.references("tags.id"))
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "wrangling_history_by_operation", "wrangling_history", ["operation"]);

      await db.schema
        .createTable("library_settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  };
}

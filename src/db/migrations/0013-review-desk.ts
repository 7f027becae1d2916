/**
 * The import review desk: who made each decision about an inferred value, and the rules a person made while
 * reviewing an import batch ("in this archive, Category 'Buffy' is the fandom Buffy the Vampire Slayer"), which
 * decide the same value on the batch's other works and are named as the reason for those decisions.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function reviewDeskMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("review_rules"), engine)
        // The folder or zip archive the batch's files came from (domain/import-batch.ts).
        .addColumn("batch", "text", (c) => c.notNull())
        .addColumn("field", "text", (c) => c.notNull().check(sql`field in ('fandoms', 'characters', 'relationships', 'categories', 'rating')`))
        .addColumn("from_value", "text", (c) => c.notNull())
        // Null: the rule removes the value.
        .addColumn("to_value", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await createIndex(db, "review_rules_by_batch", "review_rules", ["batch", "id"]);
      // SQLite adds one column per statement.
      await db.schema.alterTable("inferred_values").addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null")).execute();
      await db.schema.alterTable("inferred_values").addColumn("rule_id", "integer", (c) => c.references("review_rules.id").onDelete("set null")).execute();
    },
  };
}

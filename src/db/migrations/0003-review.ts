/**
 * The review queue: every value the tagger inferred for a work, with its confidence and evidence, and the
 * decision a person made about it. A decided row outlives a new reading of the work's file (the import inserts
 * and never overwrites), so a decision is made once.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function reviewMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("inferred_values"), engine)
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("field", "text", (c) => c.notNull().check(sql`field in ('fandoms', 'characters', 'relationships', 'categories', 'rating')`))
        .addColumn("value", "text", (c) => c.notNull())
        // Double precision rather than PostgreSQL's 4-byte real, which would read 0.7 back as 0.699999988.
        .addColumn("confidence", "double precision", (c) => c.notNull())
        .addColumn("evidence", "text", (c) => c.notNull())
        .addColumn("decision", "text", (c) => c.check(sql`decision in ('accepted', 'corrected')`))
        .addColumn("corrected_to", "text")
        .addColumn("decided_at", "text")
        .execute();
      await createIndex(db, "inferred_values_by_value", "inferred_values", ["work_id", "field", "value"], true);
      // The open queue: undecided values, least sure first.
      await db.schema
        .createIndex("inferred_values_open")
        .on("inferred_values")
        .columns(["confidence", "work_id"])
        .where(sql.ref("decision"), "is", null)
        .execute();
    },
  };
}

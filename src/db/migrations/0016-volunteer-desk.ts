/**
 * The volunteers' desk: pairs of works a moderator judged not to be duplicates, so that the near-duplicate page
 * (services/duplicates/duplicates-desk.ts) does not offer them again. A pair is stored once, the lower work id
 * first, and goes with either of its works.
 */
import { sql, type Kysely, type Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function volunteerDeskMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.createTable("duplicate_dismissals")
        .addColumn("low_work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("high_work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addColumn("dismissed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("dismissed_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("duplicate_dismissals_pk", ["low_work_id", "high_work_id"])
        .addCheckConstraint("duplicate_dismissals_order", sql`low_work_id < high_work_id`)
        .execute();
      // Deleting a work finds its dismissals by either column.
      await createIndex(db, "duplicate_dismissals_by_high", "duplicate_dismissals", ["high_work_id"]);
    },
  };
}

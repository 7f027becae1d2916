/**
 * The volunteers' desk: pairs of works a moderator judged not to be duplicates, so that the near-duplicate page
 * (services/duplicates/duplicates-desk.ts) does not offer them again (a pair is stored once, the lower work id
 * first, and goes with either of its works); and works imported for others, held for their authors as the
 * Archive's Open Doors does (services/review/held-works.ts): each external author of a batch with the claim
 * link's digest, and the works held for them.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function volunteerDeskMigration(engine: Engine): Migration {
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

      await withId(db.schema.createTable("external_authors"), engine)
        // The import batch the works came from (domain/import-batch.ts), and the author's name as the files gave it.
        .addColumn("batch", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        // From the files' headers, when they gave one; no mail is sent without it.
        .addColumn("email", "text")
        // The claim link's token, as its SHA-256 digest: the link itself is only in the mail (or the desk's page).
        .addColumn("token_digest", "text", (c) => c.notNull().unique())
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("claimed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("claimed_at", "text")
        // The author asked that the works not be imported: they were deleted.
        .addColumn("declined_at", "text")
        .execute();
      await createIndex(db, "external_authors_by_batch", "external_authors", ["batch", "name"], true);
      await db.schema.createTable("external_author_works")
        .addColumn("external_author_id", "integer", (c) => c.notNull().references("external_authors.id").onDelete("cascade"))
        .addColumn("work_id", "integer", (c) => c.notNull().references("works.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("external_author_works_pk", ["external_author_id", "work_id"])
        .execute();
      await createIndex(db, "external_author_works_by_work", "external_author_works", ["work_id"]);
    },
  };
}

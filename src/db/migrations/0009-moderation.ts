/**
 * What moderation keeps beyond 0005's tables: a report's category (spam, harassment…) beside its free text, the
 * note a moderator leaves when resolving it, and an index for finding the log entries about one work, comment
 * or user (the banner on a hidden work quotes the moderator's reason).
 */
import { sql, type Kysely, type Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function moderationMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.alterTable("reports").addColumn("category", "text", (c) => c.notNull().defaultTo("other")
        .check(sql`category in ('spam', 'harassment', 'rating-or-warnings', 'plagiarism', 'other')`)).execute();
      await db.schema.alterTable("reports").addColumn("resolution_note", "text").execute();
      await createIndex(db, "moderation_log_by_target", "moderation_log", ["target_type", "target_id", "id"]);
    },
  };
}

/**
 * Posting on the web: the number of chapters an author expects a work in progress to have (the Archive's "2/5"),
 * each chapter's text as its author wrote it with the format they chose (so editing gives back their Markdown or
 * plain text, not the HTML made from it), and a summary and notes for the series authors make.
 */
import type { Kysely, Migration } from "kysely";

export function postingMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.alterTable("works").addColumn("expected_chapters", "integer").execute();
      await db.schema.alterTable("chapters").addColumn("source", "text").execute();
      await db.schema.alterTable("chapters").addColumn("source_format", "text").execute();
      await db.schema.alterTable("series").addColumn("summary", "text").execute();
      await db.schema.alterTable("series").addColumn("notes", "text").execute();
    },
  };
}

/**
 * Tag wranglers: which users wrangle which fandoms on the web. A row gives a user the tags of one canonical fandom
 * (the wrangling page's rules, services/tags/wrangler-scope.ts, say which tags those are). Moderators and admins
 * wrangle every tag without a row. Rows go with their user or their fandom tag.
 */
import type { Kysely, Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function tagWranglersMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.createTable("tag_wranglers")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("fandom_id", "integer", (c) => c.notNull().references("tags.id").onDelete("cascade"))
        .addColumn("assigned_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("tag_wranglers_pk", ["user_id", "fandom_id"])
        .execute();
      await createIndex(db, "tag_wranglers_by_fandom", "tag_wranglers", ["fandom_id", "user_id"]);
    },
  };
}

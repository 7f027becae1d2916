/**
 * One bookmark per user per work and per series, held by the store itself, so two saves at once cannot leave a
 * reader with two bookmarks of one work; and the reader's "marked for later" list read straight off an index.
 */
import type { Kysely, Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function communityMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      // A series bookmark has no work (null), and nulls never collide: each index binds one kind of bookmark.
      await createIndex(db, "bookmarks_one_per_work", "bookmarks", ["user_id", "work_id"], true);
      await createIndex(db, "bookmarks_one_per_series", "bookmarks", ["user_id", "series_id"], true);
      await createIndex(db, "reading_history_marked", "reading_history", ["user_id", "marked_for_later"]);
    },
  };
}

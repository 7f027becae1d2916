/**
 * An index on when each work last changed, so the library's change stamp (repositories/library-stamp.ts) reads
 * the latest change without scanning every work.
 */
import type { Kysely, Migration } from "kysely";
import { createIndex } from "./ddl.js";

export function changeStampMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await createIndex(db, "works_by_updated_at", "works", ["updated_at"]);
    },
  };
}

/**
 * Each work's MinHash signature (domain/near-duplicates), which `quire duplicates` compares across the library.
 * A row keeps the fingerprint of the text it was made from: a work whose fingerprint has since changed (a chapter
 * edited) has a stale signature, and a library from before this migration has none. Both are signed again by the
 * search itself, which reads the chapters; the migration leaves existing works to it rather than read every
 * chapter of a large library while the archive waits to start.
 */
import type { Kysely, Migration } from "kysely";

export function workSignaturesMigration(): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await db.schema.createTable("work_signatures")
        .addColumn("work_id", "integer", (c) => c.primaryKey().references("works.id").onDelete("cascade"))
        .addColumn("fingerprint", "text", (c) => c.notNull())
        .addColumn("shingles", "integer", (c) => c.notNull())
        .addColumn("signature", "text", (c) => c.notNull())
        .execute();
    },
  };
}

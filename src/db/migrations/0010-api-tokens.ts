/**
 * API tokens: a user's keys to /api/v1, each with a name the user gave it and a scope (read, or read and write).
 * Like sessions, the table keeps only the SHA-256 of a token, so a copy of the database holds no usable key; a
 * revoked token keeps its row (revoked_at) so the account page can show what was revoked and when.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { createIndex, withId } from "./ddl.js";

export function apiTokensMigration(engine: Engine): Migration {
  return {
    up: async (db: Kysely<unknown>) => {
      await withId(db.schema.createTable("api_tokens"), engine)
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("digest", "text", (c) => c.notNull().unique())
        .addColumn("scope", "text", (c) => c.notNull().check(sql`scope in ('read', 'write')`))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await createIndex(db, "api_tokens_by_user", "api_tokens", ["user_id", "id"]);
    },
  };
}

/** What posting runs on: the library (its engine keeps the full-text index), and mail for the announcements. */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";

export interface PostingDeps {
  db: Kysely<Database>;
  engine: Engine;
  mailer: Mailer;
}

/** The story date (`YYYY-MM-DD`, UTC) of a moment. */
export function storyDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

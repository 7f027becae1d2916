/**
 * What posting runs on: the library (its engine keeps the full-text index), and mail for the announcements, whose
 * links start with the archive's own origin (configured or listened on; never a request's Host, which the poster
 * writes and the subscribers would follow).
 */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";

export interface PostingDeps {
  db: Kysely<Database>;
  engine: Engine;
  mailer: Mailer;
  siteOrigin: string;
}

/** The story date (`YYYY-MM-DD`, UTC) of a moment. */
export function storyDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

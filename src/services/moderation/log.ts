/** The moderators' log as they read it: newest first, a page at a time. */
import type { Kysely } from "kysely";
import { countLogEntries, listLogEntries, type StoredLogEntry } from "../../db/repositories/moderation-log.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { requireModerator } from "./authorize.js";
import { pageCount, type Paged } from "./paging.js";

export type { StoredLogEntry };

export const LOG_ENTRIES_PER_PAGE = 50;

/** @throws SignInRequiredError, ForbiddenError (see requireModerator) */
export async function readModerationLog(db: Kysely<Database>, viewer: Viewer, page: number): Promise<Paged<StoredLogEntry>> {
  requireModerator(viewer);
  const [items, total] = await Promise.all([listLogEntries(db, (page - 1) * LOG_ENTRIES_PER_PAGE, LOG_ENTRIES_PER_PAGE), countLogEntries(db)]);
  return { items, total, page, pages: pageCount(total, LOG_ENTRIES_PER_PAGE) };
}

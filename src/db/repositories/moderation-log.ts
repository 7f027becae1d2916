/** The moderators' log: every action by a moderator or admin, kept even when its moderator or target is gone. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface ModerationLogEntry {
  at: string;
  /** Null for a change made on the command line. */
  moderatorId: number | null;
  moderatorLogin: string;
  action: string;
  targetType: string;
  targetId: number;
  reason: string;
}

export async function insertModerationLogEntry(db: Kysely<Database>, entry: ModerationLogEntry): Promise<void> {
  await db.insertInto("moderation_log").values({
    at: entry.at, moderator_id: entry.moderatorId, moderator_login: entry.moderatorLogin, action: entry.action,
    target_type: entry.targetType, target_id: entry.targetId, reason: entry.reason,
  }).execute();
}

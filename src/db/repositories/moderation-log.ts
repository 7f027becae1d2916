/**
 * The moderators' log: one row per action, written in the action's own transaction. Append-only — nothing here
 * updates or deletes a row — and it names the moderator by login as well as id, so it outlives their account.
 */
import type { Kysely } from "kysely";
import type { ModerationAction, ModerationTarget } from "../../domain/moderation.js";
import type { Database } from "../schema.js";

export interface LogEntry {
  at: string;
  moderatorId: number | null;
  moderatorLogin: string;
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: number;
  reason: string;
}

/** An entry as stored: the action and target as written, which other parts of the archive (roles) write too. */
export interface StoredLogEntry extends Omit<LogEntry, "action" | "targetType"> {
  id: number;
  action: string;
  targetType: string;
}

export async function insertLogEntry(db: Kysely<Database>, entry: LogEntry): Promise<void> {
  await db.insertInto("moderation_log").values({
    at: entry.at, moderator_id: entry.moderatorId, moderator_login: entry.moderatorLogin, action: entry.action,
    target_type: entry.targetType, target_id: entry.targetId, reason: entry.reason,
  }).execute();
}

function entries(db: Kysely<Database>) {
  return db.selectFrom("moderation_log").select(["id", "at", "moderator_id", "moderator_login", "action", "target_type", "target_id", "reason"]);
}

function toEntry(row: { id: number; at: string; moderator_id: number | null; moderator_login: string; action: string; target_type: string; target_id: number; reason: string }): StoredLogEntry {
  return {
    id: row.id, at: row.at, moderatorId: row.moderator_id, moderatorLogin: row.moderator_login, action: row.action,
    targetType: row.target_type, targetId: row.target_id, reason: row.reason,
  };
}

/** Newest first, a page at a time. */
export async function listLogEntries(db: Kysely<Database>, offset: number, limit: number): Promise<StoredLogEntry[]> {
  const rows = await entries(db).orderBy("id", "desc").offset(offset).limit(limit).execute();
  return rows.map(toEntry);
}

export async function countLogEntries(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom("moderation_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/** The entries about one work, comment or user, newest first; only the given actions when `actions` is set. */
export async function listLogEntriesAbout(db: Kysely<Database>, targetType: ModerationTarget, targetId: number, limit: number, actions?: readonly ModerationAction[]): Promise<StoredLogEntry[]> {
  let query = entries(db).where("target_type", "=", targetType).where("target_id", "=", targetId);
  if (actions) query = query.where("action", "in", [...actions]);
  const rows = await query.orderBy("id", "desc").limit(limit).execute();
  return rows.map(toEntry);
}

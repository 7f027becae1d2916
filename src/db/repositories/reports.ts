/** Reports of works and comments: filed by readers (or guests), worked through by moderators oldest first. */
import type { Kysely } from "kysely";
import type { ReportCategory, ReportTarget } from "../../domain/moderation.js";
import type { Database } from "../schema.js";

export interface NewReport {
  targetType: ReportTarget;
  targetId: number;
  /** Null: a guest. */
  reporterId: number | null;
  category: ReportCategory;
  reason: string;
}

/** @returns the report's id. */
export async function insertReport(db: Kysely<Database>, report: NewReport, now: string): Promise<number> {
  const { id } = await db.insertInto("reports").values({
    target_type: report.targetType, target_id: report.targetId, reporter_id: report.reporterId, category: report.category,
    reason: report.reason, created_at: now, resolved_by: null, resolved_at: null, resolution_note: null,
  }).returning("id").executeTakeFirstOrThrow();
  return id;
}

export interface StoredReport {
  id: number;
  targetType: ReportTarget;
  targetId: number;
  category: ReportCategory;
  reason: string;
  createdAt: string;
  /** The reporter's login; null for a guest, or an account since deleted. */
  reporterLogin: string | null;
  resolvedAt: string | null;
}

function reports(db: Kysely<Database>) {
  return db.selectFrom("reports as r").leftJoin("users as u", "u.id", "r.reporter_id")
    .select(["r.id", "r.target_type", "r.target_id", "r.category", "r.reason", "r.created_at", "r.resolved_at", "u.login"]);
}

function toStoredReport(row: { id: number; target_type: ReportTarget; target_id: number; category: ReportCategory; reason: string; created_at: string; resolved_at: string | null; login: string | null }): StoredReport {
  return {
    id: row.id, targetType: row.target_type, targetId: row.target_id, category: row.category, reason: row.reason,
    createdAt: row.created_at, reporterLogin: row.login, resolvedAt: row.resolved_at,
  };
}

export async function findReport(db: Kysely<Database>, reportId: number): Promise<StoredReport | undefined> {
  const row = await reports(db).where("r.id", "=", reportId).executeTakeFirst();
  return row && toStoredReport(row);
}

/** Open reports, oldest first (ids grow with time in both engines), a page at a time. */
export async function listOpenReports(db: Kysely<Database>, offset: number, limit: number): Promise<StoredReport[]> {
  const rows = await reports(db).where("r.resolved_at", "is", null).orderBy("r.id").offset(offset).limit(limit).execute();
  return rows.map(toStoredReport);
}

export async function countOpenReports(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom("reports").select((eb) => eb.fn.countAll<number>().as("n")).where("resolved_at", "is", null).executeTakeFirstOrThrow();
  return Number(n);
}

/** Closes the report, if it is still open. @returns whether it was open. */
export async function resolveReport(db: Kysely<Database>, reportId: number, moderatorId: number, note: string, now: string): Promise<boolean> {
  const result = await db.updateTable("reports").set({ resolved_by: moderatorId, resolved_at: now, resolution_note: note })
    .where("id", "=", reportId).where("resolved_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

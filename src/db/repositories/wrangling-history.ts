/** The wrangling history: one row per operation that changed the vocabulary. */
import type { Kysely } from "kysely";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";

export interface WranglingRecord {
  operation: string;
  tagId: number | null;
  otherTagId: number | null;
  detail: Readonly<Record<string, unknown>>;
}

export interface WranglingEntry {
  id: number;
  at: string;
  operation: string;
  /** The tags' names as they are now (the detail keeps names as they were, where they changed). */
  tag: { id: number; type: TagType; name: string } | null;
  otherTag: { id: number; type: TagType; name: string } | null;
  detail: Record<string, unknown>;
}

export async function insertWrangling(db: Kysely<Database>, record: WranglingRecord, now: string): Promise<void> {
  await db
    .insertInto("wrangling_history")
    .values({ at: now, operation: record.operation, tag_id: record.tagId, other_tag_id: record.otherTagId, detail: JSON.stringify(record.detail) })
    .execute();
}

/** The newest first. */
export async function listWranglings(db: Kysely<Database>, limit: number): Promise<WranglingEntry[]> {
  const rows = await db
    .selectFrom("wrangling_history as h")
    .leftJoin("tags as t", "t.id", "h.tag_id")
    .leftJoin("tags as o", "o.id", "h.other_tag_id")
    .select(["h.id", "h.at", "h.operation", "h.detail", "t.id as tag_id", "t.type as tag_type", "t.name as tag_name", "o.id as other_id", "o.type as other_type", "o.name as other_name"])
    .orderBy("h.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    operation: r.operation,
    tag: r.tag_id !== null && r.tag_type !== null && r.tag_name !== null ? { id: r.tag_id, type: r.tag_type, name: r.tag_name } : null,
    otherTag: r.other_id !== null && r.other_type !== null && r.other_name !== null ? { id: r.other_id, type: r.other_type, name: r.other_name } : null,
    detail: parseDetail(r.detail),
  }));
}

/** Pairs (tag, other tag) that a wrangler unlinked with one of these operations: links a re-seed must not restore. */
export async function listUnlinkedPairs(db: Kysely<Database>, operation: string): Promise<Set<string>> {
  const rows = await db.selectFrom("wrangling_history").select(["tag_id", "other_tag_id"]).where("operation", "=", operation).execute();
  return new Set(rows.map((r) => `${r.tag_id}:${r.other_tag_id}`));
}

function parseDetail(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

/**
 * The Archive's public tag dump (tags-*.csv in its 2021 data dump): one row per tag with the columns
 * `id,type,name,canonical,cached_count,merger_id`, types as the Archive's class names, canonical as true/false,
 * cached_count the number of works using the tag, and merger_id the id of a synonym's canonical tag in the same
 * file. This reads and writes one row; the CSV itself is the services' business.
 */
import { isTagType, TAG_TYPES, type TagType } from "./tag-type.js";
import { TAG_NAME_MAX } from "./work-tags.js";

export const TAG_DUMP_COLUMNS = ["id", "type", "name", "canonical", "cached_count", "merger_id"] as const;
export type TagDumpColumn = (typeof TAG_DUMP_COLUMNS)[number];

export interface TagDumpRow {
  /** The id in the file, which is not ours. */
  id: string;
  type: TagType;
  name: string;
  canonical: boolean;
  /** The file's id of the canonical tag this one is a synonym of. */
  mergerId: string | null;
}

/** The Archive's types Quire does not keep, with the reason it gives. */
const UNKEPT_TYPES: Readonly<Record<string, string>> = {
  Media: "Media tags are not kept (Quire files fandoms without media)",
  UnsortedTag: "unsorted tags have no type to be filed under",
  Banned: "banned tags are not kept",
};

/**
 * Reads one row, its fields by column name.
 * @returns the row, or the reason it cannot be imported.
 * @example readTagDumpRow({ id: "7", type: "Freeform", name: "Angst", canonical: "true", cached_count: "9", merger_id: "" })
 *   // { id: "7", type: "Freeform", name: "Angst", canonical: true, mergerId: null }
 */
export function readTagDumpRow(fields: Readonly<Partial<Record<TagDumpColumn, string>>>): TagDumpRow | { reason: string } {
  const id = fields.id?.trim() ?? "";
  const type = fields.type?.trim() ?? "";
  const name = (fields.name ?? "").replace(/\s+/gu, " ").trim();
  const canonical = (fields.canonical ?? "").trim().toLowerCase();
  const mergerId = fields.merger_id?.trim() ?? "";
  if (id.length === 0) return { reason: "no id" };
  if (!isTagType(type)) return { reason: UNKEPT_TYPES[type] ?? `"${type}" is not a tag type (${TAG_TYPES.join(", ")})` };
  if (name.length === 0) return { reason: "no name (the Archive's dump leaves some out)" };
  if (name.length > TAG_NAME_MAX) return { reason: `the name is longer than ${TAG_NAME_MAX} characters` };
  if (!["true", "false", "t", "f", "1", "0"].includes(canonical)) return { reason: `canonical is "${fields.canonical ?? ""}", not true or false` };
  const isCanonical = ["true", "t", "1"].includes(canonical);
  if (isCanonical && mergerId.length > 0) return { reason: "a canonical tag cannot have a merger" };
  if (mergerId === id) return { reason: "the tag is its own merger" };
  return { id, type, name, canonical: isCanonical, mergerId: mergerId.length > 0 ? mergerId : null };
}

/** One row as written: `canonical` as true/false, an empty merger_id for none. */
export function tagDumpFields(row: { id: number; type: TagType; name: string; canonical: boolean; cachedCount: number; mergerId: number | null }): Record<TagDumpColumn, string> {
  return { id: String(row.id), type: row.type, name: row.name, canonical: String(row.canonical), cached_count: String(row.cachedCount), merger_id: row.mergerId === null ? "" : String(row.mergerId) };
}

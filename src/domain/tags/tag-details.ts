/**
 * What a tag knows beyond its name and links, kept as JSON on the tag: a character's gender and the forms that
 * count as mentions of it in story text; a relationship's members, kind and ship names; a fandom's creators and
 * places. Members and fandoms are tag ids, so renames and merges carry over. Every field is optional: a tag made
 * canonical by a wrangler has none.
 */
import type { TagType } from "./tag-type.js";

export type RelationshipKind = "romantic" | "platonic";

export interface TagDetails {
  /** Character: "female", "male", "nonbinary" or "unknown" (the vocabulary file's values; checked where read). */
  gender?: string | undefined;
  mentions?: string[] | undefined;
  ambiguousMentions?: string[] | undefined;
  /** Character: its fandom tags' ids in the order the vocabulary gave them, the home fandom first. */
  fandoms?: number[] | undefined;
  /** Relationship: the member character tags' ids, in the order of the relationship's name. */
  members?: number[] | undefined;
  kind?: RelationshipKind | undefined;
  shipNames?: string[] | undefined;
  creators?: string[] | undefined;
  places?: string[] | undefined;
}

const LISTS = ["mentions", "ambiguousMentions", "fandoms", "shipNames", "creators", "places"] as const;

/**
 * New details added to old: lists gain the values they lacked (old ones keep their place), and a field the old
 * details lack (or a gender left "unknown") is taken from the new. Nothing the old details hold is overwritten.
 * @example mergeTagDetails({ mentions: ["Spike"] }, { mentions: ["William"], gender: "male" })
 *   // { mentions: ["Spike", "William"], gender: "male" }
 */
export function mergeTagDetails(old: TagDetails | null, added: TagDetails): TagDetails {
  const merged: TagDetails = { ...defined(added), ...defined(old ?? {}) };
  if (old?.gender === "unknown" && added.gender !== undefined) merged.gender = added.gender;
  for (const key of LISTS) {
    const before: readonly (string | number)[] = old?.[key] ?? [];
    const extra: readonly (string | number)[] = added[key] ?? [];
    const all = [...before, ...extra.filter((value) => !before.includes(value))];
    if (all.length > 0) Object.assign(merged, { [key]: all });
  }
  return merged;
}

function defined(details: TagDetails): TagDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

/** Equal details, whatever their key order. */
export function sameTagDetails(a: TagDetails | null, b: TagDetails | null): boolean {
  return canonicalJson(a ?? {}) === canonicalJson(b ?? {});
}

function canonicalJson(details: TagDetails): string {
  return JSON.stringify(Object.entries(defined(details)).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The members and kind a relationship's name spells: "A/B" is romantic, "A & B" platonic (the Archive's rule).
 * @returns null for a name that is neither, or mixes both.
 * @example relationshipMembersOf("Buffy Summers/Spike") // { members: ["Buffy Summers", "Spike"], kind: "romantic" }
 */
export function relationshipMembersOf(name: string): { members: string[]; kind: RelationshipKind } | null {
  const romantic = name.split("/");
  const platonic = name.split(" & ");
  const members = romantic.length > 1 ? romantic : platonic;
  if (romantic.length > 1 === platonic.length > 1 || members.some((m) => m.trim() !== m || m.length === 0)) return null;
  return { members, kind: romantic.length > 1 ? "romantic" : "platonic" };
}

/** The types the vocabulary file describes: the free-text types a wrangler shapes. */
export const VOCABULARY_TAG_TYPES = ["Fandom", "Character", "Relationship", "Freeform"] as const satisfies readonly TagType[];

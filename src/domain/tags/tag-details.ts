/**
 * What a tag knows beyond its name and links, kept as JSON on the tag: a character's gender and the forms that
 * count as mentions of it in story text; a relationship's members, kind and ship names; a fandom's creators and
 * places. Members and fandoms are tag ids, so renames and merges carry over. Every field is optional: a tag made
 * canonical by a wrangler has none.
 */
import { z } from "zod";
import type { TagType } from "./tag-type.js";

export const RELATIONSHIP_KINDS = ["romantic", "platonic"] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const GENDERS = ["female", "male", "nonbinary", "unknown"] as const;
export type Gender = (typeof GENDERS)[number];

/** The details as stored (JSON on the tag), in the order their fields are shown. */
export const tagDetailsSchema = z.object({
  gender: z.enum(GENDERS).optional(),
  mentions: z.array(z.string()).optional(),
  ambiguousMentions: z.array(z.string()).optional(),
  /** Character: its fandom tags' ids in the order the vocabulary gave them, the home fandom first. */
  fandoms: z.array(z.number().int()).optional(),
  /** Relationship: the member character tags' ids, in the order of the relationship's name. */
  members: z.array(z.number().int()).optional(),
  kind: z.enum(RELATIONSHIP_KINDS).optional(),
  shipNames: z.array(z.string()).optional(),
  creators: z.array(z.string()).optional(),
  places: z.array(z.string()).optional(),
});

export type TagDetails = z.infer<typeof tagDetailsSchema>;

type Field = keyof TagDetails;
/** The lists merging unions: every one but a relationship's members, whose order its name spells. */
type ListField = Exclude<{ [K in Field]-?: NonNullable<TagDetails[K]> extends readonly unknown[] ? K : never }[Field], "members">;

const LISTS = (Object.keys(tagDetailsSchema.shape) as Field[]).filter(
  (key): key is ListField => key !== "members" && tagDetailsSchema.shape[key].unwrap() instanceof z.ZodArray,
);

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

/**
 * A reader's preferences: theme, type size, line width, whether archive warnings and additional tags wait behind a
 * "show" toggle, whether adult works skip the interstitial, whether a work opens whole, and tags muted everywhere.
 * A guest's live in a cookie, a signed-in reader's on their account (JSON); both are read through one schema, so a
 * forged or stale value falls back to the defaults field by field.
 */
import { z } from "zod";

export const THEMES = ["system", "light", "dark"] as const;
export const FONT_SIZES = ["small", "medium", "large", "larger"] as const;
export const LINE_WIDTHS = ["narrow", "medium", "wide", "full"] as const;
export const MAX_MUTED_TAGS = 40;
/** Browsers keep a cookie of up to 4,096 bytes, name and attributes included; the value must leave them room. */
export const MAX_PREFS_COOKIE_LENGTH = 3_800;
const MAX_TAG_LENGTH = 150;

const prefsSchema = z.object({
  theme: z.enum(THEMES).catch("system"),
  fontSize: z.enum(FONT_SIZES).catch("medium"),
  lineWidth: z.enum(LINE_WIDTHS).catch("medium"),
  hideWarnings: z.boolean().catch(false),
  hideFreeforms: z.boolean().catch(false),
  showAdult: z.boolean().catch(false),
  /** Open a work whole rather than at its first chapter. */
  fullWork: z.boolean().catch(false),
  // A name with a NUL in it names no tag (none can hold one), and PostgreSQL refuses it in a query: a forged
  // cookie's are dropped here, as the NUL guard refuses them in a form.
  mutedTags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_MUTED_TAGS).catch([]).transform((tags) => tags.filter((tag) => !tag.includes("\u0000"))),
});

export type ReaderPrefs = z.infer<typeof prefsSchema>;

export const PREFS_COOKIE = "quire_prefs";

export const DEFAULT_PREFS: ReaderPrefs = Object.freeze({
  theme: "system", fontSize: "medium", lineWidth: "medium", hideWarnings: false, hideFreeforms: false, showAdult: false, fullWork: false, mutedTags: [],
});

function parsePrefs(json: unknown): ReaderPrefs {
  const parsed = prefsSchema.safeParse(typeof json === "object" && json !== null && !Array.isArray(json) ? { ...DEFAULT_PREFS, ...json } : DEFAULT_PREFS);
  return parsed.success ? parsed.data : DEFAULT_PREFS;
}

/** The preferences in a cookie value; defaults for anything missing or malformed. */
export function readPrefsCookie(value: string | undefined): ReaderPrefs {
  if (!value) return DEFAULT_PREFS;
  try {
    return parsePrefs(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefsCookie(prefs: ReaderPrefs): string {
  return Buffer.from(writePrefsJson(prefs), "utf8").toString("base64url");
}

/** The preferences an account keeps (users.prefs); defaults for anything missing or malformed. */
export function readPrefsJson(json: string): ReaderPrefs {
  try {
    return parsePrefs(JSON.parse(json));
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefsJson(prefs: ReaderPrefs): string {
  return JSON.stringify(prefs);
}

/** The reader's muted tags as search exclusions, of any type. */
export function mutedTagRefs(prefs: ReaderPrefs): { name: string; type: null }[] {
  return prefs.mutedTags.map((name) => ({ name, type: null }));
}

/** Tag names from a form's text: one per line or comma-separated, trimmed, without repeats. */
export function parseTagList(text: string): string[] {
  const names = text.split(/[\n,，、]/u).map((n) => n.trim()).filter((n) => n.length > 0 && n.length <= MAX_TAG_LENGTH);
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()].slice(0, MAX_MUTED_TAGS);
}

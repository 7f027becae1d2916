/**
 * A visitor's reading preferences, kept in a cookie until accounts exist: theme, type size, line width, whether
 * archive warnings and additional tags wait behind a "show" toggle, whether adult works skip the interstitial,
 * and tags muted everywhere. The cookie is read through a schema, so a forged or stale one falls back to defaults.
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
  mutedTags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_MUTED_TAGS).catch([]),
});

export type ReaderPrefs = z.infer<typeof prefsSchema>;

export const PREFS_COOKIE = "quire_prefs";

export const DEFAULT_PREFS: ReaderPrefs = Object.freeze({
  theme: "system", fontSize: "medium", lineWidth: "medium", hideWarnings: false, hideFreeforms: false, showAdult: false, mutedTags: [],
});

/** The preferences in a cookie value; defaults for anything missing or malformed. */
export function readPrefsCookie(value: string | undefined): ReaderPrefs {
  if (!value) return DEFAULT_PREFS;
  try {
    const json: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const parsed = prefsSchema.safeParse(typeof json === "object" && json !== null ? { ...DEFAULT_PREFS, ...json } : DEFAULT_PREFS);
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function writePrefsCookie(prefs: ReaderPrefs): string {
  return Buffer.from(JSON.stringify(prefs), "utf8").toString("base64url");
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

/**
 * The name a downloaded work is saved under: its title in ASCII (any-ascii transliterates every script, so
 * "Ночной дозор" is "Nochnoy dozor" and "夜の散歩" "Yorunosanpo"), safe on every file system, short enough for
 * all of them, and unique within one batch.
 */
import anyAscii from "any-ascii";

export const EXPORT_FORMATS = ["epub", "html", "txt", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Room for a suffix that makes the name unique and the extension, under every file system's 255 bytes. */
const MAX_STEM_LENGTH = 80;

/** Names Windows refuses whatever the extension. */
const RESERVED_WINDOWS_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/iu;

/**
 * The title as a file name's stem: transliterated to ASCII, each run of anything but letters, digits, `-` and
 * `_` a single `_`, at most 80 characters; "work" when nothing is left.
 * @example exportFileStem("Spike/Buffy: Poisons?") === "Spike_Buffy_Poisons"
 */
export function exportFileStem(title: string): string {
  const stem = anyAscii(title)
    .replace(/['’]/gu, "")
    .replace(/[^A-Za-z0-9_-]+/gu, "_")
    .slice(0, MAX_STEM_LENGTH)
    .replace(/^[_-]+|[_-]+$/gu, "");
  return stem === "" || RESERVED_WINDOWS_NAME.test(stem) ? `work${stem === "" ? "" : `_${stem}`}` : stem;
}

export function exportFileName(title: string, format: ExportFormat): string {
  return `${exportFileStem(title)}.${format}`;
}

/**
 * Names for several works saved side by side (a bundle, a folder): the same as exportFileName, with `_2`, `_3`
 * after the stem of the second and later work of one name, compared without case since most file systems do.
 */
export function uniqueExportFileNames(titles: readonly string[], format: ExportFormat): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const stem = exportFileStem(title);
    let candidate = stem;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem}_${n}`;
    taken.add(candidate.toLowerCase());
    return `${candidate}.${format}`;
  });
}

/** How numbers, languages, dates and chapter counts read on the pages. */
import type { WorkStatus } from "../../domain/work.js";

const numbers = new Intl.NumberFormat("en");
const languages = new Intl.DisplayNames(["en"], { type: "language" });

export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "English" for "en"; the code itself when it names no language. */
export function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The Archive's "3/3" for a complete work, "3/?" while it may go on, "3/5" when five are expected. */
export function chapterCount(chapters: number, status: WorkStatus, expected: number | null = null): string {
  return `${chapters}/${status === "complete" ? chapters : (expected ?? "?")}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

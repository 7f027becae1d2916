/** Dates as legacy headers write them, to `YYYY-MM-DD`. */
import * as chrono from "chrono-node";

const PARSERS: Readonly<Record<string, chrono.Chrono>> = {
  en: chrono.en.strict, de: chrono.de.strict, es: chrono.es.strict, fr: chrono.fr.strict,
  it: chrono.it.strict, pt: chrono.pt.strict, nl: chrono.nl.strict, ja: chrono.ja.strict,
};

/**
 * The first full date (year, month and day all stated) in `value`, or null. Numeric dates with slashes or dashes
 * are month-first in English and day-first in other languages, unless only one reading is a valid date; dotted
 * dates (`12.03.2008`) are day-first everywhere. Dates after `today` are dropped, as the Archive's importer does.
 */
export function parseDate(value: string, language = "en", today = new Date()): string | null {
  const numeric = parseNumericDate(value, language);
  if (numeric !== undefined) return notInFuture(numeric, today);
  const parser = PARSERS[language] ?? PARSERS.en;
  for (const candidate of [parser, PARSERS.en]) {
    const result = candidate?.parse(value, today, { forwardDate: false })[0];
    if (result?.start.isCertain("year") && result.start.isCertain("day")) {
      const { start } = result;
      return notInFuture(format(start.get("year") ?? 0, start.get("month") ?? 0, start.get("day") ?? 0), today);
    }
  }
  return null;
}

// Returns undefined when the value holds no numeric date, null when it holds an impossible one.
function parseNumericDate(value: string, language: string): string | null | undefined {
  const iso = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/u.exec(value);
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})\b/u.exec(value);
  if (!m) return undefined;
  const [a, b, year] = [Number(m[1]), Number(m[3]), expandYear(Number(m[4]), m[4]?.length ?? 4)];
  const dayFirst = m[2] === "." || language !== "en";
  const [month, day] = dayFirst ? [b, a] : [a, b];
  return format(year, month, day) ?? format(year, day, month);
}

function expandYear(year: number, digits: number): number {
  if (digits === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function format(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1960) return null;
  return date.toISOString().slice(0, 10);
}

function notInFuture(date: string | null, today: Date): string | null {
  return date !== null && date <= today.toISOString().slice(0, 10) ? date : null;
}

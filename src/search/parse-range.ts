/**
 * The range syntax of the model archive's search form (shared/reference/ao3.md §2.1): counts for word count, hits,
 * kudos, comments and bookmarks (`10`, `<100`, `100-1000`), and dates (`7 days ago`, `> 8 weeks`, `2020-01`). The
 * Archive's own reading is `SearchRange` (app/models/search_range.rb); where it is vague, what each function does is
 * written on it. Pure: the current time is an argument.
 */
import type { DateRange, NumberRange } from "./work-search.js";

// A range is a few characters long. Longer input is not a range, and the cap keeps every pattern here trivially cheap.
const MAX_RANGE_LENGTH = 100;

const COUNT_RANGE = /^(<=|>=|≤|≥|<|>|=)? ?(\d[\d,. ]*?)(?: ?(?:-|–|\.\.) ?(\d[\d,. ]*))?$/u;

/**
 * Reads a count range as the Archive's Word Count field takes it, or null when `input` is not one.
 *
 * - `10` is exactly 10; `100-1000` (also `100 – 1000`, `100..1000`) is both ends inclusive, in either order.
 * - `<100` and `>100` are strict, as on the Archive: counts are whole numbers, so they become `max: 99` and
 *   `min: 101`. `<=`, `≤`, `>=` and `≥` are inclusive; a leading `=` means exactly.
 * - Commas, periods and spaces inside a number are ignored, as the Archive's help says (`10,000`, `10.000` and
 *   `10 000` are all 10000; so `1.5` is 15).
 * - Null for anything else: no digits, a sign on a range (`<10-20`), an open end (`10-`), a negative number, or a
 *   number too large to hold exactly.
 *
 * @example parseNumberRange("<1,000") // { min: null, max: 999 }
 */
export function parseNumberRange(input: string): NumberRange | null {
  const text = input.trim();
  if (text.length > MAX_RANGE_LENGTH) return null;
  const match = COUNT_RANGE.exec(text);
  if (!match) return null;
  const [, comparison, first, second] = match;
  const low = readCount(first);
  if (low === null) return null;
  if (second !== undefined) {
    const high = readCount(second);
    if (high === null || comparison !== undefined) return null;
    return { min: Math.min(low, high), max: Math.max(low, high) };
  }
  switch (comparison) {
    case "<":
      return { min: null, max: low - 1 };
    case "<=":
    case "≤":
      return { min: null, max: low };
    case ">":
      return { min: low + 1, max: null };
    case ">=":
    case "≥":
      return { min: low, max: null };
    default:
      return { min: low, max: low };
  }
}

function readCount(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const value = Number(digits.replace(/[,. ]/gu, ""));
  return Number.isSafeInteger(value) ? value : null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Days are counted from 1970-01-01. Output stays within years 1–9999 so `YYYY-MM-DD` always holds.
const FIRST_DAY = dayNumber(1, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

type Unit = "year" | "month" | "week" | "day" | "hour";

const RELATIVE_DATE =
  /^(<=|>=|≤|≥|<|>)? ?(\d+)(?: ?(?:-|–|\.\.) ?(\d+))? ?(year|month|week|day|hour)s?(?: ago)?$/u;
const CALENDAR_DATE = String.raw`(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?`;
const ABSOLUTE_DATE = new RegExp(String.raw`^(<=|>=|≤|≥|<|>)? ?${CALENDAR_DATE}$`, "u");
const ABSOLUTE_SPAN = new RegExp(String.raw`^${CALENDAR_DATE} ?(?:-|–|\.\.|to) ?${CALENDAR_DATE}$`, "u");

/**
 * Reads a date range as the Archive's Date field takes it (public/help/work-search-date-help.html), or null when
 * `input` is not one. Dates are calendar days in UTC; `now` fixes "today". Units are year, month, week, day and
 * hour, singular or plural; "ago" is optional; case and spacing do not matter.
 *
 * - `7 days ago`: that day. `1 week ago`, `2 months ago`, `3 years ago`: the whole Monday-to-Sunday week, calendar
 *   month or calendar year that day falls in, as on the Archive.
 * - `< 7 days`: less than 7 days ago, so from today−7 to today.
 * - `> 8 weeks`: more than 8 weeks ago, so up to the day before today−8 weeks.
 * - `<= 8 weeks`, `>= 8 weeks`: the same with that day included.
 * - `13-21 months`: from today−21 months to today−13 months (either order).
 * - Hours count back from `now` itself and then stand for the UTC day that instant falls in: `5 hours ago` at
 *   03:00 is yesterday, and `< 36 hours` starts on the day 36 hours back.
 * - Months and years keep the day of the month, clamped to the month's length (31 March − 1 month = 28 or 29
 *   February). Anything before 0001-01-01 is clamped to that day.
 * - Absolute dates: `2020-01-31` (that day), `2020-01` (the month), `2020` (the year); `< 2020-01` ends the day
 *   before the month starts, `> 2020-01` begins the day after it ends, `<=`/`>=` include it; `2019-03-01 - 2020-01`,
 *   `2019-03-01..2020-01` or `2019 to 2020` run from the start of the earlier to the end of the later.
 * - Null for anything else, including impossible dates (`2021-02-29`) and an invalid `now`.
 *
 * @example parseDateRange("< 7 days", new Date("2012-04-25T12:00:00Z")) // { from: "2012-04-18", to: "2012-04-25" }
 */
export function parseDateRange(input: string, now: Date): DateRange | null {
  const text = input.trim().toLowerCase().replace(/\s+/gu, " ");
  if (text.length > MAX_RANGE_LENGTH) return null;
  const relative = RELATIVE_DATE.exec(text);
  if (relative) {
    if (Number.isNaN(now.getTime())) return null;
    const [, comparison, first, second, unit] = relative;
    if (!isUnit(unit)) return null;
    return relativeRange(comparison, Number(first), second === undefined ? null : Number(second), unit, now);
  }
  const absolute = ABSOLUTE_DATE.exec(text);
  if (absolute) {
    const [, comparison, year, month, day] = absolute;
    const period = calendarPeriod(year, month, day);
    return period && absoluteRange(comparison, period);
  }
  const span = ABSOLUTE_SPAN.exec(text);
  if (span) {
    const first = calendarPeriod(span[1], span[2], span[3]);
    const second = calendarPeriod(span[4], span[5], span[6]);
    if (!first || !second) return null;
    const [earlier, later] = first.start <= second.start ? [first, second] : [second, first];
    return { from: formatDay(earlier.start), to: formatDay(later.end) };
  }
  return null;
}

function isUnit(value: string | undefined): value is Unit {
  return value === "year" || value === "month" || value === "week" || value === "day" || value === "hour";
}

function relativeRange(
  comparison: string | undefined,
  amount: number,
  other: number | null,
  unit: Unit,
  now: Date,
): DateRange | null {
  const today = Math.floor(now.getTime() / DAY_MS);
  if (other !== null) {
    if (comparison !== undefined) return null;
    return {
      from: formatDay(dayBefore(now, Math.max(amount, other), unit)),
      to: formatDay(dayBefore(now, Math.min(amount, other), unit)),
    };
  }
  const day = dayBefore(now, amount, unit);
  switch (comparison) {
    case "<":
    case "<=":
    case "≤":
      return { from: formatDay(day), to: formatDay(today) };
    case ">":
      return { from: null, to: formatDay(day - 1) };
    case ">=":
    case "≥":
      return { from: null, to: formatDay(day) };
    default: {
      const period = periodAround(day, unit);
      return { from: formatDay(period.start), to: formatDay(period.end) };
    }
  }
}

/** A run of days, as days since 1970-01-01, both ends inclusive. */
interface Period {
  start: number;
  end: number;
}

// The whole unit a day falls in: the "x weeks ago = that week" reading of the Archive's help.
function periodAround(day: number, unit: Unit): Period {
  const { year, month } = civilDate(day);
  switch (unit) {
    case "hour":
    case "day":
      return { start: day, end: day };
    case "week": {
      // Day 0 was a Thursday; weeks start on Monday, as Rails' beginning_of_week does.
      const monday = day - (((day + 3) % 7) + 7) % 7;
      return { start: monday, end: monday + 6 };
    }
    case "month":
      return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 0) };
    case "year":
      return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) };
  }
}

// The day `amount` units before now, never before 0001-01-01 (huge amounts would otherwise leave the calendar).
function dayBefore(now: Date, amount: number, unit: Unit): number {
  return Math.max(unitsBefore(now, amount, unit), FIRST_DAY);
}

function unitsBefore(now: Date, amount: number, unit: Unit): number {
  const today = Math.floor(now.getTime() / DAY_MS);
  switch (unit) {
    case "hour":
      return Math.floor((now.getTime() - amount * HOUR_MS) / DAY_MS);
    case "day":
      return today - amount;
    case "week":
      return today - 7 * amount;
    case "month":
      return monthsBefore(today, amount);
    case "year":
      return monthsBefore(today, 12 * amount);
  }
}

function monthsBefore(day: number, months: number): number {
  const { year, month, day: dayOfMonth } = civilDate(day);
  const target = year * 12 + (month - 1) - months;
  if (target < 12) return Number.NEGATIVE_INFINITY;
  const targetYear = Math.floor(target / 12);
  const targetMonth = (target % 12) + 1;
  return dayNumber(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

function calendarPeriod(year: string | undefined, month: string | undefined, day: string | undefined): Period | null {
  const y = Number(year);
  if (year === undefined || y < 1) return null;
  if (month === undefined) return { start: dayNumber(y, 1, 1), end: dayNumber(y, 12, 31) };
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return { start: dayNumber(y, m, 1), end: dayNumber(y, m, daysInMonth(y, m)) };
  const d = Number(day);
  if (d < 1 || d > daysInMonth(y, m)) return null;
  const only = dayNumber(y, m, d);
  return { start: only, end: only };
}

function absoluteRange(comparison: string | undefined, period: Period): DateRange {
  switch (comparison) {
    case "<":
      return { from: null, to: formatDay(period.start - 1) };
    case "<=":
    case "≤":
      return { from: null, to: formatDay(period.end) };
    case ">":
      return { from: formatDay(period.end + 1), to: null };
    case ">=":
    case "≥":
      return { from: formatDay(period.start), to: null };
    default:
      return { from: formatDay(period.start), to: formatDay(period.end) };
  }
}

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not. Out-of-range months and days roll over, so
// dayNumber(y, m + 1, 0) is the last day of month m.
function dayNumber(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day) / DAY_MS;
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 0) - dayNumber(year, month, 1) + 1;
}

function civilDate(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

// `YYYY-MM-DD`, clamped to FIRST_DAY..LAST_DAY (the Archive clamps far-past dates too).
function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilDate(Math.min(Math.max(day, FIRST_DAY), LAST_DAY));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

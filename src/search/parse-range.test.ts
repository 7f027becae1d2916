import { describe, expect, it } from "vitest";
import { parseDateRange, parseNumberRange } from "./parse-range.js";

describe("parseNumberRange", () => {
  describe("the Archive's Word Count syntax", () => {
    it.each([
      ["10", { min: 10, max: 10 }],
      ["<100", { min: null, max: 99 }],
      [">100", { min: 101, max: null }],
      ["100-1000", { min: 100, max: 1000 }],
    ] as const)("%s", (input, expected) => {
      expect(parseNumberRange(input)).toEqual(expected);
    });
  });

  describe("inclusive comparisons and exact values", () => {
    it.each([
      ["<=100", { min: null, max: 100 }],
      ["≤100", { min: null, max: 100 }],
      [">=100", { min: 100, max: null }],
      ["≥100", { min: 100, max: null }],
      ["=42", { min: 42, max: 42 }],
      ["< 100", { min: null, max: 99 }],
      [">= 100", { min: 100, max: null }],
    ] as const)("%s", (input, expected) => {
      expect(parseNumberRange(input)).toEqual(expected);
    });
  });

  describe("separators inside numbers are ignored", () => {
    it.each([
      ["10,000", { min: 10_000, max: 10_000 }],
      ["10.000", { min: 10_000, max: 10_000 }],
      ["10 000", { min: 10_000, max: 10_000 }],
      ["1.5", { min: 15, max: 15 }],
      [">1,000,000", { min: 1_000_001, max: null }],
      ["1,000-5,000", { min: 1000, max: 5000 }],
      ["1.000..2.000", { min: 1000, max: 2000 }],
    ] as const)("%s", (input, expected) => {
      expect(parseNumberRange(input)).toEqual(expected);
    });
  });

  describe("ranges", () => {
    it.each([
      ["100 - 1000", { min: 100, max: 1000 }],
      ["100 – 1000", { min: 100, max: 1000 }],
      ["100..1000", { min: 100, max: 1000 }],
      ["1000-100", { min: 100, max: 1000 }],
      ["5-5", { min: 5, max: 5 }],
      ["  10  ", { min: 10, max: 10 }],
    ] as const)("%s", (input, expected) => {
      expect(parseNumberRange(input)).toEqual(expected);
    });
  });

  it("keeps strictness at zero: <0 matches nothing", () => {
    expect(parseNumberRange("<0")).toEqual({ min: null, max: -1 });
  });

  it("accepts the largest exact integer and refuses one beyond it", () => {
    expect(parseNumberRange("9007199254740991")).toEqual({ min: 9_007_199_254_740_991, max: 9_007_199_254_740_991 });
    expect(parseNumberRange("9007199254740992")).toBeNull();
  });

  it.each(["", "   ", "abc", "ten", "-10", "10-", "<", "<10-20", ">=10-20", "<<10", "1e3", "10k", "10 words", "=", "1-2-3"])(
    "%j is not a range",
    (input) => {
      expect(parseNumberRange(input)).toBeNull();
    },
  );

  it("refuses input longer than any range, even when it would read as one", () => {
    expect(parseNumberRange(`1${" ".repeat(98)}1`)).toEqual({ min: 11, max: 11 });
    expect(parseNumberRange(`1${" ".repeat(99)}1`)).toBeNull();
  });
});

describe("parseDateRange", () => {
  // The Archive's help takes Wednesday 25 April 2012 as today.
  const now = new Date("2012-04-25T12:00:00Z");

  describe("the Archive's help examples", () => {
    it.each([
      ["7 days ago", { from: "2012-04-18", to: "2012-04-18" }],
      ["1 week ago", { from: "2012-04-16", to: "2012-04-22" }],
      ["2 months ago", { from: "2012-02-01", to: "2012-02-29" }],
      ["3 years ago", { from: "2009-01-01", to: "2009-12-31" }],
      ["< 7 days", { from: "2012-04-18", to: "2012-04-25" }],
      ["> 8 weeks", { from: null, to: "2012-02-28" }],
      ["13-21 months", { from: "2010-07-25", to: "2011-03-25" }],
    ] as const)("%s", (input, expected) => {
      expect(parseDateRange(input, now)).toEqual(expected);
    });
  });

  describe("spelling", () => {
    it.each([
      ["<7 days", { from: "2012-04-18", to: "2012-04-25" }],
      ["< 7 days ago", { from: "2012-04-18", to: "2012-04-25" }],
      ["7 days", { from: "2012-04-18", to: "2012-04-18" }],
      ["7days", { from: "2012-04-18", to: "2012-04-18" }],
      ["1 day ago", { from: "2012-04-24", to: "2012-04-24" }],
      ["1 days ago", { from: "2012-04-24", to: "2012-04-24" }],
      ["  7   DAYS   AGO  ", { from: "2012-04-18", to: "2012-04-18" }],
      ["0 days ago", { from: "2012-04-25", to: "2012-04-25" }],
      ["13 - 21 months ago", { from: "2010-07-25", to: "2011-03-25" }],
      ["21-13 months", { from: "2010-07-25", to: "2011-03-25" }],
      ["13..21 months", { from: "2010-07-25", to: "2011-03-25" }],
    ] as const)("%s", (input, expected) => {
      expect(parseDateRange(input, now)).toEqual(expected);
    });
  });

  describe("inclusive comparisons", () => {
    it.each([
      ["<= 7 days", { from: "2012-04-18", to: "2012-04-25" }],
      ["≤ 7 days", { from: "2012-04-18", to: "2012-04-25" }],
      [">= 8 weeks", { from: null, to: "2012-02-29" }],
      ["≥ 8 weeks", { from: null, to: "2012-02-29" }],
      ["> 1 year", { from: null, to: "2011-04-24" }],
      ["< 2 months", { from: "2012-02-25", to: "2012-04-25" }],
    ] as const)("%s", (input, expected) => {
      expect(parseDateRange(input, now)).toEqual(expected);
    });
  });

  describe("weeks run Monday to Sunday", () => {
    it.each([
      ["2012-04-23T00:00:00Z", { from: "2012-04-23", to: "2012-04-29" }], // a Monday
      ["2012-04-29T23:59:59Z", { from: "2012-04-23", to: "2012-04-29" }], // a Sunday
      ["2012-04-30T00:00:00Z", { from: "2012-04-30", to: "2012-05-06" }], // the next Monday
      ["1970-01-01T00:00:00Z", { from: "1969-12-29", to: "1970-01-04" }], // a Thursday, day 0
      ["1969-12-28T00:00:00Z", { from: "1969-12-22", to: "1969-12-28" }], // a Sunday before day 0
    ] as const)("0 weeks ago on %s", (today, expected) => {
      expect(parseDateRange("0 weeks ago", new Date(today))).toEqual(expected);
    });
  });

  describe("month arithmetic clamps to the month's length", () => {
    it("31 March minus a month is the last day of February", () => {
      expect(parseDateRange("< 1 month", new Date("2021-03-31T10:00:00Z"))).toEqual({ from: "2021-02-28", to: "2021-03-31" });
      expect(parseDateRange("< 1 month", new Date("2024-03-31T10:00:00Z"))).toEqual({ from: "2024-02-29", to: "2024-03-31" });
    });

    it("29 February minus a year is 28 February", () => {
      expect(parseDateRange("< 1 year", new Date("2024-02-29T10:00:00Z"))).toEqual({ from: "2023-02-28", to: "2024-02-29" });
    });

    it("a month ago from January is last December", () => {
      expect(parseDateRange("1 month ago", new Date("2020-01-15T10:00:00Z"))).toEqual({ from: "2019-12-01", to: "2019-12-31" });
    });
  });

  describe("hours count back from now and stand for the day they land on", () => {
    const early = new Date("2012-04-25T03:00:00Z");
    it.each([
      ["5 hours ago", { from: "2012-04-24", to: "2012-04-24" }],
      ["2 hours ago", { from: "2012-04-25", to: "2012-04-25" }],
      ["< 36 hours", { from: "2012-04-23", to: "2012-04-25" }],
      ["> 5 hours", { from: null, to: "2012-04-23" }],
      ["1 hour", { from: "2012-04-25", to: "2012-04-25" }],
    ] as const)("%s at 03:00", (input, expected) => {
      expect(parseDateRange(input, early)).toEqual(expected);
    });
  });

  describe("absolute dates", () => {
    it.each([
      ["2020-01-31", { from: "2020-01-31", to: "2020-01-31" }],
      ["2020-01", { from: "2020-01-01", to: "2020-01-31" }],
      ["2020-02", { from: "2020-02-01", to: "2020-02-29" }],
      ["2020", { from: "2020-01-01", to: "2020-12-31" }],
      ["2020-1-5", { from: "2020-01-05", to: "2020-01-05" }],
      ["< 2020-01-01", { from: null, to: "2019-12-31" }],
      ["<2020-01-01", { from: null, to: "2019-12-31" }],
      ["> 2020-01-01", { from: "2020-01-02", to: null }],
      ["<= 2020-01-01", { from: null, to: "2020-01-01" }],
      [">= 2020-01-01", { from: "2020-01-01", to: null }],
      ["< 2020-03", { from: null, to: "2020-02-29" }],
      ["> 2020-01", { from: "2020-02-01", to: null }],
      ["<= 2020-01", { from: null, to: "2020-01-31" }],
      ["< 2020", { from: null, to: "2019-12-31" }],
      ["> 2020", { from: "2021-01-01", to: null }],
      [">= 2020", { from: "2020-01-01", to: null }],
      ["2019-03-01 - 2020-01-01", { from: "2019-03-01", to: "2020-01-01" }],
      ["2019-03-01..2020-01-01", { from: "2019-03-01", to: "2020-01-01" }],
      ["2019-03-01-2020-01-01", { from: "2019-03-01", to: "2020-01-01" }],
      ["2019-03-01 – 2020-01-01", { from: "2019-03-01", to: "2020-01-01" }],
      ["2019 to 2020", { from: "2019-01-01", to: "2020-12-31" }],
      ["2019-2020", { from: "2019-01-01", to: "2020-12-31" }],
      ["2019-03 - 2020-01", { from: "2019-03-01", to: "2020-01-31" }],
      ["2020 - 2019-06", { from: "2019-06-01", to: "2020-12-31" }],
      ["2020-01-01..2019-03-01", { from: "2019-03-01", to: "2020-01-01" }],
      ["0050-06-15", { from: "0050-06-15", to: "0050-06-15" }],
    ] as const)("%s", (input, expected) => {
      expect(parseDateRange(input, now)).toEqual(expected);
    });

    it("does not depend on now", () => {
      expect(parseDateRange("2020-01", new Date(Number.NaN))).toEqual({ from: "2020-01-01", to: "2020-01-31" });
    });
  });

  describe("the far past is clamped to year 1", () => {
    it.each([
      ["< 5000 years", { from: "0001-01-01", to: "2012-04-25" }],
      ["> 5000 years", { from: null, to: "0001-01-01" }],
      ["< 99999999999999999999999 days", { from: "0001-01-01", to: "2012-04-25" }],
      ["< 99999999999999999999999 hours", { from: "0001-01-01", to: "2012-04-25" }],
      ["2012 years ago", { from: "0001-01-01", to: "0001-12-31" }],
      ["2011 years ago", { from: "0001-01-01", to: "0001-12-31" }],
      ["2010 years ago", { from: "0002-01-01", to: "0002-12-31" }],
    ] as const)("%s", (input, expected) => {
      expect(parseDateRange(input, now)).toEqual(expected);
    });
  });

  it.each([
    "",
    "yesterday",
    "7",
    "7 fortnights",
    "seven days",
    "< 7",
    "<< 7 days",
    "< 13-21 months",
    "7 days from now",
    "-7 days",
    "1e3 days",
    "2020-13",
    "2020-00",
    "2021-02-29",
    "2020-04-31",
    "0000",
    "20200",
    "2020-01-01 -",
    "- 2020-01-01",
    "< 2019 - 2020",
    "2020/01/01",
    "01/31/2020",
  ])("%j is not a date range", (input) => {
    expect(parseDateRange(input, now)).toBeNull();
  });

  it("refuses a relative date when now is not a date", () => {
    expect(parseDateRange("7 days ago", new Date(Number.NaN))).toBeNull();
  });

  it("refuses input longer than any range, even when it would read as one", () => {
    expect(parseDateRange(`${"0".repeat(94)}7 days`, now)).toEqual({ from: "2012-04-18", to: "2012-04-18" });
    expect(parseDateRange(`${"0".repeat(95)}7 days`, now)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseDate } from "./dates.js";

const TODAY = new Date(Date.UTC(2024, 5, 15));

describe("parseDate", () => {
  it.each<[string, string, string]>([
    ["ISO", "2008-03-12", "2008-03-12"],
    ["ISO with single digits", "2008-3-2", "2008-03-02"],
    ["ISO with slashes", "2008/03/12", "2008-03-12"],
    ["ISO inside other text", "Posted 2011-07-04 at noon", "2011-07-04"],
    ["English numeric, month first", "3/12/2008", "2008-03-12"],
    ["English numeric with dashes", "03-12-2008", "2008-03-12"],
    ["English, only day-first is valid", "25/12/2008", "2008-12-25"],
    ["dotted, day first", "12.03.2008", "2008-03-12"],
    ["two-digit year in this century", "3/12/08", "2008-03-12"],
    ["two-digit year in the last century", "3/12/98", "1998-03-12"],
    ["month name", "March 12, 2008", "2008-03-12"],
    ["abbreviated month name", "Mar 12, 2008", "2008-03-12"],
    ["day before month name", "12 March 2008", "2008-03-12"],
    ["ordinal day", "March 12th, 2008", "2008-03-12"],
  ])("reads %s: %j", (_label, value, expected) => {
    expect(parseDate(value, "en", TODAY)).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    ["Spanish numeric, day first", "12/03/2008", "es", "2008-03-12"],
    ["French numeric, day first", "12/03/2008", "fr", "2008-03-12"],
    ["Spanish, only month-first is valid", "03/25/2008", "es", "2008-03-25"],
    ["dotted in German", "12.03.2008", "de", "2008-03-12"],
    ["two-digit year, German", "12.03.08", "de", "2008-03-12"],
    ["French month name", "12 mars 2008", "fr", "2008-03-12"],
    ["German month name", "12. März 2008", "de", "2008-03-12"],
    ["Spanish month name", "12 de marzo de 2008", "es", "2008-03-12"],
    ["an English date under another language", "March 12, 2008", "fr", "2008-03-12"],
  ])("reads %s: %j (%s)", (_label, value, language, expected) => {
    expect(parseDate(value, language, TODAY)).toBe(expected);
  });

  it("reads the same numeric date differently in English and Spanish", () => {
    expect(parseDate("04/05/2010", "en", TODAY)).toBe("2010-04-05");
    expect(parseDate("04/05/2010", "es", TODAY)).toBe("2010-05-04");
  });

  it.each([
    ["February 30th", "2/30/2008"],
    ["no such month either way", "13/13/2008"],
    ["ISO month 13", "2008-13-01"],
    ["ISO day 32", "2008-01-32"],
    ["February 29th in a common year", "2/29/2007"],
  ])("rejects an impossible date (%s): %j", (_label, value) => {
    expect(parseDate(value, "en", TODAY)).toBeNull();
  });

  it("accepts February 29th in a leap year", () => {
    expect(parseDate("2/29/2008", "en", TODAY)).toBe("2008-02-29");
  });

  it.each(["2024-06-16", "6/16/2024", "July 1, 2030"])("drops a date after today: %j", (value) => {
    expect(parseDate(value, "en", TODAY)).toBeNull();
  });

  it("keeps a date that is today", () => {
    expect(parseDate("2024-06-15", "en", TODAY)).toBe("2024-06-15");
  });

  it.each(["May 2004", "2004", "March", "", "soon", "last Tuesday"])("needs a full date, so %j gives null", (value) => {
    expect(parseDate(value, "en", TODAY)).toBeNull();
  });
});

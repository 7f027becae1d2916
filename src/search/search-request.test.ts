import { describe, expect, it } from "vitest";
import { ValidationError } from "../domain/errors.js";
import { MAX_AUTHORS, MAX_TAG_FILTERS, readSearchRequest } from "./search-request.js";

const NOW = new Date("2026-11-30T12:00:00Z");

function read(query: string) {
  const params = new URLSearchParams(query);
  return readSearchRequest((name) => params.getAll(name), NOW);
}

describe("readSearchRequest", () => {
  it("reads tags, typed tags and their exclusions, in any legacy spelling for the fixed vocabularies", () => {
    const search = read("tag=Angst&rating=nc-17&exclude-warning=major+character+death&fandom=Sherlock+(TV)&exclude=Fluff");
    expect(search.includeTags).toEqual([{ name: "Angst", type: null }, { name: "Explicit", type: "Rating" }, { name: "Sherlock (TV)", type: "Fandom" }]);
    expect(search.excludeTags).toEqual([{ name: "Fluff", type: null }, { name: "Major Character Death", type: "ArchiveWarning" }]);
  });

  it("ignores the empty fields a submitted form sends", () => {
    const search = read("q=&tag=&sort=&direction=&words=&status=&crossover=&language=&page=");
    expect(search).toEqual(read(""));
  });

  it("lets parameters win over the query's own shortcuts", () => {
    const search = read("q=spike+words>1000+sort:kudos&words=<500&sort=title&direction=desc");
    expect(search.stats.words).toEqual({ min: null, max: 499 });
    expect(search.sort).toEqual({ field: "title", direction: "desc" });
    expect(read("q=spike+sort:kudos").sort).toEqual({ field: "kudos", direction: "desc" });
  });

  it("takes up to MAX_TAG_FILTERS tags over every tag parameter and MAX_AUTHORS authors, and refuses more (thousands went past SQLite's expression depth)", () => {
    const tags = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `tag=t${i + offset}`).join("&");
    expect(read(`${tags(MAX_TAG_FILTERS - 1)}&exclude-fandom=F`).includeTags).toHaveLength(MAX_TAG_FILTERS - 1);
    expect(() => read(`${tags(MAX_TAG_FILTERS)}&exclude-fandom=F`)).toThrow(ValidationError);
    const authors = (n: number) => Array.from({ length: n }, (_, i) => `author=a${i}`).join("&");
    expect(read(authors(MAX_AUTHORS)).authors).toHaveLength(MAX_AUTHORS);
    expect(() => read(authors(MAX_AUTHORS + 1))).toThrow(ValidationError);
  });

  it("names every parameter it cannot read, at once", () => {
    let caught: unknown;
    try {
      read("rating=spicy&words=lots&updated=someday&sort=colour&page=0&per-page=5000&status=done");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(Object.keys((caught as ValidationError).fields).sort()).toEqual(["page", "per-page", "rating", "sort", "status", "updated", "words"]);
  });

  it("reads filters, dates and paging", () => {
    const search = read("crossover=only&status=complete&single-chapter=true&updated=<+2+weeks&language=DE&author=Noor&series=Night+Ferry&page=3&per-page=50");
    expect(search).toMatchObject({
      crossover: "only", completion: "complete", singleChapter: true, languages: ["de"], authors: ["Noor"], series: "Night Ferry", page: 3, perPage: 50,
      updated: { from: "2026-11-16", to: "2026-11-30" },
    });
  });
});

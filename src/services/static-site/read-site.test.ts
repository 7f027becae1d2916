import { describe, expect, it } from "vitest";
import type { WorkBlurb } from "../../search/search-index.js";
import { worksByAuthor } from "./read-site.js";

function blurb(id: number, authors: string[]): WorkBlurb {
  return {
    id, title: `Work ${id}`, authors, rating: "General Audiences", warnings: [], categories: [], fandoms: [], relationships: [], characters: [], freeforms: [],
    summary: null, language: "en", wordCount: 100, chapters: 1, expectedChapters: 1, status: "complete", published: null, updated: null, series: [],
  };
}

describe("worksByAuthor", () => {
  it("gives each name its works in the list's order, matching names by their key as search's author filter does", () => {
    const works = [blurb(3, ["Wren Tallow"]), blurb(1, ["Pim Okafor", "wren  tallow"]), blurb(2, ["Pim Okafor"]), blurb(4, ["Wren Tallow", "WREN TALLOW"])];
    const byAuthor = worksByAuthor(works);
    expect([...byAuthor.keys()]).toEqual(["Pim Okafor", "WREN TALLOW", "Wren Tallow", "wren  tallow"]);
    expect(byAuthor.get("Pim Okafor")?.map((w) => w.id)).toEqual([1, 2]);
    // Every spelling of a name lists the same works, and a work that names it twice once.
    for (const spelling of ["Wren Tallow", "wren  tallow", "WREN TALLOW"]) expect(byAuthor.get(spelling)?.map((w) => w.id)).toEqual([3, 1, 4]);
  });

  it("takes one pass over a large library (a search of every work per author took minutes)", { timeout: 10_000 }, () => {
    const works = Array.from({ length: 20_000 }, (_, i) => blurb(i + 1, [`Writer ${i % 8000}`, `Co-writer ${(i * 7) % 8000}`]));
    const byAuthor = worksByAuthor(works);
    expect(byAuthor.size).toBe(16_000);
    expect(byAuthor.get("Writer 0")?.map((w) => w.id)).toEqual([1, 8001, 16001]);
  });
});

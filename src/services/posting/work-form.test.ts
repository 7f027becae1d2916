import { describe, expect, it } from "vitest";
import { newWorkForm, workFormProblems, type WorkForm } from "./work-form.js";

const form = (overrides: Partial<WorkForm> = {}): WorkForm => ({
  ...newWorkForm(1), title: "Kettle Weather", rating: "Mature", warnings: ["No Archive Warnings Apply"], fandoms: ["Moonlit Harbour (TV)"], ...overrides,
});

describe("the work form's own rules", () => {
  it("finds nothing wrong with a filled-in form", () => {
    expect(workFormProblems(form(), 1)).toEqual({});
  });

  it("starts a new work public, open to comments, complete, in English, with one empty chapter", () => {
    expect(newWorkForm(7)).toMatchObject({ pseudId: 7, visibility: "public", commentPolicy: "open", complete: true, language: "en", rating: "", warnings: [] });
    expect(newWorkForm(7).chapters).toEqual([{ title: "", summary: "", notes: "", endNotes: "", text: "", format: "html" }]);
  });

  it("needs a name for a new series, and a series for a part number", () => {
    expect(workFormProblems(form({ series: { kind: "new", name: "  " } }), 1).seriesName).toBe("Name the new series, or choose no series.");
    expect(workFormProblems(form({ seriesPart: 2 }), 1).seriesPart).toBe("A part number needs a series.");
    expect(workFormProblems(form({ series: { kind: "existing", seriesId: 3 }, seriesPart: 2 }), 1)).toEqual({});
  });

  it("expects at least the chapters a work in progress already has", () => {
    expect(workFormProblems(form({ complete: false, expectedChapters: 2 }), 3).expectedChapters).toBe("The work has 3 chapters already: expect at least that many, or leave it empty.");
    expect(workFormProblems(form({ complete: false, expectedChapters: 3 }), 3)).toEqual({});
    expect(workFormProblems(form({ complete: true, expectedChapters: 2 }), 3)).toEqual({});
  });

  it("reports the Archive's limits under the work's fields", () => {
    expect(Object.keys(workFormProblems(form({ title: "", rating: "", warnings: [], fandoms: [] }), 1)).sort()).toEqual(["fandoms", "rating", "title", "warnings"]);
  });

  it("refuses a co-author's or gift recipient's name longer than any name here", () => {
    expect(workFormProblems(form({ gifts: ["g".repeat(101)] }), 1).gifts).toContain("is longer than any name here");
    expect(workFormProblems(form({ coAuthors: ["c".repeat(101)] }), 1).coAuthors).toContain("is longer than any name here");
  });
});

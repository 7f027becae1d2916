import { describe, expect, it } from "vitest";
import { ValidationError } from "../domain/errors.js";
import { readPositions, readWorkForm, splitNames } from "./posting-form.js";

describe("the posting forms' fields", () => {
  it("splits names at commas of every script, each name once", () => {
    expect(splitNames("Mara Quell, ilse brand,, Mara  Quell")).toEqual(["Mara Quell", "ilse brand"]);
    expect(splitNames("灯台，港、 Harbour")).toEqual(["灯台", "港", "Harbour"]);
    expect(splitNames("  ")).toEqual([]);
  });

  it("reads the work form with its checkboxes and its chapters in the order of their numbers", () => {
    const form = readWorkForm({
      title: "Kettle Weather", rating: "Mature", warnings: ["No Archive Warnings Apply", "Major Character Death"], categories: "F/F",
      fandoms: "Moonlit Harbour (TV)", freeforms: "Rain, Tea", visibility: "draft", complete: "on", series: "", seriesName: "",
      "chapters[1][title]": "Second", "chapters[1][text]": "Two.", "chapters[1][format]": "markdown",
      "chapters[0][title]": "First", "chapters[0][text]": "One.",
    });
    expect(form).toMatchObject({
      title: "Kettle Weather", rating: "Mature", warnings: ["No Archive Warnings Apply", "Major Character Death"], categories: ["F/F"],
      fandoms: ["Moonlit Harbour (TV)"], freeforms: ["Rain", "Tea"], visibility: "draft", complete: true, moderateComments: false,
      series: { kind: "none" }, seriesPart: null, expectedChapters: null,
    });
    expect(form.chapters.map((c) => [c.title, c.text, c.format])).toEqual([["First", "One.", "html"], ["Second", "Two.", "markdown"]]);
  });

  it("takes a typed series name as a new series, and a chosen id as that series", () => {
    expect(readWorkForm({ series: "", seriesName: "Harbour Letters" }).series).toEqual({ kind: "new", name: "Harbour Letters" });
    expect(readWorkForm({ series: "12", seriesPart: "3" })).toMatchObject({ series: { kind: "existing", seriesId: 12 }, seriesPart: 3 });
  });

  it("refuses values no form of ours sends", () => {
    expect(() => readWorkForm({ visibility: "everyone" })).toThrow(ValidationError);
    expect(() => readWorkForm({ expectedChapters: "0" })).toThrow(ValidationError);
    expect(() => readWorkForm({ "chapters[0][format]": "rtf" })).toThrow(/chapters\.0\.format/u);
  });

  it("reads the positions asked for, leaving out the empty and the unreadable", () => {
    expect([...readPositions({ "position-1": "3", "position-2": "", "position-3": "x", "position-4": " 1 ", other: "2" }, "position-")]).toEqual([[1, 3], [4, 1]]);
  });
});

import { describe, expect, it } from "vitest";
import { headerLines } from "./header-lines.js";

describe("headerLines", () => {
  it("reads the labelled lines at the top, with what the importer makes of each label", () => {
    const text = "Title: Tides\nCategory: Saltmarsh\nBeta: Wren\nArchivist Notes Here Too: none\nBoat Names: Heron\n\nShe said: come in.\n";
    expect(headerLines(text)).toEqual([
      { label: "Title", value: "Tides", field: "title" },
      { label: "Category", value: "Saltmarsh", field: "category" },
      { label: "Beta", value: "Wren", field: "extra" },
      { label: "Boat Names", value: "Heron", field: null },
    ]);
  });

  it("leaves out lines of prose with a colon, and the lines below the top of the file", () => {
    expect(headerLines("she said: come in\n")).toEqual([]);
    expect(headerLines(`Title: Tides\n${"A line.\n".repeat(70)}Fandom: Late\n`).map((l) => l.label)).toEqual(["Title"]);
  });
});

import { describe, expect, it } from "vitest";
import { parsedWork } from "../../test/factories.js";
import { applyCorrections } from "./review.js";
import type { InferredValue } from "./work.js";

const inferred = (field: InferredValue["field"], value: string): InferredValue => ({ field, value, confidence: 0.5, evidence: "" });

describe("applyCorrections", () => {
  const work = parsedWork({
    characters: ["Buffy Summers", "Spike", "Dawn Summers"],
    categories: ["F/M"],
    rating: "Explicit",
    inferred: [inferred("characters", "Spike"), inferred("characters", "Dawn Summers"), inferred("categories", "F/M"), inferred("rating", "Explicit")],
  });

  it("replaces a corrected value in its place, removes a removed one and sets a corrected rating", () => {
    const corrected = applyCorrections(work, [
      { field: "characters", value: "Spike", correctedTo: "William the Bloody" },
      { field: "characters", value: "Dawn Summers", correctedTo: null },
      { field: "categories", value: "F/M", correctedTo: "M/M" },
      { field: "rating", value: "Explicit", correctedTo: "Mature" },
    ]);
    expect(corrected).toMatchObject({ characters: ["Buffy Summers", "William the Bloody"], categories: ["M/M"], rating: "Mature" });
  });

  it("leaves values the reading states (not inferred) and never repeats a value", () => {
    const corrected = applyCorrections(work, [
      { field: "characters", value: "Buffy Summers", correctedTo: "Faith Lehane" },
      { field: "characters", value: "Spike", correctedTo: "Dawn Summers" },
    ]);
    expect(corrected.characters).toEqual(["Buffy Summers", "Dawn Summers"]);
  });

  it("ignores a correction to something that is no rating or category", () => {
    const corrected = applyCorrections(work, [
      { field: "rating", value: "Explicit", correctedTo: "Spicy" },
      { field: "categories", value: "F/M", correctedTo: "Slashy" },
    ]);
    expect(corrected).toMatchObject({ rating: "Explicit", categories: ["F/M"] });
  });
});

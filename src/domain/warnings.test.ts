import { describe, expect, it } from "vitest";
import { classifyWarnings, consistentWarnings, DEFAULT_WARNING, exactArchiveWarning, type ArchiveWarning } from "./warnings.js";

describe("classifyWarnings", () => {
  describe("archive warnings", () => {
    it.each<[string, ArchiveWarning]>([
      ["Character death", "Major Character Death"],
      ["character deaths", "Major Character Death"],
      ["Character Death(s)", "Major Character Death"],
      ["Major character death (but it gets better)", "Major Character Death"],
      ["None really", "No Archive Warnings Apply"],
      ["non con", "Rape/Non-Con"],
      ["Author chooses not to warn", "Creator Chose Not To Use Archive Warnings"],
      ["The author chose not to warn", "Creator Chose Not To Use Archive Warnings"],
      ["Major Character Death", "Major Character Death"],
      ["Major character death!", "Major Character Death"],
      ["Death of a main character", "Major Character Death"],
      ["MCD", "Major Character Death"],
      ["Rape", "Rape/Non-Con"],
      ["non-con", "Rape/Non-Con"],
      ["Non-Con", "Rape/Non-Con"],
      ["noncon", "Rape/Non-Con"],
      ["Non-consensual", "Rape/Non-Con"],
      ["implied rape", "Rape/Non-Con"],
      ["Rape/Non-con", "Rape/Non-Con"],
      ["Graphic violence", "Graphic Depictions Of Violence"],
      ["Graphic Depictions Of Violence", "Graphic Depictions Of Violence"],
      ["Underage", "Underage Sex"],
      ["underage sex", "Underage Sex"],
      ["None", "No Archive Warnings Apply"],
      ["none.", "No Archive Warnings Apply"],
      ["no warnings", "No Archive Warnings Apply"],
      ["No warnings apply", "No Archive Warnings Apply"],
      ["Choose not to warn", "Creator Chose Not To Use Archive Warnings"],
      ["Creator chose not to use archive warnings", "Creator Chose Not To Use Archive Warnings"],
      ["Chose not to warn", "Creator Chose Not To Use Archive Warnings"],
      ["choose not to warn", "Creator Chose Not To Use Archive Warnings"],
    ])("%j → %s", (value, warning) => {
      const result = classifyWarnings([value]);
      expect(result.warnings).toEqual([warning]);
      expect(result.tags).toEqual([]);
    });
  });

  it("keeps the words after a bracketed remark", () => {
    expect(classifyWarnings(["Mild violence, one (1) vampire"]).tags).toEqual(["Mild violence", "One Vampire"]);
  });

  it("keeps gore as a tag as well as the violence warning", () => {
    expect(classifyWarnings(["gore"])).toEqual({ warnings: ["Graphic Depictions Of Violence"], tags: ["Gore"] });
  });

  it("splits S&M-Gore, drops the sentence, and capitalises the tags", () => {
    expect(classifyWarnings(["S&M-Gore, rough sex. Be prepared."])).toEqual({
      warnings: ["Graphic Depictions Of Violence"],
      tags: ["BDSM", "Gore", "Rough Sex"],
    });
  });

  it("does not split non-con at its hyphen", () => {
    const result = classifyWarnings(["non-con, angst"]);
    expect(result.warnings).toEqual(["Rape/Non-Con"]);
    expect(result.tags).toEqual(["Angst"]);
    expect(result.tags).not.toContain("Non");
    expect(result.tags).not.toContain("Con");
  });

  it("keeps self-harm whole as one wrangled tag", () => {
    expect(classifyWarnings(["self-harm"])).toEqual({ warnings: [], tags: ["Self-Harm"] });
  });

  it("spells known tags the way tags are wrangled", () => {
    expect(classifyWarnings(["dubcon; sadomasochism"]).tags).toEqual(["Dubious Consent", "BDSM"]);
  });

  it("turns everything else into tags, keeping the author's capitalisation when it has any", () => {
    expect(classifyWarnings(["angst, OOC, slow Burn"])).toEqual({ warnings: [], tags: ["Angst", "OOC", "slow Burn"] });
  });

  it("collects warnings from several values and lists them in the Archive's order", () => {
    const result = classifyWarnings(["underage", "character death and graphic violence"]);
    expect(result.warnings).toEqual(["Graphic Depictions Of Violence", "Major Character Death", "Underage Sex"]);
  });

  it("drops No Archive Warnings Apply when a real warning is also stated", () => {
    expect(classifyWarnings(["none", "character death"]).warnings).toEqual(["Major Character Death"]);
  });

  it("drops sentences addressed to the reader", () => {
    expect(classifyWarnings(["Angst. Read at your own risk! You have been warned."])).toEqual({ warnings: [], tags: ["Angst"] });
  });

  it("does not repeat a tag written twice", () => {
    expect(classifyWarnings(["Gore, gore", "fluff"]).tags).toEqual(["Gore", "Fluff"]);
  });

  it("gives nothing for no values", () => {
    expect(classifyWarnings([])).toEqual({ warnings: [], tags: [] });
  });
});

describe("consistentWarnings", () => {
  it("drops No Archive Warnings Apply when a real warning exists", () => {
    expect(consistentWarnings(["No Archive Warnings Apply", "Major Character Death"])).toEqual(["Major Character Death"]);
  });

  it("drops the opt-out when a real warning exists", () => {
    expect(consistentWarnings([DEFAULT_WARNING, "Rape/Non-Con"])).toEqual(["Rape/Non-Con"]);
  });

  it("orders real warnings as the Archive lists them and removes duplicates", () => {
    expect(consistentWarnings(["Underage Sex", "Graphic Depictions Of Violence", "Underage Sex"])).toEqual([
      "Graphic Depictions Of Violence",
      "Underage Sex",
    ]);
  });

  it("prefers the opt-out over No Archive Warnings Apply when both are stated", () => {
    expect(consistentWarnings(["No Archive Warnings Apply", DEFAULT_WARNING])).toEqual([DEFAULT_WARNING]);
  });

  it.each<ArchiveWarning>(["No Archive Warnings Apply", DEFAULT_WARNING])("keeps %s when it stands alone", (warning) => {
    expect(consistentWarnings([warning])).toEqual([warning]);
  });

  it("gives nothing for nothing", () => {
    expect(consistentWarnings([])).toEqual([]);
  });
});

describe("exactArchiveWarning", () => {
  it.each<[string, ArchiveWarning | null]>([
    ["Major Character Death", "Major Character Death"],
    ["  rape/non-con ", "Rape/Non-Con"],
    ["Choose Not To Use Archive Warnings", DEFAULT_WARNING],
    ["Underage", "Underage Sex"],
    ["No Archive Warnings Apply", "No Archive Warnings Apply"],
    ["character death", null],
    ["Gore", null],
  ])("%j → %s", (value, expected) => {
    expect(exactArchiveWarning(value)).toBe(expected);
  });
});

describe("classifyWarnings on negations and remarks", () => {
  it("keeps a negated warning as a tag, never as the warning", () => {
    expect(classifyWarnings(["no rape, no character death"])).toEqual({ warnings: [], tags: ["No Rape", "No Character Death"] });
  });

  it("splits a bracketed remark into a tag of its own", () => {
    expect(classifyWarnings(["MCD (temporary)"])).toEqual({ warnings: ["Major Character Death"], tags: ["Temporary"] });
  });

  it("drops filler words and directions to the reader", () => {
    expect(classifyWarnings(["None, really"])).toEqual({ warnings: ["No Archive Warnings Apply"], tags: [] });
    expect(classifyWarnings(["See end notes for warnings"])).toEqual({ warnings: [], tags: [] });
  });
});

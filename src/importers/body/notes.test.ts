import { describe, expect, it } from "vitest";
import { paragraph, type Block } from "../document.js";
import { extractChapterEdges, isNoteParagraph, readEndMarker, stripNoteLabel } from "./notes.js";

const sceneBreak: Block = { kind: "break", evidence: "***" };
const texts = (blocks: readonly Block[]) => blocks.map((b) => (b.kind === "break" ? "* * *" : b.text));

const STORY_1 = "The lighthouse keeper counted the ships twice, as he always did.";
const STORY_2 = "By midnight the fog had swallowed the harbour whole.";
const STORY_3 = "Marta found the logbook open on the table, its last page blank.";

describe("readEndMarker", () => {
  it.each(["The End", "THE END", "the end.", "Fin", "~fin~", "~ Fin ~", "END", "*The End*", "-The End-", "El Fin"])(
    "%j says the work is complete",
    (line) => {
      expect(readEndMarker(line)).toBe("complete");
    },
  );

  it.each([
    "TBC",
    "T.B.C.",
    "tbc...",
    "To be continued…",
    "To be continued...",
    "To be continued in part two",
    "To be continued in Winter's Edge",
    "Continued in Chapter 5",
    "Continued in the sequel",
    "~TBC~",
  ])("%j says the work is in progress", (line) => {
    expect(readEndMarker(line)).toBe("in-progress");
  });

  it.each(["End of Chapter 3", "End of chapter three", "~End of Part One~", "End Chapter 12"])("%j is neutral", (line) => {
    expect(readEndMarker(line)).toBe("neutral");
  });

  it.each([
    "He said it was the end of everything.",
    "The End was only the beginning, he wrote.",
    "Finally, she slept.",
    "Fine, whatever.",
    "In the end, nobody came.",
    "Endless.",
    "",
    "The End\nof days",
  ])("%j is story text", (line) => {
    expect(readEndMarker(line)).toBeNull();
  });
});

describe("isNoteParagraph and stripNoteLabel", () => {
  it.each([
    ["A/N: Thanks to my beta.", "Thanks to my beta."],
    ["AN: Short one today.", "Short one today."],
    ["Author's Note: This is a gift.", "This is a gift."],
    ["Note: Set after season two.", "Set after season two."],
    ["(A/N: Hope you like it)", "Hope you like it"],
    ["End Notes: See you soon.", "See you soon."],
  ])("%j is a note whose text is %j", (paragraphText, note) => {
    expect(isNoteParagraph(paragraphText)).toBe(true);
    expect(stripNoteLabel(paragraphText)).toBe(note);
  });

  it.each(["Annie waved from the pier.", "Notes fluttered from the desk.", "An owl hooted."])("%j is not a note", (text) => {
    expect(isNoteParagraph(text)).toBe(false);
  });
});

describe("extractChapterEdges", () => {
  it("takes a leading A/N and the paragraph that continues it as the chapter's notes", () => {
    const edges = extractChapterEdges([
      paragraph("A/N: This one was a long time coming."),
      paragraph("Many thanks to Rowan for the beta."),
      paragraph(STORY_1),
      paragraph(STORY_2),
    ]);
    expect(edges.notes).toBe("This one was a long time coming.\n\nMany thanks to Rowan for the beta.");
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.endNotes).toBeNull();
  });

  it("does not take the story's first paragraph into a leading note", () => {
    const edges = extractChapterEdges([paragraph("AN: Set during the winter break."), paragraph(STORY_1), paragraph(STORY_2)]);
    expect(edges.notes).toBe("Set during the winter break.");
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
  });

  it("takes a trailing A/N and what follows it as end notes", () => {
    const edges = extractChapterEdges([
      paragraph(STORY_1),
      paragraph(STORY_2),
      paragraph("A/N: The next chapter should be up soon."),
      paragraph("Reviews make my day!"),
    ]);
    expect(edges.endNotes).toBe("The next chapter should be up soon.\n\nReviews make my day!");
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.notes).toBeNull();
  });

  it("moves a closing line to the end notes", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph(STORY_2), paragraph("Thank you for reading.")]);
    expect(edges.endNotes).toBe("Thank you for reading.");
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
  });

  it("removes a complete end marker from the text and reports it", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph(STORY_2), paragraph("~The End~")]);
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.endMarker).toBe("complete");
    expect(edges.endMarkerText).toBe("~The End~");
    expect(edges.endNotes).toBeNull();
  });

  it("removes an in-progress end marker and reports it", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph("To be continued…")]);
    expect(texts(edges.blocks)).toEqual([STORY_1]);
    expect(edges.endMarker).toBe("in-progress");
    expect(edges.endMarkerText).toBe("To be continued…");
  });

  it("removes a neutral end marker without reporting a status", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph(STORY_2), paragraph("End of Chapter 3")]);
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.endMarker).toBeNull();
    expect(edges.endMarkerText).toBeNull();
  });

  it("handles an end marker, closing line and note in any order at the tail", () => {
    const edges = extractChapterEdges([
      paragraph(STORY_1),
      paragraph(STORY_2),
      paragraph("The End"),
      paragraph("A/N: That's all, folks."),
      paragraph("Thanks for reading!"),
    ]);
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.endMarker).toBe("complete");
    expect(edges.endNotes).toBe("That's all, folks.\n\nThanks for reading!");
  });

  it("keeps a mid-story Note: followed by story paragraphs as story text", () => {
    const note = "Note: the ink had run where the rain got in, and she could not read the last line.";
    const blocks = [paragraph(STORY_1), paragraph(note), paragraph(STORY_2), paragraph(STORY_3)];
    const edges = extractChapterEdges(blocks);
    expect(texts(edges.blocks)).toEqual([STORY_1, note, STORY_2, STORY_3]);
    expect(edges.notes).toBeNull();
    expect(edges.endNotes).toBeNull();
  });

  it("drops scene breaks at the start and end of the chapter but keeps those inside", () => {
    const edges = extractChapterEdges([sceneBreak, paragraph(STORY_1), sceneBreak, paragraph(STORY_2), sceneBreak]);
    expect(texts(edges.blocks)).toEqual([STORY_1, "* * *", STORY_2]);
  });

  it("drops a scene break left at the end once the end marker is removed", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph(STORY_2), sceneBreak, paragraph("Fin")]);
    expect(texts(edges.blocks)).toEqual([STORY_1, STORY_2]);
    expect(edges.endMarker).toBe("complete");
  });

  it("reads a chapter summary and disclaimer at the start", () => {
    const edges = extractChapterEdges([
      paragraph("Summary: Marta keeps the light."),
      paragraph("Disclaimer: Not mine."),
      paragraph(STORY_1),
    ]);
    expect(edges.summary).toBe("Marta keeps the light.");
    expect(edges.disclaimer).toBe("Not mine.");
    expect(texts(edges.blocks)).toEqual([STORY_1]);
  });

  it("never empties a chapter that is only a note", () => {
    const edges = extractChapterEdges([paragraph("A/N: Sorry, no chapter this week.")]);
    expect(texts(edges.blocks)).toEqual(["A/N: Sorry, no chapter this week."]);
  });

  it("leaves a chapter with no notes or markers as it was", () => {
    const edges = extractChapterEdges([paragraph(STORY_1), paragraph(STORY_2)]);
    expect(edges).toEqual({
      blocks: [paragraph(STORY_1), paragraph(STORY_2)],
      summary: null,
      notes: null,
      endNotes: null,
      disclaimer: null,
      endMarker: null,
      endMarkerText: null,
    });
  });

  it("does not change the array it is given", () => {
    const input = [paragraph("A/N: Hi."), paragraph(STORY_1), paragraph("The End")];
    extractChapterEdges(input);
    expect(input).toHaveLength(3);
  });
});

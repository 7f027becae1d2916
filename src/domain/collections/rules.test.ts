import { describe, expect, it } from "vitest";
import { addingOutcome, collectionFieldProblems, concealment, decideItem, makesCycle, type ItemActor, type WorkPlacement } from "./rules.js";

const author: ItemActor = { author: true, maintainer: false };
const maintainer: ItemActor = { author: false, maintainer: true };
const both: ItemActor = { author: true, maintainer: true };
const stranger: ItemActor = { author: false, maintainer: false };

describe("adding a work to a collection", () => {
  it("joins an open collection at once, waits in a moderated one and is refused by a closed one", () => {
    expect(addingOutcome("open", author, null)).toEqual({ status: "approved" });
    expect(addingOutcome("moderated", author, null)).toEqual({ status: "pending" });
    expect(addingOutcome("closed", author, null)).toMatchObject({ refused: expect.stringContaining("closed") });
  });

  it("makes a maintainer's addition an invitation, even to a closed collection, and takes both consents from someone who is both", () => {
    expect(addingOutcome("open", maintainer, null)).toEqual({ status: "invited" });
    expect(addingOutcome("closed", maintainer, null)).toEqual({ status: "invited" });
    expect(addingOutcome("closed", both, null)).toEqual({ status: "approved" });
  });

  it("approves when the other side asks too, and refuses strangers, repeats and a rejected work's author", () => {
    expect(addingOutcome("moderated", author, "invited")).toEqual({ status: "approved" });
    expect(addingOutcome("moderated", maintainer, "pending")).toEqual({ status: "approved" });
    expect(addingOutcome("open", stranger, null)).toHaveProperty("refused");
    expect(addingOutcome("open", author, "approved")).toHaveProperty("refused");
    expect(addingOutcome("open", author, "pending")).toHaveProperty("refused");
    expect(addingOutcome("open", author, "rejected")).toHaveProperty("refused");
    expect(addingOutcome("open", maintainer, "invited")).toHaveProperty("refused");
  });
});

describe("deciding on an item", () => {
  it("lets maintainers approve only what its creators asked for, and reject anything not yet rejected", () => {
    expect(decideItem("approve", maintainer, "pending")).toEqual({ status: "approved" });
    // A rejection may be the creators' own "no" to an invitation: approving it would take their work without consent.
    expect(decideItem("approve", maintainer, "rejected")).toHaveProperty("refused");
    expect(decideItem("approve", maintainer, "invited")).toHaveProperty("refused");
    expect(decideItem("reject", maintainer, "approved")).toEqual({ status: "rejected" });
    expect(decideItem("reject", maintainer, "invited")).toEqual({ status: "rejected" });
    expect(decideItem("reject", maintainer, "rejected")).toHaveProperty("refused");
    expect(decideItem("approve", author, "pending")).toHaveProperty("refused");
  });

  it("lets the work's creators, and only they, accept or decline an invitation", () => {
    expect(decideItem("accept", author, "invited")).toEqual({ status: "approved" });
    expect(decideItem("decline", author, "invited")).toEqual({ status: "rejected" });
    expect(decideItem("accept", maintainer, "invited")).toHaveProperty("refused");
    expect(decideItem("accept", author, "pending")).toHaveProperty("refused");
  });
});

describe("concealment", () => {
  const place = (over: Partial<WorkPlacement>): WorkPlacement => ({ status: "approved", anonymous: false, unrevealed: false, viewerMaintains: false, ...over });

  it("hides the work in an unrevealed collection and the creators in an anonymous one, from all but creators and that collection's maintainers", () => {
    const placements = [place({ unrevealed: true }), place({ anonymous: true })];
    expect(concealment(placements, false)).toEqual({ unrevealed: true, anonymous: true });
    expect(concealment(placements, true)).toEqual({ unrevealed: false, anonymous: false });
    expect(concealment([place({ unrevealed: true, viewerMaintains: true }), place({ anonymous: true })], false)).toEqual({ unrevealed: false, anonymous: true });
  });

  it("counts a request awaiting approval but never an unanswered invitation or a rejection", () => {
    expect(concealment([place({ status: "pending", unrevealed: true })], false).unrevealed).toBe(true);
    expect(concealment([place({ status: "invited", unrevealed: true, anonymous: true })], false)).toEqual({ unrevealed: false, anonymous: false });
    expect(concealment([place({ status: "rejected", unrevealed: true, anonymous: true })], false)).toEqual({ unrevealed: false, anonymous: false });
  });
});

describe("names and nesting", () => {
  it("wants a name of letters, digits and underscores, and a title", () => {
    expect(collectionFieldProblems({ name: "Harbour_Fest_2009", title: "Harbour Fest", description: "" })).toEqual({});
    expect(Object.keys(collectionFieldProblems({ name: "harbour fest", title: " ", description: "" }))).toEqual(["name", "title"]);
    expect(collectionFieldProblems({ name: "x".repeat(61), title: "t", description: "" })).toHaveProperty("name");
    expect(collectionFieldProblems({ title: "t", description: "d".repeat(10_001) })).toHaveProperty("description");
  });

  it("finds a loop however deep, and none where there is none", () => {
    const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, null]]);
    const parentOf = (id: number) => parents.get(id);
    expect(makesCycle(1, 3, parentOf)).toBe(true);
    expect(makesCycle(1, 1, parentOf)).toBe(true);
    expect(makesCycle(3, 4, parentOf)).toBe(false);
    expect(makesCycle(4, 3, parentOf)).toBe(false);
  });
});

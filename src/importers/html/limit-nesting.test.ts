import { describe, expect, it } from "vitest";
import { deepestNesting, limitNesting } from "./limit-nesting.js";

// The depth as measured before the hand-written scan: TAG.exec over the whole text.
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"]);

function depthByRegex(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m[3] || VOID.has((m[2] ?? "").toLowerCase())) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

describe("deepestNesting", () => {
  it("finds the tags TAG finds", () => {
    const pieces = ["<", ">", "/", "a", "B", "r", "b", "h", "1", "-", ":", "_", " ", "=", '"', "<div>", "</div>", "<br>", "<BR/>", "<img src=x/>", "<p", "</", "<hr >", "<a href='x'>", "</a >", "<!--", "-->", "<1>", "<:x>", "<wbr>", "<Input>", "<col/>", "<x:y-z_1>"];
    let state = 3;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const inputs = Array.from({ length: 50_000 }, () => Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join(""));
    expect(inputs.filter((html) => deepestNesting(html) !== depthByRegex(html))).toEqual([]);
  });

  it("stays linear on tags that never close", () => {
    const started = performance.now();
    expect(deepestNesting(`${"<a".repeat(500_000)}>`)).toBe(1);
    expect(deepestNesting("<a <".repeat(500_000))).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("limitNesting", () => {
  it("leaves real pages alone and flattens what nests past the limit", () => {
    const page = "<html><body><div><p>One <i>two</i></p></div></body></html>";
    expect(limitNesting(page)).toBe(page);
    const deep = `${"<div>".repeat(1500)}x${"</div>".repeat(1500)}`;
    expect(deepestNesting(limitNesting(deep))).toBe(1000);
  });
});

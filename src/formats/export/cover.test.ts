import { describe, expect, it } from "vitest";
import { xmlCharacters } from "../xml-text.js";
import { coverSvg, wrapText } from "./cover.js";

describe("wrapText", () => {
  it("breaks between words, cuts a word longer than a line, and ends a cut text with an ellipsis", () => {
    expect(wrapText("The keeper of the green lamp", 12, 5)).toEqual(["The keeper", "of the green", "lamp"]);
    expect(wrapText("Supercalifragilistic", 8, 5)).toEqual(["Supercal", "ifragili", "stic"]);
    expect(wrapText("one two three four five six", 7, 2)).toEqual(["one two", "three…"]);
  });
});

describe("coverSvg", () => {
  it("draws the title, authors and fandoms, escaped, in a colour the title picks", () => {
    const svg = coverSvg({ title: "Salt & <Spray>", authors: ["Wren Tallow"], fandoms: ["Moonlit Harbour (TV)"] });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("<title>Salt &amp; &lt;Spray&gt;</title>");
    expect(svg).toContain(">Wren Tallow</text>");
    expect(svg).toContain(">Moonlit Harbour (TV)</text>");
    expect(svg).not.toContain("<Spray>");
    const other = coverSvg({ title: "Another Title Entirely", authors: [], fandoms: [] });
    expect(other).toContain(">Anonymous</text>");
  });

  it("leaves out the characters XML cannot hold, in attributes as in text", () => {
    const svg = coverSvg({ title: "Bell\u0001 Tower", authors: ["Wren\u0002 Tallow"], fandoms: [] });
    expect(svg).toBe(xmlCharacters(svg).replaceAll("\u007f", ""));
    expect(svg).toContain('aria-label="Bell Tower, by Wren Tallow"');
  });
});

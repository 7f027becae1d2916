import { describe, expect, it } from "vitest";
import { ValidationError } from "../../domain/errors.js";
import { checkGuestDetails, commentHtml } from "./comment-text.js";

describe("commentHtml", () => {
  it("keeps the paragraphs and line breaks of plain text, escaped", () => {
    expect(commentHtml("First line\nsecond <line\n\nNew paragraph & more")).toBe("<p>First line<br>second &lt;line</p>\n<p>New paragraph &amp; more</p>");
  });

  it("reads text with markup as HTML through the allowlist, without scripts or event handlers", () => {
    const html = commentHtml('<p>Loved <em>this</em></p><script>alert(1)</script><img src="https://example.test/a.png" onerror="alert(2)">');
    expect(html).toContain("<em>this</em>");
    expect(html).not.toMatch(/script|onerror|alert/u);
  });

  it("refuses an empty comment, one of nothing but markup, and one too long", () => {
    expect(() => commentHtml("  \n ")).toThrow(ValidationError);
    expect(() => commentHtml("<script>x</script>")).toThrow(ValidationError);
    expect(() => commentHtml("a".repeat(10_001))).toThrow(/at most 10,000 characters/u);
    expect(commentHtml("a".repeat(10_000))).toHaveLength(10_007);
  });
});

describe("checkGuestDetails", () => {
  it("trims the name and address, and names each field that is wrong", () => {
    expect(checkGuestDetails({ name: "  Fern   Reader ", email: " fern@example.test " })).toEqual({ name: "Fern Reader", email: "fern@example.test" });
    const refusal = (() => {
      try {
        return checkGuestDetails({ name: " ", email: "not an address" });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal instanceof ValidationError ? Object.keys(refusal.fields).sort() : refusal).toEqual(["email", "name"]);
  });
});

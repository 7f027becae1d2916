/**
 * Every vector of the XSS corpus (test/fixtures/xss-vectors.txt) through every way user text becomes HTML: what
 * comes out holds no script, no style, no frame or plug-in, no event handler and no address with a scheme other
 * than http, https or mailto — checked on the parsed output, as a browser would read it, and on its text.
 */
import { parseDocument } from "htmlparser2";
import { isTag, type ChildNode, type Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { loadXssVectors } from "../../../test/support/xss-vectors.js";
import { sanitizeUserHtml, TEXT_FORMATS, userTextToHtml } from "./user-html.js";

const VECTORS = loadXssVectors();

/** Elements that run script, style the page, frame or embed another document, or take input: none may come out. */
const FORBIDDEN_ELEMENTS = new Set([
  "script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template",
  "noscript", "form", "input", "button", "select", "textarea", "isindex", "video", "audio", "source", "marquee", "body", "html", "head", "title", "xss",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "cite", "action", "formaction", "data", "background", "dynsrc", "lowsrc", "xlink:href", "poster", "srcset", "codebase"]);

/** A browser ignores control characters and spaces around and inside a scheme: "jav\tascript:" is javascript:. */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- exactly the characters a browser drops from a URL
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/gu, "");
  const match = /^([a-z][a-z0-9+.-]*):/iu.exec(squeezed);
  return match?.[1]?.toLowerCase() ?? null;
}

function* elements(nodes: readonly ChildNode[]): Generator<Element> {
  for (const node of nodes) {
    if (isTag(node)) {
      yield node;
      yield* elements(node.children);
    }
  }
}

/** What in the HTML could run script or restyle the page, one line each; empty when it is safe. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  if (/<script/iu.test(html)) found.push("the text <script");
  for (const element of elements(parseDocument(html).children)) {
    if (FORBIDDEN_ELEMENTS.has(element.name)) found.push(`a <${element.name}> element`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/iu.test(name)) found.push(`an event handler ${name}="${value}"`);
      if (name === "style") found.push(`a style attribute "${value}"`);
      const scheme = URL_ATTRIBUTES.has(name) ? schemeOf(value) : null;
      if (scheme !== null && !["http", "https", "mailto"].includes(scheme)) found.push(`a ${scheme}: address in ${name}="${value}"`);
    }
  }
  return found;
}

describe("the XSS corpus", () => {
  it("holds the classic vectors", () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(60);
    expect(VECTORS).toContain("<script>window.__xss=1</script>");
    expect(VECTORS.some((v) => v.includes("\u0000"))).toBe(true);
  });

  it("is caught by the check when left as it is, so the check can fail", () => {
    const caught = VECTORS.filter((v) => unsafeParts(v).length > 0);
    expect(caught.length).toBeGreaterThan(VECTORS.length * 0.7);
    expect(unsafeParts('<a href="jav&#x09;ascript:alert(1)">x</a>')).toEqual(['a javascript: address in href="jav\tascript:alert(1)"']);
    expect(unsafeParts("<img src=x onerror=alert(1)>")).toEqual(['an event handler onerror="alert(1)"']);
  });
});

describe.each(TEXT_FORMATS)("user text as %s", (format) => {
  it.each(VECTORS.map((v, i) => [i + 1, v] as const))("makes vector %i safe", (_, vector) => {
    const html = userTextToHtml(vector, format);
    expect(unsafeParts(html), html).toEqual([]);
    if (format === "text") expect(html.replace(/<\/?p>|<br>/gu, "")).not.toMatch(/[<>]/u);
  });
});

describe("sanitizeUserHtml", () => {
  it("keeps the formatting and the safe links the vectors carried", () => {
    expect(sanitizeUserHtml('<a href="http://example.invalid/"onmouseover="alert(1)">click here</a>')).toBe('<a href="http://example.invalid/" rel="nofollow ugc noopener">click here</a>');
    expect(sanitizeUserHtml('<p onclick="alert(1)">click here</p>')).toBe("<p>click here</p>");
    expect(sanitizeUserHtml('<a href="javascript:alert(1)">click here</a>')).toBe('<a rel="nofollow ugc noopener">click here</a>');
  });
});

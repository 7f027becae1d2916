/**
 * The one HTML sanitizer for story text: an allowlist like the Archive of Our Own's, so that what an imported file
 * carries (scripts, event handlers, `javascript:` links, styles) never reaches a reader.
 */
import sanitizeHtmlLibrary from "sanitize-html";

/** HTML that has passed the sanitizer. Only `sanitizeStoryHtml` makes one. */
export type SafeHtml = string & { readonly __brand: "SafeHtml" };

const OPTIONS: sanitizeHtmlLibrary.IOptions = {
  allowedTags: [
    "p", "br", "hr", "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big",
    "center", "abbr", "acronym", "cite", "code", "q", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2",
    "h3", "h4", "h5", "h6", "a", "img", "pre", "span", "div", "tt", "kbd", "var", "dfn", "address",
  ],
  allowedAttributes: {
    a: ["href", "title", "name"],
    img: ["src", "alt", "title", "width", "height"],
    p: ["align"],
    div: ["align"],
    abbr: ["title"],
    acronym: ["title"],
    "*": ["dir", "lang"],
  },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed"],
};

export function sanitizeStoryHtml(html: string): SafeHtml {
  return sanitizeHtmlLibrary(html, OPTIONS) as SafeHtml;
}

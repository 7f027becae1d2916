/**
 * The one HTML sanitizer for story text: an allowlist like the Archive of Our Own's, so that what an imported file
 * carries (scripts, event handlers, `javascript:` links, styles) never reaches a reader.
 */
import sanitizeHtmlLibrary from "sanitize-html";
import type { SafeHtml } from "../domain/safe-html.js";

const OPTIONS: sanitizeHtmlLibrary.IOptions = {
  // What the chapter renderer emits (paragraphs, breaks, headings, inline emphasis, links) and nothing more:
  // no images, whose remote sources would let a file's old host watch its readers.
  allowedTags: ["p", "br", "hr", "h3", "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big", "cite", "code", "q", "abbr", "tt", "kbd", "var", "dfn", "a"],
  allowedAttributes: { a: ["href", "rel"], p: ["align"] },
  transformTags: { a: sanitizeHtmlLibrary.simpleTransform("a", { rel: "nofollow ugc noopener" }) },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed"],
};

export function sanitizeStoryHtml(html: string): SafeHtml {
  return sanitizeHtmlLibrary(html, OPTIONS) as SafeHtml;
}

/**
 * What people type into the archive — chapters, summaries, notes, comments, bookmark notes — as safe HTML.
 * HTML passes an allowlist like the Archive of Our Own's (its formatting tags; links and images with http(s)
 * addresses only; no scripts, styles, event handlers, forms or frames); Markdown is rendered first and then
 * passes the same allowlist; plain text becomes paragraphs of escaped text. Every route that stores user text
 * stores what comes out of here, and nothing else.
 */
import MarkdownIt from "markdown-it";
import sanitizeHtmlLibrary from "sanitize-html";
import type { SafeHtml } from "../../domain/safe-html.js";

export const TEXT_FORMATS = ["html", "markdown", "text"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

const ALIGNABLE = ["align", "dir", "title"];

const OPTIONS: sanitizeHtmlLibrary.IOptions = {
  allowedTags: [
    "p", "br", "hr", "div", "span", "center",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big",
    "abbr", "acronym", "cite", "code", "pre", "kbd", "samp", "var", "tt", "dfn", "q", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "ruby", "rt", "rp",
    "a", "img",
  ],
  allowedAttributes: {
    a: ["href", "name", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading", "referrerpolicy"],
    p: ALIGNABLE, div: ALIGNABLE, span: ["dir", "title"], center: [],
    h1: ALIGNABLE, h2: ALIGNABLE, h3: ALIGNABLE, h4: ALIGNABLE, h5: ALIGNABLE, h6: ALIGNABLE,
    abbr: ["title"], acronym: ["title"], blockquote: ["cite"], q: ["cite"],
    ol: ["start", "type", "reversed"], li: ["value"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtmlLibrary.simpleTransform("a", { rel: "nofollow ugc noopener" }),
    // A reader's browser asks the image's host for it: that host learns nothing of where it is shown.
    img: sanitizeHtmlLibrary.simpleTransform("img", { loading: "lazy", referrerpolicy: "no-referrer" }),
  },
  // An image with no address left after the scheme check is no image.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "title", "svg", "math"],
};

export function sanitizeUserHtml(html: string): SafeHtml {
  return sanitizeHtmlLibrary(html, OPTIONS).trim() as SafeHtml;
}

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false, breaks: false });

/** Plain text as paragraphs (a blank line apart) with line breaks, every character escaped. */
export function plainTextToHtml(text: string): SafeHtml {
  const paragraphs = text.replace(/\r\n?/gu, "\n").split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p.length > 0);
  return paragraphs.map((p) => `<p>${escapeText(p).replace(/\n/gu, "<br>")}</p>`).join("\n") as SafeHtml;
}

/** The text as safe HTML, read as the format the author chose. */
export function userTextToHtml(text: string, format: TextFormat): SafeHtml {
  switch (format) {
    case "html":
      return sanitizeUserHtml(text);
    case "markdown":
      return sanitizeUserHtml(markdown.render(text));
    case "text":
      return plainTextToHtml(text);
  }
}

function escapeText(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

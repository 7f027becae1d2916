/** A short plain-text taste of stored HTML (a comment in the moderators' queue), for escaping into a page. */
import { Parser } from "htmlparser2";

/** Elements that part words: their text must not run into the next element's. */
const BREAKS = new Set(["p", "br", "div", "li", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr"]);

/** The HTML's text, whitespace squeezed, cut at a word boundary near `maxChars` with an ellipsis. */
export function htmlExcerpt(html: string, maxChars: number): string {
  let text = "";
  const parser = new Parser({
    ontext: (chunk) => {
      text += chunk;
    },
    onopentag: (name) => {
      if (BREAKS.has(name)) text += " ";
    },
    onclosetag: (name) => {
      if (BREAKS.has(name)) text += " ";
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  const squeezed = text.replace(/\s+/gu, " ").trim();
  if (squeezed.length <= maxChars) return squeezed;
  const cut = squeezed.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

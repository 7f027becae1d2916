/**
 * Flattens markup nested deeper than any real page is, before it reaches htmlparser2. The parser keeps its open
 * elements in an array it unshifts and shifts, so each level costs time proportional to the depth: 200,000 nested
 * `<div>`s (a hostile file, or a broken converter's output) would take minutes. Tags past the limit are dropped;
 * their text stays. Approximate by design (it ignores comments and scripts); one linear scan measures the depth,
 * and only files past the limit are rewritten.
 */
// `[^<>]*` rather than `[^>]*`: an unclosed "<b" must not make every later scan run to the end of the file.
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"]);

const MAX_NESTING = 1000;

export function limitNesting(html: string): string {
  if (deepestNesting(html) <= MAX_NESTING) return html;
  let depth = 0;
  let dropped = 0;
  return html.replace(TAG, (tag: string, close: string, name: string, selfClosing: string) => {
    if (selfClosing || VOID.has(name.toLowerCase())) return tag;
    if (close) {
      if (dropped > 0) {
        dropped -= 1;
        return "";
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= MAX_NESTING) {
      dropped += 1;
      return "";
    }
    depth += 1;
    return tag;
  });
}

function deepestNesting(html: string): number {
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

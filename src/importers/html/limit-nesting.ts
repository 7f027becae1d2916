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

/**
 * How deep the elements `TAG` finds nest: the depth `limitNesting` measures. A hand-written scan rather than
 * `TAG.exec` in a loop, which builds a match for every tag of the page; it finds the same tags (`<`, an optional
 * `/`, a letter and name characters, then up to the first `>` unless a `<` comes first) and stays linear on any
 * input, because each `indexOf` resumes past the text the previous one covered.
 */
export function deepestNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  let gt = -1;
  let lt = html.indexOf("<");
  while (lt !== -1) {
    let i = lt + 1;
    const close = html.charCodeAt(i) === SLASH;
    if (close) i += 1;
    if (!isLetter(html.charCodeAt(i))) {
      lt = html.indexOf("<", lt + 1);
      continue;
    }
    const nameStart = i;
    for (i += 1; i < html.length && isNameCharacter(html.charCodeAt(i)); i += 1);
    const nameEnd = i;
    if (gt < nameEnd) gt = html.indexOf(">", nameEnd);
    if (gt === -1) break;
    const next = html.indexOf("<", nameEnd);
    if (next !== -1 && next < gt) {
      lt = next;
      continue;
    }
    lt = next;
    if (html.charCodeAt(gt - 1) === SLASH) continue;
    if (nameEnd - nameStart <= 6 && VOID.has(html.slice(nameStart, nameEnd).toLowerCase())) continue;
    depth = close ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const SLASH = 0x2f;

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// `[\w:-]`
function isNameCharacter(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x3a || code === 0x2d;
}

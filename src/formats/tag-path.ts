/**
 * Tag names in URL paths as the Archive writes them: `/`, `&`, `.`, `?` and `#` become `*s*`, `*a*`, `*d*`, `*q*`
 * and `*h*`, so "Buffy Summers/Spike" is `Buffy%20Summers*s*Spike` and links copied from the Archive's habits read
 * naturally (and no proxy meets an encoded slash). The pages' links (web/tag-url.ts) and the downloads' links to
 * the pages both write them here.
 */
const ESCAPES: readonly (readonly [string, string])[] = [["/", "*s*"], ["&", "*a*"], [".", "*d*"], ["?", "*q*"], ["#", "*h*"]];

export function tagPathSegment(name: string): string {
  let escaped = name;
  for (const [char, code] of ESCAPES) escaped = escaped.split(char).join(code);
  return encodeURIComponent(escaped);
}

/** The tag name in a path segment already percent-decoded (Hono decodes them). */
export function tagNameFromSegment(segment: string): string {
  let name = segment;
  for (const [char, code] of ESCAPES) name = name.split(code).join(char);
  return name;
}

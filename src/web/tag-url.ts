/**
 * Tag names in URLs as the Archive writes them: `/`, `&`, `.`, `?` and `#` become `*s*`, `*a*`, `*d*`, `*q*` and
 * `*h*`, so "Buffy Summers/Spike" is `/tags/Buffy%20Summers*s*Spike/works` and links copied from the Archive's
 * habits read naturally.
 */
const ESCAPES: readonly (readonly [string, string])[] = [["/", "*s*"], ["&", "*a*"], [".", "*d*"], ["?", "*q*"], ["#", "*h*"]];

export function tagPathSegment(name: string): string {
  let escaped = name;
  for (const [char, code] of ESCAPES) escaped = escaped.split(char).join(code);
  return encodeURIComponent(escaped);
}

/** The tag name in a path segment Hono has already percent-decoded. */
export function tagNameFromSegment(segment: string): string {
  let name = segment;
  for (const [char, code] of ESCAPES) name = name.split(code).join(char);
  return name;
}

export function tagWorksUrl(name: string): string {
  return `/tags/${tagPathSegment(name)}/works`;
}

export function tagUrl(name: string): string {
  return `/tags/${tagPathSegment(name)}`;
}

/** Addresses of a tag's pages, its name escaped as the Archive escapes it (formats/tag-path.ts). */
import { tagPathSegment } from "../formats/tag-path.js";

export { tagNameFromSegment, tagPathSegment } from "../formats/tag-path.js";

export function tagWorksUrl(name: string): string {
  return `/tags/${tagPathSegment(name)}/works`;
}

export function tagUrl(name: string): string {
  return `/tags/${tagPathSegment(name)}`;
}

/** Addresses of the community's pages, the same wherever they are linked from. */
import type { CommentPlace } from "../../services/community/read-comments.js";

/** The page a comment is read on: its chapter's, or the whole work's. */
export function commentPlaceUrl(place: CommentPlace): string {
  if (place.chapterPosition !== null) return `/works/${place.workId}/chapters/${place.chapterPosition}`;
  return place.workChapterCount > 1 ? `/works/${place.workId}?view_full_work=true` : `/works/${place.workId}`;
}

/** The comment in its place on the work's page. */
export function commentInPlaceUrl(place: CommentPlace & { id: number }): string {
  return `${commentPlaceUrl(place)}#comment-${place.id}`;
}

/** A return address from a form, with a fragment to land on unless it has one. */
export function withFragment(path: string, fragment: string): string {
  return path.includes("#") ? path : `${path}#${fragment}`;
}

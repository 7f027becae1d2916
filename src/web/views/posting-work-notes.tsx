/**
 * What posting adds to a work's page: a banner on a draft (only its creators ever see one), a marker on a work
 * for signed-in users only, the creators' links (edit, add a chapter, chapters, delete), and "For X" on a gift.
 */
import { canEditWork, type WorkAccess, type WorkVisibility } from "../../domain/account.js";
import type { PageContext } from "../page-context.js";

export function VisibilityNotice(props: { visibility: WorkVisibility }) {
  if (props.visibility === "draft") {
    return <p class="notice draft-banner" role="status"><strong>Draft:</strong> only you can see this. It is not posted until you edit it and choose who may read it.</p>;
  }
  if (props.visibility === "restricted") return <p class="restricted-marker"><span aria-hidden="true">🔒</span> Signed-in users only</p>;
  return null;
}

/** The draft banner or restricted marker, and the creators' links. */
export function PostingNotes(props: { page: PageContext; workId: number; access: WorkAccess }) {
  const { page, workId, access } = props;
  const base = `/works/${workId}`;
  return (
    <>
      <VisibilityNotice visibility={access.visibility} />
      {canEditWork(page.viewer, access) && (
        <nav aria-label="Your work">
          <ul class="creator-links">
            <li><a href={`${base}/edit`}>Edit</a></li>
            <li><a href={`${base}/chapters/new`}>Add chapter</a></li>
            <li><a href={`${base}/chapters/order`}>Chapters</a></li>
            <li><a href={`${base}/delete`}>Delete</a></li>
          </ul>
        </nav>
      )}
    </>
  );
}

/** "For Mara, Ilse": the names a work was given to. */
export function GiftLine(props: { gifts: readonly string[] }) {
  if (props.gifts.length === 0) return null;
  return <p class="gifts">For {props.gifts.join(", ")}</p>;
}

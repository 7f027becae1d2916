/** A creator's own pages: their works (drafts too) with what they can do to each, and their co-author invitations. */
import type { WorkVisibility } from "../../domain/account.js";
import type { CoAuthorInvitation } from "../../services/posting/co-authors.js";
import type { CreatorWork } from "../../services/posting/work-editing.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { chapterCount, formatNumber } from "./format.js";
import { Layout } from "./layout.js";

const VISIBILITY_MARKERS: Record<WorkVisibility, string | null> = { public: null, restricted: "Signed-in users only", draft: "Draft" };

export function MyWorksPage(props: { page: PageContext; works: readonly CreatorWork[]; series: readonly { id: number; name: string }[]; deleted: boolean }) {
  const { page, works, series } = props;
  return (
    <Layout page={page} title="My works">
      <h1>My works</h1>
      {props.deleted && <p class="notice" role="status">The work was deleted.</p>}
      <p><a class="button primary" href="/works/new">Post a new work</a> <a href="/account/co-author-invitations">Co-author invitations</a></p>
      {works.length === 0 ? <p>You have not posted a work yet.</p> : (
        <ul class="my-works">
          {works.map((w) => (
            <li>
              <article aria-labelledby={`my-work-${w.id}`}>
                <h2 id={`my-work-${w.id}`}><a href={`/works/${w.id}`}>{w.title}</a></h2>
                <p>
                  {VISIBILITY_MARKERS[w.visibility] && <><strong class="marker">{VISIBILITY_MARKERS[w.visibility]}</strong> · </>}
                  {w.hiddenByModerator && <><strong class="marker">Hidden by a moderator</strong> · </>}
                  Chapters {chapterCount(w.chapterCount, w.status, w.expectedChapters)} · {formatNumber(w.wordCount)} words
                  {w.revised && <> · updated {w.revised}</>}
                </p>
                <ul class="creator-links">
                  <li><a href={`/works/${w.id}/edit`}>Edit<span class="visually-hidden"> {w.title}</span></a></li>
                  <li><a href={`/works/${w.id}/chapters/new`}>Add chapter<span class="visually-hidden"> to {w.title}</span></a></li>
                  <li><a href={`/works/${w.id}/delete`}>Delete<span class="visually-hidden"> {w.title}</span></a></li>
                </ul>
              </article>
            </li>
          ))}
        </ul>
      )}
      <h2>My series</h2>
      {series.length === 0 ? <p>You have no series yet.</p> : (
        <ul>{series.map((s) => <li><a href={`/series/${s.id}`}>{s.name}</a> (<a href={`/series/${s.id}/edit`}>edit<span class="visually-hidden"> {s.name}</span></a>)</li>)}</ul>
      )}
      <p><a href="/series/new">Make a new series</a></p>
    </Layout>
  );
}

export function CoAuthorInvitationsPage(props: { page: PageContext; invitations: readonly CoAuthorInvitation[] }) {
  const { page, invitations } = props;
  return (
    <Layout page={page} title="Co-author invitations">
      <h1>Co-author invitations</h1>
      {invitations.length === 0 ? <p>No invitations are waiting for you.</p> : (
        <ul class="invitations">
          {invitations.map((invitation) => (
            <li>
              <p>Your pseud <strong>{invitation.authorName}</strong> is invited to co-author <a href={`/works/${invitation.workId}`}>{invitation.workTitle}</a>.</p>
              <form method="post" action={`/account/co-author-invitations/${invitation.id}/accept`} class="inline-form">
                <CsrfField page={page} />
                <button type="submit" class="primary">Accept<span class="visually-hidden"> co-authoring {invitation.workTitle}</span></button>
              </form>{" "}
              <form method="post" action={`/account/co-author-invitations/${invitation.id}/decline`} class="inline-form">
                <CsrfField page={page} />
                <button type="submit">Decline<span class="visually-hidden"> co-authoring {invitation.workTitle}</span></button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

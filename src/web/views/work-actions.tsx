/**
 * The community under a work's text: kudos, bookmark, subscribe and mark-for-later in one row, who left kudos,
 * then the comments. Every action is a form or a link, so all of it works without JavaScript.
 */
import type { WorkPreface } from "../../services/archive/read-work.js";
import type { WorkCommunity } from "../../services/community/work-community.js";
import type { PageContext } from "../page-context.js";
import { CommentsSection } from "./comments.js";
import { CsrfField } from "./csrf-field.js";
import { KudosButton, KudosList } from "./kudos.js";
import { SubscribeButton } from "./subscribe-button.js";

function WorkActions(props: { page: PageContext; community: WorkCommunity }) {
  const { page, community } = props;
  const active = community.viewerIsActive;
  return (
    <ul class="work-actions" aria-label="Actions">
      <li><KudosButton page={page} community={community} /></li>
      {active && <li><a class="button" href={`/works/${community.workId}/bookmark`}>{community.bookmarked ? "Edit bookmark" : "Bookmark"}</a></li>}
      {active && (
        <li><SubscribeButton page={page} state={{ targetType: "work", targetId: community.workId, subscription: community.subscription }} /></li>
      )}
      {active && (
        <li>
          <form method="post" action={`/works/${community.workId}/mark-for-later`} class="inline-form">
            <CsrfField page={page} />
            <input type="hidden" name="return" value={page.here} />
            <button type="submit">{community.markedForLater ? "Mark as read" : "Mark for later"}</button>
          </form>
        </li>
      )}
    </ul>
  );
}

export function WorkCommunitySection(props: { page: PageContext; work: WorkPreface; community: WorkCommunity }) {
  const { page, work, community } = props;
  return (
    <div class="community">
      <WorkActions page={page} community={community} />
      <KudosList community={community} />
      <CommentsSection
        page={page} workId={work.id} chapterPosition={community.chapterPosition} multiChapter={work.chapters.length > 1}
        count={countShown(community)} settings={community.settings} pseud={community.pseud}
        threads={community.comments.threads} context={community.comments.context}
      />
    </div>
  );
}

/** The published comments the page shows this reader (the work's own count has those of muted users too). */
function countShown(community: WorkCommunity): number {
  const count = (nodes: WorkCommunity["comments"]["threads"]): number =>
    nodes.reduce((n, node) => n + (node.appearance.kind === "full" && !node.appearance.pending ? 1 : 0) + count(node.replies), 0);
  return count(community.comments.threads);
}

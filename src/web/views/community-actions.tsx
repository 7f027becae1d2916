/** What a reader may do on an author's or a series' page: subscribe, see the author's bookmarks, bookmark the series. */
import type { SubscribeState } from "../../services/community/subscriptions.js";
import type { PageContext } from "../page-context.js";
import { SubscribeButton } from "./subscribe-button.js";

export function AuthorActions(props: { page: PageContext; name: string; subscription: SubscribeState | null }) {
  return (
    <ul class="work-actions" aria-label="Author actions">
      {props.subscription && <li><SubscribeButton page={props.page} state={props.subscription} /></li>}
      <li><a href={`/users/${encodeURIComponent(props.name)}/bookmarks`}>Bookmarks by {props.name}</a></li>
    </ul>
  );
}

export function SeriesActions(props: { page: PageContext; seriesId: number; subscription: SubscribeState | null }) {
  const { page } = props;
  if (!page.viewer || page.viewer.suspended) return null;
  return (
    <ul class="work-actions" aria-label="Series actions">
      <li><SubscribeButton page={page} state={props.subscription} /></li>
      <li><a class="button" href={`/series/${props.seriesId}/bookmark`}>Bookmark this series</a></li>
    </ul>
  );
}

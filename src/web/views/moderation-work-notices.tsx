/**
 * What moderation adds to a work's page: the banner on a hidden work (only its creators and the moderators can
 * open it), the reader's "Report" link, and the moderator's hide or show form.
 */
import { isActive, isCreator } from "../../domain/account.js";
import { canModerate } from "../../domain/moderation.js";
import type { ReadableWork } from "../../services/archive/read-work.js";
import type { PageContext } from "../page-context.js";
import { HideForm } from "./moderation-forms.js";

export function HiddenWorkBanner(props: { work: ReadableWork }) {
  const { work } = props;
  if (!work.access.hiddenByModerator) return null;
  return (
    <div class="notice moderation-notice" role="note">
      <p><strong>A moderator has hidden this work:</strong> {work.hiddenReason ?? "no reason was recorded."}</p>
      <p>Only its creators and the moderators can see it. It is left out of every listing, search and count until a moderator shows it again.</p>
    </div>
  );
}

export function WorkReportActions(props: { page: PageContext; work: ReadableWork }) {
  const { page, work } = props;
  const { viewer } = page;
  const mayReport = (viewer === null || isActive(viewer)) && !isCreator(viewer, work.access);
  if (!mayReport && !canModerate(viewer)) return null;
  return (
    <div class="work-moderation">
      {mayReport && <p><a href={`/works/${work.id}/report`}>Report this work</a></p>}
      {canModerate(viewer) && (
        <details>
          <summary>Moderate this work</summary>
          <HideForm page={page} kind="works" id={work.id} hidden={work.access.hiddenByModerator} idPrefix="work" />
        </details>
      )}
    </div>
  );
}

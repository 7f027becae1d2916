/** The moderators' queue: open reports, oldest first, each with what it is about and what can be done. */
import type { QueueReport, QueueTarget } from "../../services/moderation/queue.js";
import type { Paged } from "../../services/moderation/paging.js";
import type { PageContext } from "../page-context.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { ActionForm, HideForm, UserActions } from "./moderation-forms.js";
import { CATEGORY_LABELS, formatDateTime } from "./moderation-labels.js";
import { Pagination } from "./pagination.js";
import { TextBlocks } from "./text-blocks.js";

export function ModerationNav() {
  return (
    <nav aria-label="Moderation">
      <ul class="work-navigation">
        <li><a href="/moderation">Open reports</a></li>
        <li><a href="/moderation/log">Moderators’ log</a></li>
        <li><a href="/moderation/review">Import review</a></li>
        <li><a href="/moderation/duplicates">Near-duplicates</a></li>
      </ul>
    </nav>
  );
}

export function QueuePage(props: { page: PageContext; queue: Paged<QueueReport> }) {
  const { page, queue } = props;
  return (
    <Layout page={page} title="Moderation">
      <h1>Open reports</h1>
      <ModerationNav />
      <p>{plural(queue.total, "open report")}, oldest first.</p>
      {queue.items.length > 0 && <ol class="reports">{queue.items.map((report) => <Report page={page} report={report} />)}</ol>}
      <Pagination path="/moderation" params={new URLSearchParams()} page={queue.page} pages={queue.pages} />
    </Layout>
  );
}

function targetHeading(target: QueueTarget): string {
  if (target.type === "work") return target.title === null ? `A work since deleted (${target.id})` : `The work “${target.title}”`;
  return target.workTitle === null ? `A comment since deleted (${target.id})` : `A comment on “${target.workTitle}”`;
}

function Report(props: { page: PageContext; report: QueueReport }) {
  const { page, report } = props;
  const { target } = report;
  const prefix = `report-${report.id}`;
  return (
    <li class="report">
      <article aria-labelledby={`${prefix}-heading`}>
        <h2 id={`${prefix}-heading`}>Report {report.id}: {targetHeading(target)}</h2>
        <dl class="report-facts">
          <dt>Filed</dt><dd>{formatDateTime(report.createdAt)}</dd>
          <dt>By</dt><dd>{report.reporter ?? "a guest"}</dd>
          <dt>About</dt><dd>{CATEGORY_LABELS[report.category]}</dd>
        </dl>
        <blockquote class="report-reason"><TextBlocks text={report.reason} /></blockquote>
        {target.type === "work" ? <WorkTarget page={page} target={target} prefix={prefix} /> : <CommentTarget page={page} target={target} prefix={prefix} />}
        <ActionForm page={page} action={`/moderation/reports/${report.id}/resolve`} id={`${prefix}-resolve`} field="note" label="What was done (or why nothing was)" button="Resolve the report" />
      </article>
    </li>
  );
}

function WorkTarget(props: { page: PageContext; target: Extract<QueueTarget, { type: "work" }>; prefix: string }) {
  const { page, target, prefix } = props;
  if (target.title === null) return <p>The work is no longer in the archive.</p>;
  return (
    <>
      <p><a href={`/works/${target.id}`}>{target.title}</a>{target.hidden && <> — <strong>hidden by a moderator</strong></>}</p>
      <HideForm page={page} kind="works" id={target.id} hidden={target.hidden} idPrefix={prefix} />
      {target.creators.map((user) => <UserActions page={page} user={user} idPrefix={prefix} />)}
    </>
  );
}

function CommentTarget(props: { page: PageContext; target: Extract<QueueTarget, { type: "comment" }>; prefix: string }) {
  const { page, target, prefix } = props;
  if (target.workId === null || target.status === null) return <p>The comment is no longer in the archive.</p>;
  return (
    <>
      <figure class="reported-comment">
        <blockquote><p>{target.excerpt}</p></blockquote>
        <figcaption>
          By {target.byline ?? "a guest"}, on <a href={`/works/${target.workId}#comment-${target.id}`}>{target.workTitle}</a>
          {target.status !== "published" && <> — <strong>{target.status === "hidden" ? "hidden by a moderator" : target.status}</strong></>}
        </figcaption>
      </figure>
      {(target.status === "published" || target.status === "hidden") && <HideForm page={page} kind="comments" id={target.id} hidden={target.status === "hidden"} idPrefix={prefix} />}
      {target.commenter && <UserActions page={page} user={target.commenter} idPrefix={prefix} />}
    </>
  );
}

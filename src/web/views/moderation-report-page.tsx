/** The report form for a work or a comment, and the page that thanks the reporter. */
import { REPORT_CATEGORIES, REPORT_REASON_LENGTH } from "../../domain/moderation.js";
import type { ReportableTarget, ReportForm } from "../../services/moderation/reports.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";
import { CATEGORY_LABELS } from "./moderation-labels.js";

export function reportPath(target: Pick<ReportableTarget, "type" | "id">): string {
  return `/${target.type === "work" ? "works" : "comments"}/${target.id}/report`;
}

function heading(target: ReportableTarget): string {
  return target.type === "work" ? `Report “${target.workTitle}”` : `Report a comment on “${target.workTitle}”`;
}

export function ReportPage(props: { page: PageContext; target: ReportableTarget; form: Partial<ReportForm>; problems: readonly string[] | null }) {
  const { page, target, form, problems } = props;
  return (
    <Layout page={page} title={heading(target)}>
      <h1>{heading(target)}</h1>
      {problems && <div class="errors" role="alert"><p>The report could not be sent:</p><ul>{problems.map((p) => <li>{p}</li>)}</ul></div>}
      {target.excerpt !== null && (
        <figure class="reported-comment">
          <blockquote><p>{target.excerpt}</p></blockquote>
          <figcaption>The comment, on <a href={`/works/${target.workId}`}>{target.workTitle}</a></figcaption>
        </figure>
      )}
      <p>A moderator will read your report. {page.viewer ? "" : "You are not signed in: the report is sent without a name."}</p>
      <form method="post" action={reportPath(target)}>
        <CsrfField page={page} />
        <fieldset>
          <legend>What is wrong?</legend>
          {REPORT_CATEGORIES.map((category) => (
            <div><input type="radio" id={`category-${category}`} name="category" value={category} required checked={form.category === category} /> <label for={`category-${category}`}>{CATEGORY_LABELS[category]}</label></div>
          ))}
        </fieldset>
        <div class="field">
          <label for="report-reason">What should the moderators know?</label>
          <textarea id="report-reason" name="reason" rows={6} cols={60} required minlength={REPORT_REASON_LENGTH.min} maxlength={REPORT_REASON_LENGTH.max} aria-describedby="report-reason-hint">{form.reason ?? ""}</textarea>
          <span class="hint" id="report-reason-hint">From {REPORT_REASON_LENGTH.min} to {REPORT_REASON_LENGTH.max.toLocaleString("en")} characters. Say where the problem is (a chapter, a passage) and why.</span>
        </div>
        <button type="submit" class="primary">Send the report</button>
      </form>
      <p><a href={`/works/${target.workId}`}>Back to the work</a></p>
    </Layout>
  );
}

export function ReportSentPage(props: { page: PageContext; target: ReportableTarget }) {
  const { page, target } = props;
  return (
    <Layout page={page} title="Report sent">
      <h1>Thank you</h1>
      <p class="notice" role="status">Your report was sent to the moderators.</p>
      <p><a href={`/works/${target.workId}`}>Back to “{target.workTitle}”</a></p>
    </Layout>
  );
}

/**
 * The header labels of a batch's files, with what the importer made of each, as a table: the most used first. Each
 * label has a form to make it a field for the whole batch (a label rule), and the batch's label rules are listed,
 * each with a form to remove it, and one to apply them all again.
 */
import { INFERRED_FIELDS } from "../../domain/review.js";
import type { BatchLabels, FieldKey } from "../../services/review/batch-labels.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { ModerationNav } from "./moderation-queue-page.js";
import { formatDateTime } from "./moderation-labels.js";
import { DESK_PATH, deskQueuePath, FIELD_LABELS, RuleText } from "./review-desk-pages.js";

/** What a label rule just did, from the address the form sent the browser back to. */
export interface LabelRuleReport {
  works: number;
  refused: number;
}

function madeOf(field: FieldKey | null): string {
  if (field === null) return "Ignored: no label the importer knows";
  if (field === "extra") return "Kept with the work, in no field";
  return `Read as ${field}`;
}

function LabelRuleForm(props: { page: PageContext; batch: string; label: string; labelKey: string; index: number }) {
  const id = `label-rule-${props.index}`;
  return (
    <form method="post" action={`${DESK_PATH}/labels/rules`} class="label-rule">
      <CsrfField page={props.page} />
      <input type="hidden" name="batch" value={props.batch} />
      <input type="hidden" name="label" value={props.labelKey} />
      <label for={id}>Make “{props.label}” the</label>{" "}
      <select id={id} name="field">{INFERRED_FIELDS.map((field) => <option value={field}>{FIELD_LABELS[field].toLowerCase()}</option>)}</select>{" "}
      <button type="submit">for this batch</button>
    </form>
  );
}

export function BatchLabelsPage(props: { page: PageContext; labels: BatchLabels; report: LabelRuleReport | null }) {
  const { page, labels, report } = props;
  return (
    <Layout page={page} title="Header labels">
      <h1>Header labels of <a href={deskQueuePath(labels.batch)}>{labels.batch}</a></h1>
      <ModerationNav />
      {report && (
        <p role="status" class="label-rule-report">
          The batch’s label rules changed {plural(report.works, "work")}.
          {report.refused > 0 ? ` ${plural(report.refused, "value")} in the files could not be taken by the field and ${report.refused === 1 ? "was" : "were"} left alone.` : ""}
        </p>
      )}
      <p>
        {plural(labels.files, "file")} read{labels.partial ? " (the first by path: the batch has more)" : ""}
        {labels.unreadable > 0 ? `, ${labels.unreadable} of them not readable now` : ""}.
      </p>
      {labels.labels.length === 0 ? <p>No header labels were found in these files.</p> : (
        <table class="batch-labels">
          <thead><tr><th scope="col">Label</th><th scope="col">Files</th><th scope="col">What the importer made of it</th><th scope="col">For example</th><th scope="col">Rule</th></tr></thead>
          <tbody>{labels.labels.map((l, index) => (
            <tr>
              <td>{l.label}</td><td>{l.files}</td><td>{madeOf(l.field)}</td><td>{l.example}</td>
              <td><LabelRuleForm page={page} batch={labels.batch} label={l.label} labelKey={l.key} index={index} /></td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <section aria-labelledby="label-rules-heading">
        <h2 id="label-rules-heading">Label rules of this batch</h2>
        <p>A label rule puts the label’s value in each of the batch’s files on that field of the file’s work, as a reviewer’s correction would, and says so on the work’s review page. Removing a rule leaves what it decided.</p>
        {labels.rules.length === 0 ? <p>None yet.</p> : (
          <>
            <ol class="review-rules">{labels.rules.map((rule) => (
              <li id={`rule-${rule.id}`}>
                <RuleText rule={rule} /> — {rule.createdBy ?? "a removed account"}, {formatDateTime(rule.createdAt)}{" "}
                <form method="post" action={`${DESK_PATH}/labels/rules/${rule.id}/remove`} class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="batch" value={labels.batch} />
                  <button type="submit">Remove rule {rule.id}</button>
                </form>
              </li>
            ))}</ol>
            <form method="post" action={`${DESK_PATH}/labels/rules/apply`}>
              <CsrfField page={page} />
              <input type="hidden" name="batch" value={labels.batch} />
              <p>Importing a file again reads its work afresh: apply the rules again to put their values back, and on files imported into the batch since.</p>
              <button type="submit">Apply the batch’s label rules again</button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}

/**
 * The header labels of a batch's files, with what the importer made of each, as a table: the most used first.
 */
import type { BatchLabels, FieldKey } from "../../services/review/batch-labels.js";
import type { PageContext } from "../page-context.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { ModerationNav } from "./moderation-queue-page.js";
import { deskQueuePath } from "./review-desk-pages.js";

function madeOf(field: FieldKey | null): string {
  if (field === null) return "Ignored: no label the importer knows";
  if (field === "extra") return "Kept with the work, in no field";
  return `Read as ${field}`;
}

export function BatchLabelsPage(props: { page: PageContext; labels: BatchLabels }) {
  const { page, labels } = props;
  return (
    <Layout page={page} title="Header labels">
      <h1>Header labels of <a href={deskQueuePath(labels.batch)}>{labels.batch}</a></h1>
      <ModerationNav />
      <p>
        {plural(labels.files, "file")} read{labels.partial ? " (the first by path: the batch has more)" : ""}
        {labels.unreadable > 0 ? `, ${labels.unreadable} of them not readable now` : ""}.
      </p>
      {labels.labels.length === 0 ? <p>No header labels were found in these files.</p> : (
        <table class="batch-labels">
          <thead><tr><th scope="col">Label</th><th scope="col">Files</th><th scope="col">What the importer made of it</th><th scope="col">For example</th></tr></thead>
          <tbody>{labels.labels.map((l) => <tr><td>{l.label}</td><td>{l.files}</td><td>{madeOf(l.field)}</td><td>{l.example}</td></tr>)}</tbody>
        </table>
      )}
    </Layout>
  );
}

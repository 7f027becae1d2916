/** Making a series, and its maker's edit page: its name, summary and notes, and the order of its works. */
import type { FieldProblems } from "../../domain/posting-limits.js";
import type { SeriesEditing, SeriesForm } from "../../services/posting/series.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";
import { ProblemSummary, TextArea, TextField } from "./posting-fields.js";

export function SeriesFormPage(props: { page: PageContext; form: SeriesForm; editing: SeriesEditing | null; problems: FieldProblems; saved: boolean }) {
  const { page, form, editing, problems } = props;
  const heading = editing ? `Edit the series “${editing.form.name}”` : "Make a new series";
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      {props.saved && <p class="notice" role="status">The series was saved.</p>}
      <ProblemSummary problems={problems} what="The series was not saved." />
      <form method="post" action={editing ? `/series/${editing.id}/edit` : "/series/new"}>
        <CsrfField page={page} />
        <TextField name="name" label="Name" required value={form.name} problems={problems} />
        <TextArea name="summary" label="Summary" value={form.summary} problems={problems} rows={3} hint="Optional." />
        <TextArea name="notes" label="Notes" value={form.notes} problems={problems} rows={3} hint="Optional." />
        {editing && (
          <fieldset>
            <legend>Works in the series</legend>
            {editing.parts.length === 0 ? <p>No work is in the series yet: choose it in a work's form to add the work.</p> : (
              <>
                <p id="parts-hint">To move a work, give it the part it should be, and save.</p>
                <ol>
                  {editing.parts.map((part) => (
                    <li class="field">
                      <label for={`part-${part.workId}`}>{part.title}{part.visibility === "draft" ? " (draft)" : ""}: part</label>{" "}
                      <input type="number" id={`part-${part.workId}`} name={`part-${part.workId}`} value={String(part.part)} min={1} max={10_000} aria-describedby="parts-hint" />
                    </li>
                  ))}
                </ol>
              </>
            )}
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" class="primary">{editing ? "Save the series" : "Make the series"}</button>
          {editing && <a href={`/series/${editing.id}`}>The series' page</a>}
        </div>
      </form>
    </Layout>
  );
}

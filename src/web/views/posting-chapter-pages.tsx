/** A work's chapters for its creators: the chapter form (add or edit), their order, and "Are you sure?" pages. */
import type { FieldProblems } from "../../domain/posting-limits.js";
import type { WorkChapters } from "../../services/posting/chapters.js";
import type { ChapterForm } from "../../services/posting/work-form.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber } from "./format.js";
import { Layout } from "./layout.js";
import { ProblemSummary, TextArea, TextField } from "./posting-fields.js";
import { FormatSelect, TextFormatHint } from "./posting-work-form.js";
import { chapterHeading } from "./work-page.js";

/** Adding a chapter (`position` null) or editing one. */
export function ChapterFormPage(props: { page: PageContext; workId: number; workTitle: string; position: number | null; form: ChapterForm; problems: FieldProblems }) {
  const { page, workId, workTitle, position, form, problems } = props;
  const heading = position === null ? `Add a chapter to “${workTitle}”` : `Edit chapter ${position} of “${workTitle}”`;
  const action = position === null ? `/works/${workId}/chapters/new` : `/works/${workId}/chapters/${position}/edit`;
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      <ProblemSummary problems={problems} what="The chapter was not saved." />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField page={page} />
        <TextField name="title" field="chapter.title" label="Chapter title" value={form.title} problems={problems} hint="Optional." />
        <TextArea name="summary" field="chapter.summary" label="Chapter summary" value={form.summary} problems={problems} rows={2} />
        <TextArea name="notes" field="chapter.notes" label="Notes at the beginning" value={form.notes} problems={problems} rows={3} />
        <FormatSelect id="chapter-format" name="format" value={form.format} />
        <TextArea name="text" field="chapter.text" label="Text" required value={form.text} problems={problems} rows={20} hint={<TextFormatHint />} />
        <TextArea name="endNotes" field="chapter.endNotes" label="Notes at the end" value={form.endNotes} problems={problems} rows={3} />
        <div class="actions">
          <button type="submit" class="primary">{position === null ? "Post chapter" : "Save chapter"}</button>
          <a href={`/works/${workId}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  );
}

/** The chapters in order, a number beside each to move it, and each one's edit and delete. */
export function ChapterOrderPage(props: { page: PageContext; work: WorkChapters; problem: string | null }) {
  const { page, work, problem } = props;
  const base = `/works/${work.workId}`;
  return (
    <Layout page={page} title={`Chapters of “${work.title}”`}>
      <h1>Chapters of <a href={base}>{work.title}</a></h1>
      {problem && <p class="errors" role="alert">{problem}</p>}
      <form method="post" action={`${base}/chapters/order`}>
        <CsrfField page={page} />
        <p id="order-hint">To move a chapter, give it the number of the place it should have, and save the order.</p>
        <table class="chapter-order">
          <thead><tr><th scope="col">Chapter</th><th scope="col">Words</th><th scope="col">New place</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {work.chapters.map((c) => (
              <tr>
                <th scope="row">{chapterHeading(c)}</th>
                <td>{formatNumber(c.wordCount)}</td>
                <td>
                  <label class="visually-hidden" for={`position-${c.position}`}>New place of {chapterHeading(c)}</label>
                  <input type="number" id={`position-${c.position}`} name={`position-${c.position}`} value={String(c.position)} min={1} max={work.chapters.length} aria-describedby="order-hint" />
                </td>
                <td>
                  <a href={`${base}/chapters/${c.position}/edit`}>Edit<span class="visually-hidden"> {chapterHeading(c)}</span></a>
                  {work.chapters.length > 1 && <> · <a href={`${base}/chapters/${c.position}/delete`}>Delete<span class="visually-hidden"> {chapterHeading(c)}</span></a></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="actions">
          <button type="submit" class="primary">Save the order</button>
          <a href={`${base}/chapters/new`}>Add a chapter</a>
        </div>
      </form>
    </Layout>
  );
}

/** "Are you sure?": what is about to go, a button that does it, and a way back. */
export function ConfirmPage(props: { page: PageContext; title: string; message: string; action: string; button: string; back: string }) {
  const { page } = props;
  return (
    <Layout page={page} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <form method="post" action={props.action}>
        <CsrfField page={page} />
        <div class="actions">
          <button type="submit" class="danger">{props.button}</button>
          <a href={props.back}>No, go back</a>
        </div>
      </form>
    </Layout>
  );
}

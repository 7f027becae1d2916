/**
 * The work form, as on the Archive: tags (rating, warnings, categories, fandoms, relationships, characters,
 * additional tags), preface (title, creators, co-authors, gifts, summary, notes), associations (language,
 * series), who may read it and comment, and — for a new work — its chapters' text. A new work's page also offers
 * to read a story file into the form. Preview shows the work above the form; Post stores it (Save draft when it
 * is to stay a draft). The tag fields suggest tags as you type when scripts run.
 */
import ISO6391 from "iso-639-1";
import { CATEGORIES } from "../../domain/categories.js";
import { NOTES_MAX, SUMMARY_MAX, TITLE_MAX, USER_TAGS_MAX, type FieldProblems } from "../../domain/posting-limits.js";
import { RATINGS } from "../../domain/rating.js";
import { ARCHIVE_WARNINGS } from "../../domain/warnings.js";
import type { WorkPreview } from "../../services/posting/preview-work.js";
import type { PostingChoices, WorkEditing } from "../../services/posting/work-editing.js";
import type { ChapterForm, WorkForm } from "../../services/posting/work-form.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { languageName } from "./format.js";
import { Layout } from "./layout.js";
import { FieldProblem, fieldId, ProblemSummary, TextArea, TextField } from "./posting-fields.js";
import { WorkPreviewSection } from "./posting-preview.js";
import { chapterHeading } from "./work-page.js";

/** What the upload form found in a story file, or why it could not. */
export interface UploadOutcome {
  fileName: string;
  readAs: string | null;
  unsure: readonly string[];
  problem: string | null;
}

export type WorkFormMode = { kind: "new"; choices: PostingChoices; upload: UploadOutcome | null } | { kind: "edit"; editing: WorkEditing };

const FORMAT_LABELS = { html: "HTML (rich text)", markdown: "Markdown", text: "Plain text" } as const;

const VISIBILITY_LABELS = {
  public: ["Everyone", "Listed and readable by anyone, signed in or not."],
  restricted: ["Signed-in users only", "Guests are asked to sign in; listings show it only to signed-in readers."],
  draft: ["Draft", "Not posted: only you (and co-authors who accepted) can see it. Edit it later and choose who may read it to post it."],
} as const;

const COMMENT_LABELS = { open: "Anyone may comment", registered: "Only signed-in users may comment", closed: "No comments" } as const;

/** Every ISO 639-1 language by its English name, and the work's own code should it be none of them. */
function languageOptions(current: string): { code: string; name: string }[] {
  const codes: string[] = ISO6391.getAllCodes();
  const all = codes.includes(current) ? codes : [...codes, current];
  return all.map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

function submitLabel(mode: WorkFormMode, form: WorkForm): string {
  if (form.visibility === "draft") return "Save draft";
  return mode.kind === "edit" && mode.editing.visibility !== "draft" ? "Save changes" : "Post";
}

export function WorkFormPage(props: { page: PageContext; mode: WorkFormMode; form: WorkForm; problems: FieldProblems; preview: WorkPreview | null }) {
  const { page, mode, form, problems, preview } = props;
  const action = mode.kind === "new" ? "/works/new" : `/works/${mode.editing.workId}/edit`;
  const heading = mode.kind === "new" ? "Post a new work" : `Edit “${mode.editing.form.title}”`;
  const choices = mode.kind === "new" ? mode.choices : mode.editing.choices;
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      <ProblemSummary problems={problems} what={mode.kind === "edit" ? "The changes were not saved." : form.visibility === "draft" ? "The draft was not saved." : "The work was not posted."} />
      {preview && <WorkPreviewSection page={page} preview={preview} />}
      {mode.kind === "new" && <UploadForm page={page} upload={mode.upload} />}
      <form method="post" action={action} enctype="multipart/form-data" class="work-form">
        <CsrfField page={page} />
        {preview && <h2>Edit and post</h2>}
        <TagFields form={form} problems={problems} />
        <PrefaceFields form={form} problems={problems} mode={mode} choices={choices} />
        <AssociationFields form={form} problems={problems} choices={choices} />
        <AccessFields form={form} problems={problems} />
        <ChapterCountFields form={form} problems={problems} />
        {mode.kind === "new"
          ? form.chapters.map((chapter, index) => <ChapterFieldset chapter={chapter} index={index} count={form.chapters.length} problems={problems} />)
          : <ChapterList editing={mode.editing} />}
        <div class="actions">
          <button type="submit" name="action" value="preview">Preview</button>
          <button type="submit" name="action" value="post" class="primary" data-post-label={mode.kind === "edit" && mode.editing.visibility !== "draft" ? "Save changes" : "Post"} data-draft-label="Save draft">
            {submitLabel(mode, form)}
          </button>
        </div>
      </form>
    </Layout>
  );
}

function UploadForm(props: { page: PageContext; upload: UploadOutcome | null }) {
  const { upload } = props;
  const problem = upload?.problem ?? undefined;
  return (
    <section class="upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Start from a story file</h2>
      {upload && !upload.problem && (
        <div class="notice" role="status">
          <p>The form below holds what was read from <strong>{upload.fileName}</strong>{upload.readAs ? ` (as ${upload.readAs})` : ""}. Check it before you post.</p>
          {upload.unsure.length > 0 && (
            <>
              <p>Look closely at these:</p>
              <ul class="unsure">{upload.unsure.map((note) => <li>{note}</li>)}</ul>
            </>
          )}
        </div>
      )}
      <form method="post" action="/works/new/upload" enctype="multipart/form-data">
        <CsrfField page={props.page} />
        <div class="field">
          <label for="file">Story file</label>
          <input type="file" id="file" name="file" accept=".txt,.text,.htm,.html,.xhtml,.md,.markdown,.epub,text/plain,text/html,application/epub+zip"
            aria-describedby={problem ? "file-hint file-error" : "file-hint"} aria-invalid={problem ? "true" : undefined} />
          <span class="hint" id="file-hint">A story you wrote, saved as text (any encoding), HTML, Markdown or EPUB, up to 5 MB. The form is filled in from it; nothing is posted until you post it.</span>
          <FieldProblem id="file" problem={problem} />
        </div>
        <button type="submit">Read the file</button>
      </form>
    </section>
  );
}

function TagFields(props: { form: WorkForm; problems: FieldProblems }) {
  const { form, problems } = props;
  const hint = "Separate tags with commas.";
  return (
    <fieldset id="tags">
      <legend>Tags</legend>
      <div class="field">
        <label for="rating">Rating (required)</label>
        <select id="rating" name="rating" required aria-describedby={problems.rating ? "rating-error" : undefined} aria-invalid={problems.rating ? "true" : undefined}>
          <option value="" selected={form.rating === ""}>Choose a rating</option>
          {RATINGS.map((r) => <option value={r} selected={form.rating === r}>{r}</option>)}
        </select>
        <FieldProblem id="rating" problem={problems.rating} />
      </div>
      <CheckboxGroup name="warnings" legend="Archive warnings (required: at least one)" options={ARCHIVE_WARNINGS} checked={form.warnings} problem={problems.warnings} />
      <CheckboxGroup name="categories" legend="Categories" options={CATEGORIES} checked={form.categories} problem={problems.categories} />
      <TextField name="fandoms" label="Fandoms" required value={form.fandoms.join(", ")} problems={problems} autocomplete="/autocomplete/tags" tagType="Fandom" hint={`${hint} “Original Work” for a world of your own.`} />
      <TextField name="relationships" label="Relationships" value={form.relationships.join(", ")} problems={problems} autocomplete="/autocomplete/tags" tagType="Relationship" hint={`${hint} “A/B” for a romantic relationship, “A & B” for a friendship.`} />
      <TextField name="characters" label="Characters" value={form.characters.join(", ")} problems={problems} autocomplete="/autocomplete/tags" tagType="Character" hint={hint} />
      <TextField name="freeforms" label="Additional tags" value={form.freeforms.join(", ")} problems={problems} autocomplete="/autocomplete/tags" tagType="Freeform"
        hint={`${hint} At most ${USER_TAGS_MAX} fandoms, relationships, characters and additional tags in all.`} />
      <FieldProblem id="tags" problem={problems.tags} />
    </fieldset>
  );
}

function CheckboxGroup(props: { name: string; legend: string; options: readonly string[]; checked: readonly string[]; problem: string | undefined }) {
  const { name, options, checked, problem } = props;
  return (
    <fieldset id={name} class="checkboxes" aria-describedby={problem ? `${name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {options.map((option, i) => (
        <div class="field check">
          <input type="checkbox" id={`${name}-${i}`} name={name} value={option} checked={checked.includes(option)} /> <label for={`${name}-${i}`}>{option}</label>
        </div>
      ))}
      <FieldProblem id={name} problem={problem} />
    </fieldset>
  );
}

function PrefaceFields(props: { form: WorkForm; problems: FieldProblems; mode: WorkFormMode; choices: PostingChoices }) {
  const { form, problems, mode, choices } = props;
  return (
    <fieldset>
      <legend>Preface</legend>
      <TextField name="title" label="Title" required value={form.title} problems={problems} maxLength={TITLE_MAX} />
      {mode.kind === "new" ? (
        <div class="field">
          <label for="pseudId">Creator</label>
          <select id="pseudId" name="pseud" aria-describedby={problems.pseudId ? "pseudId-error" : undefined}>
            {choices.pseuds.map((p) => <option value={String(p.id)} selected={p.id === form.pseudId}>{p.name}</option>)}
          </select>
          <FieldProblem id="pseudId" problem={problems.pseudId} />
        </div>
      ) : (
        <div class="field">
          <span class="label">Creators</span>
          <p>{mode.editing.authors.join(", ")}</p>
          {mode.editing.invited.length > 0 && <p class="hint">Invited to co-author, not yet accepted: {mode.editing.invited.join(", ")}.</p>}
        </div>
      )}
      <TextField name="coAuthors" label="Invite co-authors" value={form.coAuthors.join(", ")} problems={problems}
        hint="Pseuds of other accounts, separated by commas. Each is asked in their inbox, and becomes a creator of the work only when they accept." />
      <TextField name="gifts" label="Gift this work to" value={form.gifts.join(", ")} problems={problems} hint="Names, separated by commas." />
      <TextArea name="summary" label="Summary" value={form.summary} problems={problems} rows={4} hint={`Plain text, up to ${SUMMARY_MAX.toLocaleString("en")} characters. A blank line starts a new paragraph.`} />
      <TextArea name="notes" label="Notes at the beginning" value={form.notes} problems={problems} rows={3} hint={`Up to ${NOTES_MAX.toLocaleString("en")} characters.`} />
      <TextArea name="endNotes" label="Notes at the end" value={form.endNotes} problems={problems} rows={3} hint={`Up to ${NOTES_MAX.toLocaleString("en")} characters.`} />
    </fieldset>
  );
}

function AssociationFields(props: { form: WorkForm; problems: FieldProblems; choices: PostingChoices }) {
  const { form, problems, choices } = props;
  const chosen = form.series.kind === "existing" ? String(form.series.seriesId) : form.series.kind === "new" ? "new" : "";
  return (
    <fieldset>
      <legend>Associations</legend>
      <div class="field">
        <label for="language">Language</label>
        <select id="language" name="language">
          {languageOptions(form.language).map((l) => <option value={l.code} selected={l.code === form.language}>{l.name}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="series">Series</label>
        <select id="series" name="series" aria-describedby={problems.series ? "series-error" : undefined}>
          <option value="" selected={chosen === ""}>Not part of a series</option>
          {choices.series.map((s) => <option value={String(s.id)} selected={chosen === String(s.id)}>{s.name}</option>)}
          <option value="new" selected={chosen === "new"}>A new series (name it below)</option>
        </select>
        <FieldProblem id="series" problem={problems.series} />
      </div>
      <TextField name="seriesName" label="New series name" value={form.series.kind === "new" ? form.series.name : ""} problems={problems} />
      <TextField name="seriesPart" label="Part in the series" type="number" min={1} max={10_000} value={form.seriesPart === null ? "" : String(form.seriesPart)} problems={problems}
        hint="Leave it empty to add the work after the series' last." />
    </fieldset>
  );
}

function AccessFields(props: { form: WorkForm; problems: FieldProblems }) {
  const { form } = props;
  return (
    <fieldset>
      <legend>Who can read it and comment</legend>
      <fieldset class="choices">
        <legend>Visibility</legend>
        {Object.entries(VISIBILITY_LABELS).map(([value, [label, hint]]) => (
          <div class="field check">
            <input type="radio" id={`visibility-${value}`} name="visibility" value={value} checked={form.visibility === value} aria-describedby={`visibility-${value}-hint`} />
            {" "}<label for={`visibility-${value}`}>{label}</label> <span class="hint" id={`visibility-${value}-hint`}>{hint}</span>
          </div>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>Comments</legend>
        {Object.entries(COMMENT_LABELS).map(([value, label]) => (
          <div class="field check">
            <input type="radio" id={`comments-${value}`} name="commentPolicy" value={value} checked={form.commentPolicy === value} /> <label for={`comments-${value}`}>{label}</label>
          </div>
        ))}
        <div class="field check">
          <input type="checkbox" id="moderateComments" name="moderateComments" checked={form.moderateComments} /> <label for="moderateComments">Moderate comments: new comments wait for your approval</label>
        </div>
      </fieldset>
    </fieldset>
  );
}

function ChapterCountFields(props: { form: WorkForm; problems: FieldProblems }) {
  const { form, problems } = props;
  return (
    <fieldset>
      <legend>Chapters</legend>
      <div class="field check">
        <input type="checkbox" id="complete" name="complete" checked={form.complete} /> <label for="complete">This work is complete</label>
      </div>
      <TextField name="expectedChapters" label="Expected number of chapters" type="number" min={1} max={10_000} value={form.expectedChapters === null ? "" : String(form.expectedChapters)}
        problems={problems} hint="For a work in progress; leave it empty if you do not know yet (it shows as “?”)." />
    </fieldset>
  );
}

function ChapterFieldset(props: { chapter: ChapterForm; index: number; count: number; problems: FieldProblems }) {
  const { chapter, index, count, problems } = props;
  const name = (field: string) => `chapters[${index}][${field}]`;
  const key = (field: string) => `chapters.${index}.${field}`;
  const formatId = fieldId(key("format"));
  return (
    <fieldset class="chapter-fields">
      <legend>{count === 1 ? "Work text" : `Chapter ${index + 1}`}</legend>
      <TextField name={name("title")} field={key("title")} label="Chapter title" value={chapter.title} problems={problems} hint="Optional." />
      {(count > 1 || chapter.summary) && <TextArea name={name("summary")} field={key("summary")} label="Chapter summary" value={chapter.summary} problems={problems} rows={2} />}
      {(count > 1 || chapter.notes) && <TextArea name={name("notes")} field={key("notes")} label="Chapter notes" value={chapter.notes} problems={problems} rows={2} />}
      <FormatSelect id={formatId} name={name("format")} value={chapter.format} />
      <TextArea name={name("text")} field={key("text")} label="Text" required value={chapter.text} problems={problems} rows={16} hint={<TextFormatHint />} />
      {(count > 1 || chapter.endNotes) && <TextArea name={name("endNotes")} field={key("endNotes")} label="Chapter end notes" value={chapter.endNotes} problems={problems} rows={2} />}
    </fieldset>
  );
}

/** The text's format: what the chapter text is written in. */
export function FormatSelect(props: { id: string; name: string; value: string }) {
  return (
    <div class="field">
      <label for={props.id}>Format</label>
      <select id={props.id} name={props.name}>
        {Object.entries(FORMAT_LABELS).map(([value, label]) => <option value={value} selected={props.value === value}>{label}</option>)}
      </select>
    </div>
  );
}

/** What each format does with the text, and what HTML may hold. */
export function TextFormatHint() {
  return (
    <>
      Up to 500,000 characters. HTML keeps formatting (paragraphs, emphasis, headings, lists, quotations, links, images) and drops
      everything else: scripts, styles, event attributes, forms and frames. Markdown is formatted the same way; plain text becomes
      paragraphs, a blank line apart.
    </>
  );
}

function ChapterList(props: { editing: WorkEditing }) {
  const { editing } = props;
  const base = `/works/${editing.workId}`;
  return (
    <section aria-labelledby="chapter-list-heading" class="chapter-list">
      <h2 id="chapter-list-heading">Chapters</h2>
      <ol>
        {editing.chapters.map((c) => <li>{chapterHeading(c)} <a href={`${base}/chapters/${c.position}/edit`}>Edit<span class="visually-hidden"> {chapterHeading(c)}</span></a></li>)}
      </ol>
      <p><a href={`${base}/chapters/new`}>Add a chapter</a> · <a href={`${base}/chapters/order`}>Reorder or delete chapters</a></p>
    </section>
  );
}

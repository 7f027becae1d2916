/** Creating or editing a bookmark of a work or series: notes, the bookmarker's own tags, private, rec; and delete. */
import { MAX_BOOKMARK_NOTES_LENGTH } from "../../domain/bookmarks.js";
import type { BookmarkEditor, BookmarkForm } from "../../services/community/bookmarks.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

export function subjectUrl(subject: BookmarkEditor["subject"]): string {
  return subject.kind === "work" ? `/works/${subject.id}` : `/series/${subject.id}`;
}

/** The form's fields as stored: the notes as their HTML, which reads back as the same notes when saved again. */
export function storedBookmarkForm(editor: BookmarkEditor): BookmarkForm {
  const bookmark = editor.bookmark;
  return { notes: bookmark?.notes ?? "", tags: bookmark?.tags.join(", ") ?? "", private: bookmark?.private ?? false, rec: bookmark?.rec ?? false };
}

export function BookmarkFormPage(props: { page: PageContext; editor: BookmarkEditor; form: BookmarkForm; problems: Readonly<Record<string, string>> | null }) {
  const { page, editor, form, problems } = props;
  const url = subjectUrl(editor.subject);
  const what = editor.subject.kind === "work" ? "work" : "series";
  return (
    <Layout page={page} title={`${editor.bookmark ? "Edit your bookmark of" : "Bookmark"} ${editor.title}`}>
      <h1>{editor.bookmark ? "Edit your bookmark of " : "Bookmark "}<a href={url}>{editor.title}</a></h1>
      {problems && (
        <div class="errors" role="alert">
          <p>The bookmark was not saved:</p>
          <ul>{Object.values(problems).map((p) => <li>{p}</li>)}</ul>
        </div>
      )}
      <form method="post" action={`${url}/bookmark`}>
        <CsrfField page={page} />
        <div class="field">
          <label for="bookmark-notes">Notes</label>
          <textarea id="bookmark-notes" name="notes" rows={5} cols={60} maxlength={MAX_BOOKMARK_NOTES_LENGTH} aria-describedby="bookmark-notes-hint">{form.notes}</textarea>
          <p class="hint" id="bookmark-notes-hint">Plain text, or HTML. At most {MAX_BOOKMARK_NOTES_LENGTH.toLocaleString("en")} characters.</p>
        </div>
        <div class="field">
          <label for="bookmark-tags">Your tags</label>
          <input type="text" id="bookmark-tags" name="tags" value={form.tags} aria-describedby="bookmark-tags-hint" />
          <p class="hint" id="bookmark-tags-hint">Separated by commas. They are yours: they do not change the {what}'s tags.</p>
        </div>
        <div class="field check">
          <input type="checkbox" id="bookmark-rec" name="rec" value="1" checked={form.rec} />
          <label for="bookmark-rec">Recommend it (a rec)</label>
        </div>
        <div class="field check">
          <input type="checkbox" id="bookmark-private" name="private" value="1" checked={form.private} />
          <label for="bookmark-private">Private: only you see it</label>
        </div>
        <button type="submit" class="primary">{editor.bookmark ? "Save bookmark" : "Create bookmark"}</button>
      </form>
      {editor.bookmark && (
        <form method="post" action={`/bookmarks/${editor.bookmark.id}/delete`} data-confirm="Delete this bookmark?">
          <CsrfField page={page} />
          <button type="submit">Delete bookmark</button>
        </form>
      )}
      <p><a href="/bookmarks">Your bookmarks</a></p>
    </Layout>
  );
}

/** A work as readers will see it, shown above the form it came from before anything is stored. */
import type { WorkPreview } from "../../services/posting/preview-work.js";
import type { PageContext } from "../page-context.js";
import { Byline } from "./blurb.js";
import { GiftLine, VisibilityNotice } from "./posting-work-notes.js";
import { StoryHtml } from "./story-html.js";
import { TextBlocks } from "./text-blocks.js";
import { chapterHeading } from "./work-page.js";
import { WorkMeta } from "./work-meta.js";

function Notes(props: { heading: string; text: string | null }) {
  if (!props.text) return null;
  return (
    <div class="notes">
      <h4>{props.heading}</h4>
      <div class="userstuff"><TextBlocks text={props.text} /></div>
    </div>
  );
}

export function WorkPreviewSection(props: { page: PageContext; preview: WorkPreview }) {
  const { page, preview } = props;
  const { preface, chapters } = preview;
  const multiChapter = chapters.length > 1;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p class="notice">This is how readers will see the work. Nothing is saved yet: post it with the button below the form.</p>
      <VisibilityNotice visibility={preview.visibility} />
      <WorkMeta work={preface} prefs={page.prefs} />
      <div class="preface" lang={preface.language}>
        <h3 class="title">{preface.title}</h3>
        <p class="byline">by <Byline authors={preface.authors} /></p>
        <GiftLine gifts={preface.gifts} />
        {preface.summary && <div class="summary-section"><h4>Summary</h4><blockquote class="userstuff summary"><TextBlocks text={preface.summary} /></blockquote></div>}
        <Notes heading="Notes" text={preface.notes} />
      </div>
      {chapters.map((chapter) => (
        <section class="chapter" aria-label={multiChapter ? chapterHeading(chapter) : "Work text"} lang={preface.language}>
          {multiChapter && <h4>{chapterHeading(chapter)}</h4>}
          <Notes heading="Chapter summary" text={chapter.summary} />
          <Notes heading="Chapter notes" text={chapter.notes} />
          <StoryHtml html={chapter.html} />
          <Notes heading="Chapter end notes" text={chapter.endNotes} />
        </section>
      ))}
      <Notes heading="End notes" text={preface.endNotes} />
    </section>
  );
}

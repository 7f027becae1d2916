/**
 * Reading a work: the tag block, the preface (title, byline, summary, notes), then one chapter with previous and
 * next, or the entire work; chapter notes and end notes around each chapter; the work's end notes after the last.
 */
import type { Child } from "hono/jsx";
import type { ReadableWork, WorkChapter, WorkPreface } from "../../services/archive/read-work.js";
import { workDownloadPath } from "../download-paths.js";
import type { PageContext } from "../page-context.js";
import { DownloadMenu } from "./download-menu.js";
import { Byline } from "./blurb.js";
import { Layout } from "./layout.js";
import { HiddenWorkBanner, WorkReportActions } from "./moderation-work-notices.js";
import { GiftLine, PostingNotes } from "./posting-work-notes.js";
import { StoryHtml } from "./story-html.js";
import { TextBlocks } from "./text-blocks.js";
import { WorkMeta } from "./work-meta.js";

/** "Title - Author - Fandom", as the Archive titles a work's page; "Multifandom" past three fandoms. */
export function workPageTitle(work: WorkPreface): string {
  const fandoms = work.tags.Fandom.length > 3 ? "Multifandom" : work.tags.Fandom.join(", ");
  return [work.title, work.authors.join(", ") || "Anonymous", fandoms].filter((p) => p).join(" - ");
}

export function chapterHeading(chapter: { position: number; title: string | null }): string {
  return chapter.title ? `Chapter ${chapter.position}: ${chapter.title}` : `Chapter ${chapter.position}`;
}

/**
 * `community`: kudos, bookmarks, subscriptions and comments, after the text (views/work-actions.tsx);
 * `collections`: the collections the work is in, after its tags (views/collection-pages.tsx).
 */
export function WorkPage(props: { page: PageContext; work: ReadableWork; chapters: readonly WorkChapter[]; entireWork: boolean; community?: Child; collections?: Child }) {
  const { page, work, chapters, entireWork } = props;
  const multiChapter = work.chapters.length > 1;
  const current = !entireWork && multiChapter ? chapters[0] : undefined;
  const showsLast = entireWork || !multiChapter || current?.position === work.chapters.length;
  return (
    <Layout page={page} title={current ? `${chapterHeading(current)} - ${workPageTitle(work)}` : workPageTitle(work)}>
      <HiddenWorkBanner work={work} />
      <WorkNavigation page={page} work={work} current={current?.position ?? null} placement="top" />
      <PostingNotes page={page} workId={work.id} access={work.access} />
      <WorkMeta work={work} prefs={page.prefs} />
      {props.collections}
      <Preface work={work} showNotes={!current || current.position === 1} endNotesUrl={endNotesUrl(work, entireWork)} />
      {chapters.map((chapter) => <Chapter chapter={chapter} multiChapter={multiChapter} language={work.language} />)}
      {showsLast && <WorkEndNotes work={work} />}
      <WorkNavigation page={page} work={work} current={current?.position ?? null} placement="bottom" />
      <WorkReportActions page={page} work={work} />
      {props.community}
    </Layout>
  );
}

/**
 * Title, byline, gifts, summary and the work's notes. `showNotes`: the notes open the work, so a page that holds a
 * later chapter alone leaves them out; `endNotesUrl` is where the work's end notes are, when it has some.
 */
export function Preface(props: { work: WorkPreface; showNotes: boolean; endNotesUrl: string }) {
  const { work } = props;
  return (
    <div class="preface" lang={work.language}>
      <h1 class="title">{work.title}</h1>
      <p class="byline">by <Byline authors={work.authors} /></p>
      <GiftLine gifts={work.gifts} />
      {work.summary && (
        <section class="summary-section" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <blockquote class="userstuff summary"><TextBlocks text={work.summary} /></blockquote>
        </section>
      )}
      {(work.notes ?? work.endNotes) && props.showNotes && (
        <section class="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          {work.notes && <div class="userstuff"><TextBlocks text={work.notes} /></div>}
          {work.endNotes && <p>(See the end of the work for <a href={props.endNotesUrl}>more notes</a>.)</p>}
        </section>
      )}
    </div>
  );
}

/** The work's end notes, after its last chapter. */
export function WorkEndNotes(props: { work: WorkPreface }) {
  const { work } = props;
  if (!work.endNotes) return null;
  return (
    <section class="afterword notes" id="work-endnotes" aria-labelledby="work-endnotes-heading" lang={work.language}>
      <h2 id="work-endnotes-heading">End notes</h2>
      <div class="userstuff"><TextBlocks text={work.endNotes} /></div>
    </section>
  );
}

/** The work's end notes: on this page when it holds the whole work, else after the last chapter. */
function endNotesUrl(work: WorkPreface, entireWork: boolean): string {
  return entireWork ? "#work-endnotes" : `/works/${work.id}/chapters/${work.chapters.length}#work-endnotes`;
}

export function Chapter(props: { chapter: WorkChapter; multiChapter: boolean; language: string }) {
  const { chapter, multiChapter, language } = props;
  const id = `chapter-${chapter.position}`;
  return (
    <section class="chapter" id={id} aria-labelledby={`${id}-heading`} lang={language}>
      <h2 id={`${id}-heading`} class={multiChapter ? undefined : "visually-hidden"}>{multiChapter ? chapterHeading(chapter) : "Work text"}</h2>
      {chapter.summary && (
        <div class="notes">
          <h3>Chapter summary</h3>
          <div class="userstuff"><TextBlocks text={chapter.summary} /></div>
        </div>
      )}
      {chapter.notes && (
        <div class="notes">
          <h3>Chapter notes</h3>
          <div class="userstuff"><TextBlocks text={chapter.notes} /></div>
        </div>
      )}
      <StoryHtml html={chapter.html} />
      {chapter.endNotes && (
        <div class="notes">
          <h3>Chapter end notes</h3>
          <div class="userstuff"><TextBlocks text={chapter.endNotes} /></div>
        </div>
      )}
    </section>
  );
}

/** Entire work or chapter by chapter, previous and next, a chapter menu (a form, so it needs no script). */
function WorkNavigation(props: { page: PageContext; work: WorkPreface; current: number | null; placement: "top" | "bottom" }) {
  const { page, work, current, placement } = props;
  const base = `/works/${work.id}`;
  const multiChapter = work.chapters.length > 1;
  const menuId = `chapter-menu-${placement}`;
  return (
    <nav aria-label={placement === "top" ? "Work" : "Work, again"}>
      <ul class="work-navigation">
        {multiChapter && (current === null
          ? <li><a href={`${base}/chapters/1`}>Chapter by chapter</a></li>
          : <li><a href={`${base}?view_full_work=true`}>Entire work</a></li>)}
        {current !== null && current > 1 && <li><a href={`${base}/chapters/${current - 1}`} rel="prev">← Previous chapter</a></li>}
        {current !== null && current < work.chapters.length && <li><a href={`${base}/chapters/${current + 1}`} rel="next">Next chapter →</a></li>}
        {multiChapter && (
          <li>
            <form method="get" action={`${base}/chapters`}>
              <label for={menuId}>Chapter</label>
              <select id={menuId} name="n">
                {work.chapters.map((c) => <option value={String(c.position)} selected={c.position === current}>{chapterHeading(c)}</option>)}
              </select>
              <button type="submit">Go</button>
            </form>
          </li>
        )}
        {multiChapter && <li><a href={`${base}/navigate`}>Chapter index</a></li>}
        {placement === "bottom" && <li><a href="#main">↑ Top</a></li>}
        {placement === "top" && <li><DownloadMenu href={(format) => workDownloadPath(work.id, work.title, format)} /></li>}
        {page.owner && placement === "top" && <li><a href={`${base}/provenance`}>Provenance</a></li>}
      </ul>
    </nav>
  );
}

export function ChapterIndex(props: { page: PageContext; work: WorkPreface }) {
  const { page, work } = props;
  return (
    <Layout page={page} title={`Chapter index - ${workPageTitle(work)}`}>
      <h1>Chapter index for <a href={`/works/${work.id}`}>{work.title}</a> by <Byline authors={work.authors} /></h1>
      <ol>
        {work.chapters.map((c) => <li><a href={`/works/${work.id}/chapters/${c.position}`}>{chapterHeading(c)}</a></li>)}
      </ol>
      <p><a href={`/works/${work.id}?view_full_work=true`}>Entire work</a></p>
    </Layout>
  );
}

/**
 * The Archive's interstitial before Mature, Explicit and Not Rated works: the work's tags, but none of its text.
 * "Proceed" is the same address with `view_adult=true`, which the server remembers in a cookie.
 */
export function AdultGate(props: { page: PageContext; work: WorkPreface; proceedUrl: string }) {
  const { page, work, proceedUrl } = props;
  return (
    <Layout page={page} title={`Adult content - ${workPageTitle(work)}`}>
      <section class="adult-gate" aria-labelledby="adult-heading">
        <h1 id="adult-heading">This work could have adult content</h1>
        <p>
          <strong>{work.title}</strong> by <Byline authors={work.authors} /> is rated <strong>{work.tags.Rating[0] ?? "Not Rated"}</strong>.
          If you continue, you have agreed that you are willing to see such content.
        </p>
        <div class="actions">
          <a class="button primary" href={proceedUrl}>Yes, continue</a>
          <a class="button" href="/works">No, go back</a>
        </div>
        {!page.staticSite && <p><a href="/preferences">Set your preferences to always show adult content</a></p>}
      </section>
      <WorkMeta work={work} prefs={page.prefs} />
    </Layout>
  );
}

/** A work in a listing, as the Archive shows it: heading, fandoms, the four squares, tags in type order, summary,
 *  series and stats. */
import type { Child } from "hono/jsx";
import type { WorkBlurb } from "../../search/search-index.js";
import type { ReaderPrefs } from "../reader-prefs.js";
import { chapterCount, formatNumber, languageName } from "./format.js";
import { RequiredTags } from "./required-tags.js";
import { HiddenUnless, TagLink } from "./tag-links.js";
import { TextBlocks } from "./text-blocks.js";

export function Byline(props: { authors: readonly string[] }) {
  if (props.authors.length === 0) return <>Anonymous</>;
  return (
    <>
      {props.authors.flatMap((name, i) => [i > 0 ? ", " : "", <a rel="author" href={`/users/${encodeURIComponent(name)}`}>{name}</a>])}
    </>
  );
}

/** `children`: what a listing adds to the work's blurb (a bookmark's notes and tags, a history's dates). */
export function Blurb(props: { work: WorkBlurb; prefs: ReaderPrefs; children?: Child }) {
  const { work, prefs } = props;
  const headingId = `work-${work.id}-title`;
  return (
    <li>
      <article class="blurb" aria-labelledby={headingId}>
        <div class="header">
          <RequiredTags rating={work.rating} categories={work.categories} warnings={work.warnings} status={work.status} />
          <div>
            <h3 id={headingId}>
              <a href={`/works/${work.id}`}>{work.title}</a> <span class="by">by <Byline authors={work.authors} /></span>
            </h3>
            <p class="fandoms">
              <span class="visually-hidden">Fandoms: </span>
              {work.fandoms.length > 0 ? work.fandoms.flatMap((f, i) => [i > 0 ? ", " : "", <TagLink name={f} />]) : "No fandom"}
            </p>
          </div>
          <p class="datetime">{work.updated ?? work.published ?? ""}</p>
        </div>
        <ul class="tags" aria-label="Tags">
          {work.warnings.length > 0 && (
            <li class="warnings">
              <HiddenUnless hidden={prefs.hideWarnings} what="warnings">
                {work.warnings.flatMap((w, i) => [i > 0 ? ", " : "", <strong><TagLink name={w} /></strong>])}
              </HiddenUnless>
            </li>
          )}
          {work.relationships.map((r) => <li class="relationships"><TagLink name={r} /></li>)}
          {work.characters.map((c) => <li class="characters"><TagLink name={c} /></li>)}
          {work.freeforms.length > 0 && (
            <li class="freeforms">
              <HiddenUnless hidden={prefs.hideFreeforms} what="additional tags">
                {work.freeforms.flatMap((f, i) => [i > 0 ? ", " : "", <TagLink name={f} />])}
              </HiddenUnless>
            </li>
          )}
        </ul>
        {work.summary && (
          <blockquote class="summary" aria-label="Summary">
            <TextBlocks text={work.summary} />
          </blockquote>
        )}
        {work.series.length > 0 && (
          <ul class="series-parts" aria-label="Series">
            {work.series.map((s) => <li>Part <strong>{s.part}</strong> of <a href={`/series/${s.id}`}>{s.name}</a></li>)}
          </ul>
        )}
        <dl class="stats">
          <div><dt>Language:</dt><dd>{languageName(work.language)}</dd></div>
          <div><dt>Words:</dt><dd>{formatNumber(work.wordCount)}</dd></div>
          <div><dt>Chapters:</dt><dd>{chapterCount(work.chapters, work.status, work.expectedChapters)}</dd></div>
        </dl>
        {props.children}
      </article>
    </li>
  );
}

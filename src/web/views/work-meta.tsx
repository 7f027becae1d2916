/** The tag block at the top of a work, in the Archive's order, with its language, series and stats. */
import type { WorkPreface } from "../../services/archive/read-work.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { ReaderPrefs } from "../reader-prefs.js";
import { chapterCount, formatNumber, languageName } from "./format.js";
import { HiddenUnless, TagLink } from "./tag-links.js";

const TAG_LABELS: readonly (readonly [TagType, string, string])[] = [
  ["Rating", "Rating", "Ratings"], ["ArchiveWarning", "Archive Warning", "Archive Warnings"], ["Category", "Category", "Categories"],
  ["Fandom", "Fandom", "Fandoms"], ["Relationship", "Relationship", "Relationships"], ["Character", "Character", "Characters"],
  ["Freeform", "Additional Tags", "Additional Tags"],
];

export function WorkMeta(props: { work: WorkPreface; prefs: ReaderPrefs }) {
  const { work, prefs } = props;
  const rating = work.tags.Rating.length > 0 ? work.tags.Rating : ["Not Rated"];
  const tags = { ...work.tags, Rating: rating };
  return (
    <dl class="work-meta" aria-label="Work tags and stats">
      {TAG_LABELS.filter(([type]) => tags[type].length > 0).map(([type, one, many]) => {
        const hidden = (type === "ArchiveWarning" && prefs.hideWarnings) || (type === "Freeform" && prefs.hideFreeforms);
        return (
          <>
            <dt>{tags[type].length === 1 ? one : many}:</dt>
            <dd class={type.toLowerCase()}>
              <HiddenUnless hidden={hidden} what={type === "Freeform" ? "additional tags" : "warnings"}>
                <ul>{tags[type].map((name) => <li><TagLink name={name} /></li>)}</ul>
              </HiddenUnless>
            </dd>
          </>
        );
      })}
      <dt>Language:</dt>
      <dd>{languageName(work.language)}</dd>
      {work.series.length > 0 && (
        <>
          <dt>Series:</dt>
          <dd>
            <ul>
              {work.series.map((s) => (
                <li>
                  {s.previous && <><a href={`/works/${s.previous.id}`} aria-label={`Previous work in ${s.name}: ${s.previous.title}`}>←</a> </>}
                  Part {s.part} of <a href={`/series/${s.id}`}>{s.name}</a>
                  {s.next && <> <a href={`/works/${s.next.id}`} aria-label={`Next work in ${s.name}: ${s.next.title}`}>→</a></>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>Stats:</dt>
      <dd>
        <dl class="stats">
          {work.published && <div><dt>Published:</dt><dd>{work.published}</dd></div>}
          {work.updated && work.updated !== work.published && <div><dt>{work.status === "complete" ? "Completed:" : "Updated:"}</dt><dd>{work.updated}</dd></div>}
          <div><dt>Words:</dt><dd>{formatNumber(work.wordCount)}</dd></div>
          <div><dt>Chapters:</dt><dd>{chapterCount(work.chapterCount, work.status, work.expectedChapters)}</dd></div>
          {work.comments > 0 && <div><dt>Comments:</dt><dd>{formatNumber(work.comments)}</dd></div>}
          {work.kudos > 0 && <div><dt>Kudos:</dt><dd>{formatNumber(work.kudos)}</dd></div>}
          {work.bookmarks > 0 && <div><dt>Bookmarks:</dt><dd>{formatNumber(work.bookmarks)}</dd></div>}
          {work.hits > 0 && <div><dt>Hits:</dt><dd>{formatNumber(work.hits)}</dd></div>}
        </dl>
      </dd>
    </dl>
  );
}

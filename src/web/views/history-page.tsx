/** The reader's history (what they read, when, and whether it changed since) and the works marked for later. */
import type { ReadingHistory } from "../../services/community/reading-history.js";
import type { PageContext } from "../page-context.js";
import { Blurb } from "./blurb.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";
import { Timestamp } from "./timestamp.js";

export function HistoryPage(props: { page: PageContext; history: ReadingHistory; later: boolean; pageNumber: number; perPage: number }) {
  const { page, history, later } = props;
  const heading = later ? "Marked for later" : "History";
  const path = later ? "/later" : "/history";
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      <nav aria-label="History"><ul class="work-navigation"><li><a href="/history" aria-current={later ? undefined : "page"}>History</a></li><li><a href="/later" aria-current={later ? "page" : undefined}>Marked for later</a></li></ul></nav>
      {!history.enabled && !later && <p class="notice">Your history is off: works you open are not recorded. You can turn it on in your <a href="/account">account settings</a>.</p>}
      <h2>{plural(history.total, "work")}</h2>
      <ol class="works">
        {history.entries.map((entry) => (
          <Blurb work={entry.blurb} prefs={page.prefs}>
            <p class="history-details">
              {entry.visits > 0 ? <>Last read <Timestamp at={entry.lastReadAt} />{entry.lastChapter !== null && <> (chapter {entry.lastChapter})</>} · {plural(entry.visits, "visit")}</> : <>Not read yet</>}
              {entry.markedForLater && <> · <strong class="badge">Marked for later</strong></>}
              {entry.updatedSince && entry.visits > 0 && <> · <strong class="badge">Updated since you last read</strong></>}
            </p>
          </Blurb>
        ))}
      </ol>
      <Pagination path={path} params={new URLSearchParams()} page={props.pageNumber} pages={Math.ceil(history.total / props.perPage)} />
      {!later && history.total > 0 && (
        <form method="post" action="/history/clear" data-confirm="Clear your history? Works marked for later stay.">
          <CsrfField page={page} />
          <button type="submit">Clear history</button> <span class="hint">Works marked for later stay.</span>
        </form>
      )}
    </Layout>
  );
}

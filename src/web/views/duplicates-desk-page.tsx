/**
 * Near-duplicates for moderators: the pairs found, each work's title, authors and size with how much of the
 * shorter story is in the longer; a link to merge either into the other, which asks to confirm first; and a form
 * that says the pair is no duplicate. Without JavaScript, like every page.
 */
import type { ComparedWork, DuplicatePairRow, DuplicatesDesk, MergeChoice } from "../../services/duplicates/duplicates-desk.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber, plural } from "./format.js";
import { Layout } from "./layout.js";
import { ModerationNav } from "./moderation-queue-page.js";
import { Pagination } from "./pagination.js";

export const DUPLICATES_PATH = "/moderation/duplicates";

const percent = (n: number): string => `${Math.round(n * 100)}%`;

/** The page that asks to confirm merging `mergedId` into `keptId`. */
export function mergeChoicePath(keptId: number, mergedId: number): string {
  return `${DUPLICATES_PATH}/merge?${new URLSearchParams({ keep: String(keptId), merge: String(mergedId) }).toString()}`;
}

export function DuplicatesDeskPage(props: { page: PageContext; desk: DuplicatesDesk }) {
  const { page, desk } = props;
  return (
    <Layout page={page} title="Near-duplicates">
      <h1>Near-duplicates</h1>
      <ModerationNav />
      <p>
        {plural(desk.total, "pair")} of works that tell the same story, or two versions of one, the longest stories first.
        Merging moves the other work’s files, kudos, bookmarks, comments and subscriptions onto the one kept, and deletes it.
      </p>
      {desk.pairs.length > 0 && <ol class="duplicate-pairs">{desk.pairs.map((pair) => <li><Pair page={page} pair={pair} /></li>)}</ol>}
      <Pagination path={DUPLICATES_PATH} params={new URLSearchParams()} page={desk.page} pages={desk.pages} />
    </Layout>
  );
}

function Pair(props: { page: PageContext; pair: DuplicatePairRow }) {
  const { page, pair } = props;
  const [first, second] = pair.works;
  const id = `pair-${first.id}-${second.id}`;
  return (
    <article aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{first.title} and {second.title}</h2>
      <p>{percent(pair.containment)} of the shorter story is in the longer; {percent(pair.jaccard)} of their text is shared.</p>
      <ul>
        <li><WorkFacts work={first} /> <a href={mergeChoicePath(first.id, second.id)}>Merge the other into this one</a></li>
        <li><WorkFacts work={second} /> <a href={mergeChoicePath(second.id, first.id)}>Merge the other into this one</a></li>
      </ul>
      <form method="post" action={`${DUPLICATES_PATH}/dismiss`}>
        <CsrfField page={page} />
        <input type="hidden" name="a" value={String(first.id)} />
        <input type="hidden" name="b" value={String(second.id)} />
        <button type="submit">Not a duplicate</button>
      </form>
    </article>
  );
}

function WorkFacts(props: { work: ComparedWork }) {
  const { work } = props;
  return (
    <>
      <a href={`/works/${work.id}`}>{work.title}</a> (work {work.id}) by {work.authors.length === 0 ? "no author named" : work.authors.join(", ")}:{" "}
      {formatNumber(work.wordCount)} words, {plural(work.chapterCount, "chapter")}{work.revised === null ? "" : `, updated ${work.revised}`}.
    </>
  );
}

export function MergeConfirmPage(props: { page: PageContext; choice: MergeChoice }) {
  const { page, choice } = props;
  return (
    <Layout page={page} title="Merge near-duplicates">
      <h1>Merge “{choice.merged.title}” into “{choice.kept.title}”?</h1>
      <ModerationNav />
      <dl class="report-facts">
        <dt>Kept</dt><dd><WorkFacts work={choice.kept} /></dd>
        <dt>Merged and deleted</dt><dd><WorkFacts work={choice.merged} /></dd>
      </dl>
      <p>
        The kept work keeps its own text, tags and details. The other’s source files, kudos, bookmarks, comments,
        subscriptions, reading history and hits move onto it, and the other work is deleted. This cannot be undone.
      </p>
      <form method="post" action={`${DUPLICATES_PATH}/merge`}>
        <CsrfField page={page} />
        <input type="hidden" name="keep" value={String(choice.kept.id)} />
        <input type="hidden" name="merge" value={String(choice.merged.id)} />
        <button type="submit">Merge</button> <a href={DUPLICATES_PATH}>Cancel</a>
      </form>
    </Layout>
  );
}

/**
 * The import review desk: the queue of works with values to review, by import batch, with a bulk acceptance that
 * works without JavaScript (checkboxes in one form); and a work's review page, its inferred values and the forms
 * to accept or correct them beside the text of its source file, shown as text (escaped, whatever the file is).
 */
import type { InferredField } from "../../domain/review.js";
import type { InferredValue } from "../../domain/work.js";
import type { BatchHolding, ExternalAuthor, HeldBatch } from "../../services/review/held-works.js";
import type { DeskQueue, ReviewedValue, ReviewRule, WorkReview } from "../../services/review/review-desk.js";
import { SOURCE_EXCERPT_MAX, type SourceExcerpt } from "../../services/review/source-excerpt.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber, plural } from "./format.js";
import { Layout } from "./layout.js";
import { ModerationNav } from "./moderation-queue-page.js";
import { formatDateTime } from "./moderation-labels.js";
import { Pagination } from "./pagination.js";

export const DESK_PATH = "/moderation/review";

export const FIELD_LABELS: Readonly<Record<InferredField, string>> = {
  fandoms: "Fandom", characters: "Character", relationships: "Relationship", categories: "Category", rating: "Rating",
};

const percent = (n: number): string => `${Math.round(n * 100)}%`;

/** The queue's address for a batch (null: every batch). */
export function deskQueuePath(batch: string | null): string {
  return batch === null ? DESK_PATH : `${DESK_PATH}?${new URLSearchParams({ batch }).toString()}`;
}

export function DeskQueuePage(props: { page: PageContext; desk: DeskQueue }) {
  const { page, desk } = props;
  const { queue } = desk;
  return (
    <Layout page={page} title="Import review">
      <h1>Import review</h1>
      <ModerationNav />
      <form method="get" action={DESK_PATH} class="review-batch">
        <label for="review-batch">Import batch (the folder or zip the files came from)</label>
        <select id="review-batch" name="batch">
          <option value="" selected={desk.batch === null}>Every batch</option>
          {desk.batches.map((b) => <option value={b.batch} selected={b.batch === desk.batch}>{`${b.batch} (${plural(b.works, "work")})`}</option>)}
        </select>
        <button type="submit">Show</button>
      </form>
      <p>{plural(queue.total, "work")} with values to review{desk.batch === null ? "" : " in this batch"}, the least sure first.</p>
      {queue.works.length > 0 && (
        <form method="post" action={`${DESK_PATH}/accept`}>
          <CsrfField page={page} />
          <input type="hidden" name="return" value={page.here} />
          <ol class="review-queue">
            {queue.works.map((work) => (
              <li>
                <input type="checkbox" name="work" value={String(work.workId)} id={`review-work-${work.workId}`} />
                <label for={`review-work-${work.workId}`}>{work.title}</label>{" "}
                (<a href={`${DESK_PATH}/works/${work.workId}`}>review beside its file</a>)
                <ul>{work.values.map((v) => <li><ValueSummary value={v} /></li>)}</ul>
              </li>
            ))}
          </ol>
          <button type="submit">Accept the values of the chosen works</button>
        </form>
      )}
      <Pagination path={DESK_PATH} params={new URLSearchParams(desk.batch === null ? {} : { batch: desk.batch })} page={desk.page} pages={desk.pages} />
      <Rules rules={desk.rules} heading={desk.batch === null ? "Rules of every batch" : "Rules of this batch"} />
      {desk.batch !== null && desk.rules.length > 0 && (
        <form method="post" action={`${DESK_PATH}/rules/apply`}>
          <CsrfField page={page} />
          <input type="hidden" name="batch" value={desk.batch} />
          <p>Files imported into this batch since its rules were made wait for a decision of their own until the rules are applied again.</p>
          <button type="submit">Apply this batch’s rules to its undecided values</button>
        </form>
      )}
      {desk.batch !== null && <p><a href={batchLabelsPath(desk.batch)}>The header labels this batch’s files use</a>, and what the importer made of each.</p>}
      {desk.batch !== null && desk.holding !== null && <Holding page={page} batch={desk.batch} holding={desk.holding} />}
    </Layout>
  );
}

/** The batch's held works, the forms that hold and publish them, and each author's claim. */
function Holding(props: { page: PageContext; batch: string; holding: BatchHolding }) {
  const { page, batch, holding } = props;
  return (
    <section aria-labelledby="review-holding-heading">
      <h2 id="review-holding-heading">Holding and publishing</h2>
      <p>{plural(holding.held, "work")} of this batch held (seen by no reader); {plural(holding.publishable, "held work")} reviewed and ready to publish.</p>
      <form method="post" action={`${DESK_PATH}/hold`}>
        <CsrfField page={page} />
        <input type="hidden" name="batch" value={batch} />
        <label><input type="checkbox" name="authors" value="on" checked /> Imported for others: send each author a link to claim their works</label>
        <button type="submit">Hold this batch’s works</button>
      </form>
      {holding.publishable > 0 && (
        <form method="post" action={`${DESK_PATH}/publish`}>
          <CsrfField page={page} />
          <input type="hidden" name="batch" value={batch} />
          <button type="submit">Publish the {plural(holding.publishable, "reviewed work")}</button>
        </form>
      )}
      {holding.authors.length > 0 && (
        <table class="review-claims">
          <caption>The batch’s authors and their claims</caption>
          <thead><tr><th scope="col">Author</th><th scope="col">Address</th><th scope="col">Works held</th><th scope="col">Claim</th></tr></thead>
          <tbody>{holding.authors.map((a) => <tr><td>{a.name}</td><td>{a.email ?? "none in the files"}</td><td>{a.workIds.length}</td><td><ClaimState author={a} /></td></tr>)}</tbody>
        </table>
      )}
    </section>
  );
}

function ClaimState(props: { author: ExternalAuthor }) {
  const { author } = props;
  if (author.claimedAt !== null) return <>Claimed by {author.claimedByLogin ?? "a removed account"}, {formatDateTime(author.claimedAt)}</>;
  if (author.declinedAt !== null) return <>Declined (not imported), {formatDateTime(author.declinedAt)}</>;
  return <>Unclaimed</>;
}

/** What holding a batch did, with the claim links made: shown once, for the archivist to pass on. */
export function HeldBatchPage(props: { page: PageContext; held: HeldBatch }) {
  const { page, held } = props;
  return (
    <Layout page={page} title="Batch held">
      <h1>Batch held</h1>
      <ModerationNav />
      <p>{plural(held.held, "work")} of <a href={deskQueuePath(held.batch)}>{held.batch}</a> held: no reader sees them until they are claimed or published.</p>
      {held.invitations.length > 0 && (
        <>
          <p>Each link works once and is shown only here: pass on those that could not be mailed.</p>
          <ul class="claim-links">
            {held.invitations.map((i) => (
              <li>{i.name}: <code>{i.link}</code> — {i.email === null ? "no address in the files" : i.undelivered === null ? `mailed to ${i.email}` : `could not be mailed to ${i.email}`}</li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

function ValueSummary(props: { value: InferredValue }) {
  const { field, value, confidence, evidence } = props.value;
  return <>{FIELD_LABELS[field]}: <strong>{value}</strong> ({percent(confidence)}{evidence ? `; ${evidence}` : ""})</>;
}

function Rules(props: { rules: readonly ReviewRule[]; heading: string }) {
  if (props.rules.length === 0) return null;
  return (
    <section aria-labelledby="review-rules-heading">
      <h2 id="review-rules-heading">{props.heading}</h2>
      <ol class="review-rules">{props.rules.map((rule) => <li id={`rule-${rule.id}`}><RuleText rule={rule} /> — {rule.createdBy ?? "a removed account"}, {formatDateTime(rule.createdAt)}</li>)}</ol>
    </section>
  );
}

/** A rule in words: a label rule names the label as its files write it; another rule, the value and what it became. */
export function RuleText(props: { rule: ReviewRule }) {
  const { rule } = props;
  if (rule.label !== null) return <>Rule {rule.id} ({rule.batch}): the files’ “{rule.from}” line is the {FIELD_LABELS[rule.field].toLowerCase()}</>;
  return <>Rule {rule.id} ({rule.batch}): {FIELD_LABELS[rule.field]} “{rule.from}” {rule.to === null ? "is removed" : <>is “{rule.to}”</>}</>;
}

/** The labels page of a batch, with what a label rule just did when `report` is given. */
export function batchLabelsPath(batch: string, report?: { works: number; refused: number }): string {
  const params = new URLSearchParams({ batch });
  if (report) {
    params.set("changed", String(report.works));
    params.set("refused", String(report.refused));
  }
  return `${DESK_PATH}/labels?${params.toString()}`;
}

export function WorkReviewPage(props: { page: PageContext; review: WorkReview }) {
  const { page, review } = props;
  const open = review.values.filter((v) => v.decision === null);
  return (
    <Layout page={page} title={`Review - ${review.title}`}>
      <h1>Review <a href={`/works/${review.workId}`}>{review.title}</a></h1>
      <ModerationNav />
      <p>{review.batch === null ? "Posted on the web: no import batch." : <>Import batch: <a href={deskQueuePath(review.batch)}>{review.batch}</a></>}</p>
      <div class="review-desk">
        <section aria-labelledby="review-values-heading">
          <h2 id="review-values-heading">Inferred fields</h2>
          {review.values.length === 0 ? <p>Nothing was inferred: the file stated every field the tagger looks for.</p> : (
            <>
              {open.length > 0 && (
                <form method="post" action={`${DESK_PATH}/works/${review.workId}/accept`}>
                  <CsrfField page={page} />
                  <button type="submit">Accept the {plural(open.length, "undecided value")} as inferred</button>
                </form>
              )}
              <ol class="review-values">{review.values.map((v) => <li><ValueReview page={page} review={review} value={v} /></li>)}</ol>
            </>
          )}
          <Rules rules={review.rules} heading="Rules of this batch" />
        </section>
        <section aria-labelledby="review-source-heading">
          <h2 id="review-source-heading">Source file</h2>
          {review.source === null ? <p>No source file: this work was posted on the web.</p> : <Source source={review.source} />}
        </section>
      </div>
    </Layout>
  );
}

function ValueReview(props: { page: PageContext; review: WorkReview; value: ReviewedValue }) {
  const { page, review, value } = props;
  const id = `value-${value.id}`;
  return (
    <article aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{FIELD_LABELS[value.field]}: {value.value}</h3>
      <dl class="report-facts">
        <dt>Confidence</dt><dd>{percent(value.confidence)}</dd>
        <dt>Evidence</dt><dd>{value.evidence || "none recorded"}</dd>
        <dt>Decision</dt><dd><Decision value={value} /></dd>
      </dl>
      <form method="post" action={`${DESK_PATH}/works/${review.workId}/correct`} class="review-correct">
        <CsrfField page={page} />
        <input type="hidden" name="field" value={value.field} />
        <input type="hidden" name="value" value={value.value} />
        <label for={`${id}-to`}>Correct to</label>
        <input id={`${id}-to`} name="to" type="text" maxlength={200} value={value.correctedTo ?? value.value} />
        {value.field !== "rating" && <label><input type="checkbox" name="remove" value="on" /> Remove the value instead</label>}
        {review.batch !== null && <label><input type="checkbox" name="batch" value="on" /> Apply to the rest of this batch (a rule)</label>}
        <button type="submit">Correct</button>
      </form>
    </article>
  );
}

function Decision(props: { value: ReviewedValue }) {
  const { value } = props;
  if (value.decision === null) return <>Not reviewed</>;
  const who = value.decidedByLogin ?? (value.decidedBy === null ? "on the command line" : "a removed account");
  const when = value.decidedAt === null ? "" : `, ${formatDateTime(value.decidedAt)}`;
  const what = value.decision === "accepted" ? "Accepted" : value.correctedTo === null ? "Removed" : <>Corrected to “{value.correctedTo}”</>;
  return <>{what} — {who}{when}{value.rule && <>, by <a href={`#rule-${value.rule.id}`}>rule {value.rule.id}</a></>}</>;
}

function Source(props: { source: SourceExcerpt }) {
  const { source } = props;
  return (
    <>
      <p><code>{source.path}</code></p>
      {source.kind === "unreadable" ? <p>{source.reason}</p> : (
        <>
          {source.changed && <p><strong>The file has changed since it was imported:</strong> this is its text now.</p>}
          {source.truncated && <p>The file is {formatNumber(source.totalCharacters)} characters long: the first {formatNumber(SOURCE_EXCERPT_MAX)} are shown.</p>}
          <pre class="review-source">{source.text}</pre>
        </>
      )}
    </>
  );
}

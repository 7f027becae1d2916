/**
 * The wrangling page: the unwrangled tags a wrangler may wrangle, the most used first, each with a checkbox, its
 * suggested canonical tags (each a button that makes it their synonym) and one form for what to do with those
 * chosen. One form holds it all, so every button works without JavaScript.
 */
import { TAG_TYPES, type TagType } from "../../domain/tags/tag-type.js";
import { FIXED_TAG_TYPES } from "../../domain/tags/wrangling-rules.js";
import type { WranglingQueue } from "../../services/tags/wrangling-desk.js";
import type { PageContext } from "../page-context.js";
import { tagUrl } from "../tag-url.js";
import { ProblemSummary, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber, plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";

export const WRANGLED_TYPES = TAG_TYPES.filter((t) => !FIXED_TAG_TYPES.includes(t));

/** The queue's address with its filters, for the pages, the form's return and its links. */
export function queueParams(queue: { type: TagType | null; fandom: { name: string } | null }): URLSearchParams {
  const params = new URLSearchParams();
  if (queue.type) params.set("type", queue.type);
  if (queue.fandom) params.set("fandom", queue.fandom.name);
  return params;
}

export interface WranglingPageProps {
  page: PageContext;
  queue: WranglingQueue;
  notice: string | null;
  problems: FieldProblems | null;
  /** What the bulk form held when it was refused, to show again. */
  form: { tags: readonly number[]; action: string; into: string; parent: string };
}

export function WranglingPage(props: WranglingPageProps) {
  const { page, queue, form } = props;
  const chosen = new Set(form.tags);
  const params = queueParams(queue);
  return (
    <Layout page={page} title="Wrangling">
      <h1>Wrangling</h1>
      <p>
        {queue.scope.everything ? "Moderators and admins wrangle every tag." : <>You wrangle the tags of {queue.scope.fandoms.map((f, i) => <>{i > 0 && ", "}<a href={`/wrangling?fandom=${encodeURIComponent(f.name)}`}>{f.name}</a></>)}.</>}
        {" "}Tags neither canonical nor synonyms, the most used first. A change here refreshes every search at once; each is in the wrangling history (<code>quire tags history</code>).
      </p>
      <form method="get" action="/wrangling" class="wrangling-filters">
        <label for="wrangling-type">Type</label>{" "}
        <select id="wrangling-type" name="type">
          <option value="" selected={queue.type === null}>All types</option>
          {WRANGLED_TYPES.map((t) => <option value={t} selected={queue.type === t}>{t}</option>)}
        </select>{" "}
        <label for="wrangling-fandom">Fandom</label>{" "}
        <input type="text" id="wrangling-fandom" name="fandom" value={queue.fandom?.name ?? ""} />{" "}
        <button type="submit">Show</button>
      </form>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <ProblemSummary problems={props.problems} intro="That could not be done:" />
      <p>{plural(queue.total, "unwrangled tag")}{queue.fandom ? ` in ${queue.fandom.name}` : ""}.</p>
      {queue.tags.length > 0 && (
        <form method="post" action="/wrangling" class="wrangling-form">
          <CsrfField page={page} />
          {queue.type && <input type="hidden" name="type" value={queue.type} />}
          {queue.fandom && <input type="hidden" name="fandom" value={queue.fandom.name} />}
          <input type="hidden" name="page" value={String(queue.page)} />
          <table class="wrangling-queue">
            <thead><tr><th scope="col">Choose</th><th scope="col">Tag</th><th scope="col">Type</th><th scope="col">Works</th><th scope="col">Suggested canonical tags</th></tr></thead>
            <tbody>
              {queue.tags.map((tag) => (
                <tr>
                  <td><input type="checkbox" name="tag" value={String(tag.id)} id={`tag-${tag.id}`} checked={chosen.has(tag.id)} /></td>
                  <th scope="row"><label for={`tag-${tag.id}`}>{tag.name}</label> <a href={tagUrl(tag.name)} class="wrangling-tag-link">(page)</a></th>
                  <td>{tag.type}</td>
                  <td>{formatNumber(tag.works)}</td>
                  <td>
                    {tag.suggestions.length === 0 ? "none" : (
                      <ul class="wrangling-suggestions">
                        {tag.suggestions.map((s) => (
                          <li><button type="submit" name="accept" value={`${tag.id}:${s.id}`}>Synonym of {s.name}</button> <span class="similarity">{Math.round(s.similarity * 100)}% alike</span></li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset class="wrangling-bulk">
            <legend>With the chosen tags</legend>
            <div><input type="radio" name="action" value="canonical" id="action-canonical" checked={form.action === "canonical"} /> <label for="action-canonical">Make each canonical</label></div>
            <div>
              <input type="radio" name="action" value="merge" id="action-merge" checked={form.action === "merge"} /> <label for="action-merge">Make each a synonym of the canonical tag</label>{" "}
              <label class="visually-hidden" for="bulk-into">Canonical tag</label><input type="text" id="bulk-into" name="into" value={form.into} />
            </div>
            <div>
              <input type="radio" name="action" value="parent" id="action-parent" checked={form.action === "parent"} /> <label for="action-parent">File each under the fandom</label>{" "}
              <label class="visually-hidden" for="bulk-parent">Fandom</label><input type="text" id="bulk-parent" name="parent" value={form.parent} />
            </div>
            <button type="submit">Wrangle the chosen tags</button>
          </fieldset>
        </form>
      )}
      <Pagination path="/wrangling" params={params} page={queue.page} pages={queue.pages} />
    </Layout>
  );
}

/** The Archive's advanced work search: every field of the search service, sent as a listing's query string. */
import { CATEGORIES } from "../../domain/categories.js";
import { RATINGS } from "../../domain/rating.js";
import { ARCHIVE_WARNINGS } from "../../domain/warnings.js";
import { SORT_FIELDS } from "../../search/work-search.js";
import type { PageContext } from "../page-context.js";
import { HiddenParams } from "./hidden-params.js";
import { Layout } from "./layout.js";

function TextField(props: { name: string; label: string; params: URLSearchParams; hint?: string; tagType?: string }) {
  const id = `search-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="text" id={id} name={props.name} value={props.params.getAll(props.name).join(", ")}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        data-autocomplete={props.tagType ? "/autocomplete/tags" : undefined} data-tag-type={props.tagType === "any" ? undefined : props.tagType}
      />
      {props.hint && <span class="hint" id={`${id}-hint`}>{props.hint}</span>}
    </div>
  );
}

function Checkboxes(props: { name: string; legend: string; values: readonly string[]; params: URLSearchParams }) {
  const checked = new Set(props.params.getAll(props.name));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.values.map((v, i) => (
        <div>
          <input type="checkbox" id={`search-${props.name}-${i}`} name={props.name} value={v} checked={checked.has(v)} />{" "}
          <label for={`search-${props.name}-${i}`}>{v}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The parameters the form's own fields send. */
const FORM_PARAMS: ReadonlySet<string> = new Set([
  "q", "author", "published", "updated", "status", "crossover", "single-chapter", "words", "language", "fandom", "rating", "warning",
  "category", "character", "relationship", "tag", "exclude", "hits", "kudos", "comments", "bookmarks", "sort",
]);

export function SearchForm(props: { params: URLSearchParams; collapsed?: boolean }) {
  const { params } = props;
  const form = (
    <form method="get" action="/works/search" class="search-form" aria-label="Work search">
      <HiddenParams params={params} shown={FORM_PARAMS} />
      <TextField name="q" label="Any field" params={params} hint='Words in titles, creators, tags, summaries, notes and the story. "A phrase", OR, -word, title:…, author:…, words>1000, sort:kudos.' />
      <TextField name="author" label="Creator" params={params} />
      <TextField name="published" label="Date posted" params={params} hint="2020, 2019-01-01 - 2020-06-30, < 2 weeks, 13-21 months" />
      <TextField name="updated" label="Date updated" params={params} />
      <div class="field">
        <label for="search-status">Completion status</label>
        <select id="search-status" name="status">
          <option value="">All works</option>
          <option value="complete" selected={params.get("status") === "complete"}>Complete works only</option>
          <option value="in-progress" selected={params.get("status") === "in-progress"}>Works in progress only</option>
        </select>
      </div>
      <div class="field">
        <label for="search-crossover">Crossovers</label>
        <select id="search-crossover" name="crossover">
          <option value="">Include crossovers</option>
          <option value="exclude" selected={params.get("crossover") === "exclude"}>Exclude crossovers</option>
          <option value="only" selected={params.get("crossover") === "only"}>Only crossovers</option>
        </select>
      </div>
      <div class="field check">
        <input type="checkbox" id="search-single" name="single-chapter" value="true" checked={params.get("single-chapter") === "true"} />{" "}
        <label for="search-single">Single chapter works only</label>
      </div>
      <TextField name="words" label="Word count" params={params} hint="10, <100, >100, 100-1000" />
      <TextField name="language" label="Language code" params={params} hint="en, fr, de…" />
      <TextField name="fandom" label="Fandom" params={params} tagType="Fandom" />
      <div class="field">
        <label for="search-rating">Rating</label>
        <select id="search-rating" name="rating">
          <option value="">Any rating</option>
          {RATINGS.map((r) => <option value={r} selected={params.get("rating") === r}>{r}</option>)}
        </select>
      </div>
      <Checkboxes name="warning" legend="Warnings" values={ARCHIVE_WARNINGS} params={params} />
      <Checkboxes name="category" legend="Categories" values={CATEGORIES} params={params} />
      <TextField name="character" label="Character" params={params} tagType="Character" />
      <TextField name="relationship" label="Relationship" params={params} tagType="Relationship" />
      <TextField name="tag" label="Additional tags" params={params} tagType="any" hint="Separate tags with commas." />
      <TextField name="exclude" label="Tags to exclude" params={params} tagType="any" hint="Separate tags with commas." />
      <TextField name="hits" label="Hits" params={params} />
      <TextField name="kudos" label="Kudos" params={params} />
      <TextField name="comments" label="Comments" params={params} />
      <TextField name="bookmarks" label="Bookmarks" params={params} />
      <div class="field">
        <label for="search-sort">Sort by</label>
        <select id="search-sort" name="sort">
          <option value="">Best match</option>
          {SORT_FIELDS.filter((f) => f !== "relevance").map((f) => <option value={f} selected={params.get("sort") === f}>{f}</option>)}
        </select>
      </div>
      <button type="submit" class="primary">Search</button>
    </form>
  );
  if (!props.collapsed) return form;
  return (
    <details class="search-again">
      <summary>Edit your search</summary>
      {form}
    </details>
  );
}

export function SearchPage(props: { page: PageContext }) {
  return (
    <Layout page={props.page} title="Search works">
      <h1>Search works</h1>
      <SearchForm params={new URLSearchParams()} />
    </Layout>
  );
}

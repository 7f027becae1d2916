/**
 * The Archive's "Sort and Filter" sidebar: every filter and sort of the search service, include and exclude per
 * tag type with the counts of the current results, and free-text fields for other tags (suggestions as you type
 * when JavaScript is on). A plain GET form: it works without JavaScript and its URL can be bookmarked.
 */
import type { FacetCount, SearchFacets } from "../../search/search-index.js";
import { SORT_FIELDS, type SortField } from "../../search/work-search.js";
import { formatNumber, languageName } from "./format.js";
import { HiddenParams } from "./hidden-params.js";

const SORT_LABELS: Record<SortField, string> = {
  relevance: "Best match", author: "Creator", title: "Title", published: "Date posted", updated: "Date updated",
  words: "Word count", hits: "Hits", kudos: "Kudos", comments: "Comments", bookmarks: "Bookmarks",
};

/** The tag facets in the sidebar's order, with their parameter names. */
const TAG_FACETS = [
  ["rating", "rating", "Ratings"], ["warnings", "warning", "Warnings"], ["categories", "category", "Categories"],
  ["fandoms", "fandom", "Fandoms"], ["characters", "character", "Characters"], ["relationships", "relationship", "Relationships"],
  ["freeforms", "freeform", "Additional tags"],
] as const satisfies readonly (readonly [keyof SearchFacets, string, string])[];

/** The parameters the sidebar's own fields send. */
const SIDEBAR_PARAMS: ReadonlySet<string> = new Set([
  "sort", "direction", "tag", "exclude", "crossover", "status", "single-chapter", "words", "updated", "language", "q",
  ...TAG_FACETS.flatMap(([, param]) => [param, `exclude-${param}`]),
]);

/** Values shown per facet before the rest; checked values are always shown. */
const FACET_VALUES_SHOWN = 10;

export function FilterSidebar(props: { action: string; params: URLSearchParams; facets: SearchFacets }) {
  const { action, params, facets } = props;
  const value = (name: string) => params.get(name) ?? "";
  return (
    <form class="filters" method="get" action={action} aria-labelledby="filters-heading">
      <h2 id="filters-heading">Sort and filter</h2>
      <HiddenParams params={params} shown={SIDEBAR_PARAMS} />
      <div class="field">
        <label for="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort">
          <option value="">Default</option>
          {SORT_FIELDS.map((f) => <option value={f} selected={value("sort") === f}>{SORT_LABELS[f]}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="filter-direction">Order</label>
        <select id="filter-direction" name="direction">
          <option value="">Default</option>
          <option value="desc" selected={value("direction") === "desc"}>Descending</option>
          <option value="asc" selected={value("direction") === "asc"}>Ascending</option>
        </select>
      </div>

      <TagFilters mode="include" params={params} facets={facets} />
      <TagFilters mode="exclude" params={params} facets={facets} />

      <fieldset>
        <legend>More options</legend>
        <div class="field">
          <label for="filter-crossover">Crossovers</label>
          <select id="filter-crossover" name="crossover">
            <option value="">Include crossovers</option>
            <option value="exclude" selected={value("crossover") === "exclude"}>Exclude crossovers</option>
            <option value="only" selected={value("crossover") === "only"}>Only crossovers</option>
          </select>
        </div>
        <div class="field">
          <label for="filter-status">Completion status</label>
          <select id="filter-status" name="status">
            <option value="">All works</option>
            <option value="complete" selected={value("status") === "complete"}>Complete works only</option>
            <option value="in-progress" selected={value("status") === "in-progress"}>Works in progress only</option>
          </select>
        </div>
        <div class="field check">
          <input type="checkbox" id="filter-single" name="single-chapter" value="true" checked={value("single-chapter") === "true"} />{" "}
          <label for="filter-single">Single chapter works only</label>
        </div>
        <div class="field">
          <label for="filter-words">Word count</label>
          <input type="text" id="filter-words" name="words" value={value("words")} inputmode="text" aria-describedby="filter-words-hint" />
          <span class="hint" id="filter-words-hint">For example 1000-5000, &lt;500 or &gt;10000.</span>
        </div>
        <div class="field">
          <label for="filter-updated">Date updated</label>
          <input type="text" id="filter-updated" name="updated" value={value("updated")} aria-describedby="filter-updated-hint" />
          <span class="hint" id="filter-updated-hint">For example 2020, &lt; 2 weeks, 13-21 months.</span>
        </div>
        <div class="field">
          <label for="filter-language">Language</label>
          <select id="filter-language" name="language">
            <option value="">Any language</option>
            {facets.language.map((l) => <option value={l.name} selected={value("language") === l.name}>{`${languageName(l.name)} (${formatNumber(l.count)})`}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-q">Search within results</label>
          <input type="search" id="filter-q" name="q" value={value("q")} />
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">Sort and filter</button>
        <a href={action}>Clear filters</a>
      </div>
    </form>
  );
}

/** Include or exclude: a checkbox list per tag type, and a field for other tags. */
function TagFilters(props: { mode: "include" | "exclude"; params: URLSearchParams; facets: SearchFacets }) {
  const { mode, params, facets } = props;
  const name = (param: string) => (mode === "include" ? param : `exclude-${param}`);
  const other = mode === "include" ? "tag" : "exclude";
  return (
    <fieldset>
      <legend>{mode === "include" ? "Include" : "Exclude"}</legend>
      {TAG_FACETS.map(([facet, param, label]) => (
        <FacetChoices name={name(param)} label={label} counts={facets[facet]} checked={params.getAll(name(param))} idPrefix={`${mode}-${param}`} />
      ))}
      <div class="field">
        <label for={`${mode}-other`}>Other tags to {mode}</label>
        <input type="text" id={`${mode}-other`} name={other} value={params.getAll(other).join(", ")} data-autocomplete="/autocomplete/tags" aria-describedby={`${mode}-other-hint`} />
        <span class="hint" id={`${mode}-other-hint`}>Separate tags with commas.</span>
      </div>
    </fieldset>
  );
}

function FacetChoices(props: { name: string; label: string; counts: readonly FacetCount[]; checked: readonly string[]; idPrefix: string }) {
  const { name, label, counts, checked, idPrefix } = props;
  const checkedKeys = new Set(checked.map((c) => c.toLowerCase()));
  const shown = counts.slice(0, FACET_VALUES_SHOWN);
  // A checked value outside the top ten (or excluded, so absent from the results) stays on show, with its count.
  for (const name of checked) {
    if (!shown.some((c) => c.name.toLowerCase() === name.toLowerCase())) shown.push(counts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? { name, count: 0 });
  }
  if (shown.length === 0) return null;
  return (
    <details open={checked.length > 0}>
      <summary>{label}</summary>
      <ul>
        {shown.map((c, i) => (
          <li>
            <input type="checkbox" id={`${idPrefix}-${i}`} name={name} value={c.name} checked={checkedKeys.has(c.name.toLowerCase())} />{" "}
            <label for={`${idPrefix}-${i}`}>{c.name} <span class="count">({formatNumber(c.count)})</span></label>
          </li>
        ))}
      </ul>
    </details>
  );
}

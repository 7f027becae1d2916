/**
 * A listing's query string as a WorkSearch: the shared search parameters (search/search-request.ts), with the
 * web's own habit that a tag field holds several tags separated by commas, and the reader's muted tags
 * excluded so their works leave the results and every count.
 */
import type { Context } from "hono";
import { ValidationError } from "../domain/errors.js";
import { readSearchRequest, TYPED_TAG_PARAMS } from "../search/search-request.js";
import { emptyWorkSearch, type WorkSearch } from "../search/work-search.js";
import type { WebEnv } from "./env.js";
import { mutedTagRefs } from "./reader-prefs.js";

/** Tag parameters, whose fields may hold several tags separated by commas (tag names never hold one). */
const COMMA_LISTS = new Set(["tag", "exclude", ...TYPED_TAG_PARAMS.flatMap(([param]) => [param, `exclude-${param}`])]);

export interface ListingRequest {
  search: WorkSearch;
  /** The parameters that could not be read, or null. */
  problems: Readonly<Record<string, string>> | null;
  /** The query string with comma lists split, as the page's links and form repeat it. */
  params: URLSearchParams;
}

/** The parameters that could not be read, one a line, for answers that are not pages (feeds). */
export function problemsText(problems: Readonly<Record<string, string>>): string {
  return Object.entries(problems).map(([name, problem]) => `${name}: ${problem}`).join("\n");
}

export function readListingRequest(c: Context<WebEnv>, now: Date): ListingRequest {
  const params = new URLSearchParams();
  for (const [name, value] of new URL(c.req.url).searchParams) {
    const values = COMMA_LISTS.has(name) ? value.split(/[,，、]/u).map((v) => v.trim()).filter((v) => v) : [value];
    for (const v of values) params.append(name, v);
  }
  const { prefs, audience } = c.get("page");
  const muted = mutedTagRefs(prefs);
  try {
    const search = readSearchRequest((name) => params.getAll(name), now);
    return { search: { ...search, excludeTags: [...search.excludeTags, ...muted], audience }, problems: null, params };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { search: { ...emptyWorkSearch(), excludeTags: muted, audience }, problems: error.fields, params };
  }
}

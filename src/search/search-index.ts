/**
 * The search port: a WorkSearch in, one page of work blurbs with the total and the facets of the whole result
 * set out. One adapter per engine family lives in db/; services and edges see only this.
 */
import type { Rating } from "../domain/rating.js";
import type { WorkStatus } from "../domain/work.js";
import type { WorkSearch } from "./work-search.js";

/** What a listing shows of a work (the Archive's blurb). */
export interface WorkBlurb {
  id: number;
  title: string;
  authors: string[];
  rating: Rating;
  warnings: string[];
  categories: string[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  summary: string | null;
  language: string;
  wordCount: number;
  chapters: number;
  /** The chapters a work in progress is expected to have; null: not said. */
  expectedChapters: number | null;
  status: WorkStatus;
  /** `YYYY-MM-DD` */
  published: string | null;
  /** `YYYY-MM-DD`: the last update, else the date posted. */
  updated: string | null;
  series: { id: number; name: string; part: number }[];
}

export interface FacetCount {
  /** A canonical tag's name, a language code or a status. */
  name: string;
  count: number;
}

/** Counts over the whole result set, for every value (not a top ten), most frequent first. */
export interface SearchFacets {
  rating: FacetCount[];
  warnings: FacetCount[];
  categories: FacetCount[];
  fandoms: FacetCount[];
  relationships: FacetCount[];
  characters: FacetCount[];
  freeforms: FacetCount[];
  language: FacetCount[];
  status: FacetCount[];
}

export interface SearchResult {
  total: number;
  works: WorkBlurb[];
  facets: SearchFacets;
}

export interface SearchIndex {
  search(query: WorkSearch): Promise<SearchResult>;
}

export const FACET_KEYS = ["rating", "warnings", "categories", "fandoms", "relationships", "characters", "freeforms", "language", "status"] as const satisfies readonly (keyof SearchFacets)[];

export function emptyFacets(): SearchFacets {
  return { rating: [], warnings: [], categories: [], fandoms: [], relationships: [], characters: [], freeforms: [], language: [], status: [] };
}

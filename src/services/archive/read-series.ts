/** A series page: its works in order, with their blurbs and the words of them all. */
import type { Kysely } from "kysely";
import type { Audience } from "../../domain/account.js";
import { findSeries } from "../../db/repositories/archive-pages.js";
import type { Database } from "../../db/schema.js";
import { loadWorkBlurbs } from "../../db/search-index.js";
import { NotFoundError } from "../../domain/errors.js";
import type { WorkBlurb } from "../../search/search-index.js";

export interface SeriesReading {
  id: number;
  name: string;
  summary: string | null;
  notes: string | null;
  /** The user who made it on the web, who may edit it; null for a series named in imported files. */
  userId: number | null;
  works: WorkBlurb[];
  wordCount: number;
  authors: string[];
  fandoms: string[];
}

/** What a series' page says of its works as a whole: their words, authors and fandoms. */
export function seriesFigures(works: readonly WorkBlurb[]): Pick<SeriesReading, "wordCount" | "authors" | "fandoms"> {
  return {
    wordCount: works.reduce((sum, w) => sum + w.wordCount, 0),
    authors: [...new Set(works.flatMap((w) => w.authors))],
    fandoms: [...new Set(works.flatMap((w) => w.fandoms))],
  };
}

/** Only the works the audience may see. @throws NotFoundError when there is no such series, or it has no such work. */
export async function readSeries(db: Kysely<Database>, seriesId: number, audience: Audience): Promise<SeriesReading> {
  const series = await findSeries(db, seriesId, audience);
  if (!series) throw new NotFoundError(`Series ${seriesId}`);
  const works = await loadWorkBlurbs(db, series.workIds, audience);
  return {
    id: series.id,
    name: series.name,
    summary: series.summary,
    notes: series.notes,
    userId: series.userId,
    works,
    ...seriesFigures(works),
  };
}

/**
 * Who reads the catalog or a feed, and so what it may show them: the audience (drafts and hidden works never;
 * restricted works only for members; not the works of users they muted), the tags they muted, and whether adult
 * works are shown. Pages show adult works' blurbs and keep their text behind the interstitial; an OPDS catalog
 * hands out the text itself, so there adult works are listed only for readers whose preference says to show
 * adult content without asking.
 */
import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { listMutedTags } from "../../db/repositories/muted-tags.js";
import { resolveFilterTags } from "../../db/repositories/tags.js";
import type { Database } from "../../db/schema.js";
import type { Audience } from "../../domain/account.js";
import { isAdultRating, RATINGS } from "../../domain/rating.js";
import type { TagRef } from "../../search/work-search.js";

export interface CatalogReader {
  audience: Audience;
  /** Tags the reader muted: their works are left out, and out of every count. */
  mutedTags: readonly TagRef[];
  /** Mature, Explicit and unrated works are listed. */
  adultWorks: boolean;
}

/** The ratings the pages' interstitial guards (domain/rating.ts isAdultRating), as tags to exclude. */
const ADULT_RATINGS: readonly TagRef[] = RATINGS.filter(isAdultRating).map((name) => ({ name, type: "Rating" }));

/** The tags whose works the reader is not shown, besides the library's own mutes (which search adds itself). */
export function hiddenTags(reader: CatalogReader): TagRef[] {
  return [...reader.mutedTags, ...(reader.adultWorks ? [] : ADULT_RATINGS)];
}

/** The filter tags whose works the reader is not shown, the library's mutes included: for reads that do not go through search. */
export async function hiddenFilterIds(db: Kysely<Database>, reader: CatalogReader): Promise<number[]> {
  return (await resolveFilterTags(db, [...(await listMutedTags(db)), ...hiddenTags(reader)])).flat();
}

/**
 * The key feed and entry ids are made from (formats/feeds/urn.ts): fixed for the archive, derived one way from
 * its site secret so the secret itself never appears.
 */
export function feedIdKey(siteSecret: string): string {
  return createHmac("sha256", siteSecret).update("feed ids").digest("hex");
}

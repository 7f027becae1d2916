/**
 * The works an audience may see, as SQL on works `w`: never drafts or works hidden by a moderator, restricted
 * works only for members, and no work by a user the reader muted. Every read that lists or counts works (search,
 * facets, the stats page's histograms, series pages) goes through here, so a work hidden from someone is hidden
 * from them on every surface and in every count.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Audience, WorkVisibility } from "../domain/account.js";
import type { Database } from "./schema.js";

function unseenVisibilities(audience: Audience): WorkVisibility[] {
  return audience.members ? ["draft"] : ["draft", "restricted"];
}

function mutedCondition(audience: Audience): RawBuilder<SqlBool> | null {
  if (audience.mutedUsers.length === 0) return null;
  return sql<SqlBool>`not exists (select 1 from work_authors wa join authors a on a.id = wa.author_id where wa.work_id = w.id and a.user_id in (${sql.join([...audience.mutedUsers])}))`;
}

/** The condition in full, for reads that have no cheaper path. */
export function audienceCondition(audience: Audience): RawBuilder<SqlBool> {
  const muted = mutedCondition(audience);
  const visible = sql<SqlBool>`w.visibility not in (${sql.join(unseenVisibilities(audience))}) and w.hidden_by_moderator = 0`;
  return muted ? sql<SqlBool>`${visible} and ${muted}` : visible;
}

/**
 * The works the audience may see that carry none of the excluded filter tags (the library's and the reader's muted
 * tags, adult ratings a catalog leaves out): the condition for the reads beside search that must count as it does.
 */
export function shownWorkCondition(audience: Audience, excludedFilterIds: readonly number[]): RawBuilder<SqlBool> {
  const visible = audienceCondition(audience);
  if (excludedFilterIds.length === 0) return visible;
  return sql<SqlBool>`${visible} and not exists (select 1 from work_filters f where f.work_id = w.id and f.tag_id in (${sql.join([...excludedFilterIds])}))`;
}

/**
 * The conditions this library needs for the audience: none at all when it holds no work the audience may not
 * see (two index lookups tell), so that a search of the whole library can still count the filter index whole.
 */
export async function audienceConditions(db: Kysely<Database>, audience: Audience): Promise<RawBuilder<SqlBool>[]> {
  const unseen = unseenVisibilities(audience);
  const { rows } = await sql<{ found: number }>`select 1 as found where exists (select 1 from works where visibility in (${sql.join(unseen)}))
    or exists (select 1 from works where hidden_by_moderator = 1)`.execute(db);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (rows.length > 0) conditions.push(sql<SqlBool>`w.visibility not in (${sql.join(unseen)}) and w.hidden_by_moderator = 0`);
  const muted = mutedCondition(audience);
  if (muted) conditions.push(muted);
  return conditions;
}

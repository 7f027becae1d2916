/**
 * The works an audience may see, as SQL on works `w`: never drafts or works hidden by a moderator, restricted
 * works only for members, no work by a user the reader muted, and no work in an unrevealed collection but the
 * viewer's own and those of collections they maintain. Every read that lists or counts works (search,
 * facets, the stats page's histograms, series pages) goes through here, so a work hidden from someone is hidden
 * from them on every surface and in every count.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Audience, WorkVisibility } from "../domain/account.js";
import { CONCEALING_STATUSES } from "../domain/collections/rules.js";
import type { Database } from "./schema.js";

function unseenVisibilities(audience: Audience): WorkVisibility[] {
  return audience.members ? ["draft"] : ["draft", "restricted"];
}

function mutedCondition(audience: Audience): RawBuilder<SqlBool> | null {
  if (audience.mutedUsers.length === 0) return null;
  return sql<SqlBool>`not exists (select 1 from work_authors wa join authors a on a.id = wa.author_id where wa.work_id = w.id and a.user_id in (${sql.join([...audience.mutedUsers])}))`;
}

/**
 * True for a work `w` placed (approved, or asked for) in a collection with the mode's flag set whose mode holds for
 * the audience: every collection for a guest or an audience without a viewer; for a viewer, none of theirs to
 * see through (a collection they maintain), and never a work they are a creator of.
 */
function collectionModeCondition(mode: "unrevealed" | "anonymous", audience: Audience): RawBuilder<SqlBool> {
  const viewer = audience.viewerId;
  const placed = sql<SqlBool>`exists (select 1 from collection_works cw join collections c on c.id = cw.collection_id
    where cw.work_id = w.id and c.${sql.raw(mode)} = 1 and cw.status in (${sql.join([...CONCEALING_STATUSES])})
    ${viewer === undefined ? sql`` : sql`and not exists (select 1 from collection_maintainers m where m.collection_id = c.id and m.user_id = ${viewer})`})`;
  if (viewer === undefined) return placed;
  return sql<SqlBool>`(${placed} and not exists (select 1 from work_authors wa join authors a on a.id = wa.author_id where wa.work_id = w.id and a.user_id = ${viewer}))`;
}

/** True for a work `w` in an unrevealed collection, as far as the audience goes (domain/collections/rules.ts concealment). */
export function unrevealedCondition(audience: Audience): RawBuilder<SqlBool> {
  return collectionModeCondition("unrevealed", audience);
}

function revealedCondition(audience: Audience): RawBuilder<SqlBool> {
  return sql<SqlBool>`not ${unrevealedCondition(audience)}`;
}

/**
 * True for a work `w` whose creators the audience may not know (it is in an anonymous collection): such a work
 * is listed under no author, in no author's listing or count, and its byline reads "Anonymous".
 */
export function anonymousCondition(audience: Audience): RawBuilder<SqlBool> {
  return collectionModeCondition("anonymous", audience);
}

/** Of the works given, those whose creators the audience may not know (see anonymousCondition). */
export async function listAnonymousWorkIds(db: Kysely<Database>, workIds: readonly number[], audience: Audience): Promise<Set<number>> {
  if (workIds.length === 0) return new Set();
  const { rows } = await sql<{ id: number }>`select w.id from works w where w.id in (${sql.join([...workIds])}) and ${anonymousCondition(audience)}`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

/** The condition in full, for reads that have no cheaper path. */
export function audienceCondition(audience: Audience): RawBuilder<SqlBool> {
  const muted = mutedCondition(audience);
  const visible = sql<SqlBool>`w.visibility not in (${sql.join(unseenVisibilities(audience))}) and w.hidden_by_moderator = 0 and ${revealedCondition(audience)}`;
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
  const { rows } = await sql<{ found: string }>`select 'unseen' as found where exists (select 1 from works where visibility in (${sql.join(unseen)}))
    or exists (select 1 from works where hidden_by_moderator = 1)
    union all select 'unrevealed' where exists (select 1 from collections where unrevealed = 1)`.execute(db);
  const found = new Set(rows.map((r) => r.found));
  const conditions: RawBuilder<SqlBool>[] = [];
  if (found.has("unseen")) conditions.push(sql<SqlBool>`w.visibility not in (${sql.join(unseen)}) and w.hidden_by_moderator = 0`);
  if (found.has("unrevealed")) conditions.push(revealedCondition(audience));
  const muted = mutedCondition(audience);
  if (muted) conditions.push(muted);
  return conditions;
}

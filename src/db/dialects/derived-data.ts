/**
 * The library's derived data, checked against what it is derived from: counts the works table keeps so that
 * listings can sort and filter by them without counting rows on every page, and the filter rows search uses.
 * Every write keeps them in the same transaction as its rows, so a crash can only lose both or neither; these
 * checks are how the crash tests (proving-ground/crash.ts) see that it did. The SQL is the same on both engines,
 * so each engine's checkIntegrity adds these to its own.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../schema.js";

/** Each check counts the works (or rows) that break one rule; its message says what a count above zero means. */
const CHECKS: readonly { problem: string; count: RawBuilder<{ n: number | string }> }[] = [
  { problem: "works whose kudos count differs from their kudos", count: sql`select count(*) as n from works w where w.kudos <> (select count(*) from kudos k where k.work_id = w.id)` },
  {
    problem: "works whose comments count differs from their published comments",
    count: sql`select count(*) as n from works w where w.comments <> (select count(*) from comments c where c.work_id = w.id and c.status = 'published')`,
  },
  {
    problem: "works whose bookmarks count differs from their public bookmarks",
    count: sql`select count(*) as n from works w where w.bookmarks <> (select count(*) from bookmarks b where b.work_id = w.id and b.private = 0)`,
  },
  { problem: "works whose hits count differs from their recorded visits", count: sql`select count(*) as n from works w where w.hits <> (select count(*) from work_hits h where h.work_id = w.id)` },
  // With the count right and every position within it, the unique (work_id, position) index makes them 1…n.
  {
    problem: "works whose chapter count differs from their chapters, or whose chapters are not numbered from 1 without gaps",
    count: sql`select count(*) as n from works w where w.chapter_count <> (select count(*) from chapters c where c.work_id = w.id)
      or exists (select 1 from chapters c where c.work_id = w.id and (c.position < 1 or c.position > w.chapter_count))`,
  },
  {
    problem: "works whose word count differs from their chapters' words",
    count: sql`select count(*) as n from works w where w.word_count <> coalesce((select sum(c.word_count) from chapters c where c.work_id = w.id), 0)`,
  },
  {
    problem: "tags of works missing from the filters search uses",
    count: sql`select count(*) as n from work_tags wt join tags t on t.id = wt.tag_id
      where not exists (select 1 from work_filters f where f.work_id = wt.work_id and f.tag_id = coalesce(t.merger_id, t.id))`,
  },
];

/** One line per broken rule, with how many works or rows break it; an empty list when the derived data agree. */
export async function checkDerivedData(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  for (const { problem, count } of CHECKS) {
    const n = Number((await count.execute(db)).rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${n} ${problem}`);
  }
  return problems;
}

/**
 * `npm run bench:search [-- --sizes 10000,100000,1000000 --engines sqlite,postgres]`: search latency p50/p95/p99
 * over a fixed mix of 20 archive-style queries (words + two included tags + one excluded + a rating, sorted by
 * kudos, with every facet), beside the raw engine's time for the same filters (the search statement written by
 * hand and run on the bare driver: no query building, tag resolution, mutes or blurbs), and the process's peak
 * memory.
 *
 * Libraries of 1,000,000 works keep the first 1,000 words of each story (word counts, tags and stats stay whole):
 * the full text of a million generated works is about 55 GB, more than this machine's disk holds twice over.
 */
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { openQuire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { searchWorks } from "../src/services/search-works.js";
import { flag, machineLine, percentile } from "./machine.js";
import { POSTGRES_ADMIN } from "./scratch-postgres.js";
import { QUERIES, queryMix, type BenchQuery } from "./search-queries.js";
import { postgresLibrary, sqliteLibrary, type LibrarySpec } from "./synthetic-library.js";

const TIMED_PASSES = 5;
const SEED = 42;
const CUT_WORDS_FROM = 1_000_000;

/** The same filters as hand-written SQL on the bare driver: totals by language and status, the page, the facets. */
interface RawEngine {
  run(query: BenchQuery): Promise<void>;
  close(): Promise<void>;
}

/** The search statement of db/search-index.ts, written out by hand for one query shape. */
function rawStatement(textCondition: string, q: BenchQuery): string {
  const parts = [textCondition];
  for (const ids of q.include) parts.push(`w.id in (select work_id from work_filters where tag_id in (${ids.join(",")}))`);
  if (q.exclude.length > 0) parts.push(`not exists (select 1 from work_filters x where x.work_id = w.id and x.tag_id in (${q.exclude.join(",")}))`);
  return `with hits as materialized (select w.id, w.language, w.status, w.kudos as sort_key from works w where ${parts.join(" and ")})
    select 'group' as kind, language as a, status as b, null as id, count(*) as n from hits group by language, status
    union all
    select 'facet', t.type, t.name, t.id, c.n from (select f.tag_id, count(*) as n from work_filters f where f.work_id in (select id from hits) group by f.tag_id) c join tags t on t.id = c.tag_id
    union all
    select 'page', null, null, id, place from (select id, row_number() over (order by sort_key desc nulls last, id desc) as place from hits) ranked where place <= 20`;
}

function rawSqlite(path: string): RawEngine {
  const db = new BetterSqlite3(path, { readonly: true });
  db.pragma("cache_size = -65536");
  return {
    run: async (q) => {
      db.prepare(rawStatement("w.id in (select rowid from work_fts where work_fts match ?)", q)).all(`"${q.word}"`);
    },
    close: async () => {
      db.close();
    },
  };
}

async function rawPostgres(url: string): Promise<RawEngine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    run: async (q) => {
      await client.query(rawStatement("exists (select 1 from work_text t where t.work_id = w.id and t.document @@ to_tsquery('simple', $1))", q), [`'${q.word}'`]);
    },
    close: () => client.end(),
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1).padStart(8)).join("");
}

async function measure(label: string, target: DatabaseTarget, works: number): Promise<void> {
  const quire = await openQuire(target);
  try {
    const mix = await queryMix(quire, works, SEED);
    const raw = target.engine === "sqlite" ? rawSqlite(target.path) : await rawPostgres(target.url);
    const deps = { db: quire.library.db, searchIndex: quire.searchIndex };
    const ours: number[] = [];
    const bare: number[] = [];
    let peakRss = 0;
    let totals = 0;
    try {
      for (const q of mix) {
        totals += (await searchWorks(deps, q.search)).total;
        await raw.run(q);
      }
      for (let pass = 0; pass < TIMED_PASSES; pass += 1) {
        for (const q of mix) {
          ours.push(await time(() => searchWorks(deps, q.search)));
          bare.push(await time(() => raw.run(q)));
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }
      }
    } finally {
      await raw.close();
    }
    const ratio = percentile([...ours].sort((a, b) => a - b), 99) / percentile([...bare].sort((a, b) => a - b), 99);
    console.log(`${label.padEnd(28)} ${summary(ours)}   ${summary(bare)}   ${ratio.toFixed(2).padStart(5)}x ${(peakRss / 2 ** 20).toFixed(0).padStart(8)} MB   ${(totals / mix.length).toFixed(0)} works found on average`);
  } finally {
    await quire.close();
  }
}

async function main(): Promise<void> {
  const sizes = flag("sizes", "10000,100000").split(",").map(Number);
  const engines = flag("engines", "sqlite,postgres").split(",");
  const log = (line: string) => console.log(line);
  console.log(machineLine("quire search benchmark"));
  console.log(`${QUERIES} queries × ${TIMED_PASSES} passes per library; milliseconds per search (total, page of 20 and all facets)`);
  console.log(`${"library".padEnd(28)}      p50     p95     p99        raw p50 raw p95 raw p99   p99/raw  peak RSS`);
  for (const works of sizes) {
    const spec: LibrarySpec = { works, seed: SEED, maxWords: works >= CUT_WORDS_FROM ? 1000 : null };
    for (const engine of engines) {
      const target = engine === "sqlite" ? await sqliteLibrary(spec, log) : await postgresLibrary(spec, POSTGRES_ADMIN, log);
      if (!target) {
        console.log(`${engine} ${works}: PostgreSQL is not reachable, left out`);
        continue;
      }
      await measure(`${engine} ${works.toLocaleString("en")} works${spec.maxWords ? "*" : ""}`, target, works);
    }
  }
  if (sizes.some((s) => s >= CUT_WORDS_FROM)) console.log(`* story text cut to the first 1,000 words of each work (see the note at the top of bench/search.ts)`);
}

await main();

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
import { openQuire, type Quire } from "../src/composition.js";
import type { DatabaseTarget } from "../src/config.js";
import { createRandom } from "../src/corpus/random.js";
import { resolveFilterTags } from "../src/db/repositories/tags.js";
import { searchTokens } from "../src/search/fold-text.js";
import { emptyWorkSearch, type WorkSearch } from "../src/search/work-search.js";
import { searchWorks } from "../src/services/search-works.js";
import { flag, machineLine, percentile } from "./machine.js";
import { postgresLibrary, sqliteLibrary, type LibrarySpec } from "./synthetic-library.js";

const QUERIES = 20;
const TIMED_PASSES = 5;
const POSTGRES = process.env.QUIRE_BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SEED = 42;
const CUT_WORDS_FROM = 1_000_000;

/** One query of the mix, with what the raw SQL needs: the tags' filter ids and the words as index tokens. */
interface BenchQuery {
  search: WorkSearch;
  word: string;
  include: number[][];
  exclude: number[];
}

/** Twenty queries drawn from works of the library itself, so each finds something. */
async function queryMix(quire: Quire, works: number): Promise<BenchQuery[]> {
  const { db } = quire.library;
  const random = createRandom([SEED, works, 77]);
  const mix: BenchQuery[] = [];
  const excluded = ["Angst", "Fluff", "Hurt/Comfort", "Humor", "Romance"];
  while (mix.length < QUERIES) {
    const id = random.between(1, works);
    const tags = await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["t.type", "t.name"]).where("wt.work_id", "=", id).execute();
    const chapter = await db.selectFrom("chapters").select("text").where("work_id", "=", id).where("position", "=", 1).executeTakeFirst();
    const fandom = tags.find((t) => t.type === "Fandom");
    const second = tags.find((t) => t.type === "Character") ?? tags.find((t) => t.type === "Freeform");
    const rating = tags.find((t) => t.type === "Rating");
    // Half the queries look for a name (as readers search for characters), half for a word of the story. The
    // generator's prose has a vocabulary of a few hundred words, so its words are in most works: harder than
    // real text, where most words are rare.
    const characters = tags.filter((t) => t.type === "Character").flatMap((t) => searchTokens(t.name)).filter((w) => w.length >= 4);
    const prose = searchTokens(chapter?.text.slice(0, 2000) ?? "").filter((w) => w.length >= 5);
    const words = mix.length % 2 === 0 && characters.length > 0 ? characters : prose;
    const exclude = excluded.find((name) => !tags.some((t) => t.name === name));
    if (!fandom || !second || !rating || words.length === 0 || !exclude) continue;
    const word = words[random.below(words.length)] ?? "";
    const search: WorkSearch = {
      ...emptyWorkSearch(),
      text: { kind: "term", text: word, prefix: false, field: null },
      includeTags: [{ name: fandom.name, type: "Fandom" }, { name: second.name, type: second.type }, { name: rating.name, type: "Rating" }],
      excludeTags: [{ name: exclude, type: "Freeform" }],
      sort: { field: "kudos", direction: "desc" },
    };
    const include = await resolveFilterTags(db, search.includeTags);
    const [excludeIds = []] = await resolveFilterTags(db, search.excludeTags);
    mix.push({ search, word, include, exclude: excludeIds });
  }
  return mix;
}

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
    const mix = await queryMix(quire, works);
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
      const target = engine === "sqlite" ? await sqliteLibrary(spec, log) : await postgresLibrary(spec, POSTGRES, log);
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

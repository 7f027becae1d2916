/**
 * The search benchmark's query mix: twenty archive-style searches drawn from works of the library itself, shared
 * by `npm run bench:search` and the proving ground's scale run, so that both time the same searches.
 */
import type { Quire } from "../src/composition.js";
import { createRandom } from "../src/corpus/random.js";
import { resolveFilterTags } from "../src/db/repositories/tags.js";
import { searchTokens } from "../src/search/fold-text.js";
import { emptyWorkSearch, type WorkSearch } from "../src/search/work-search.js";

export const QUERIES = 20;

/** One query of the mix, with what the raw SQL needs: the tags' filter ids and the words as index tokens. */
export interface BenchQuery {
  search: WorkSearch;
  word: string;
  include: number[][];
  exclude: number[];
}

/** Twenty queries drawn from works of the library itself, so each finds something. */
export async function queryMix(quire: Quire, works: number, seed: number): Promise<BenchQuery[]> {
  const { db } = quire.library;
  const random = createRandom([seed, works, 77]);
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

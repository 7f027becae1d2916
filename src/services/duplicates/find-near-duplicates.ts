/**
 * Near-duplicates across the library: works whose stories are the same story from two sources, or two versions of
 * one (domain/near-duplicates). Works not yet signed, or signed before their text changed (a library from before
 * signatures, a restore of an older dump), are signed first; then every signature is compared at once by LSH, and
 * the likely pairs are counted exactly from their chapters.
 */
import type { Kysely } from "kysely";
import type { Engine } from "../../db/dialects/engine.js";
import type { Database } from "../../db/schema.js";
import {
  findWorkStory, listComparedWorks, listUnsignedWorkIds, listWorkSignatures, countUnsignedWorks, storeWorkSignature, type ComparedWork,
} from "../../db/repositories/work-signatures.js";
import { DEFAULT_THRESHOLD, groupPairs, isNearDuplicate, likelyPairs, signStory } from "../../domain/near-duplicates/near-duplicates.js";
import { storyShingles } from "../../domain/near-duplicates/shingles.js";
import { compareShingles } from "../../domain/near-duplicates/similarity.js";

/** Works signed per transaction: a large library's backfill commits as it goes, and a stop loses one batch. */
const SIGNING_BATCH = 200;

export interface NearDuplicatePair {
  /** Ascending. */
  workIds: [number, number];
  jaccard: number;
  /** How much of the shorter story is in the longer. */
  containment: number;
}

export interface NearDuplicateGroup {
  /** The longest story first (by words; then the lower id). */
  works: ComparedWork[];
  /** Every pair of the group found alike, the most alike first. */
  pairs: NearDuplicatePair[];
  /** The work with the latest story date (revised, else posted; then stored last): the newer version. */
  newestId: number;
}

export interface FindOptions {
  /** Containment from 0 to 1 (DEFAULT_THRESHOLD unless given). */
  threshold?: number;
  /** Told how many works are signed so far, of how many, while the library's unsigned works are signed. */
  onSigning?: (signed: number, total: number) => void;
}

/**
 * The library's groups of near-duplicate works, the largest stories' groups first.
 * @example await findNearDuplicates(library, { threshold: 0.8 }) // [{ works: [#12, #40], pairs: [...], newestId: 40 }]
 */
export async function findNearDuplicates(deps: { db: Kysely<Database>; engine: Engine }, options: FindOptions = {}): Promise<NearDuplicateGroup[]> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  await signUnsignedWorks(deps, options.onSigning);
  const signatures = await listWorkSignatures(deps.db);
  const candidates = likelyPairs(signatures, threshold);

  // Each work's shingles are made once, and dropped after its last pair: a library with many near-duplicates
  // holds the shingles of the works still to compare, not of every work compared.
  const pairsLeft = new Map<number, number>();
  for (const { a, b } of candidates) for (const index of [a, b]) pairsLeft.set(index, (pairsLeft.get(index) ?? 0) + 1);
  const shinglesOf = new Map<number, Uint32Array>();
  const takeShingles = async (index: number, workId: number): Promise<Uint32Array> => {
    const set = shinglesOf.get(index) ?? storyShingles((await findWorkStory(deps.db, workId))?.chapters ?? []);
    const left = (pairsLeft.get(index) ?? 1) - 1;
    pairsLeft.set(index, left);
    if (left > 0) shinglesOf.set(index, set);
    else shinglesOf.delete(index);
    return set;
  };
  const pairs: NearDuplicatePair[] = [];
  for (const candidate of candidates) {
    const [a, b] = [signatures[candidate.a]?.workId, signatures[candidate.b]?.workId];
    if (a === undefined || b === undefined) continue;
    const similarity = compareShingles(await takeShingles(candidate.a, a), await takeShingles(candidate.b, b));
    if (isNearDuplicate(similarity, threshold)) pairs.push({ workIds: [Math.min(a, b), Math.max(a, b)], ...similarity });
  }

  const groups = groupPairs(pairs.map((p) => ({ a: p.workIds[0], b: p.workIds[1] })));
  const works = new Map((await listComparedWorks(deps.db, groups.flat())).map((w) => [w.id, w]));
  return groups
    .flatMap((ids) => {
      const members = ids.flatMap((id) => works.get(id) ?? []).sort((x, y) => y.wordCount - x.wordCount || x.id - y.id);
      if (members.length < 2) return [];
      const inGroup = new Set(ids);
      return [{
        works: members,
        pairs: pairs.filter((p) => inGroup.has(p.workIds[0])).sort((x, y) => y.containment - x.containment || y.jaccard - x.jaccard),
        newestId: newest(members),
      }];
    })
    .sort((x, y) => (y.works[0]?.wordCount ?? 0) - (x.works[0]?.wordCount ?? 0) || (x.works[0]?.id ?? 0) - (y.works[0]?.id ?? 0));
}

function newest(works: readonly ComparedWork[]): number {
  const key = (w: ComparedWork) => `${w.revised ?? ""}\u0000${w.createdAt}\u0000${String(w.id).padStart(12, "0")}`;
  return works.reduce((best, w) => (key(w) > key(best) ? w : best)).id;
}

/** Signs every work that has no signature, or one older than its text; each batch in its own transaction. */
async function signUnsignedWorks(deps: { db: Kysely<Database>; engine: Engine }, onSigning: FindOptions["onSigning"]): Promise<void> {
  const total = await countUnsignedWorks(deps.db);
  if (total === 0) return;
  let signed = 0;
  let afterId = 0;
  onSigning?.(0, total);
  for (;;) {
    const ids = await listUnsignedWorkIds(deps.db, afterId, SIGNING_BATCH);
    if (ids.length === 0) break;
    await deps.engine.writeTransaction(deps.db, async (trx) => {
      for (const id of ids) {
        const story = await findWorkStory(trx, id);
        if (story) await storeWorkSignature(trx, id, story.fingerprint, signStory(story.chapters));
      }
    });
    afterId = ids[ids.length - 1] ?? afterId;
    signed += ids.length;
    onSigning?.(Math.min(signed, total), total);
  }
}

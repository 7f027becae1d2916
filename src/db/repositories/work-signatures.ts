/**
 * Works' MinHash signatures (domain/near-duplicates), kept beside the fingerprint of the text they were made from,
 * so that a signature made before the text changed is known to be stale.
 */
import type { Kysely } from "kysely";
import { decodeSignature, encodeSignature, type Signature } from "../../domain/near-duplicates/minhash.js";
import type { SignedStory } from "../../domain/near-duplicates/near-duplicates.js";
import type { Database } from "../schema.js";
import { listChapterTexts } from "./posted-works.js";
import { chunks } from "./wrangling.js";

/** Stores the work's signature, made from the text with this fingerprint, in place of any older one. */
export async function storeWorkSignature(db: Kysely<Database>, workId: number, fingerprint: string, signed: SignedStory): Promise<void> {
  const row = { fingerprint, shingles: signed.shingles, signature: encodeSignature(signed.signature) };
  await db.insertInto("work_signatures").values({ work_id: workId, ...row })
    .onConflict((oc) => oc.column("work_id").doUpdateSet(row)).execute();
}

/** Works with no signature, or one made from other text than they now hold. */
function unsignedWorks(db: Kysely<Database>) {
  return db.selectFrom("works as w").leftJoin("work_signatures as s", "s.work_id", "w.id")
    .where((eb) => eb.or([eb("s.work_id", "is", null), eb("s.fingerprint", "<>", eb.ref("w.fingerprint"))]));
}

/** The unsigned works (unsignedWorks) after `afterId`: ids ascending, at most `limit`. */
export async function listUnsignedWorkIds(db: Kysely<Database>, afterId: number, limit: number): Promise<number[]> {
  const rows = await unsignedWorks(db).select("w.id").where("w.id", ">", afterId).orderBy("w.id").limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function countUnsignedWorks(db: Kysely<Database>): Promise<number> {
  const { n } = await unsignedWorks(db).select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/** The text and fingerprint of a work to sign; undefined when there is no such work. */
export async function findWorkStory(db: Kysely<Database>, workId: number): Promise<{ fingerprint: string; chapters: string[] } | undefined> {
  const work = await db.selectFrom("works").select("fingerprint").where("id", "=", workId).executeTakeFirst();
  if (!work) return undefined;
  return { fingerprint: work.fingerprint, chapters: await listChapterTexts(db, workId) };
}

export interface StoredSignature {
  workId: number;
  shingles: number;
  signature: Signature;
}

/** Every stored signature, by work id ascending, stale ones included (sign the unsigned works first). */
export async function listWorkSignatures(db: Kysely<Database>): Promise<StoredSignature[]> {
  const rows = await db.selectFrom("work_signatures").select(["work_id", "shingles", "signature"]).orderBy("work_id").execute();
  return rows.map((r) => ({ workId: r.work_id, shingles: r.shingles, signature: decodeSignature(r.signature) }));
}

/** What the list of near-duplicates shows of a work. */
export interface ComparedWork {
  id: number;
  title: string;
  authors: string[];
  wordCount: number;
  chapterCount: number;
  /** The story's date of its last update (else of posting), `YYYY-MM-DD`; null when its file gave none. */
  revised: string | null;
  /** When the library stored it. */
  createdAt: string;
}

/** The works of these ids, ascending; ids of no work are left out. */
export async function listComparedWorks(db: Kysely<Database>, ids: readonly number[]): Promise<ComparedWork[]> {
  const works: ComparedWork[] = [];
  for (const part of chunks([...ids])) {
    const rows = await db.selectFrom("works").select(["id", "title", "word_count", "chapter_count", "revised", "created_at"]).where("id", "in", part).execute();
    const authors = await db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id")
      .select(["wa.work_id", "a.name"]).where("wa.work_id", "in", part).orderBy("wa.work_id").orderBy("wa.position").execute();
    const byWork = new Map<number, string[]>();
    for (const a of authors) byWork.set(a.work_id, [...(byWork.get(a.work_id) ?? []), a.name]);
    for (const r of rows) {
      works.push({
        id: r.id, title: r.title, authors: byWork.get(r.id) ?? [],
        wordCount: r.word_count, chapterCount: r.chapter_count, revised: r.revised, createdAt: r.created_at,
      });
    }
  }
  return works.sort((a, b) => a.id - b.id);
}

/**
 * Works imported for others and held for their authors (Open Doors): the batch's works and their imported
 * authors, each external author with the digest of their claim link (`external_authors`), the works held for them
 * (`external_author_works`), and the held works' visibility. A held work is a draft: every listing, count, feed,
 * catalog and the API leave drafts out (db/audience.ts), and nobody reads an imported draft until it is claimed.
 */
import type { Kysely } from "kysely";
import type { WorkVisibility } from "../../domain/account.js";
import type { Database } from "../schema.js";
import { openValues, workInBatch } from "./review.js";
import { touchWork } from "./works.js";
import { chunks } from "./wrangling.js";

export interface BatchWorkAuthor {
  workId: number;
  /** An author the files named: no account's pseud. */
  name: string;
}

export interface ExternalAuthor {
  id: number;
  batch: string;
  name: string;
  email: string | null;
  claimedBy: number | null;
  /** The claiming account's login; null when unclaimed or the account is gone. */
  claimedByLogin: string | null;
  claimedAt: string | null;
  declinedAt: string | null;
  /** The works held for them (none once declined: the works were deleted). */
  workIds: number[];
}

/** The works whose primary file is in the batch, with each author the files named, by work. */
export async function listBatchWorkAuthors(db: Kysely<Database>, batch: string): Promise<BatchWorkAuthor[]> {
  const rows = await db.selectFrom("works as w")
    .innerJoin("work_authors as wa", "wa.work_id", "w.id")
    .innerJoin("authors as a", "a.id", "wa.author_id")
    .select(["w.id", "a.name"])
    .where("a.user_id", "is", null)
    .where(workInBatch("w.id", batch))
    .orderBy("w.id").orderBy("wa.position")
    .execute();
  return rows.map((r) => ({ workId: r.id, name: r.name }));
}

/** The ids of the works an account has claimed, as a subquery: they are their claimer's, no longer the archive's. */
export function claimedWorkIds(db: Kysely<Database>) {
  return db.selectFrom("external_author_works as h").innerJoin("external_authors as e", "e.id", "h.external_author_id")
    .select("h.work_id").where("e.claimed_by", "is not", null);
}

/** The works whose primary file is in the batch, and that no account has claimed: the archive's to hold. */
export async function listUnclaimedBatchWorkIds(db: Kysely<Database>, batch: string): Promise<number[]> {
  const rows = await db.selectFrom("works as w").select("w.id").where(workInBatch("w.id", batch))
    .where("w.id", "not in", claimedWorkIds(db))
    .orderBy("w.id").execute();
  return rows.map((r) => r.id);
}

/** Sets the works' visibility and marks each changed, so kept searches and caches see it at once. */
export async function setWorksVisibility(db: Kysely<Database>, workIds: readonly number[], visibility: WorkVisibility, now: string): Promise<void> {
  for (const part of chunks(workIds)) await db.updateTable("works").set({ visibility }).where("id", "in", part).execute();
  for (const id of workIds) await touchWork(db, id, now);
}

/** The batch's external author of that name (as stored, exactly), if there is one. */
export async function findExternalAuthorId(db: Kysely<Database>, batch: string, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("external_authors").select("id").where("batch", "=", batch).where("name", "=", name).executeTakeFirst();
  return row?.id;
}

export async function insertExternalAuthor(
  db: Kysely<Database>, author: { batch: string; name: string; email: string | null; tokenDigest: string; createdBy: number; createdAt: string },
): Promise<number> {
  const row = await db.insertInto("external_authors")
    .values({ batch: author.batch, name: author.name, email: author.email, token_digest: author.tokenDigest, created_by: author.createdBy, created_at: author.createdAt })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function holdWorkFor(db: Kysely<Database>, externalAuthorId: number, workId: number): Promise<void> {
  await db.insertInto("external_author_works").values({ external_author_id: externalAuthorId, work_id: workId })
    .onConflict((oc) => oc.columns(["external_author_id", "work_id"]).doNothing()).execute();
}

const AUTHOR_COLUMNS = ["e.id", "e.batch", "e.name", "e.email", "e.claimed_by", "u.login", "e.claimed_at", "e.declined_at"] as const;

function authors(db: Kysely<Database>) {
  return db.selectFrom("external_authors as e").leftJoin("users as u", "u.id", "e.claimed_by").select(AUTHOR_COLUMNS);
}

async function withWorks(db: Kysely<Database>, rows: Awaited<ReturnType<ReturnType<typeof authors>["execute"]>>): Promise<ExternalAuthor[]> {
  const ids = rows.map((r) => r.id);
  const held = ids.length === 0 ? [] : await db.selectFrom("external_author_works").select(["external_author_id", "work_id"])
    .where("external_author_id", "in", ids).orderBy("work_id").execute();
  return rows.map((r) => ({
    id: r.id, batch: r.batch, name: r.name, email: r.email, claimedBy: r.claimed_by, claimedByLogin: r.login, claimedAt: r.claimed_at, declinedAt: r.declined_at,
    workIds: held.filter((h) => h.external_author_id === r.id).map((h) => h.work_id),
  }));
}

/** The batch's external authors by name, with the works held for each. */
export async function listExternalAuthors(db: Kysely<Database>, batch: string): Promise<ExternalAuthor[]> {
  return withWorks(db, await authors(db).where("e.batch", "=", batch).orderBy("e.name").orderBy("e.id").execute());
}

/** The external author whose claim link has this digest, claimed, declined or not. */
export async function findExternalAuthorByDigest(db: Kysely<Database>, digest: string): Promise<ExternalAuthor | undefined> {
  const [author] = await withWorks(db, await authors(db).where("e.token_digest", "=", digest).execute());
  return author;
}

/**
 * Records the claim or the refusal, if the link has been used for neither: the one statement that spends the
 * link, so two requests racing with it cannot both act. @returns whether it was spent now.
 */
export async function spendClaimLink(db: Kysely<Database>, id: number, outcome: { claimedBy: number } | { declined: true }, now: string): Promise<boolean> {
  const result = await db.updateTable("external_authors")
    .set("claimedBy" in outcome ? { claimed_by: outcome.claimedBy, claimed_at: now } : { declined_at: now })
    .where("id", "=", id).where("claimed_at", "is", null).where("declined_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether another of the work's external authors has not declined it: a co-author who claimed it, or may yet. */
export async function isHeldForAnother(db: Kysely<Database>, workId: number, externalAuthorId: number): Promise<boolean> {
  const row = await db.selectFrom("external_author_works as w").innerJoin("external_authors as e", "e.id", "w.external_author_id")
    .select("w.work_id").where("w.work_id", "=", workId).where("w.external_author_id", "<>", externalAuthorId).where("e.declined_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Puts the account's pseud in place of the imported author (by name key) on the work's byline. */
export async function replaceImportedAuthor(db: Kysely<Database>, workId: number, nameKey: string, authorId: number): Promise<void> {
  await db.updateTable("work_authors").set({ author_id: authorId })
    .where("work_id", "=", workId)
    .where("author_id", "in", db.selectFrom("authors").select("id").where("name_key", "=", nameKey).where("user_id", "is", null))
    .execute();
}

/**
 * The batch's held works (drafts) a person may publish from the desk: every inferred value decided, and not held
 * for an author, whose they are to claim.
 */
export async function listPublishableWorks(db: Kysely<Database>, batch: string, below: number): Promise<number[]> {
  const rows = await db.selectFrom("works as w").select("w.id")
    .where("w.visibility", "=", "draft")
    .where(workInBatch("w.id", batch))
    .where("w.id", "not in", openValues(db, { below, field: null }).select("v.work_id"))
    .where("w.id", "not in", db.selectFrom("external_author_works").select("work_id"))
    .orderBy("w.id").execute();
  return rows.map((r) => r.id);
}

/** The batch's works that are drafts: held, whether for review or for their authors. */
export async function countHeldWorks(db: Kysely<Database>, batch: string): Promise<number> {
  const { n } = await db.selectFrom("works as w").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("w.visibility", "=", "draft").where(workInBatch("w.id", batch)).executeTakeFirstOrThrow();
  return Number(n);
}

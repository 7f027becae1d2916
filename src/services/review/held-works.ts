/**
 * Works imported for others, held for their authors, as the Archive's Open Doors does: an archivist (a moderator
 * or admin) holds an import batch — its works become drafts, out of every listing, count, feed, catalog and the
 * API — and, for its authors, each author the files named gets a claim link (a single-use token whose digest alone
 * is stored), mailed to the address the file's header gave. Following the link, a signed-in account claims the
 * works: its default pseud replaces the imported name on them, and they are its own to publish. The author can
 * instead decline ("do not import"), and the works are deleted. From the desk, the batch's held works whose values
 * are all decided, and not held for an author, are published.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import {
  countHeldWorks, findExternalAuthorByDigest, findExternalAuthorId, holdWorkFor, insertExternalAuthor, isHeldForAnother, listBatchWorkAuthors, listExternalAuthors,
  listPublishableWorks, listUnclaimedBatchWorkIds, replaceImportedAuthor, setWorksVisibility, spendClaimLink, type ExternalAuthor,
} from "../../db/repositories/held-works.js";
import { deleteWork } from "../../db/repositories/posted-works.js";
import { findPrimarySource } from "../../db/repositories/sources.js";
import { findUserById } from "../../db/repositories/users.js";
import { findWorkTitle, reindexWork, touchWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { REVIEW_THRESHOLD } from "../../domain/review.js";
import { nameKey } from "../../domain/sort-key.js";
import { statedEmail } from "../../importers/metadata/privacy.js";
import { sendOrReport } from "../accounts/account-mail.js";
import { newToken, tokenDigest } from "../accounts/secrets.js";
import { requireActiveAccount } from "../community/acting.js";
import type { Mailer } from "../mail/mailer.js";
import { requireModerator } from "../moderation/authorize.js";
import { readSourceExcerpt } from "./source-excerpt.js";

export type { ExternalAuthor };

export function claimLink(origin: string, token: string): string {
  return `${origin}/claims/${encodeURIComponent(token)}`;
}

/** A claim link made by holding a batch for its authors. */
export interface ClaimInvitation {
  name: string;
  email: string | null;
  /** The link, shown once to the archivist, who passes it on where there is no address or the mail failed. */
  link: string;
  /** Why the mail could not be sent; null when it went, or there was no address to send it to. */
  undelivered: Error | null;
}

export interface HeldBatch {
  batch: string;
  /** The batch's works now held. */
  held: number;
  /** The authors given a claim link now (an author given one before keeps theirs). */
  invitations: ClaimInvitation[];
}

/**
 * Holds the batch's works (those no account has claimed) as drafts; with `forAuthors`, gives each author the files
 * named a claim link for their works, mailed to the address the header of one of their files gave.
 * @param origin the archive's public origin, for the links.
 * @throws ValidationError for a batch with no works; SignInRequiredError, ForbiddenError for anyone but an active
 *   moderator or admin.
 */
export async function holdBatch(
  deps: Pick<Library, "db" | "engine"> & { mailer: Mailer }, viewer: Viewer, batch: string, options: { forAuthors: boolean; origin: string; now: Date },
): Promise<HeldBatch> {
  const account = requireModerator(viewer);
  const { db, engine } = deps;
  const workIds = await listUnclaimedBatchWorkIds(db, batch);
  if (workIds.length === 0) throw new ValidationError({ batch: "This batch has no works to hold." });
  const byAuthor = new Map<string, number[]>();
  if (options.forAuthors) {
    const held = new Set(workIds);
    for (const { workId, name } of await listBatchWorkAuthors(db, batch)) if (held.has(workId)) byAuthor.set(name, [...(byAuthor.get(name) ?? []), workId]);
  }
  // The files are read before the transaction: a slow disk holds no lock.
  const emails = new Map<string, string | null>();
  for (const [name, ids] of byAuthor) emails.set(name, await headerEmail(db, ids));
  const now = options.now.toISOString();
  const made = await engine.writeTransaction(db, async (trx) => {
    await setWorksVisibility(trx, workIds, "draft", now);
    const links: { name: string; email: string | null; token: string }[] = [];
    for (const [name, ids] of byAuthor) {
      let id = await findExternalAuthorId(trx, batch, name);
      if (id === undefined) {
        const token = newToken();
        const email = emails.get(name) ?? null;
        id = await insertExternalAuthor(trx, { batch, name, email, tokenDigest: tokenDigest(token), createdBy: account.id, createdAt: now });
        links.push({ name, email, token });
      }
      for (const workId of ids) await holdWorkFor(trx, id, workId);
    }
    return links;
  });
  const invitations: ClaimInvitation[] = [];
  for (const { name, email, token } of made) {
    const link = claimLink(options.origin, token);
    const undelivered = email === null ? null : await sendOrReport(deps.mailer, {
      to: email,
      subject: "Your stories have a new home: claim them",
      text: `Stories you wrote as ${name} were rescued into the archive at ${options.origin}/ by its archivists. They are held, `
        + "unseen by readers, until you decide.\n\nSign in (or make an account) and claim them here; they become yours to publish:\n"
        + `${link}\n\nThe same page lets you ask that they not be imported, and they are removed. The link works once.\n`,
    });
    invitations.push({ name, email, link, undelivered });
  }
  return { batch, held: workIds.length, invitations };
}

/** The address a header of one of the works' files gives, the first found; null when none does or none can be read. */
async function headerEmail(db: Kysely<Database>, workIds: readonly number[]): Promise<string | null> {
  for (const workId of workIds) {
    const source = await findPrimarySource(db, workId);
    const excerpt = source ? await readSourceExcerpt(source) : null;
    const email = excerpt?.kind === "text" ? statedEmail(excerpt.text) : null;
    if (email !== null) return email;
  }
  return null;
}

export interface BatchHolding {
  /** The batch's works held (drafts). */
  held: number;
  /** Held works a person may publish now: every value decided, and not held for an author. */
  publishable: number;
  authors: ExternalAuthor[];
}

/** What the desk shows of a batch's held works and its authors' claims. */
export async function readBatchHolding(db: Kysely<Database>, batch: string): Promise<BatchHolding> {
  return {
    held: await countHeldWorks(db, batch),
    publishable: (await listPublishableWorks(db, batch, REVIEW_THRESHOLD)).length,
    authors: await listExternalAuthors(db, batch),
  };
}

/**
 * Publishes the batch's held works whose values are all decided and that are not held for an author.
 * @returns how many. @throws SignInRequiredError, ForbiddenError for anyone but an active moderator or admin.
 */
export async function publishBatch(library: Pick<Library, "db" | "engine">, viewer: Viewer, batch: string, now: Date): Promise<number> {
  requireModerator(viewer);
  return library.engine.writeTransaction(library.db, async (trx) => {
    const ids = await listPublishableWorks(trx, batch, REVIEW_THRESHOLD);
    await setWorksVisibility(trx, ids, "public", now.toISOString());
    return ids.length;
  });
}

export interface ClaimPage {
  name: string;
  works: { id: number; title: string }[];
  state: "open" | "claimed" | "declined";
}

/**
 * The works a claim link is for, and whether it was used. @throws NotFoundError for a link that is none.
 */
export async function readClaim(db: Kysely<Database>, token: string): Promise<ClaimPage> {
  const author = await findExternalAuthorByDigest(db, tokenDigest(token));
  if (!author) throw new NotFoundError("That claim link");
  const works: ClaimPage["works"] = [];
  for (const id of author.workIds) {
    const title = await findWorkTitle(db, id);
    if (title !== undefined) works.push({ id, title });
  }
  return { name: author.name, works, state: author.claimedAt !== null ? "claimed" : author.declinedAt !== null ? "declined" : "open" };
}

/**
 * Claims the link's works for the viewer, spending the link: their default pseud replaces the imported name on
 * each work, which stays a draft until they publish it. In one transaction.
 * @returns the works' ids. @throws NotFoundError for a link that is none; ValidationError for a link used already;
 *   SignInRequiredError for a guest; ForbiddenError for a suspended account.
 */
export async function claimWorks(library: Pick<Library, "db" | "engine">, viewer: Viewer, token: string, now: Date): Promise<number[]> {
  const account = requireActiveAccount(viewer, "Sign in, or make an account, to claim your works.");
  const { db, engine } = library;
  return engine.writeTransaction(db, async (trx) => {
    const author = await spentLink(trx, token, { claimedBy: account.id }, now);
    const pseud = (await findUserById(trx, account.id))?.default_author_id ?? null;
    if (pseud === null) throw new ValidationError({ pseud: "Your account has no pseud to put on the works." });
    for (const workId of author.workIds) {
      await replaceImportedAuthor(trx, workId, nameKey(author.name), pseud);
      await reindexWork(trx, engine, workId);
      await touchWork(trx, workId, now.toISOString());
    }
    return author.workIds;
  });
}

/**
 * Declines the link's works ("do not import"), spending the link: they are deleted, as the Archive removes works its
 * author asked not to import, except a work another of its authors has claimed or may still claim, which one
 * co-author's "no" must not take from the other (it stays held, or theirs). The link is the credential: no account
 * is needed. In one transaction.
 * @returns how many works were deleted. @throws NotFoundError, ValidationError as claimWorks; ForbiddenError for a
 *   suspended account.
 */
export async function declineWorks(library: Pick<Library, "db" | "engine">, viewer: Viewer, token: string, now: Date): Promise<number> {
  if (viewer !== null) requireActiveAccount(viewer);
  const { db, engine } = library;
  return engine.writeTransaction(db, async (trx) => {
    const author = await spentLink(trx, token, { declined: true }, now);
    let deleted = 0;
    for (const workId of author.workIds) {
      if (await isHeldForAnother(trx, workId, author.id)) continue;
      await deleteWork(trx, engine, workId);
      deleted += 1;
    }
    return deleted;
  });
}

/** The link's author, once the link is spent on the outcome. @throws NotFoundError, ValidationError as claimWorks. */
async function spentLink(trx: Kysely<Database>, token: string, outcome: Parameters<typeof spendClaimLink>[2], now: Date): Promise<ExternalAuthor> {
  const author = await findExternalAuthorByDigest(trx, tokenDigest(token));
  if (!author) throw new NotFoundError("That claim link");
  if (!(await spendClaimLink(trx, author.id, outcome, now.toISOString()))) throw new ValidationError({ token: "This claim link has been used already." });
  return author;
}

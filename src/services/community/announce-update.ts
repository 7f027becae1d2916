/**
 * News of a work for the people subscribed to it: a new work reaches those subscribed to its authors, its series
 * or any tag it filters as (a fandom, a character, a freeform — the Archive has no tag subscriptions); a new
 * chapter reaches those subscribed to the work as well. Each subscriber hears once per update, whatever number of
 * their subscriptions it matched; the work's own creators hear nothing; subscribers who asked for mail get one.
 * Call it only for what readers may see: a draft or hidden work announces nothing.
 */
import type { Kysely } from "kysely";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import { listUpdateSubscribers } from "../../db/repositories/subscriptions.js";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";

export type WorkUpdate =
  | { kind: "new-work"; workId: number }
  | { kind: "new-chapter"; workId: number; chapterId: number; position: number };

export interface AnnounceDeps {
  db: Kysely<Database>;
  mailer: Mailer;
}

/**
 * @param siteOrigin the archive's address as readers reach it (`https://archive.example`): a mail's link must be
 *   absolute, since it is read outside the site.
 * @returns the ids of the users told.
 */
export async function announceUpdate({ db, mailer }: AnnounceDeps, update: WorkUpdate, now: string, siteOrigin: string): Promise<number[]> {
  const [access, title] = await Promise.all([findWorkAccess(db, update.workId), findWorkTitle(db, update.workId)]);
  if (!access || title === undefined || access.visibility === "draft" || access.hiddenByModerator) return [];
  const subscribers = await listUpdateSubscribers(db, update.workId, update.kind === "new-chapter", access.creatorUserIds);
  if (subscribers.length === 0) return [];
  const message = update.kind === "new-work" ? `A new work: “${title}”.` : `“${title}” has a new chapter (chapter ${update.position}).`;
  await insertInboxItems(db, subscribers.map((s) => ({
    userId: s.userId, kind: update.kind, workId: update.workId, chapterId: update.kind === "new-chapter" ? update.chapterId : null, commentId: null, message,
  })), now);
  const link = new URL(`/works/${update.workId}${update.kind === "new-chapter" ? `/chapters/${update.position}` : ""}`, siteOrigin).href;
  for (const { mail, email } of subscribers) {
    if (mail) await mailer.send({ to: email, subject: message, text: `${message}\n\nRead it at ${link}\n\nYou can change your subscriptions at ${new URL("/subscriptions", siteOrigin).href}\n` });
  }
  return subscribers.map((s) => s.userId);
}

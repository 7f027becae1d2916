/**
 * News of a work for the people subscribed to it: a new work reaches those subscribed to its authors, its series
 * or any tag it filters as (a fandom, a character, a freeform — the Archive has no tag subscriptions); a new
 * chapter reaches those subscribed to the work as well. Each subscriber hears once per update, whatever number of
 * their subscriptions it matched; the work's own creators hear nothing; subscribers who asked for mail get one.
 * A draft or hidden work announces nothing. The notices are written in the update's own transaction (noticeUpdate),
 * the mail sent after it (mailUpdate).
 */
import type { Kysely } from "kysely";
import { insertInboxItems } from "../../db/repositories/inbox.js";
import { listUpdateSubscribers } from "../../db/repositories/subscriptions.js";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { Mailer, MailMessage } from "../mail/mailer.js";

export type WorkUpdate =
  | { kind: "new-work"; workId: number }
  | { kind: "new-chapter"; workId: number; chapterId: number; position: number };

/** What an update's notices leave to do once its transaction has committed: the mail to send (mailUpdate). */
export interface UpdateNews {
  /** The ids of the users told. */
  told: number[];
  mail: MailMessage[];
}

/**
 * Puts the update in its subscribers' inboxes. Call it in the transaction that stores the update, so that the work
 * or chapter and its notices are committed together: a crash can lose both, never the notices alone.
 * @param siteOrigin the archive's address as readers reach it (`https://archive.example`): a mail's link must be
 *   absolute, since it is read outside the site.
 * @returns who was told, and the mail for those who asked for it.
 */
export async function noticeUpdate(db: Kysely<Database>, update: WorkUpdate, now: string, siteOrigin: string): Promise<UpdateNews> {
  const [access, title] = await Promise.all([findWorkAccess(db, update.workId), findWorkTitle(db, update.workId)]);
  if (!access || title === undefined || access.visibility === "draft" || access.hiddenByModerator) return { told: [], mail: [] };
  const subscribers = await listUpdateSubscribers(db, update.workId, update.kind === "new-chapter", access.creatorUserIds);
  if (subscribers.length === 0) return { told: [], mail: [] };
  const message = update.kind === "new-work" ? `A new work: “${title}”.` : `“${title}” has a new chapter (chapter ${update.position}).`;
  await insertInboxItems(db, subscribers.map((s) => ({
    userId: s.userId, kind: update.kind, workId: update.workId, chapterId: update.kind === "new-chapter" ? update.chapterId : null, commentId: null, message,
  })), now);
  const link = new URL(`/works/${update.workId}${update.kind === "new-chapter" ? `/chapters/${update.position}` : ""}`, siteOrigin).href;
  const text = `${message}\n\nRead it at ${link}\n\nYou can change your subscriptions at ${new URL("/subscriptions", siteOrigin).href}\n`;
  return { told: subscribers.map((s) => s.userId), mail: subscribers.filter((s) => s.mail).map((s) => ({ to: s.email, subject: message, text })) };
}

/**
 * Sends an update's mail, after its transaction has committed: a mail cannot be taken back if the transaction
 * failed, and a slow mail server must not hold the library's write lock. (A crash between the commit and here
 * loses the mail; the inbox has the notice.) Never throws: the work is stored and its notices are the record, so a
 * mail server that is down must neither turn the post into an error (the author would post it again) nor keep the
 * other subscribers' mail from going; each failure is logged.
 * @returns how many messages could not be sent.
 */
export async function mailUpdate(mailer: Mailer, news: UpdateNews): Promise<number> {
  let failed = 0;
  for (const message of news.mail) {
    try {
      await mailer.send(message);
    } catch (error) {
      failed += 1;
      console.error(`the update mail to ${message.to} could not be sent:`, error);
    }
  }
  return failed;
}

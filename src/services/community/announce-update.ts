/**
 * News of a work for the people subscribed to it: a new work reaches those subscribed to its authors, its series
 * or any tag it filters as (a fandom, a character, a freeform — the Archive has no tag subscriptions); a new
 * chapter reaches those subscribed to the work as well. Each subscriber hears once per update, whatever number of
 * their subscriptions it matched; the work's own creators hear nothing; subscribers who asked for mail get one.
 * Call it only for what readers may see: a draft or hidden work announces nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Mailer } from "../mail/mailer.js";

export type WorkUpdate =
  | { kind: "new-work"; workId: number }
  | { kind: "new-chapter"; workId: number; chapterId: number; position: number };

export interface AnnounceDeps {
  db: Kysely<Database>;
  mailer: Mailer;
}

/** @returns the ids of the users told. */
export async function announceUpdate({ db, mailer }: AnnounceDeps, update: WorkUpdate, now: string): Promise<number[]> {
  const work = await db.selectFrom("works").select(["title", "visibility", "hidden_by_moderator"]).where("id", "=", update.workId).executeTakeFirst();
  if (!work || work.visibility === "draft" || work.hidden_by_moderator === 1) return [];
  const workId = update.workId;
  const rows = await db.selectFrom("subscriptions as s").innerJoin("users as u", "u.id", "s.user_id").select(["s.user_id", "s.mail", "u.email"])
    .where((eb) => eb.or([
      ...(update.kind === "new-chapter" ? [eb.and([eb("s.target_type", "=", "work"), eb("s.target_id", "=", workId)])] : []),
      eb.and([eb("s.target_type", "=", "series"), eb("s.target_id", "in", eb.selectFrom("series_works").select("series_id").where("work_id", "=", workId))]),
      eb.and([eb("s.target_type", "=", "author"), eb("s.target_id", "in", eb.selectFrom("work_authors").select("author_id").where("work_id", "=", workId))]),
      eb.and([eb("s.target_type", "=", "tag"), eb("s.target_id", "in", eb.selectFrom("work_filters").select("tag_id").where("work_id", "=", workId))]),
    ]))
    .where("s.user_id", "not in", db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select("a.user_id").where("wa.work_id", "=", workId).where("a.user_id", "is not", null).$narrowType<{ user_id: number }>())
    .execute();
  const subscribers = new Map<number, { mail: boolean; email: string }>();
  for (const row of rows) {
    const seen = subscribers.get(row.user_id);
    subscribers.set(row.user_id, { mail: (seen?.mail ?? false) || row.mail === 1, email: row.email });
  }
  if (subscribers.size === 0) return [];
  const message = update.kind === "new-work" ? `A new work: “${work.title}”.` : `“${work.title}” has a new chapter (chapter ${update.position}).`;
  await db.insertInto("inbox_items").values([...subscribers.keys()].map((user_id) => ({
    user_id, kind: update.kind, work_id: workId, chapter_id: update.kind === "new-chapter" ? update.chapterId : null, comment_id: null, message, created_at: now, read_at: null,
  }))).execute();
  for (const { mail, email } of subscribers.values()) {
    if (mail) await mailer.send({ to: email, subject: message, text: `${message}\n\nRead it at /works/${workId}${update.kind === "new-chapter" ? `/chapters/${update.position}` : ""}.\n` });
  }
  return [...subscribers.keys()];
}

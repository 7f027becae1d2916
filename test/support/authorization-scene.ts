/**
 * The people and things the authorization matrix (test/web/authorization-matrix.test.ts) acts on: one scene per
 * actor per route, so what one actor was allowed to do never changes what the next one finds. A scene holds a
 * posted work (two chapters, in a series its creator owns) with a co-author and a suspended co-author, a hidden
 * work by the same creators, a reader's comment and a hidden comment on it, an open report of the work, a plain
 * reader to act on and a suspended one, and an unread inbox item for everyone.
 */
import type { Quire } from "../../src/composition.js";
import type { Role } from "../../src/domain/account.js";
import { SUSPENDED_UNTIL_LIFTED } from "../../src/domain/moderation.js";
import { makeAccount, type TestAccount } from "./accounts.js";
import { insertComment, postWork } from "./posted-works.js";

/** Who acts: a guest, or an account in one of these places. */
export const ACTORS = ["anonymous", "reader", "author", "creator", "coauthor", "moderator", "admin", "suspended"] as const;
export type Actor = (typeof ACTORS)[number];

/** The accounts of a scene: the actors, and two readers for the moderators to act on. */
export type SceneAccounts = Record<Exclude<Actor, "anonymous">, TestAccount> & { target: TestAccount; suspendedTarget: TestAccount };

export interface Scene {
  accounts: SceneAccounts;
  /** Public, posted by `creator` with `coauthor` and `suspended` as co-authors; two chapters; in `seriesId`. */
  workId: number;
  /** Posted by the same creators, hidden by a moderator. */
  hiddenWorkId: number;
  seriesId: number;
  /** A published comment by `reader` on the work. */
  commentId: number;
  /** A comment by `reader` a moderator hid. */
  hiddenCommentId: number;
  /** An open report of the work, by `target`. */
  reportId: number;
}

const ROLES: Readonly<Record<keyof SceneAccounts, Role>> = {
  reader: "reader", author: "author", creator: "author", coauthor: "author", moderator: "moderator", admin: "admin", suspended: "author",
  target: "reader", suspendedTarget: "reader",
};

/** A new scene; `key` makes its names its own within the library. */
export async function buildScene(quire: Quire, key: string): Promise<Scene> {
  const { db } = quire.library;
  const accounts = {} as SceneAccounts;
  for (const [name, role] of Object.entries(ROLES) as [keyof SceneAccounts, Role][]) accounts[name] = await makeAccount(db, `${name}-${key}`, role);
  await db.updateTable("users").set({ suspended_until: SUSPENDED_UNTIL_LIFTED }).where("id", "in", [accounts.suspended.userId, accounts.suspendedTarget.userId]).execute();
  const coAuthors = [accounts.coauthor, accounts.suspended];
  const workId = await postWork(quire, accounts.creator, {
    title: `The Matrix Work ${key}`, fandoms: ["Moonlit Harbour (TV)"], rating: "General Audiences", series: [{ name: `The Matrix Series ${key}`, part: 1 }],
    chapters: ["The first chapter, which opens the door.", "The second chapter, which closes it."],
  }, { coAuthors });
  const hiddenWorkId = await postWork(quire, accounts.creator, { title: `The Hidden Matrix Work ${key}`, rating: "General Audiences" }, { coAuthors, hiddenByModerator: true });
  const series = await db.selectFrom("series_works").select("series_id").where("work_id", "=", workId).executeTakeFirstOrThrow();
  await db.updateTable("series").set({ user_id: accounts.creator.userId }).where("id", "=", series.series_id).execute();
  const commentId = await insertComment(quire, workId, accounts.reader, "<p>A comment about the door.</p>");
  const hiddenCommentId = await insertComment(quire, workId, accounts.reader, "<p>A comment a moderator hid.</p>", "hidden");
  const { id: reportId } = await db.insertInto("reports").values({
    target_type: "work", target_id: workId, reporter_id: accounts.target.userId, category: "other", reason: "A report for the matrix to act on.",
    created_at: "2026-11-20T00:00:00.000Z", resolved_by: null, resolved_at: null, resolution_note: null,
  }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("inbox_items").values(Object.values(accounts).map((a) => ({
    user_id: a.userId, kind: "new-work", work_id: workId, chapter_id: null, comment_id: null, message: "A new work.", created_at: "2026-11-20T00:00:00.000Z", read_at: null,
  }))).execute();
  return { accounts, workId, hiddenWorkId, seriesId: series.series_id, commentId, hiddenCommentId, reportId };
}

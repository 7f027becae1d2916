/**
 * Works as if posted through the site, for tests written before (or without) the posting forms: stored with
 * insertWork under a user's pseud and with no source file, which is what makes its users the work's creators
 * (db/repositories/work-access.ts), then given the visibility, hidden flag and co-authors a test asks for.
 */
import type { Quire } from "../../src/composition.js";
import type { CommentStatus, WorkVisibility } from "../../src/domain/account.js";
import type { ParsedWork } from "../../src/domain/work.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { parsedWork, toStore } from "../factories.js";
import type { TestAccount } from "./accounts.js";

export interface PostedWorkOptions {
  visibility?: WorkVisibility;
  hiddenByModerator?: boolean;
  /** Accounts whose default pseuds become co-authors after the creator. */
  coAuthors?: readonly TestAccount[];
  /** When the work was stored; its `updated_at` too. */
  at?: string;
}

/** Stores the work under the creator's pseud; the work's other fields come from `work`. @returns its id. */
export async function postWork(quire: Quire, creator: TestAccount, work: Partial<Omit<ParsedWork, "chapters">> & { chapters?: ParsedWork["chapters"] | readonly string[] } = {}, options: PostedWorkOptions = {}): Promise<number> {
  const { db, engine } = quire.library;
  const at = options.at ?? "2026-11-01T00:00:00.000Z";
  const workId = await engine.writeTransaction(db, async (trx) => {
    const id = await insertWork(trx, engine, toStore(parsedWork({ title: "A Posted Work", ...work, authors: [creator.login] })), at);
    await trx.updateTable("works").set({ visibility: options.visibility ?? "public", hidden_by_moderator: options.hiddenByModerator ? 1 : 0 }).where("id", "=", id).execute();
    const coAuthors = options.coAuthors ?? [];
    if (coAuthors.length > 0) await trx.insertInto("work_authors").values(coAuthors.map((a, i) => ({ work_id: id, author_id: a.authorId, position: i + 1 }))).execute();
    return id;
  });
  await refreshWorkFilters(db, [workId]);
  return workId;
}

/** A comment stored directly (the comment forms are another part's): a user's, or a guest's when `by` is null. */
export async function insertComment(quire: Quire, workId: number, by: TestAccount | null, html: string, status: CommentStatus = "published"): Promise<number> {
  const { db } = quire.library;
  const { id } = await db.insertInto("comments").values({
    work_id: workId, chapter_id: null, parent_id: null, thread_id: null, depth: 0, user_id: by?.userId ?? null, author_id: by?.authorId ?? null,
    guest_name: by ? null : "A Passing Guest", guest_email: by ? null : "guest@example.test", html, status, frozen: 0, created_at: "2026-11-20T10:00:00.000Z", edited_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  await db.updateTable("comments").set({ thread_id: id }).where("id", "=", id).execute();
  return id;
}

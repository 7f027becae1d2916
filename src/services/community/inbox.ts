/** The inbox: what a signed-in user was told (new works and chapters they follow, comments, replies), newest first. */
import type { Kysely } from "kysely";
import { listInboxItems, markInboxItemsRead, type InboxItem, type InboxPage } from "../../db/repositories/inbox.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { SignInRequiredError } from "../../domain/errors.js";

export type { InboxItem, InboxPage };

export const INBOX_PER_PAGE = 50;

/** @throws SignInRequiredError for a guest. */
export async function readInbox(db: Kysely<Database>, viewer: Viewer, page: number): Promise<InboxPage> {
  if (viewer === null) throw new SignInRequiredError("Sign in to see your inbox.");
  return listInboxItems(db, viewer.id, page, INBOX_PER_PAGE);
}

/** Marks the viewer's items read: those of the ids given, or all. @throws SignInRequiredError for a guest. */
export async function markInboxRead(deps: { db: Kysely<Database>; now: () => Date }, viewer: Viewer, ids: readonly number[] | "all"): Promise<void> {
  if (viewer === null) throw new SignInRequiredError("Sign in to manage your inbox.");
  await markInboxItemsRead(deps.db, viewer.id, ids, deps.now().toISOString());
}

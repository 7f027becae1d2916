/**
 * Subscriptions: a signed-in reader follows a work (its new chapters), a series, an author or a tag (their new
 * works), in the inbox and, if they ask, by mail too (announce-update.ts tells them).
 */
import type { Kysely } from "kysely";
import { findSeries } from "../../db/repositories/archive-pages.js";
import { findAuthorByName } from "../../db/repositories/bookmarks.js";
import { deleteSubscription, findSubscription, listSubscriptions, namedTargetExists, upsertSubscription, type ListedSubscription, type Subscription } from "../../db/repositories/subscriptions.js";
import type { Database } from "../../db/schema.js";
import type { Audience, SubscriptionTarget, Viewer } from "../../domain/account.js";
import { NotFoundError, SignInRequiredError } from "../../domain/errors.js";
import { requireActiveAccount, requireWorkToActOn } from "./acting.js";

export type { ListedSubscription };

export interface SubscriptionDeps {
  db: Kysely<Database>;
  now: () => Date;
}

export interface SubscriptionRequest {
  targetType: SubscriptionTarget;
  targetId: number;
  /** Mail each update as well. */
  mail: boolean;
}

/** @throws NotFoundError when there is no such target for this viewer (a work or series they may not see). */
async function requireTarget(db: Kysely<Database>, viewer: Viewer, audience: Audience, targetType: SubscriptionTarget, targetId: number): Promise<void> {
  switch (targetType) {
    case "work":
      await requireWorkToActOn(db, targetId, viewer);
      return;
    case "series":
      if (!(await findSeries(db, targetId, audience))) throw new NotFoundError(`Series ${targetId}`);
      return;
    case "author":
    case "tag":
      if (!(await namedTargetExists(db, targetType, targetId))) throw new NotFoundError(`${targetType === "author" ? "Author" : "Tag"} ${targetId}`);
  }
}

/**
 * Subscribes the viewer, or changes whether their subscription mails. @returns the subscription's id.
 * @throws SignInRequiredError, ForbiddenError (suspended), NotFoundError (no such target for the viewer).
 */
export async function subscribe({ db, now }: SubscriptionDeps, viewer: Viewer, audience: Audience, request: SubscriptionRequest): Promise<number> {
  const account = requireActiveAccount(viewer, "Sign in to subscribe.");
  await requireTarget(db, account, audience, request.targetType, request.targetId);
  return upsertSubscription(db, account.id, request.targetType, request.targetId, request.mail, now().toISOString());
}

/** @throws SignInRequiredError, ForbiddenError (suspended); NotFoundError when the viewer has no subscription of that id. */
/** Suspended accounts may unsubscribe too: a suspension stops what they do, not what they are sent. */
export async function unsubscribe({ db }: SubscriptionDeps, viewer: Viewer, subscriptionId: number): Promise<void> {
  if (viewer === null) throw new SignInRequiredError("Sign in to manage your subscriptions.");
  const account = viewer;
  if (!(await deleteSubscription(db, account.id, subscriptionId))) throw new NotFoundError(`Subscription ${subscriptionId}`);
}

/** @throws SignInRequiredError for a guest. */
export async function listSubscriptionsOf(db: Kysely<Database>, viewer: Viewer): Promise<ListedSubscription[]> {
  if (viewer === null) throw new SignInRequiredError("Sign in to see your subscriptions.");
  return listSubscriptions(db, viewer.id);
}

/** What a subscribe button needs: its target, and the viewer's subscription to it, if any. */
export interface SubscribeState {
  targetType: SubscriptionTarget;
  targetId: number;
  subscription: Subscription | null;
}

/** The button's state for a signed-in viewer; null for a guest, who gets no button. */
export async function readSubscribeState(db: Kysely<Database>, viewer: Viewer, targetType: SubscriptionTarget, targetId: number): Promise<SubscribeState | null> {
  if (viewer === null) return null;
  return { targetType, targetId, subscription: (await findSubscription(db, viewer.id, targetType, targetId)) ?? null };
}

/** The button's state on an author's page, by the author's name; null for a guest or a name no author has. */
export async function readAuthorSubscribeState(db: Kysely<Database>, viewer: Viewer, name: string): Promise<SubscribeState | null> {
  if (viewer === null) return null;
  const author = await findAuthorByName(db, name);
  return author ? readSubscribeState(db, viewer, "author", author.id) : null;
}

/**
 * Co-author invitations, as the invited see them: accepting adds their pseud to the work's authors (and so makes
 * them one of its creators); declining drops the invitation. Nobody becomes a creator of a work any other way.
 */
import { requireSignedIn } from "../accounts/roles.js";
import type { Kysely } from "kysely";
import {
  appendWorkAuthor, deleteCoAuthorInvitation, findCoAuthorInvitation, listCoAuthorInvitations, type CoAuthorInvitation,
} from "../../db/repositories/co-author-invitations.js";
import { touchWork } from "../../db/repositories/works.js";
import { reindexWork } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { isActive, type Viewer } from "../../domain/account.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import type { PostingDeps } from "./deps.js";

export type { CoAuthorInvitation };

/** The invitations waiting for the viewer's pseuds. @throws SignInRequiredError for a guest. */
export async function listMyCoAuthorInvitations(db: Kysely<Database>, viewer: Viewer): Promise<CoAuthorInvitation[]> {
  return listCoAuthorInvitations(db, requireSignedIn(viewer, "Sign in to see your co-author invitations.").id);
}

/** @throws NotFoundError unless the invitation is for one of the viewer's pseuds. */
async function requireOwnInvitation(db: Kysely<Database>, viewer: Viewer, id: number): Promise<CoAuthorInvitation> {
  const account = requireSignedIn(viewer, "Sign in to see your co-author invitations.");
  const invitation = await findCoAuthorInvitation(db, id);
  if (!invitation || invitation.userId !== account.id) throw new NotFoundError(`Co-author invitation ${id}`);
  return invitation;
}

/**
 * Makes the viewer's invited pseud an author of the work. @returns the work's id.
 * @throws SignInRequiredError; NotFoundError (see requireOwnInvitation); ForbiddenError for a suspended account.
 */
export async function acceptCoAuthorInvitation(deps: PostingDeps, viewer: Viewer, id: number, now: Date): Promise<number> {
  const invitation = await requireOwnInvitation(deps.db, viewer, id);
  if (!isActive(viewer)) throw new ForbiddenError("Your account is suspended: it cannot join works until the suspension ends.");
  await deps.engine.writeTransaction(deps.db, async (trx) => {
    await appendWorkAuthor(trx, invitation.workId, invitation.authorId);
    await deleteCoAuthorInvitation(trx, invitation.id);
    await touchWork(trx, invitation.workId, now.toISOString());
    await reindexWork(trx, deps.engine, invitation.workId);
  });
  return invitation.workId;
}

/** @throws SignInRequiredError; NotFoundError (see requireOwnInvitation). */
export async function declineCoAuthorInvitation(db: Kysely<Database>, viewer: Viewer, id: number): Promise<void> {
  const invitation = await requireOwnInvitation(db, viewer, id);
  await deleteCoAuthorInvitation(db, invitation.id);
}

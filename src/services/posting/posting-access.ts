/** Who may post, and who may change a work: the gates every posting page and action goes through first. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { canEditWork, canPostWorks, type Account, type Viewer, type WorkAccess } from "../../domain/account.js";
import { ForbiddenError, SignInRequiredError } from "../../domain/errors.js";
import { requireReadableWork } from "../archive/work-access.js";

/**
 * The viewer, when they may post works.
 * @throws SignInRequiredError for a guest; ForbiddenError for a suspended account or a reader's.
 */
export function requirePoster(viewer: Viewer): Account {
  if (viewer === null) throw new SignInRequiredError("Sign in to post a work.");
  if (viewer.suspended) throw new ForbiddenError("Your account is suspended: it can read the archive, and post nothing, until the suspension ends.");
  if (!canPostWorks(viewer)) throw new ForbiddenError("Posting works needs an author's account. Ask the archive's administrators to make yours one.");
  return viewer;
}

/**
 * The work's access facts and the viewer's account, when the viewer may change the work.
 * @throws NotFoundError when there is no such work or the viewer may not know of it (another's draft);
 *   SignInRequiredError for a guest; ForbiddenError when the viewer may read it but is not one of its creators
 *   (or is suspended).
 */
export async function requireEditableWork(db: Kysely<Database>, workId: number, viewer: Viewer): Promise<{ access: WorkAccess; editor: Account }> {
  const access = await requireReadableWork(db, workId, viewer);
  if (viewer === null) throw new SignInRequiredError("Sign in to change your works.");
  const refusal = viewer.suspended ? "Your account is suspended: it cannot change works until the suspension ends." : "Only the work's creators may change it.";
  if (!canEditWork(viewer, access)) throw new ForbiddenError(refusal);
  return { access, editor: viewer };
}

/** The gates every community action passes: the work is there for this viewer, and the account may act. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { isActive, type Account, type Viewer, type WorkAccess } from "../../domain/account.js";
import { ForbiddenError, SignInRequiredError } from "../../domain/errors.js";
import { requireReadableWork } from "../archive/work-access.js";

const SUSPENDED_MESSAGE = "Your account is suspended: you can read, but not post, comment, bookmark or leave kudos.";

/** A guest, or an account that is not suspended. @throws ForbiddenError for a suspended account. */
function refuseSuspended(viewer: Viewer): void {
  if (viewer !== null && !isActive(viewer)) throw new ForbiddenError(SUSPENDED_MESSAGE);
}

/** @throws SignInRequiredError for a guest; ForbiddenError for a suspended account. */
export function requireActiveAccount(viewer: Viewer, why = "Sign in to do this."): Account {
  if (viewer === null) throw new SignInRequiredError(why);
  refuseSuspended(viewer);
  return viewer;
}

/**
 * The work's access facts, when the viewer may read it and act on it.
 * @throws NotFoundError, SignInRequiredError (see requireReadableWork); ForbiddenError for a suspended account.
 */
export async function requireWorkToActOn(db: Kysely<Database>, workId: number, viewer: Viewer): Promise<WorkAccess> {
  const access = await requireReadableWork(db, workId, viewer);
  refuseSuspended(viewer);
  return access;
}

/** The one gate before a work is shown or acted on: it exists, and this viewer may read it. */
import type { Kysely } from "kysely";
import { findWorkAccess } from "../../db/repositories/work-access.js";
import type { Database } from "../../db/schema.js";
import { canReadWork, type Viewer, type WorkAccess } from "../../domain/account.js";
import { NotFoundError, SignInRequiredError } from "../../domain/errors.js";

/**
 * @throws SignInRequiredError for a guest at a work for signed-in users only (the Archive says so too);
 * NotFoundError when there is no such work or the viewer may not know of it (a draft, a hidden work).
 */
export async function requireReadableWork(db: Kysely<Database>, workId: number, viewer: Viewer): Promise<WorkAccess> {
  const access = await findWorkAccess(db, workId);
  if (!access) throw new NotFoundError(`Work ${workId}`);
  if (canReadWork(viewer, access)) return access;
  if (viewer === null && access.visibility === "restricted" && !access.hiddenByModerator) {
    throw new SignInRequiredError("This work is only for signed-in users of this archive. Sign in to read it.");
  }
  throw new NotFoundError(`Work ${workId}`);
}

/**
 * The admins' page of tag wranglers: who wrangles which fandom. Assignments go in the moderators' log, as role
 * changes do.
 */
import type { Kysely } from "kysely";
import { insertLogEntry } from "../../db/repositories/moderation-log.js";
import { deleteWranglerAssignment, insertWranglerAssignment, listWranglerAssignments, type WranglerAssignment } from "../../db/repositories/tag-wranglers.js";
import { findUserByLoginKey } from "../../db/repositories/user-settings.js";
import { findTagById, findTagsByName } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import { requireAdmin } from "../accounts/roles.js";
import type { TagLibrary } from "./wrangle.js";

export type { WranglerAssignment };

/** @throws as requireAdmin. */
export async function listWranglersForAdmin(db: Kysely<Database>, viewer: Viewer): Promise<WranglerAssignment[]> {
  requireAdmin(viewer);
  return listWranglerAssignments(db);
}

/**
 * An admin makes the user a wrangler of the canonical fandom; assigning again changes nothing.
 * @throws as requireAdmin; ValidationError for no such user, or a fandom that is not a canonical fandom tag.
 */
export async function assignWrangler(library: TagLibrary, viewer: Viewer, login: string, fandomName: string, now: string): Promise<void> {
  const admin = requireAdmin(viewer);
  await library.engine.writeTransaction(library.db, async (trx) => {
    const user = await findUserByLoginKey(trx, nameKey(login));
    const fandom = (await findTagsByName(trx, fandomName)).find((t) => t.type === "Fandom");
    const problems: Record<string, string> = {};
    if (!user) problems.login = `No user is called "${login}".`;
    if (!fandom) problems.fandom = `No fandom is called "${fandomName}".`;
    else if (!fandom.canonical) problems.fandom = `"${fandom.name}" is not a canonical fandom: wranglers are assigned to canonical fandoms.`;
    if (!user || !fandom || problems.fandom) throw new ValidationError(problems);
    if (!(await insertWranglerAssignment(trx, user.id, fandom.id, now))) return;
    await insertLogEntry(trx, { at: now, moderatorId: admin.id, moderatorLogin: admin.login, action: "assign-wrangler", targetType: "user", targetId: user.id, reason: fandom.name });
  });
}

/** @throws as requireAdmin; NotFoundError when the user does not wrangle the fandom. */
export async function unassignWrangler(library: TagLibrary, viewer: Viewer, userId: number, fandomId: number, now: string): Promise<void> {
  const admin = requireAdmin(viewer);
  await library.engine.writeTransaction(library.db, async (trx) => {
    const fandom = await findTagById(trx, fandomId);
    if (!(await deleteWranglerAssignment(trx, userId, fandomId))) throw new NotFoundError("That wrangler's fandom");
    await insertLogEntry(trx, { at: now, moderatorId: admin.id, moderatorLogin: admin.login, action: "unassign-wrangler", targetType: "user", targetId: userId, reason: fandom?.name ?? String(fandomId) });
  });
}

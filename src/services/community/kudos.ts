/** Kudos on a work: once per account, once per guest (by a digest of their address), never from its creators. */
import type { Kysely } from "kysely";
import { addKudos } from "../../db/repositories/kudos.js";
import type { Database } from "../../db/schema.js";
import { isCreator } from "../../domain/account.js";
import { ForbiddenError } from "../../domain/errors.js";
import { requireWorkToActOn } from "./acting.js";
import { guestKey, type Visitor } from "./visitor.js";

export interface KudosDeps {
  db: Kysely<Database>;
  siteSecret: string;
  now: () => Date;
}

/**
 * Leaves kudos from the visitor; a second time changes nothing. The work's count moves in the same transaction.
 * @returns whether these kudos are new.
 * @throws NotFoundError, SignInRequiredError (the work is not there for the visitor); ForbiddenError for a
 *   suspended account or one of the work's creators.
 */
export async function giveKudos({ db, siteSecret, now }: KudosDeps, workId: number, visitor: Visitor): Promise<boolean> {
  const access = await requireWorkToActOn(db, workId, visitor.viewer);
  const giver = visitor.viewer ? { userId: visitor.viewer.id } : { guestKey: guestKey(siteSecret, visitor.address) };
  if (isCreator(visitor.viewer, access)) throw new ForbiddenError("You cannot leave kudos on your own work.");
  return db.transaction().execute((trx) => addKudos(trx, workId, giver, now().toISOString()));
}

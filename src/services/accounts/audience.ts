/** Who a reader is to a search: a member or a guest, whose works they muted, and who they are (for collections' modes). */
import type { Kysely } from "kysely";
import { GUEST_AUDIENCE, type Audience, type Viewer } from "../../domain/account.js";
import { listMutedUserIds } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";

export async function readAudience(db: Kysely<Database>, viewer: Viewer): Promise<Audience> {
  return viewer ? { members: true, mutedUsers: await listMutedUserIds(db, viewer.id), viewerId: viewer.id } : GUEST_AUDIENCE;
}

/** Every moderator action and its line in the moderators' log are written together, or not at all. */
import type { Kysely } from "kysely";
import { insertLogEntry } from "../../db/repositories/moderation-log.js";
import type { Database } from "../../db/schema.js";
import type { Account } from "../../domain/account.js";
import type { ModerationAction, ModerationTarget } from "../../domain/moderation.js";

export interface ActionRecord {
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: number;
  reason: string;
}

/** Runs `change` and writes the log entry in one transaction: an action the log does not show never happened. */
export async function recordAction(db: Kysely<Database>, moderator: Account, record: ActionRecord, now: Date, change: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await change(trx);
    await insertLogEntry(trx, { at: now.toISOString(), moderatorId: moderator.id, moderatorLogin: moderator.login, ...record });
  });
}

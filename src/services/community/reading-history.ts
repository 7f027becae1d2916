/**
 * A signed-in reader's history — the works they opened, when, how often, and whether the work changed since —
 * and the works they marked to read later. The visits themselves are recorded by work-community.ts.
 */
import { requireSignedIn } from "../accounts/roles.js";
import type { Kysely } from "kysely";
import { clearReadingHistory, isHistoryEnabled, listReadingHistory, toggleMarkedForLater, type ReadingEntry } from "../../db/repositories/reading-history.js";
import type { Database } from "../../db/schema.js";
import { loadWorkBlurbs } from "../../db/search-index.js";
import type { Audience, Viewer } from "../../domain/account.js";
import type { WorkBlurb } from "../../search/search-index.js";
import { requireActiveAccount, requireWorkToActOn } from "./acting.js";

export const HISTORY_PER_PAGE = 20;

export interface HistoryEntry extends ReadingEntry {
  blurb: WorkBlurb;
}

export interface ReadingHistory {
  /** The reader keeps a history (an account setting): visits are recorded. */
  enabled: boolean;
  total: number;
  entries: HistoryEntry[];
}

/** A page of the history, or of the works marked for later; only works the audience may see. @throws SignInRequiredError */
export async function readReadingHistory(db: Kysely<Database>, viewer: Viewer, audience: Audience, options: { markedOnly: boolean; page: number }): Promise<ReadingHistory> {
  const account = requireSignedIn(viewer, "Sign in to see your history.");
  const [enabled, { total, entries }] = await Promise.all([
    isHistoryEnabled(db, account.id),
    listReadingHistory(db, account.id, audience, { ...options, perPage: HISTORY_PER_PAGE }),
  ]);
  const blurbs = new Map((await loadWorkBlurbs(db, entries.map((e) => e.workId))).map((b) => [b.id, b]));
  return { enabled, total, entries: entries.flatMap((e) => { const blurb = blurbs.get(e.workId); return blurb ? [{ ...e, blurb }] : []; }) };
}

/**
 * Marks the work to read later, or takes the mark off. @returns whether it is marked now.
 * @throws SignInRequiredError, ForbiddenError (suspended), NotFoundError (see requireReadableWork)
 */
export async function toggleMarkForLater(deps: { db: Kysely<Database>; now: () => Date }, workId: number, viewer: Viewer): Promise<boolean> {
  const account = requireActiveAccount(viewer, "Sign in to mark works for later.");
  await requireWorkToActOn(deps.db, workId, account);
  return toggleMarkedForLater(deps.db, account.id, workId, deps.now().toISOString());
}

/** Forgets what the viewer read, keeping the works marked for later. @throws SignInRequiredError */
export async function clearHistory(db: Kysely<Database>, viewer: Viewer): Promise<void> {
  await clearReadingHistory(db, requireSignedIn(viewer, "Sign in to clear your history.").id);
}

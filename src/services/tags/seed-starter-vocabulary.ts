/**
 * The starter vocabulary shipped in `vocabulary/*.yaml`, stored in every library on its first use and again when
 * Quire ships a newer one: the library's settings record which version it holds, and a newer version adds what
 * is new without undoing any wrangling (see storeVocabulary).
 */
import { claimSetting, readSetting } from "../../db/repositories/library-settings.js";
import { storeVocabulary, type StoreVocabularyReport } from "../../db/repositories/vocabulary.js";
import { insertWrangling } from "../../db/repositories/wrangling-history.js";
import { starterVocabulary, starterVocabularyVersion } from "../../tags/starter-vocabulary.js";
import type { VocabularyFile } from "../../tags/vocabulary-file.js";
import type { TagLibrary } from "./wrangle.js";

/** The setting that holds the version of the starter vocabulary a library has stored. */
export const STARTER_VOCABULARY_SETTING = "starter_vocabulary_version";

export interface StarterVocabulary {
  /** Changes whenever the vocabulary's content does. */
  version: string;
  /** The vocabulary itself, read only when a library needs it (parsing the YAML takes a good part of a second). */
  load(): VocabularyFile;
}

let shipped: StarterVocabulary | undefined;

/** The starter vocabulary shipped with this Quire, versioned by its files' bytes (see starterVocabularyVersion). */
export function shippedStarterVocabulary(): StarterVocabulary {
  shipped ??= { version: starterVocabularyVersion(), load: starterVocabulary };
  return shipped;
}

export interface SeedOutcome {
  version: string;
  report: StoreVocabularyReport;
}

/**
 * Stores the starter vocabulary unless the library holds this version already, in one transaction, with a history
 * row. Processes that start together store it once: the first to claim the version does, the others find it
 * current.
 * @returns null when there was nothing to do.
 */
export async function seedStarterVocabulary(library: TagLibrary, starter: StarterVocabulary = shippedStarterVocabulary()): Promise<SeedOutcome | null> {
  if ((await readSetting(library.db, STARTER_VOCABULARY_SETTING)) === starter.version) return null;
  const now = new Date().toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    if (!(await claimSetting(trx, STARTER_VOCABULARY_SETTING, starter.version))) return null;
    const report = await storeVocabulary(trx, starter.load(), now);
    await insertWrangling(trx, { operation: "seed", tagId: null, otherTagId: null, detail: { version: starter.version, ...report } }, now);
    return { version: starter.version, report };
  });
}

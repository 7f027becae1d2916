/**
 * `quire tags import|export` in Quire's own vocabulary file (the format of `vocabulary/*.yaml`): what the
 * Archive's dump lacks, from aliases and ship names to parent fandoms and character gender.
 */
import type { Kysely } from "kysely";
import { stringify } from "yaml";
import { readVocabulary, storeVocabulary } from "../../db/repositories/vocabulary.js";
import { insertWrangling } from "../../db/repositories/wrangling-history.js";
import type { Database } from "../../db/schema.js";
import { ValidationError } from "../../domain/errors.js";
import { parseVocabularyFile } from "../../tags/starter-vocabulary.js";
import { relationshipName, type VocabularyFile } from "../../tags/vocabulary-file.js";
import type { TagImportReport } from "./tag-dump.js";
import type { TagLibrary } from "./wrangle.js";

/**
 * Stores a vocabulary file in the library, adding to its wrangling and never undoing it: what the file would
 * wrangle otherwise than the library has (a synonym the library gives to another tag, say) stays as the library
 * has it, and is counted as kept.
 * @throws ValidationError for a file that is not a vocabulary file (naming the field); VocabularyError for one
 *   that names tags neither it nor the library has.
 */
export async function importVocabularyFile(library: TagLibrary, text: string, source: string): Promise<TagImportReport> {
  let file: VocabularyFile;
  try {
    file = parseVocabularyFile(text, source);
  } catch (error) {
    throw new ValidationError({ file: error instanceof Error ? error.message : String(error) });
  }
  const now = new Date().toISOString();
  return library.engine.writeTransaction(library.db, async (trx) => {
    const { created, madeCanonical, merged, linked, kept, worksRefreshed } = await storeVocabulary(trx, file, now);
    const entries = file.fandoms.length + file.characters.length + file.relationships.length + file.freeforms.length;
    const report: TagImportReport = { format: "quire", entries, created, madeCanonical, merged, linked, kept, rejected: [], worksRefreshed };
    await insertWrangling(trx, { operation: "import", tagId: null, otherTagId: null, detail: { source, ...report, rejected: 0 } }, now);
    return report;
  });
}

export interface VocabularyExport {
  text: string;
  /** Entries the file format cannot hold: characters without a fandom, relationships of unknown characters. */
  omitted: string[];
}

/** The library's vocabulary as a vocabulary file that `importVocabularyFile` (and the starter loader) read back. */
export async function exportVocabularyFile(db: Kysely<Database>): Promise<VocabularyExport> {
  const vocabulary = await readVocabulary(db);
  const characters = vocabulary.characters.filter((c) => c.fandoms.length > 0);
  const known = new Set(characters.map((c) => c.name));
  const relationships = vocabulary.relationships.filter((r) => r.members.every((m) => known.has(m)));
  const omitted = [
    ...vocabulary.characters.filter((c) => c.fandoms.length === 0).map((c) => `character "${c.name}" (no fandom)`),
    ...vocabulary.relationships.filter((r) => !relationships.includes(r)).map((r) => `relationship "${relationshipName(r)}" (a member is no character of the file)`),
  ];
  const file: VocabularyFile = { ...vocabulary, characters, relationships };
  return { text: stringify(file, { lineWidth: 0 }), omitted };
}

/**
 * Builds what the CLI (and later the web server) runs on: the library's database, migrated and holding the
 * starter vocabulary, and the search index over it. Tests build the same with their own database.
 */
import type { DatabaseTarget } from "./config.js";
import { openLibrary, type Library } from "./db/connect.js";
import { createSearchIndex } from "./db/search-index.js";
import type { SearchIndex } from "./search/search-index.js";
import { seedStarterVocabulary } from "./services/tags/seed-starter-vocabulary.js";

export interface Quire {
  library: Library;
  searchIndex: SearchIndex;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Store the starter vocabulary when the library lacks this version of it (default true). Tests that build
   *  their own vocabulary turn it off. */
  starterVocabulary?: boolean;
}

export async function openQuire(target: DatabaseTarget, options: OpenOptions = {}): Promise<Quire> {
  const library = await openLibrary(target);
  try {
    if (options.starterVocabulary ?? true) await seedStarterVocabulary(library);
  } catch (error) {
    await library.close();
    throw error;
  }
  return { library, searchIndex: createSearchIndex(library), close: () => library.close() };
}

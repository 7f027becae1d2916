/**
 * Builds what the CLI (and later the web server) runs on: the library's database, migrated, and the search index
 * over it. Tests build the same with their own database.
 */
import type { DatabaseTarget } from "./config.js";
import { openLibrary, type Library } from "./db/connect.js";
import { createSearchIndex } from "./db/search-index.js";
import type { SearchIndex } from "./search/search-index.js";

export interface Quire {
  library: Library;
  searchIndex: SearchIndex;
  close(): Promise<void>;
}

export async function openQuire(target: DatabaseTarget): Promise<Quire> {
  const library = await openLibrary(target);
  return { library, searchIndex: createSearchIndex(library), close: () => library.close() };
}

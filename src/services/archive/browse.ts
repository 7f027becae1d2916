/** Small reads the archive's pages make: an author by name, tag suggestions as a reader types. */
import type { Kysely } from "kysely";
import type { Audience } from "../../domain/account.js";
import { findAuthorName, suggestTags, type TagSuggestion } from "../../db/repositories/archive-pages.js";
import type { Database } from "../../db/schema.js";
import { NotFoundError } from "../../domain/errors.js";
import type { TagType } from "../../domain/tags/tag-type.js";

/** The author's name as the library holds it. @throws NotFoundError */
export async function readAuthorName(db: Kysely<Database>, name: string): Promise<string> {
  const found = await findAuthorName(db, name);
  if (found === undefined) throw new NotFoundError(`The author “${name}”`);
  return found;
}

export const MAX_SUGGESTIONS = 10;

/**
 * Tags to filter by for what a reader has typed so far (two characters at least), canonical ones first; an
 * unwrangled tag only when the audience may see a work that carries it.
 */
export function suggestFilterTags(db: Kysely<Database>, text: string, type: TagType | null, audience: Audience): Promise<TagSuggestion[]> {
  return text.trim().length < 2 ? Promise.resolve([]) : suggestTags(db, text, type, MAX_SUGGESTIONS, audience);
}

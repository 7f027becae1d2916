/**
 * Wrangling on the web: the queue of unwrangled tags a wrangler may wrangle, each with the canonical tags its name
 * most resembles, and actions on many tags at once. An action on several tags is one transaction made of the
 * command line's own operations (make canonical, merge, parent add), each refreshing its works' filters and
 * recorded in the wrangling history, so search results and counts follow the moment it returns.
 */
import type { Kysely } from "kysely";
import { listCanonicalTags, listUnwrangledPage } from "../../db/repositories/wrangling-queue.js";
import { findTagsByIds, type UnwrangledTag, type WrangledTag } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { ValidationError, WranglingError } from "../../domain/errors.js";
import { TrigramIndex } from "../../domain/tags/tag-similarity.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { FIXED_TAG_TYPES } from "../../domain/tags/wrangling-rules.js";
import { findTag } from "./find-tags.js";
import { makeCanonicalStep } from "./make-canonical.js";
import { mergeStep } from "./merge-tag.js";
import { addParentStep } from "./tag-links.js";
import { wrangleAll, type TagLibrary, type WranglingStep } from "./wrangle.js";
import { assertMayWrangle, assertWranglesFandom, requireWrangler, type WranglerScope } from "./wrangler-scope.js";

export const QUEUE_PAGE_SIZE = 50;
/** Suggestions per tag, and how alike two names must be (trigram Dice) to be suggested. */
const SUGGESTIONS = 3;
const SUGGESTION_THRESHOLD = 0.35;
/** At most this many tags in one action: a page of the queue and then some. */
export const MAX_BULK_TAGS = 200;

export interface Suggestion {
  id: number;
  name: string;
  /** 0 to 1. */
  similarity: number;
}

export interface QueueEntry extends UnwrangledTag {
  suggestions: Suggestion[];
}

export interface QueueRequest {
  type: TagType | null;
  /** A canonical fandom's name: only its tags. */
  fandom: string | null;
  page: number;
}

export interface WranglingQueue {
  scope: WranglerScope;
  type: TagType | null;
  fandom: WrangledTag | null;
  total: number;
  page: number;
  pages: number;
  tags: QueueEntry[];
}

/**
 * A page of the unwrangled tags the viewer may wrangle, the most used first, with suggestions among the canonical
 * tags of each one's type.
 * @throws as requireWrangler; ValidationError for a fandom that is no canonical fandom; ForbiddenError for a
 *   fandom the wrangler does not wrangle.
 */
export async function readWranglingQueue(db: Kysely<Database>, viewer: Viewer, request: QueueRequest): Promise<WranglingQueue> {
  const { scope } = await requireWrangler(db, viewer);
  const fandom = request.fandom === null ? null : await findCanonicalFandom(db, request.fandom, "fandom");
  if (fandom) assertWranglesFandom(scope, fandom);
  const fandomIds = fandom ? [fandom.id] : scope.everything ? null : scope.fandoms.map((f) => f.id);
  const { total, tags } = await listUnwrangledPage(db, {
    type: request.type, fandomIds, fixedTypes: FIXED_TAG_TYPES, offset: (request.page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE,
  });
  const canonical = await listCanonicalTags(db, [...new Set(tags.map((t) => t.type))]);
  const indexes = new Map<TagType, TrigramIndex<{ id: number; name: string }>>();
  for (const type of new Set(canonical.map((t) => t.type))) indexes.set(type, new TrigramIndex(canonical.filter((t) => t.type === type), (t) => t.name));
  return {
    scope, type: request.type, fandom, total, page: request.page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    tags: tags.map((tag) => ({
      ...tag,
      suggestions: (indexes.get(tag.type)?.nearest(tag.name, { limit: SUGGESTIONS, threshold: SUGGESTION_THRESHOLD }) ?? [])
        .map(({ item, similarity }) => ({ id: item.id, name: item.name, similarity })),
    })),
  };
}

/** What to do with the tags chosen: make each canonical, make each a synonym of one canonical tag of its type
 *  (named, or by id when a suggestion was accepted), or file each under a canonical fandom. */
export type BulkAction =
  | { action: "canonical" }
  | { action: "merge"; into: { name: string } | { id: number } }
  | { action: "parent"; fandom: string };

export interface BulkOutcome {
  /** Tags the action changed (those already as asked are not counted). */
  changed: number;
  /** Works whose filters were refreshed. */
  works: number;
}

/**
 * Does the action to every tag, in one transaction: all of it or, when one tag cannot take it, none of it. Each
 * history row's detail names the wrangler (`by`).
 * @throws as requireWrangler; ForbiddenError for a tag in none of the wrangler's fandoms or a fandom they do not
 *   wrangle; ValidationError saying which tag could not take the action and why (the wrangling rules' message).
 */
export async function wrangleTags(library: TagLibrary, viewer: Viewer, tagIds: readonly number[], request: BulkAction): Promise<BulkOutcome> {
  const { account, scope } = await requireWrangler(library.db, viewer);
  if (tagIds.length === 0) throw new ValidationError({ tags: "Choose the tags to wrangle." });
  if (tagIds.length > MAX_BULK_TAGS) throw new ValidationError({ tags: `Choose at most ${MAX_BULK_TAGS} tags at once.` });
  const found = await findTagsByIds(library.db, tagIds);
  const tags = [...new Set(tagIds)].map((id) => found.get(id)).filter((t) => t !== undefined);
  if (tags.length < new Set(tagIds).size) throw new ValidationError({ tags: "Some of those tags are no longer in the archive: reload the page." });
  await assertMayWrangle(library.db, scope, tags);
  const steps = await stepsFor(library.db, scope, tags, request);
  try {
    // The history names who wrangled on the web; the command line's rows name nobody, as its user owns the library.
    const outcomes = await wrangleAll(library, steps, { by: account.login });
    return { changed: outcomes.filter((o) => o.changed).length, works: outcomes.reduce((sum, o) => sum + o.works, 0) };
  } catch (error) {
    if (error instanceof WranglingError) throw new ValidationError({ tags: `${error.message}. Nothing was changed.` });
    throw error;
  }
}

async function stepsFor(db: Kysely<Database>, scope: WranglerScope, tags: readonly WrangledTag[], request: BulkAction): Promise<WranglingStep<object>[]> {
  const ref = (tag: WrangledTag) => ({ name: tag.name, type: tag.type });
  switch (request.action) {
    case "canonical":
      return tags.map((tag) => makeCanonicalStep(ref(tag)));
    case "merge": {
      const into = await mergeTarget(db, request.into);
      return tags.map((tag) => mergeStep(ref(tag), { name: into.name, type: into.type ?? tag.type }));
    }
    case "parent": {
      const fandom = await findCanonicalFandom(db, request.fandom, "fandom");
      assertWranglesFandom(scope, fandom);
      return tags.map((tag) => addParentStep(ref(tag), ref(fandom)));
    }
  }
}

/** The canonical tag to merge into: a suggestion's, by id, with its type; or one named, of each tag's type.
 *  @throws ValidationError for a suggestion no longer there, or no name. */
async function mergeTarget(db: Kysely<Database>, into: { name: string } | { id: number }): Promise<{ name: string; type: TagType | null }> {
  if ("name" in into) {
    if (into.name.trim() === "") throw new ValidationError({ into: "Name the canonical tag the tags become synonyms of." });
    return { name: into.name.trim(), type: null };
  }
  const target = (await findTagsByIds(db, [into.id])).get(into.id);
  if (!target) throw new ValidationError({ into: "That canonical tag is no longer in the archive: reload the page." });
  return target;
}

/** @throws ValidationError on `field` unless the name is a canonical fandom's. */
async function findCanonicalFandom(db: Kysely<Database>, name: string, field: string): Promise<WrangledTag> {
  const fandom = await findTag(db, { name, type: "Fandom" }).catch((error: unknown) => {
    if (error instanceof WranglingError) throw new ValidationError({ [field]: `No fandom is called "${name}".` });
    throw error;
  });
  if (!fandom.canonical) throw new ValidationError({ [field]: `"${fandom.name}" is not a canonical fandom.` });
  return fandom;
}

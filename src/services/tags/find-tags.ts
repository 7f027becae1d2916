/** Tags named by a wrangler: one name, or two names whose types must fit an operation. */
import type { Kysely } from "kysely";
import { findTagsByName, type WrangledTag } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { AmbiguousTagError, WranglingError } from "../../domain/errors.js";
import type { TagRef } from "../../search/work-search.js";

/**
 * Every tag the reference names: those with the name, of its type when it names one.
 * @throws WranglingError("unknown-tag") when there is none.
 */
export async function findTagsNamed(db: Kysely<Database>, ref: TagRef): Promise<[WrangledTag, ...WrangledTag[]]> {
  const [first, ...rest] = (await findTagsByName(db, ref.name)).filter((t) => ref.type === null || t.type === ref.type);
  if (!first) throw new WranglingError("unknown-tag", `no ${ref.type ? `${ref.type} ` : ""}tag is named "${ref.name}"`);
  return [first, ...rest];
}

/**
 * The one tag the reference names.
 * @throws WranglingError("unknown-tag") when none has the name; AmbiguousTagError when several types do and the
 *   reference names no type.
 */
export async function findTag(db: Kysely<Database>, ref: TagRef): Promise<WrangledTag> {
  const found = await findTagsNamed(db, ref);
  if (found.length > 1) throw new AmbiguousTagError(ref.name, found.map((t) => t.type));
  return found[0];
}

/**
 * The two tags a pair operation names, chosen among the types each name has so that `fits` holds: "Angel" and
 * "Angel: the Series" as a parent link can only be the Character under the Fandom.
 * @throws WranglingError("unknown-tag") for a name no tag has; WranglingError("wrong-type") with `mismatch`'s
 *   message when no pair of their types fits; AmbiguousTagError when several do.
 */
export async function findTagPair(
  db: Kysely<Database>,
  first: TagRef,
  second: TagRef,
  fits: (a: WrangledTag, b: WrangledTag) => boolean,
  mismatch: (a: WrangledTag, b: WrangledTag) => string,
): Promise<[WrangledTag, WrangledTag]> {
  const firsts = await findTagsNamed(db, first);
  const seconds = await findTagsNamed(db, second);
  const pairs = firsts.flatMap((a) => seconds.filter((b) => fits(a, b)).map((b): [WrangledTag, WrangledTag] => [a, b]));
  const [pair, other] = pairs;
  if (!pair) throw new WranglingError("wrong-type", mismatch(firsts[0], seconds[0]));
  if (other) {
    const ambiguous = new Set(pairs.map(([a]) => a.type)).size > 1 ? first : second;
    throw new AmbiguousTagError(ambiguous.name, [...new Set(pairs.map(([a, b]) => (ambiguous === first ? a : b).type))]);
  }
  return pair;
}

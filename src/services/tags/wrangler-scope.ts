/**
 * Who may wrangle which tags on the web. Moderators and admins wrangle every tag, as they moderate every work; any
 * other account wrangles the tags of the fandoms an admin gave it (tag_wranglers), whatever its role. A tag is in
 * a fandom when it is filed under it, when a work that carries it filters as the fandom (or as a franchise over
 * it), or when it is the fandom or one of its synonyms (repositories/tag-wranglers.ts). A tag in no fandom at all
 * is the moderators' and admins' to wrangle. Suspended accounts wrangle nothing. The command line (`quire tags`)
 * is the library's owner's and asks none of this.
 */
import type { Kysely } from "kysely";
import { findTagsOutsideFandoms, listWranglerFandoms } from "../../db/repositories/tag-wranglers.js";
import type { WrangledTag } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { hasRole, type Account, type Viewer } from "../../domain/account.js";
import { ForbiddenError, SignInRequiredError } from "../../domain/errors.js";

/** What a wrangler may wrangle: every tag, or the tags of these fandoms. */
export type WranglerScope = { everything: true } | { everything: false; fandoms: readonly { id: number; name: string }[] };

export interface Wrangler {
  account: Account;
  scope: WranglerScope;
}

/**
 * @throws SignInRequiredError for a guest; ForbiddenError for a suspended account, and for one that is neither a
 *   moderator nor an admin and wrangles no fandom.
 */
export async function requireWrangler(db: Kysely<Database>, viewer: Viewer): Promise<Wrangler> {
  if (viewer === null) throw new SignInRequiredError("Sign in as a tag wrangler to see this.");
  if (viewer.suspended) throw new ForbiddenError("Your account is suspended: a suspended account cannot wrangle tags.");
  if (hasRole(viewer, "moderator")) return { account: viewer, scope: { everything: true } };
  const fandoms = await listWranglerFandoms(db, viewer.id);
  if (fandoms.length === 0) throw new ForbiddenError("Only the archive's tag wranglers may wrangle tags: an admin assigns wranglers to fandoms.");
  return { account: viewer, scope: { everything: false, fandoms } };
}

/** @throws ForbiddenError naming the tags that are in none of the wrangler's fandoms. */
export async function assertMayWrangle(db: Kysely<Database>, scope: WranglerScope, tags: readonly WrangledTag[]): Promise<void> {
  if (scope.everything) return;
  const outside = new Set(await findTagsOutsideFandoms(db, tags.map((t) => t.id), scope.fandoms.map((f) => f.id)));
  if (outside.size === 0) return;
  const names = tags.filter((t) => outside.has(t.id)).map((t) => `"${t.name}"`).join(", ");
  throw new ForbiddenError(`${names} ${outside.size === 1 ? "is" : "are"} in none of your fandoms (${scope.fandoms.map((f) => f.name).join(", ")}): a wrangler of ${outside.size === 1 ? "its fandom" : "their fandoms"}, or a moderator, may wrangle ${outside.size === 1 ? "it" : "them"}.`);
}

/** @throws ForbiddenError unless the wrangler wrangles the fandom (or everything). */
export function assertWranglesFandom(scope: WranglerScope, fandom: WrangledTag): void {
  if (scope.everything || scope.fandoms.some((f) => f.id === fandom.id)) return;
  throw new ForbiddenError(`You do not wrangle "${fandom.name}": only its wranglers, and moderators, may file tags under it.`);
}

/** What the API's routes run on and what each request carries: the caller its token names, or none (a guest). */
import type { Viewer } from "../../domain/account.js";
import type { ApiCaller } from "../../services/accounts/api-tokens.js";
import type { PublicOrigin } from "../env.js";
import { mutedTagRefs, readPrefsJson } from "../reader-prefs.js";

export interface ApiEnv {
  Variables: { trustProxy: boolean; publicOrigin: PublicOrigin; caller: ApiCaller | null };
}

/** The tags the caller muted in their reader preferences: their works leave the API's results and counts too. */
export function mutedTagsOf(caller: ApiCaller | null): { name: string; type: null }[] {
  return caller ? mutedTagRefs(readPrefsJson(caller.prefs)) : [];
}

/** Whom the request acts as: the token's user, or a guest. */
export function viewerOf(caller: ApiCaller | null): Viewer {
  return caller?.account ?? null;
}

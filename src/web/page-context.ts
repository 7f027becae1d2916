/** What every page needs to know about the request besides its own data: who reads, and how they like to read. */
import type { Audience, Viewer } from "../domain/account.js";
import type { Assets } from "./assets.js";
import type { ReaderPrefs } from "./reader-prefs.js";

export interface PageContext {
  prefs: ReaderPrefs;
  assets: Assets;
  /** The archive's owner is reading (the owner key, or an admin account): provenance and other owners' views are shown. */
  owner: boolean;
  /** The signed-in account, or null for a guest. */
  viewer: Viewer;
  /** What listings and counts may show this reader. */
  audience: Audience;
  /** The token every form on the page sends back (web/csrf.ts). */
  csrfToken: string;
  /** The path and query of this request, for forms that come back to it. */
  here: string;
  /**
   * A page of the static copy of the archive (`quire export-site`): no server answers it, so it has no forms, no
   * account, no preferences and no script of the app's.
   */
  staticSite?: boolean;
}

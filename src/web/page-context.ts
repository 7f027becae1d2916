/** What every page needs to know about the request besides its own data: who reads, and how they like to read. */
import type { Assets } from "./assets.js";
import type { ReaderPrefs } from "./reader-prefs.js";

export interface PageContext {
  prefs: ReaderPrefs;
  assets: Assets;
  /** The archive's owner is reading: provenance and other owners' views are shown. */
  owner: boolean;
  /** The path and query of this request, for forms that come back to it. */
  here: string;
}

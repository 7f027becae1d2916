/** What the web app runs on, and what each request carries through its middleware. */
import type { SearchIndex } from "../search/search-index.js";
import type { SignedIn } from "../services/accounts/sessions.js";
import type { AccountLibrary } from "../services/accounts/account-library.js";
import type { Mailer } from "../services/mail/mailer.js";
import type { ArchiveSearch } from "../services/archive/archive-search.js";
import type { RateLimiter } from "../services/rate-limit.js";
import type { SearchDeps } from "../services/search-works.js";
import type { Assets } from "./assets.js";
import type { PageContext } from "./page-context.js";
import type { RequestLimits } from "./request-limits.js";

/**
 * The archive's own address, never read off a request: `quire serve --origin` (or QUIRE_ORIGIN), else the address
 * the server listens on. A Host or X-Forwarded-Host header is the client's to write, so a link built from it and
 * mailed to someone else (a password reset asked for in the victim's name) would carry its token to the
 * attacker's site.
 */
export interface PublicOrigin {
  /** `https://archive.example`: scheme, host and port, nothing after. */
  readonly url: string;
  /** The operator gave it (true), or it is the listen address (false). */
  readonly configured: boolean;
}

export interface WebDeps {
  db: SearchDeps["db"];
  /** The database engine: its write transactions, and the full-text index that posting and renamed pseuds keep. */
  engine: AccountLibrary["engine"];
  searchIndex: SearchIndex;
  assets: Assets;
  /** The secret that makes a browser the archive's owner (it sees provenance); null: nobody is. */
  ownerKey: string | null;
  /** The clock relative dates ("< 2 weeks") are read against. */
  now: () => Date;
  /** A TLS proxy in front sets X-Forwarded-Proto and X-Forwarded-Host, and they are to be believed. */
  trustProxy: boolean;
  /** Where the archive is: the address mailed links give, and, when configured, every absolute address. */
  publicOrigin: PublicOrigin;
  /** Password resets, invitations and notifications go out through this. */
  mailer: Mailer;
  /** The archive's own secret, for keyed digests of what must not be stored (a guest's address, say). */
  siteSecret: string;
  /** Requests a minute per client address and writes a minute per account (request-limits.tsx); 0 is no limit. */
  limits: RequestLimits;
}

/** What the routes run on: the dependencies, with the archive's search built over them. */
export interface RouteDeps extends WebDeps {
  search: ArchiveSearch;
  /** Comments per account or guest address: one limiter for the pages and the API, so neither adds to the other's. */
  commentLimiter: RateLimiter;
  /**
   * Counts a signed-in account's state-changing request, from the pages or the API: one window for both.
   * @throws RateLimitedError past the account's limit.
   */
  countWrite: (accountId: number) => void;
}

export interface WebEnv {
  Variables: {
    page: PageContext;
    trustProxy: boolean;
    publicOrigin: PublicOrigin;
    /**
     * On the addresses reader apps fetch (reader-apps.ts): who their Basic credentials signed in, if anyone; null
     * on every other address.
     */
    readerApp: { signedIn: SignedIn | null } | null;
  };
}

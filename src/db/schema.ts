/**
 * The tables, as Kysely sees them: one interface for SQLite and PostgreSQL alike. Dates are ISO-8601 text
 * (`YYYY-MM-DD` for story dates, full timestamps for row times) and flags are 0/1 integers in both engines, so
 * rows read back the same whichever engine stored them. The full-text index is engine-specific and lives with
 * its dialect (db/dialects/), outside this interface.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { TagType } from "../domain/tags/tag-type.js";
import type { ReviewDecision } from "../domain/review.js";
import type { InferredValue, WorkStatus } from "../domain/work.js";
import type { ApiTokenScope, CommentPolicy, CommentStatus, Role, SubscriptionTarget, WorkVisibility } from "../domain/account.js";
import type { ReportCategory } from "../domain/moderation.js";
import type { ChallengeKind, PromptTagType } from "../domain/challenges/challenge.js";
import type { CollectionItemStatus, CollectionState, MaintainerRole } from "../domain/collections/collection.js";

/** 0 or 1. */
type Flag = number;

export interface WorksTable {
  id: Generated<number>;
  title: string;
  /** Lower case, leading articles and punctuation dropped: what title sorts use. */
  title_sort: string;
  /** The first author's sort key, or "" for an anonymous work. */
  authors_sort: string;
  summary: string | null;
  notes: string | null;
  end_notes: string | null;
  disclaimer: string | null;
  /** ISO 639-1 */
  language: string;
  status: WorkStatus;
  /** The rating as the file wrote it; the rating itself is a Rating tag. */
  rating_raw: string | null;
  word_count: number;
  stated_word_count: number | null;
  chapter_count: number;
  /** Date posted, `YYYY-MM-DD`. */
  published: string | null;
  /** Date updated (the Archive's `revised_at`): the last update, else the date posted. */
  revised: string | null;
  source_url: string | null;
  /** Two or more fandoms that share no meta tag (the Archive's rule); kept with the filters. */
  crossover: Flag;
  hits: Generated<number>;
  kudos: Generated<number>;
  comments: Generated<number>;
  bookmarks: Generated<number>;
  /** A hash of the story text alone, normalised: the same story under another name has the same one. */
  fingerprint: string;
  visibility: ColumnType<WorkVisibility, WorkVisibility | undefined, WorkVisibility>;
  /** A moderator hid the work: only its creators and moderators see it. */
  hidden_by_moderator: ColumnType<Flag, Flag | undefined, Flag>;
  comment_policy: ColumnType<CommentPolicy, CommentPolicy | undefined, CommentPolicy>;
  /** New comments wait for the creators' approval. */
  moderate_comments: ColumnType<Flag, Flag | undefined, Flag>;
  /** JSON: per-field provenance, as ParsedWork.provenance. */
  provenance: string;
  /** JSON: header fields with no column of their own. */
  extra: string;
  created_at: string;
  updated_at: string;
  /** The chapters the author expects a work in progress to have ("2/5"); null: not said. */
  expected_chapters: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ChaptersTable {
  id: Generated<number>;
  work_id: number;
  /** 1-based order within the work. */
  position: number;
  title: string | null;
  summary: string | null;
  notes: string | null;
  end_notes: string | null;
  word_count: number;
  /** Plain text: paragraphs separated by a blank line. */
  text: string;
  /** Sanitized HTML (SafeHtml). */
  html: string;
  /** What the author typed on the web, before it became HTML; null for chapters read from files. */
  source: ColumnType<string | null, string | null | undefined, string | null>;
  /** The format `source` is in: "html", "markdown" or "text". */
  source_format: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuthorsTable {
  id: Generated<number>;
  name: string;
  /** The name folded for matching (lower case, spaces collapsed): unique. */
  name_key: string;
  /** The user whose pseud this is; null for an author only known from imported files. */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface WorkAuthorsTable {
  work_id: number;
  author_id: number;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  type: TagType;
  name: string;
  /** The name folded for matching: unique within a type. */
  name_key: string;
  canonical: Flag;
  /** Set when this tag is a synonym: the canonical tag it was merged into. */
  merger_id: number | null;
  created_at: string;
  updated_at: string;
  /** JSON (TagDetails): a character's gender and mention forms, a relationship's members and ship names, a
   *  fandom's creators and places. Null when the tag has none. */
  details: string | null;
}

/** The Archive's common taggings: fandom → character, relationship, freeform; character → relationship. */
export interface TagParentsTable {
  parent_id: number;
  child_id: number;
}

/** Direct meta taggings within one type ("Alternate Universe" → "Alternate Universe - Coffee Shops"). */
export interface MetaTagsTable {
  meta_id: number;
  sub_id: number;
}

/** The tags a work was given, as given, in the order given. */
export interface WorkTagsTable {
  work_id: number;
  tag_id: number;
  position: number;
}

/**
 * What search filters on (the Archive's filter_taggings): each work linked to the tag every one of its tags
 * filters as (its canonical tag, or itself while unwrangled) and to all their meta tags (`inherited` = 1).
 */
export interface WorkFiltersTable {
  work_id: number;
  tag_id: number;
  inherited: Flag;
}

export interface SeriesTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  created_at: string;
  /** The user who made the series on the web; null for a series named in imported files. */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
  summary: ColumnType<string | null, string | null | undefined, string | null>;
  notes: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SeriesWorksTable {
  series_id: number;
  work_id: number;
  /** The work's part in the series, 1-based. */
  position: number;
}

/** A group of works (domain/collections/collection.ts): made by a user on the web, or by the importer from a header. */
export interface CollectionsTable {
  id: Generated<number>;
  /** The short name in its address. */
  name: string;
  name_key: string;
  created_at: string;
  /** The user who made it; null for a collection the importer made. */
  owner_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The display title (the name, for collections the importer made). */
  title: ColumnType<string, string | undefined, string>;
  /** Plain text. */
  description: ColumnType<string | null, string | null | undefined, string | null>;
  /** The collection this one is a sub-collection of; never a cycle (the services check). */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  state: ColumnType<CollectionState, CollectionState | undefined, CollectionState>;
  /** Creators are hidden on the works while they are in it. */
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  /** Its works are hidden from all but their authors and the maintainers until it is revealed. */
  unrevealed: ColumnType<Flag, Flag | undefined, Flag>;
  /** Null until its settings first change. */
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The users who run a collection: its owners and its moderators. */
export interface CollectionMaintainersTable {
  collection_id: number;
  user_id: number;
  role: MaintainerRole;
  added_at: string;
}

/** A gift exchange or prompt meme run by a collection (migration 0015; domain/challenges/). Times are ISO text. */
export interface ChallengesTable {
  id: Generated<number>;
  collection_id: number;
  kind: ChallengeKind;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  /** The collection stays unrevealed until then (null: never unrevealed). */
  works_reveal_at: string | null;
  /** The collection stays anonymous until then (null: never anonymous). */
  creators_reveal_at: string | null;
  requests_min: ColumnType<number, number | undefined, number>;
  requests_max: ColumnType<number, number | undefined, number>;
  offers_min: ColumnType<number, number | undefined, number>;
  offers_max: ColumnType<number, number | undefined, number>;
  match_fandom: ColumnType<number, number | undefined, number>;
  match_relationship: ColumnType<number, number | undefined, number>;
  match_character: ColumnType<number, number | undefined, number>;
  match_freeform: ColumnType<number, number | undefined, number>;
  prompts_max: ColumnType<number, number | undefined, number>;
  matched_at: ColumnType<string | null, string | null | undefined, string | null>;
  assignments_sent_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

/** One participant's sign-up to one challenge. */
export interface ChallengeSignupsTable {
  id: Generated<number>;
  challenge_id: number;
  user_id: number;
  created_at: string;
  updated_at: string;
}

/** A request or offer (gift exchange) or a prompt (prompt meme) of a sign-up. */
export interface ChallengePromptsTable {
  id: Generated<number>;
  signup_id: number;
  side: "request" | "offer" | "prompt";
  position: number;
  text: ColumnType<string, string | undefined, string>;
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

/** A tag of a prompt, as typed. */
export interface ChallengePromptTagsTable {
  prompt_id: number;
  type: PromptTagType;
  position: number;
  name: string;
  name_key: string;
}

/** Who writes for whom in a gift exchange. */
export interface ChallengeAssignmentsTable {
  id: Generated<number>;
  challenge_id: number;
  giver_signup_id: number | null;
  recipient_signup_id: number;
  pinch_hitter_id: ColumnType<number | null, number | null | undefined, number | null>;
  defaulted: ColumnType<Flag, Flag | undefined, Flag>;
  fulfilled_by_work_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
}

/** A user's claim on a meme's prompt, and the work that filled it. */
export interface ChallengeClaimsTable {
  id: Generated<number>;
  prompt_id: number;
  user_id: number;
  created_at: string;
  filled_by_work_id: ColumnType<number | null, number | null | undefined, number | null>;
  filled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A work in a collection, and where it stands (approved, pending, invited, rejected). */
export interface CollectionWorksTable {
  collection_id: number;
  work_id: number;
  status: ColumnType<CollectionItemStatus, CollectionItemStatus | undefined, CollectionItemStatus>;
  /** When it was asked for, invited or added; null only for rows of works since gone from the store's history. */
  added_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * Import provenance: every file the importer has read, with the work it became. A file read again with the same
 * hash is unchanged; a file with the story of another work is kept as a `duplicate` source of that work.
 */
export interface WorkSourcesTable {
  id: Generated<number>;
  work_id: number;
  /** Absolute path; a zip entry is `archive.zip!/path/in/zip`. Unique. */
  path: string;
  /** SHA-256 of the file's bytes, hex. */
  content_hash: string;
  size: number;
  role: "primary" | "duplicate";
  format: string;
  encoding: string;
  parser_version: string;
  imported_at: string;
  updated_at: string;
}

/** Library-wide tag mutes: works with the tag vanish from every result and count. */
export interface MutedTagsTable {
  id: Generated<number>;
  name: string;
  name_key: string;
  /** null: the name in any tag type. */
  type: TagType | null;
  created_at: ColumnType<string, string, never>;
}

/** One wrangling operation, as done: what, when, on which tag (and the other tag of a pair), with its detail. */
export interface WranglingHistoryTable {
  id: Generated<number>;
  at: string;
  /** "canonical", "merge", "add-parent", "remove-parent", "add-meta-tag", "remove-meta-tag", "rename", "import", "seed". */
  operation: string;
  /** Null for operations on the whole vocabulary (an import, a seed). */
  tag_id: number | null;
  other_tag_id: number | null;
  /** JSON: the operation's particulars (old name, tags handed over, counts…). */
  detail: string;
}

/** A user who wrangles the tags of a canonical fandom (moderators and admins wrangle every tag without a row). */
export interface TagWranglersTable {
  user_id: number;
  fandom_id: number;
  assigned_at: string;
}

/** The library's own settings, by key: which starter vocabulary it holds, say. */
export interface LibrarySettingsTable {
  key: string;
  value: string;
}

/**
 * Each value the tagger inferred for a work, and a person's decision about it: accepted as it is, or corrected
 * (to `corrected_to`, or removed when that is null). Undecided rows (`decision` null) are the review queue.
 */
export interface InferredValuesTable {
  id: Generated<number>;
  work_id: number;
  field: InferredValue["field"];
  /** The tag name (or rating) as the tagger inferred it. */
  value: string;
  /** 0 to 1. */
  confidence: number;
  evidence: string;
  decision: ReviewDecision | null;
  corrected_to: string | null;
  decided_at: string | null;
  /** Who decided, on the web; null for a decision made with `quire review` (or by an account since deleted). */
  decided_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** The review rule that decided the value, when a rule did. */
  rule_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A decision made once for a whole import batch: the field's value `from_value` is `to_value` (or removed if null). */
export interface ReviewRulesTable {
  id: Generated<number>;
  batch: string;
  field: InferredValue["field"];
  from_value: string;
  to_value: string | null;
  created_by: number | null;
  created_at: string;
  /** For a label rule (migration 0017), the label it reads, normalised; null for a rule about one value. */
  label: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A pair of works a moderator judged not to be duplicates: not offered for merging again. */
export interface DuplicateDismissalsTable {
  /** The lower of the two work ids. */
  low_work_id: number;
  high_work_id: number;
  /** Null once the moderator's account is gone. */
  dismissed_by: number | null;
  dismissed_at: string;
}

/** An author of works imported for others (Open Doors): who may claim them, through a link sent to them. */
export interface ExternalAuthorsTable {
  id: Generated<number>;
  batch: string;
  name: string;
  email: string | null;
  token_digest: string;
  created_by: number | null;
  created_at: string;
  claimed_by: ColumnType<number | null, number | null | undefined, number | null>;
  claimed_at: ColumnType<string | null, string | null | undefined, string | null>;
  declined_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A work held for its external author until they claim it or decline it. */
export interface ExternalAuthorWorksTable {
  external_author_id: number;
  work_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  /** The name the user signs in with, as they typed it. */
  login: string;
  login_key: string;
  email: string;
  /** The address folded for matching: unique. */
  email_key: string;
  /** scrypt, in the self-describing form services/accounts/password.ts writes. */
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  /** ISO timestamp; the user is suspended until then (a far date for "until lifted"). */
  suspended_until: string | null;
  /** The pseud the user posts and comments as unless they choose another. */
  default_author_id: number | null;
  /** JSON: the reader preferences (web/reader-prefs.ts) kept on the account. */
  prefs: ColumnType<string, string | undefined, string>;
  history_enabled: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  /** Sessions begun before this are no longer valid. */
  password_changed_at: string;
}

/** A signed-in browser: `id` is the SHA-256 of the cookie's token. */
export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** A user's key to the JSON API, found by its token's SHA-256 (`digest`), never by the token itself. */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  /** What the user called it ("my e-reader sync"). */
  name: string;
  digest: string;
  scope: ApiTokenScope;
  created_at: string;
  /** When a request last came with it (moved on at most once a minute); null: never used. */
  last_used_at: string | null;
  /** When its user revoked it; a revoked token opens nothing. */
  revoked_at: string | null;
}

/** `id` is the SHA-256 of the token mailed to the user. */
export interface PasswordResetsTable {
  id: string;
  user_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string | null;
  created_by: number | null;
  created_at: string;
  used_by: number | null;
  used_at: string | null;
}

export interface MutedUsersTable {
  user_id: number;
  muted_user_id: number;
}

/** A pseud asked to be a work's co-author, who has not yet accepted. */
export interface WorkAuthorInvitationsTable {
  id: Generated<number>;
  work_id: number;
  author_id: number;
  invited_by: number | null;
  created_at: string;
}

export interface WorkGiftsTable {
  id: Generated<number>;
  work_id: number;
  /** The name the gift is for, as the author wrote it. */
  recipient: string;
  /** The account of that name, when there is one. */
  user_id: number | null;
}

/** One per account, or per guest (a keyed digest of their address), per work. */
export interface KudosTable {
  id: Generated<number>;
  work_id: number;
  user_id: number | null;
  guest_key: string | null;
  created_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  work_id: number;
  /** Null: a comment on the whole work. */
  chapter_id: number | null;
  parent_id: number | null;
  /** The thread's first comment (itself, for a first comment). */
  thread_id: number | null;
  /** 0 for a comment on the chapter, one more per reply. */
  depth: ColumnType<number, number | undefined, number>;
  user_id: number | null;
  /** The commenter's pseud. */
  author_id: number | null;
  guest_name: string | null;
  /** Never shown: the guest's address stays with the archive. */
  guest_email: string | null;
  /** Sanitized HTML. */
  html: string;
  status: ColumnType<CommentStatus, CommentStatus | undefined, CommentStatus>;
  /** No more replies in this thread. */
  frozen: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  edited_at: string | null;
}

export interface BookmarksTable {
  id: Generated<number>;
  user_id: number;
  author_id: number | null;
  /** Exactly one of work_id and series_id is set. */
  work_id: number | null;
  series_id: number | null;
  /** Sanitized HTML. */
  notes: string | null;
  private: ColumnType<Flag, Flag | undefined, Flag>;
  rec: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  updated_at: string;
}

/** The bookmarker's own tags on a bookmark, as they wrote them. */
export interface BookmarkTagsTable {
  bookmark_id: number;
  name: string;
  name_key: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  target_type: SubscriptionTarget;
  /** A work, series, author (pseud) or tag id, by target_type. */
  target_id: number;
  /** Mail each update as well as putting it in the inbox. */
  mail: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

export interface InboxItemsTable {
  id: Generated<number>;
  user_id: number;
  /** "new-work", "new-chapter", "comment", "reply", "co-author-invitation", "moderator-warning"… */
  kind: string;
  work_id: number | null;
  chapter_id: number | null;
  comment_id: number | null;
  /** Plain text. */
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface ReadingHistoryTable {
  user_id: number;
  work_id: number;
  last_read_at: string;
  /** The chapter position last opened. */
  last_chapter: number | null;
  visits: ColumnType<number, number | undefined, number>;
  marked_for_later: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface WorkHitsTable {
  work_id: number;
  visitor_key: string;
  /** `YYYY-MM-DD` */
  day: string;
}

export interface ReportsTable {
  id: Generated<number>;
  target_type: "work" | "comment";
  target_id: number;
  reporter_id: number | null;
  reason: string;
  created_at: string;
  resolved_by: number | null;
  resolved_at: string | null;
  category: ColumnType<ReportCategory, ReportCategory | undefined, ReportCategory>;
  /** What the moderator who resolved it noted. */
  resolution_note: string | null;
}

/** A work's MinHash signature for finding near-duplicates, made from the text whose fingerprint it keeps. */
export interface WorkSignaturesTable {
  work_id: number;
  /** The work's fingerprint when it was signed: another fingerprint now means the signature is stale. */
  fingerprint: string;
  /** Distinct shingles in the story. */
  shingles: number;
  /** Base64 of the signature's SIGNATURE_SIZE 32-bit values (domain/near-duplicates/minhash.ts). */
  signature: string;
}

/** Every moderator action, kept even when the moderator, the user or the work is gone. */
export interface ModerationLogTable {
  id: Generated<number>;
  at: string;
  moderator_id: number | null;
  moderator_login: string;
  /** "hide", "unhide", "warn", "suspend", "unsuspend", "set-role", "hide-comment", "unhide-comment", "resolve-report". */
  action: string;
  target_type: string;
  target_id: number;
  reason: string;
}

export interface Database {
  works: WorksTable;
  chapters: ChaptersTable;
  authors: AuthorsTable;
  work_authors: WorkAuthorsTable;
  tags: TagsTable;
  tag_parents: TagParentsTable;
  meta_tags: MetaTagsTable;
  work_tags: WorkTagsTable;
  work_filters: WorkFiltersTable;
  series: SeriesTable;
  series_works: SeriesWorksTable;
  collections: CollectionsTable;
  collection_works: CollectionWorksTable;
  collection_maintainers: CollectionMaintainersTable;
  challenges: ChallengesTable;
  challenge_signups: ChallengeSignupsTable;
  challenge_prompts: ChallengePromptsTable;
  challenge_prompt_tags: ChallengePromptTagsTable;
  challenge_assignments: ChallengeAssignmentsTable;
  challenge_claims: ChallengeClaimsTable;
  work_sources: WorkSourcesTable;
  muted_tags: MutedTagsTable;
  wrangling_history: WranglingHistoryTable;
  tag_wranglers: TagWranglersTable;
  library_settings: LibrarySettingsTable;
  inferred_values: InferredValuesTable;
  review_rules: ReviewRulesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  muted_users: MutedUsersTable;
  work_author_invitations: WorkAuthorInvitationsTable;
  work_gifts: WorkGiftsTable;
  kudos: KudosTable;
  comments: CommentsTable;
  bookmarks: BookmarksTable;
  bookmark_tags: BookmarkTagsTable;
  subscriptions: SubscriptionsTable;
  inbox_items: InboxItemsTable;
  reading_history: ReadingHistoryTable;
  work_hits: WorkHitsTable;
  reports: ReportsTable;
  moderation_log: ModerationLogTable;
  work_signatures: WorkSignaturesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  external_authors: ExternalAuthorsTable;
  external_author_works: ExternalAuthorWorksTable;
}

export type WorkRow = Selectable<WorksTable>;
export type NewWorkRow = Insertable<WorksTable>;
export type TagRow = Selectable<TagsTable>;
export type UserRow = Selectable<UsersTable>;
export type WorkSourceRow = Selectable<WorkSourcesTable>;
export type CollectionRow = Selectable<CollectionsTable>;

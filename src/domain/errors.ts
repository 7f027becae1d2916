/**
 * Errors with a stable code, so that the CLI (and later the web app) can report them without a stack trace.
 * Services and importers throw these; edges map them to exit codes, HTTP statuses and pages.
 */
export class QuireError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type UnreadableStoryCode = "empty" | "too-large" | "corrupt" | "unsafe-archive" | "no-story" | "unsupported";

/** A story file that cannot be turned into a work: empty, corrupt, too large, or not a story at all. */
export class UnreadableStoryError extends QuireError<UnreadableStoryCode> {}

/** Input that breaks a rule, field by field: `{ tag: "a tag name is needed" }`. */
export class ValidationError extends QuireError<"invalid"> {
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super("invalid", Object.values(fields).join("; "));
  }
}

export type WranglingErrorCode =
  | "unknown-tag" | "ambiguous-tag" | "fixed-tag" | "wrong-type" | "not-canonical" | "same-tag" | "cycle" | "rename" | "name-taken";

/** A wrangling operation that cannot be done as asked: the message says why, in the tags' own names. */
export class WranglingError extends QuireError<WranglingErrorCode> {}

/** A tag name that several types share, where the operation needs one: the caller should ask which type. */
export class AmbiguousTagError extends WranglingError {
  constructor(
    readonly tagName: string,
    readonly types: readonly string[],
  ) {
    super("ambiguous-tag", `"${tagName}" names tags of several types (${types.join(", ")}): say which type`);
  }
}

/** A vocabulary (a file to import, say) that names tags it neither defines nor finds in the library. */
export class VocabularyError extends QuireError<"vocabulary"> {
  constructor(readonly problems: readonly string[]) {
    super("vocabulary", `the vocabulary cannot be stored:\n${problems.join("\n")}`);
  }
}

export type ReviewErrorCode = "unknown-work" | "unknown-field" | "unknown-value";

/** A review decision about something the library does not hold: no such work, or no such inferred value on it. */
export class ReviewError extends QuireError<ReviewErrorCode> {}

/** Something asked for by name or number that the library does not hold: a work, a chapter, a tag, a series. */
export class NotFoundError extends QuireError<"not-found"> {
  constructor(what: string) {
    super("not-found", `${what} is not in this archive`);
  }
}

/** The page or action needs a signed-in account, and the request has none: the web edge sends them to sign in. */
export class SignInRequiredError extends QuireError<"sign-in-required"> {
  constructor(message = "Sign in to see this.") {
    super("sign-in-required", message);
  }
}

/** The account may not do this (not the work's creator, not a moderator, suspended…): the message says why. */
export class ForbiddenError extends QuireError<"forbidden"> {
  constructor(message: string) {
    super("forbidden", message);
  }
}

/** Too many attempts in too short a time (sign-ins, comments…): try again after `retryAfterSeconds`. */
export class RateLimitedError extends QuireError<"rate-limited"> {
  constructor(readonly retryAfterSeconds: number, message = "Too many attempts: wait a little and try again.") {
    super("rate-limited", message);
  }
}

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

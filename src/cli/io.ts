/** What the CLI's commands write to, and the error for a command called the wrong way. */
import { QuireError } from "../domain/errors.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr, when it is a terminal: where progress bars are drawn. Absent when output goes to a file or pipe. */
  terminal?: NodeJS.WriteStream;
}

/** A mistake in how a command was called: reported on one line with exit code 2. */
export class UsageError extends QuireError {
  constructor(message: string) {
    super("usage", message);
  }
}

/** Exit code when an import finished but some files (or rows) could not be imported. */
export const EXIT_SOME_FAILED = 3;

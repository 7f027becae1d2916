/** The gate before every moderators' page and action. */
import { isModerator, type Account, type Viewer } from "../../domain/account.js";
import { ForbiddenError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import { canModerate } from "../../domain/moderation.js";

/**
 * The viewer, if they may moderate.
 * @throws SignInRequiredError for a guest; ForbiddenError for an account that is not a moderator or admin, or is
 * suspended.
 */
export function requireModerator(viewer: Viewer): Account {
  if (viewer === null) throw new SignInRequiredError("Sign in as a moderator to see this.");
  if (!canModerate(viewer)) {
    throw new ForbiddenError(isModerator(viewer) ? "Your account is suspended: a suspended moderator cannot moderate." : "Only moderators and admins may do this.");
  }
  return viewer;
}

/** The text with its ends trimmed, if its length is within the limits. @throws ValidationError naming the field */
export function requireLength(field: string, label: string, text: string, limits: { min: number; max: number }): string {
  const trimmed = text.trim();
  if (trimmed.length < limits.min) throw new ValidationError({ [field]: limits.min === 1 ? `${label} is needed.` : `${label} needs at least ${limits.min} characters.` });
  if (trimmed.length > limits.max) throw new ValidationError({ [field]: `${label} can be at most ${limits.max} characters long.` });
  return trimmed;
}

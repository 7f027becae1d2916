/** What a commenter types, checked and made safe HTML once, for every way a comment is written or edited. */
import { MAX_COMMENT_LENGTH, MAX_GUEST_NAME_LENGTH } from "../../domain/comments.js";
import { ValidationError } from "../../domain/errors.js";
import type { SafeHtml } from "../../domain/safe-html.js";
import { userTextToHtml } from "../text/user-html.js";

/** Looks like markup: a tag opening or closing, or an entity. */
const MARKUP = /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/iu;

/**
 * The text as safe HTML: read as HTML (through the archive's allowlist) when it holds markup, else as plain
 * text whose lines and paragraphs are kept.
 */
export function userTextAsHtml(text: string): SafeHtml {
  return userTextToHtml(text, MARKUP.test(text) ? "html" : "text");
}

/** @throws ValidationError when the comment is empty (or nothing but markup) or too long. */
export function commentHtml(text: string): SafeHtml {
  if (text.trim() === "") throw new ValidationError({ text: "Write something to post." });
  if (text.length > MAX_COMMENT_LENGTH) throw new ValidationError({ text: `A comment has at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters; this one has ${text.length.toLocaleString("en")}.` });
  const html = userTextAsHtml(text);
  if (html.replace(/<[^>]*>/gu, "").trim() === "") throw new ValidationError({ text: "Write something to post." });
  return html;
}

export interface GuestDetails {
  name: string;
  email: string;
}

/** A loose check, as mail servers are the real judges: something@something.something, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** @throws ValidationError naming each field that is missing or malformed. */
export function checkGuestDetails(guest: GuestDetails): GuestDetails {
  const name = guest.name.replace(/\s+/gu, " ").trim();
  const email = guest.email.trim();
  const problems: Record<string, string> = {};
  if (name === "") problems.name = "Give a name to comment as.";
  else if (name.length > MAX_GUEST_NAME_LENGTH) problems.name = `A name has at most ${MAX_GUEST_NAME_LENGTH} characters.`;
  if (!EMAIL.test(email) || email.length > 254) problems.email = "Give an e-mail address (it is never shown).";
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { name, email };
}

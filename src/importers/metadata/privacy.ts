/** Keeps e-mail addresses out of every public field, and finds the one a header gives for its author. */
import { headerLines } from "./header-lines.js";
import type { FieldKey } from "./labels.js";

// Bounded runs: an unbounded local part would be rescanned from every position of a long word.
const EMAIL = /(?:mailto:)?[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+/gu;
// Mailing-list authors disguised addresses from harvesters: "name (at) domain [dot] com".
const DISGUISED_EMAIL = /[\p{L}\p{N}._%+-]{1,64}\s*[([{]\s*at\s*[)\]}]\s*[\p{L}\p{N}-]{1,63}(?:\s*(?:\.|[([{]\s*dot\s*[)\]}])\s*[\p{L}\p{N}-]{1,63})+/giu;

/**
 * Story text: removes plain addresses only (from signatures, list footers and mail headers that came along with
 * the story); nothing else in the text is touched, so "meet me @ home" and "stood (at) attention" stay.
 */
export function stripEmailAddresses(text: string): string {
  return text.includes("@") ? text.replace(EMAIL_AT_LINE_END, "").replace(EMAIL_WITH_SPACE, "") : text;
}

// "Write to me: jo@example.com" loses the colon with the address; elsewhere the address and its space go.
const EMAIL_AT_LINE_END = new RegExp(`[ \\t]*[:,;]?[ \\t]*(?:${EMAIL.source})[ \\t]*(?=\\n|$)`, "gu");
const EMAIL_WITH_SPACE = new RegExp(`[ \\t]*(?:${EMAIL.source})`, "gu");

/**
 * Header values: removes plain and disguised addresses, and tidies the brackets, labels and separators they
 * leave behind. @example redactEmails("Jo (jo@example.com)") // "Jo"
 */
export function redactEmails(value: string): string {
  if (!/@|[([{]\s*at\s*[)\]}]/iu.test(value)) return value;
  return value
    .replace(EMAIL, "")
    .replace(DISGUISED_EMAIL, "")
    .replace(/\b(?:e-?mail|mail|contact)\s*:\s*(?=[)\]>}]|$)/giu, "")
    .replace(/[([<{][\s,;:|/-]*[)\]>}]/gu, "")
    .replace(/([ \t]*)([,;|-])(?:[ \t]*[,;|-])+[ \t]*/gu, (_m, space: string, separator: string) => (separator === "," || separator === ";" ? `${separator} ` : `${space}${separator} `))
    .replace(/[ \t]*(?:[,;:|-][ \t]*)+$/u, "")
    .replace(/^[ \t]*(?:[,;:|-][ \t]*)+/u, "")
    .replace(/[ \t]{2,}/gu, " ")
    .trim();
}

/** Header fields an author's own address is written on: "E-mail: …", "Author: Jo <jo@…>", a mail's "From: …". */
const ADDRESS_FIELDS = new Set<FieldKey | null>(["email", "authors", "mailFrom"]);

/**
 * The author's address as the file's header states it, for the archivist to send a claim link to: the first plain
 * address on an e-mail, author or From line of the first lines. The stored work never holds it (redactEmails).
 * @example statedEmail("Title: Tides\nAuthor: Jo <jo@example.org>\n\nText") // "jo@example.org"
 */
export function statedEmail(text: string): string | null {
  for (const { field, value } of headerLines(text)) {
    if (!ADDRESS_FIELDS.has(field)) continue;
    const address = new RegExp(EMAIL.source, "u").exec(value)?.[0];
    if (address !== undefined) return address.replace(/^mailto:/iu, "");
  }
  return null;
}

/** Keeps e-mail addresses from headers out of every public field. */

// A plain address, or one disguised with bracketed "(at)"/"[dot]" as mailing-list authors wrote them.
const EMAIL = /(?:mailto:)?[\p{L}\p{N}._%+-]+\s*(?:@|[([{]\s*at\s*[)\]}])\s*[\p{L}\p{N}-]+(?:\s*(?:\.|[([{]\s*dot\s*[)\]}])\s*[\p{L}\p{N}-]+)+/giu;

/**
 * Removes e-mail addresses and tidies the brackets and separators they leave behind.
 * @example redactEmails("Jo (jo@example.com)") // "Jo"
 */
/**
 * Removes e-mail addresses from story text and HTML, and nothing else: legacy files carry them in signatures,
 * list footers and mail headers that end up around the story.
 */
export function stripEmailAddresses(text: string): string {
  return /@|[([{]\s*at\s*[)\]}]/iu.test(text) ? text.replace(EMAIL, "") : text;
}

export function redactEmails(value: string): string {
  if (!/@|[([{]\s*at\s*[)\]}]/iu.test(value)) return value;
  return value
    .replace(EMAIL, "")
    .replace(/\b(?:e-?mail|mail|contact)\s*:\s*(?=[)\]>}]|$)/giu, "")
    .replace(/[([<{][\s,;:|/-]*[)\]>}]/gu, "")
    .replace(/([ \t]*)([,;|-])(?:[ \t]*[,;|-])+[ \t]*/gu, (_m, space: string, separator: string) => (separator === "," || separator === ";" ? `${separator} ` : `${space}${separator} `))
    .replace(/[ \t]*(?:[,;:|-][ \t]*)+$/u, "")
    .replace(/^[ \t]*(?:[,;:|-][ \t]*)+/u, "")
    .replace(/[ \t]{2,}/gu, " ")
    .trim();
}

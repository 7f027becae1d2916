/** HTML that has passed the story sanitizer (importers/sanitize.ts); only the sanitizer makes one. */
export type SafeHtml = string & { readonly __brand: "SafeHtml" };

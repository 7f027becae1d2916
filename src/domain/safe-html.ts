/** HTML that has passed the story sanitizer (importers/sanitize.ts), or that the chapter renderer built from escaped
 *  text and its own constant tags (importers/render-chapter.ts); nothing else makes one. */
export type SafeHtml = string & { readonly __brand: "SafeHtml" };

/** Chapter HTML read back from the library, which stores only what the sanitizer or the renderer made. */
export function storedSafeHtml(html: string): SafeHtml {
  return html as SafeHtml;
}

/**
 * The one place stored HTML reaches a page. Only SafeHtml comes here: chapter HTML that the importer's sanitizer
 * or chapter renderer made (domain/safe-html.ts); every other text on a page is escaped by JSX.
 */
import { raw } from "hono/html";
import type { SafeHtml } from "../../domain/safe-html.js";

export function StoryHtml(props: { html: SafeHtml }) {
  return <div class="userstuff">{raw(props.html)}</div>;
}

/** The hidden field that carries the page's CSRF token (web/csrf.ts): every POST form has one. */
import { CSRF_FIELD } from "../csrf.js";
import type { PageContext } from "../page-context.js";

export function CsrfField(props: { page: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.page.csrfToken} />;
}

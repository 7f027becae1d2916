/** Lists of tag links, and the "show" toggle readers who hide warnings or additional tags get instead. */
import type { Child } from "hono/jsx";
import { tagWorksUrl } from "../tag-url.js";

export function TagLink(props: { name: string }) {
  return <a class="tag" href={tagWorksUrl(props.name)}>{props.name}</a>;
}

/** Hidden behind a native disclosure, so "show" works without JavaScript. */
export function HiddenUnless(props: { hidden: boolean; what: string; children: Child }) {
  if (!props.hidden) return <>{props.children}</>;
  return (
    <details class="hidden-tags">
      <summary>Show {props.what}</summary>
      {props.children}
    </details>
  );
}

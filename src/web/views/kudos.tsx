/** A work's kudos: the button (a form), and who left kudos — accounts by name, guests counted. */
import type { WorkCommunity } from "../../services/community/work-community.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber, plural } from "./format.js";

/** The button, or why there is none: kudos already left, the viewer's own work, a suspended account. */
export function KudosButton(props: { page: PageContext; community: WorkCommunity }) {
  const { page, community } = props;
  if (community.kudos.givenByViewer) return <p class="kudos-given">You have already left kudos here. Thank you!</p>;
  if (community.viewerIsCreator || page.viewer?.suspended) return null;
  return (
    <form method="post" action={`/works/${community.workId}/kudos`} class="inline-form">
      <CsrfField page={page} />
      <input type="hidden" name="return" value={page.here} />
      <button type="submit" class="primary">Kudos ♥</button>
    </form>
  );
}

export function KudosList(props: { community: WorkCommunity }) {
  const { names, moreUsers, guests } = props.community.kudos;
  const total = names.length + moreUsers + guests;
  const others = [moreUsers > 0 ? plural(moreUsers, "more user") : null, guests > 0 ? plural(guests, "guest") : null].filter((p) => p !== null);
  return (
    <section class="kudos" id="kudos" aria-labelledby="kudos-heading">
      <h2 id="kudos-heading">Kudos</h2>
      <p>Kudos: {formatNumber(total)}</p>
      {total > 0 && (
        <p class="kudos-names">
          {names.flatMap((name, i) => [i > 0 ? ", " : "", <a href={`/users/${encodeURIComponent(name)}`}>{name}</a>])}
          {others.length > 0 && `${names.length > 0 ? " and " : ""}${others.join(" and ")}`} left kudos on this work!
        </p>
      )}
    </section>
  );
}

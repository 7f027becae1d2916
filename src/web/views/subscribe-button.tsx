/** Subscribe and unsubscribe, as small forms that come back to the page they are on (no script needed). */
import type { SubscribeState } from "../../services/community/subscriptions.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";

const WHAT: Record<SubscribeState["targetType"], string> = { work: "this work", series: "this series", author: "this author", tag: "this tag" };

export function SubscribeButton(props: { page: PageContext; state: SubscribeState | null }) {
  const { page, state } = props;
  if (!state || !page.viewer || page.viewer.suspended) return null;
  const { subscription, targetType, targetId } = state;
  if (subscription) {
    return (
      <form method="post" action={`/subscriptions/${subscription.id}/delete`} class="inline-form subscribe">
        <CsrfField page={page} />
        <input type="hidden" name="return" value={page.here} />
        <button type="submit">Unsubscribe</button>
        {subscription.mail && <span class="hint"> (you get mail too)</span>}
      </form>
    );
  }
  const mailId = `subscribe-mail-${targetType}-${targetId}`;
  return (
    <form method="post" action="/subscriptions" class="inline-form subscribe">
      <CsrfField page={page} />
      <input type="hidden" name="return" value={page.here} />
      <input type="hidden" name="target_type" value={targetType} />
      <input type="hidden" name="target_id" value={String(targetId)} />
      <button type="submit" aria-label={`Subscribe to ${WHAT[targetType]}`}>Subscribe</button>
      {" "}<input type="checkbox" id={mailId} name="mail" value="1" /> <label for={mailId}>also by e-mail</label>
    </form>
  );
}

/** Told on every page while it lasts: a suspended account reads, and does nothing else. */
import type { Viewer } from "../../domain/account.js";
import { suspensionText } from "./moderation-labels.js";

export function SuspensionBanner(props: { viewer: Viewer }) {
  const until = props.viewer?.suspendedUntil;
  if (!until) return null;
  return (
    <div class="notice suspension-notice" role="status">
      <p><strong>Your account is suspended {suspensionText(until)}.</strong> You can read, but not post, comment, give kudos, bookmark or report.</p>
    </div>
  );
}

/**
 * The moderators' action forms, used on the queue, a user's page and a work's page: each posts a reason with the
 * action and comes back to the page it was sent from. Ids are prefixed, so that a page holding several of a kind
 * keeps every label tied to its own field.
 */
import type { Child } from "hono/jsx";
import { MAX_SUSPENSION_DAYS, MODERATOR_TEXT_LENGTH } from "../../domain/moderation.js";
import type { UserForModerator } from "../../services/moderation/moderated-users.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { suspensionText } from "./moderation-labels.js";

/** One action: a text (the reason, a note, a message) and a button, posted to `action`. */
export function ActionForm(props: { page: PageContext; action: string; id: string; field: "reason" | "note" | "message"; label: string; button: string; children?: Child }) {
  const { page, action, id, field, label, button } = props;
  return (
    <form method="post" action={action} class="moderation-action">
      <CsrfField page={page} />
      <input type="hidden" name="return" value={page.here} />
      <div class="field">
        <label for={id}>{label}</label>
        <textarea id={id} name={field} rows={2} cols={40} required maxlength={MODERATOR_TEXT_LENGTH.max}></textarea>
      </div>
      {props.children}
      <button type="submit">{button}</button>
    </form>
  );
}

/** Hide or show again: whichever the work or comment is not now. */
export function HideForm(props: { page: PageContext; kind: "works" | "comments"; id: number; hidden: boolean; idPrefix: string }) {
  const { page, kind, id, hidden, idPrefix } = props;
  const what = kind === "works" ? "work" : "comment";
  return (
    <ActionForm page={page} action={`/moderation/${kind}/${id}/${hidden ? "unhide" : "hide"}`} id={`${idPrefix}-${hidden ? "unhide" : "hide"}`} field="reason"
      label={hidden ? `Why show this ${what} again?` : `Why hide this ${what}?`} button={hidden ? `Show the ${what} again` : `Hide the ${what}`} />
  );
}

/** The user's standing, and, when this moderator may act on them, warn, suspend and lift a suspension. */
export function UserActions(props: { page: PageContext; user: UserForModerator; idPrefix: string }) {
  const { page, user, idPrefix } = props;
  const base = `/moderation/users/${user.id}`;
  const prefix = `${idPrefix}-user-${user.id}`;
  return (
    <div class="user-actions">
      <p>
        <a href={base}>{user.login}</a> ({user.role}){user.suspendedUntil !== null && <>, <strong>suspended {suspensionText(user.suspendedUntil)}</strong></>}
      </p>
      {!user.actionable ? <p class="hint">You cannot act on this account: moderators act on readers and authors, admins on moderators too.</p> : (
        <details>
          <summary>Warn or suspend {user.login}</summary>
          <ActionForm page={page} action={`${base}/warn`} id={`${prefix}-warn`} field="message" label="Warning (sent to their inbox and by mail)" button="Send the warning" />
          <ActionForm page={page} action={`${base}/suspend`} id={`${prefix}-suspend`} field="reason" label="Why suspend them?" button="Suspend">
            <div class="field">
              <label for={`${prefix}-days`}>Days</label>
              <input type="number" id={`${prefix}-days`} name="days" min={1} max={MAX_SUSPENSION_DAYS} value="7" />
            </div>
            <div class="field check">
              <input type="checkbox" id={`${prefix}-indefinite`} name="indefinite" value="on" /> <label for={`${prefix}-indefinite`}>Until a moderator lifts it</label>
            </div>
          </ActionForm>
          {user.suspendedUntil !== null && <ActionForm page={page} action={`${base}/unsuspend`} id={`${prefix}-unsuspend`} field="reason" label="Why lift the suspension?" button="Lift the suspension" />}
        </details>
      )}
    </div>
  );
}

/** The admins' pages: every user with their role and state, and sign-up (open or by invitation) with the invitations. */
import { ROLES } from "../../domain/account.js";
import type { UsersPage } from "../../services/accounts/roles.js";
import type { InvitationRow, NewInvitation } from "../../services/accounts/invitations.js";
import type { SignUpSettings } from "../../services/accounts/sign-up.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";

const day = (iso: string) => iso.slice(0, 10);

export function AdminUsersPage(props: { page: PageContext; users: UsersPage; notice: string | null; problems: FieldProblems | null }) {
  const { page, users } = props;
  return (
    <Layout page={page} title="Users">
      <h1>Users</h1>
      <p>{plural(users.total, "account")}. Readers read, comment and bookmark; authors also post; moderators also handle reports; admins also manage users and sign-up. <a href="/admin/invitations">Sign-up and invitations</a></p>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <ProblemSummary problems={props.problems} intro="The role could not be changed:" />
      <table class="admin-users">
        <thead><tr><th scope="col">User</th><th scope="col">E-mail address</th><th scope="col">Joined</th><th scope="col">State</th><th scope="col">Role</th></tr></thead>
        <tbody>
          {users.users.map((u) => (
            <tr>
              <th scope="row">{u.login}</th>
              <td>{u.email}</td>
              <td>{day(u.created_at)}</td>
              <td>{u.suspended ? `suspended until ${day(u.suspended_until ?? "")}` : "active"}</td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                  <CsrfField page={page} />
                  <input type="hidden" name="page" value={String(users.page)} />
                  <label class="visually-hidden" for={`role-${u.id}`}>Role of {u.login}</label>
                  <select id={`role-${u.id}`} name="role">{ROLES.map((r) => <option value={r} selected={r === u.role}>{r}</option>)}</select>
                  {" "}<button type="submit">Set</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/admin/users" params={new URLSearchParams()} page={users.page} pages={users.pages} />
    </Layout>
  );
}

export interface InvitationsPageProps {
  page: PageContext;
  settings: SignUpSettings;
  invitations: readonly InvitationRow[];
  /** The invitation just made: its link is shown this once, for it is stored nowhere. */
  made: NewInvitation | null;
  notice: string | null;
  problems: FieldProblems | null;
  email: string;
}

export function AdminInvitationsPage(props: InvitationsPageProps) {
  const { page, settings, invitations, made } = props;
  return (
    <Layout page={page} title="Sign-up and invitations">
      <h1>Sign-up and invitations</h1>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {made && (
        <div class="notice" role="status">
          <p>{made.email === null ? "The invitation's link, shown only now (send it to whoever you invite; it works once):"
            : made.undelivered ? `The mail to ${made.email} could not be sent (see the server's log and its --mail setting). Pass this link on yourself; it is shown only now:`
            : `The invitation was mailed to ${made.email}. Its link, shown only now:`}</p>
          <p><code class="invitation-link">{made.link}</code></p>
        </div>
      )}
      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">Who may sign up</h2>
        <form method="post" action="/admin/signup-settings" class="account-form">
          <CsrfField page={page} />
          <fieldset>
            <legend>Sign-up</legend>
            <div><input type="radio" id="mode-open" name="mode" value="open" checked={settings.mode === "open"} /> <label for="mode-open">Open: anyone may make an account</label></div>
            <div><input type="radio" id="mode-invitation" name="mode" value="invitation" checked={settings.mode === "invitation"} /> <label for="mode-invitation">By invitation only</label></div>
          </fieldset>
          <fieldset>
            <legend>New accounts</legend>
            <div><input type="radio" id="role-author" name="role" value="author" checked={settings.newAccountRole === "author"} /> <label for="role-author">Authors: they may post works</label></div>
            <div><input type="radio" id="role-reader" name="role" value="reader" checked={settings.newAccountRole === "reader"} /> <label for="role-reader">Readers: an admin makes them authors</label></div>
          </fieldset>
          <button type="submit">Save</button>
        </form>
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form method="post" action="/admin/invitations" class="account-form">
          <CsrfField page={page} />
          <ProblemSummary problems={props.problems} fieldIds={{ email: "invite-email" }} />
          <TextField id="invite-email" name="email" label="E-mail address (optional)" type="email" value={props.email} problem={props.problems?.email} maxlength={254}
            hint="With an address, the invitation is mailed there; without one, you get a link to pass on." />
          <button type="submit">Make an invitation</button>
        </form>
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Invitations</h2>
        {invitations.length === 0 ? <p>No invitations yet.</p> : (
          <table class="invitations">
            <thead><tr><th scope="col">Made</th><th scope="col">By</th><th scope="col">For</th><th scope="col">Used</th></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr>
                  <td>{day(i.createdAt)}</td>
                  <td>{i.createdBy ?? "—"}</td>
                  <td>{i.email ?? "anyone with the link"}</td>
                  <td>{i.usedAt ? `${day(i.usedAt)}${i.usedBy ? ` by ${i.usedBy}` : ""}` : (
                    <form method="post" action={`/admin/invitations/${i.id}/delete`} class="inline-form">
                      <CsrfField page={page} />
                      unused <button type="submit">Withdraw</button>
                    </form>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p><a href="/admin/users">Users and roles</a></p>
    </Layout>
  );
}

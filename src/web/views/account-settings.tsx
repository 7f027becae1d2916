/** /account: the signed-in user's own settings — pseuds, reading, e-mail address, password, sessions. */
import type { AccountSettings } from "../../services/accounts/account-settings.js";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../services/accounts/password.js";
import { SESSION_DAYS } from "../../services/accounts/sessions.js";
import { MAX_PSEUD_LENGTH } from "../../domain/pseud-name.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

/** What each `?saved=` says once the form it names has gone through. */
export const ACCOUNT_NOTICES = {
  welcome: "Welcome! Your account is ready, and you are signed in.",
  reset: "Your new password is set, and every other browser is signed out.",
  password: "Your password is changed, and every other browser is signed out.",
  email: "Your e-mail address is changed.",
  reading: "Your reading settings are saved.",
  pseud: "Your pseuds are saved.",
  sessions: "Every other browser is signed out.",
} as const;

export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

export function isAccountNotice(value: string | undefined): value is AccountNotice {
  return value !== undefined && Object.hasOwn(ACCOUNT_NOTICES, value);
}

/** Which form came back with problems: "email", "password", "pseud-new" or `pseud-${id}`. */
export interface AccountProblems {
  form: string;
  fields: FieldProblems;
  /** What was typed, to give back (never a password). */
  value?: string;
}

export function AccountPage(props: { page: PageContext; settings: AccountSettings; notice: AccountNotice | null; problems: AccountProblems | null }) {
  const { page, settings, notice, problems } = props;
  const problemsOf = (form: string) => (problems?.form === form ? problems.fields : null);
  const valueOf = (form: string, fallback: string) => (problems?.form === form && problems.value !== undefined ? problems.value : fallback);
  return (
    <Layout page={page} title="Your account">
      <h1>Your account</h1>
      {notice && <p class="notice" role="status">{ACCOUNT_NOTICES[notice]}</p>}
      <dl class="account-summary">
        <dt>User name</dt><dd>{settings.login}</dd>
        <dt>E-mail address</dt><dd>{settings.email}</dd>
        <dt>Role</dt><dd>{settings.role}{page.viewer?.suspended ? " (suspended: you can read, and change these settings)" : ""}</dd>
      </dl>
      {settings.role === "admin" && (
        <p>Admin: <a href="/admin/users">users and roles</a> · <a href="/admin/invitations">sign-up and invitations</a></p>
      )}
      <nav aria-labelledby="yours-heading">
        <h2 id="yours-heading">Yours</h2>
        <ul class="account-links">
          <li><a href="/account/works">Works</a> (drafts too)</li>
          <li><a href="/account/co-author-invitations">Co-author invitations</a> · <a href="/account/collection-invitations">Collection invitations</a></li>
          <li><a href="/bookmarks">Bookmarks</a></li>
          <li><a href="/subscriptions">Subscriptions</a></li>
          <li><a href="/history">History</a> · <a href="/later">Marked for later</a></li>
          <li><a href="/account/tokens">API tokens</a></li>
        </ul>
      </nav>

      <section aria-labelledby="pseuds-heading">
        <h2 id="pseuds-heading">Pseuds</h2>
        <p>The names you post under. Your default pseud is the one new works and comments use unless you choose another.</p>
        <ul class="pseud-list">
          {settings.pseuds.map((p) => (
            <li>
              <a href={`/users/${encodeURIComponent(p.name)}`}>{p.name}</a> ({p.works === 1 ? "1 work" : `${p.works} works`})
              {p.id === settings.defaultAuthorId ? <strong> — default</strong> : (
                <form method="post" action={`/account/pseuds/${p.id}/default`} class="inline-form">
                  <CsrfField page={page} />
                  {" "}<button type="submit">Make default</button>
                </form>
              )}
              <form method="post" action={`/account/pseuds/${p.id}/rename`} class="pseud-rename">
                <CsrfField page={page} />
                <ProblemSummary problems={problemsOf(`pseud-${p.id}`)} intro={`“${p.name}” could not be renamed:`} />
                <TextField id={`pseud-${p.id}-name`} name="name" label={`New name for ${p.name}`} value={valueOf(`pseud-${p.id}`, p.name)}
                  problem={problemsOf(`pseud-${p.id}`)?.name} required maxlength={MAX_PSEUD_LENGTH} />
                <button type="submit">Rename</button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action="/account/pseuds" class="account-form">
          <CsrfField page={page} />
          <ProblemSummary problems={problemsOf("pseud-new")} intro="The pseud could not be added:" />
          <TextField id="pseud-new-name" name="name" label="Add a pseud" value={valueOf("pseud-new", "")} problem={problemsOf("pseud-new")?.name} required maxlength={MAX_PSEUD_LENGTH}
            hint={`1 to ${MAX_PSEUD_LENGTH} letters, digits, spaces, underscores, hyphens or full stops; no other author may have it.`} />
          <button type="submit">Add pseud</button>
        </form>
      </section>

      <section aria-labelledby="reading-heading">
        <h2 id="reading-heading">Reading</h2>
        <form method="post" action="/account/preferences" class="account-form">
          <CsrfField page={page} />
          <div class="field check"><input type="checkbox" id="account-history" name="history" checked={settings.historyEnabled} /> <label for="account-history">Keep a history of the works I read</label></div>
          <div class="field check"><input type="checkbox" id="account-full-work" name="fullWork" checked={page.prefs.fullWork} /> <label for="account-full-work">Show the entire work by default, not one chapter at a time</label></div>
          <button type="submit">Save reading settings</button>
        </form>
        <p>Theme, text size, content warnings and muted tags: <a href="/preferences">reading preferences</a>. Users whose works you would rather not see: <a href="/account/mutes">muted users</a>.</p>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail address</h2>
        <form method="post" action="/account/email" class="account-form">
          <CsrfField page={page} />
          <ProblemSummary problems={problemsOf("email")} fieldIds={{ email: "account-email", password: "account-email-password" }} />
          <TextField id="account-email" name="email" label="New e-mail address" type="email" value={valueOf("email", settings.email)} problem={problemsOf("email")?.email} autocomplete="email" required maxlength={254} />
          <TextField id="account-email-password" name="password" label="Your password" type="password" problem={problemsOf("email")?.password} autocomplete="current-password" required maxlength={MAX_PASSWORD_LENGTH} />
          <button type="submit">Change e-mail address</button>
        </form>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <form method="post" action="/account/password" class="account-form">
          <CsrfField page={page} />
          <ProblemSummary problems={problemsOf("password")} fieldIds={{ current: "account-current", password: "account-new-password", confirm: "account-confirm" }} />
          <TextField id="account-current" name="current" label="Current password" type="password" problem={problemsOf("password")?.current} autocomplete="current-password" required maxlength={MAX_PASSWORD_LENGTH} />
          <TextField id="account-new-password" name="password" label="New password" type="password" problem={problemsOf("password")?.password} autocomplete="new-password" required
            minlength={MIN_PASSWORD_LENGTH} maxlength={MAX_PASSWORD_LENGTH} hint={`At least ${MIN_PASSWORD_LENGTH} characters. Every other browser signed in to your account is signed out.`} />
          <TextField id="account-confirm" name="confirm" label="New password again" type="password" problem={problemsOf("password")?.confirm} autocomplete="new-password" required maxlength={MAX_PASSWORD_LENGTH} />
          <button type="submit">Change password</button>
        </form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed-in browsers</h2>
        <p>A sign-in lasts {SESSION_DAYS} days from your last visit. Signed in somewhere you should not be?</p>
        <form method="post" action="/account/sessions/end-others">
          <CsrfField page={page} />
          <button type="submit">Sign out every other browser</button>
        </form>
      </section>
    </Layout>
  );
}

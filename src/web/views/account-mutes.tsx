/** /account/mutes: the users whose works this reader does not want to see, with a form to add one and buttons to remove. */
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

export function MutesPage(props: { page: PageContext; muted: readonly { id: number; login: string }[]; notice: string | null; problems: FieldProblems | null; login: string }) {
  const { page, muted } = props;
  return (
    <Layout page={page} title="Muted users">
      <h1>Muted users</h1>
      <p>Works by the users you mute are left out of every listing and every count you see. They are not told.</p>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {muted.length === 0 ? <p>You have muted no one.</p> : (
        <ul class="muted-users">
          {muted.map((u) => (
            <li>
              {u.login}{" "}
              <form method="post" action={`/account/mutes/${u.id}/delete`} class="inline-form">
                <CsrfField page={page} />
                <button type="submit" aria-label={`Unmute ${u.login}`}>Unmute</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/account/mutes" class="account-form">
        <CsrfField page={page} />
        <ProblemSummary problems={props.problems} fieldIds={{ login: "mute-login" }} />
        <TextField id="mute-login" name="login" label="Mute a user" value={props.login} problem={props.problems?.login} required maxlength={40} hint="Their user name, as they sign in with it." />
        <button type="submit">Mute</button>
      </form>
      <p><a href="/account">Back to your account</a></p>
    </Layout>
  );
}

/** The admins' page of tag wranglers: who wrangles which fandom, a form to assign one, and a button to unassign. */
import type { WranglerAssignment } from "../../services/tags/wranglers.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

export function WranglersPage(props: { page: PageContext; assignments: readonly WranglerAssignment[]; notice: string | null; problems: FieldProblems | null; form: { login: string; fandom: string } }) {
  const { page, assignments } = props;
  return (
    <Layout page={page} title="Tag wranglers">
      <h1>Tag wranglers</h1>
      <p>A wrangler wrangles the tags of their fandoms on <a href="/wrangling">the wrangling page</a>: the tags filed under the fandom and those on its works. Moderators and admins wrangle every tag.</p>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <ProblemSummary problems={props.problems} fieldIds={{ login: "wrangler-login", fandom: "wrangler-fandom" }} intro="The wrangler could not be assigned:" />
      {assignments.length === 0 ? <p>Nobody wrangles a fandom yet.</p> : (
        <table class="admin-wranglers">
          <thead><tr><th scope="col">Wrangler</th><th scope="col">Fandom</th><th scope="col">Since</th><th scope="col">Unassign</th></tr></thead>
          <tbody>
            {assignments.map((a) => (
              <tr>
                <th scope="row">{a.login}</th>
                <td>{a.fandomName}</td>
                <td>{a.assignedAt.slice(0, 10)}</td>
                <td>
                  <form method="post" action={`/admin/wranglers/${a.userId}/${a.fandomId}/delete`} class="inline-form">
                    <CsrfField page={page} />
                    <button type="submit" aria-label={`Unassign ${a.login} from ${a.fandomName}`}>Unassign</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/admin/wranglers" class="account-form">
        <CsrfField page={page} />
        <fieldset>
          <legend>Assign a wrangler</legend>
          <TextField id="wrangler-login" name="login" label="User name" value={props.form.login} problem={props.problems?.login} required />
          <TextField id="wrangler-fandom" name="fandom" label="Canonical fandom" value={props.form.fandom} problem={props.problems?.fandom} required />
          <button type="submit">Assign</button>
        </fieldset>
      </form>
    </Layout>
  );
}

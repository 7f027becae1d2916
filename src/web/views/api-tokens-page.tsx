/**
 * /account/tokens: the user's API tokens — each with its name, scope, when it was made and last used, and a
 * button to revoke it — and the form to make one. A new token is shown once, on the page its form answers with.
 */
import type { ApiTokenScope } from "../../domain/account.js";
import { MAX_API_TOKEN_NAME_LENGTH, type StoredApiToken } from "../../services/accounts/api-tokens.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";
import { Timestamp } from "./timestamp.js";

const SCOPES: readonly { scope: ApiTokenScope; label: string }[] = [
  { scope: "read", label: "Read: what you may read, drafts of yours included" },
  { scope: "write", label: "Read and write: post and edit your works, leave kudos, comment and bookmark as you" },
];

export interface NewApiToken {
  name: string;
  scope: ApiTokenScope;
  /** The token itself, shown this once. */
  token: string;
}

export function ApiTokensPage(props: {
  page: PageContext; tokens: readonly StoredApiToken[]; created: NewApiToken | null; notice: string | null; problems: FieldProblems | null; values: { name: string; scope: ApiTokenScope };
}) {
  const { page, tokens, created } = props;
  return (
    <Layout page={page} title="API tokens">
      <h1>API tokens</h1>
      <p>
        A token lets a program — an e-reader app, a script, a backup — use <a href="/api/v1/openapi.json">this archive's API</a> as you:
        it sends <code>Authorization: Bearer</code> and the token with each request. Anyone holding a token can do what it allows, so keep it
        secret, and revoke it when you stop using it.
      </p>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {created && (
        <section class="notice" role="status" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">Your new token “{created.name}”</h2>
          <p>Copy it now: it is not stored here, and it cannot be shown again.</p>
          <p><label for="new-token">Token ({created.scope === "write" ? "read and write" : "read"})</label></p>
          <p><input type="text" id="new-token" class="token" value={created.token} readonly size={52} /></p>
        </section>
      )}
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.length === 0 ? <p>You have no tokens.</p> : (
          <table class="api-tokens">
            <thead><tr><th scope="col">Name</th><th scope="col">Scope</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>{t.scope === "write" ? "read and write" : "read"}</td>
                  <td><Timestamp at={t.createdAt} /></td>
                  <td>{t.lastUsedAt ? <Timestamp at={t.lastUsedAt} /> : "never"}</td>
                  <td>{t.revokedAt ? <>revoked <Timestamp at={t.revokedAt} /></> : (
                    <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline-form">
                      <CsrfField page={page} />
                      <button type="submit" aria-label={`Revoke ${t.name}`}>Revoke</button>
                    </form>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">Make a token</h2>
        <form method="post" action="/account/tokens" class="account-form">
          <CsrfField page={page} />
          <ProblemSummary problems={props.problems} fieldIds={{ name: "token-name", scope: "scope-read" }} />
          <TextField id="token-name" name="name" label="Name" value={props.values.name} problem={props.problems?.name} required maxlength={MAX_API_TOKEN_NAME_LENGTH} hint="What it is for, so that you know it again: “e-reader sync”." />
          <fieldset>
            <legend>What it may do</legend>
            {SCOPES.map(({ scope, label }) => (
              <div><input type="radio" id={`scope-${scope}`} name="scope" value={scope} checked={props.values.scope === scope} /> <label for={`scope-${scope}`}>{label}</label></div>
            ))}
          </fieldset>
          <button type="submit">Make the token</button>
        </form>
      </section>
      <p><a href="/account">Back to your account</a> · <a href="https://spec.openapis.org/oas/v3.1.0">What an OpenAPI document is</a></p>
    </Layout>
  );
}

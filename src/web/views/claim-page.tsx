/**
 * A claim link's page (Open Doors): the works held for the author the link was made for, and the two answers —
 * claim them (signed in) or ask that they not be imported. The token is in the page's address, and the forms post
 * back to it.
 */
import type { ClaimPage } from "../../services/review/held-works.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

export function claimPath(token: string): string {
  return `/claims/${encodeURIComponent(token)}`;
}

export function ClaimWorksPage(props: { page: PageContext; token: string; claim: ClaimPage }) {
  const { page, token, claim } = props;
  const path = claimPath(token);
  return (
    <Layout page={page} title="Claim your works">
      <h1>Works held for {claim.name}</h1>
      {claim.state === "claimed" && <p>These works have been claimed: they are on their author’s account now.</p>}
      {claim.state === "declined" && <p>Their author asked that these works not be imported, and they were removed.</p>}
      {claim.works.length > 0 && <ul class="claim-works">{claim.works.map((w) => <li>{w.title}</li>)}</ul>}
      {claim.state === "open" && (
        <>
          <p>The archive’s archivists rescued these stories, written as {claim.name}, and hold them unseen by readers until you decide.</p>
          {page.viewer === null ? (
            <p><a href={`/login?${new URLSearchParams({ return: path }).toString()}`}>Sign in</a> (or make an account) to claim them.</p>
          ) : (
            <form method="post" action={`${path}/claim`}>
              <CsrfField page={page} />
              <p>Claimed, they are yours, under your default pseud, {page.viewer.login}: held as drafts until you publish them.</p>
              <button type="submit">Claim these works</button>
            </form>
          )}
          <form method="post" action={`${path}/decline`}>
            <CsrfField page={page} />
            <p>If you would rather they were not in the archive, they are removed.</p>
            <button type="submit">Do not import them</button>
          </form>
        </>
      )}
    </Layout>
  );
}

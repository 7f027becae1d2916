/** The reader's subscriptions, by kind, each with its unsubscribe button. */
import type { ListedSubscription } from "../../services/community/subscriptions.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";
import { tagUrl } from "../tag-url.js";

const KINDS: readonly (readonly [ListedSubscription["targetType"], string])[] = [["work", "Works"], ["series", "Series"], ["author", "Authors"], ["tag", "Tags"]];

function targetUrl(s: ListedSubscription): string | null {
  if (s.name === null) return null;
  switch (s.targetType) {
    case "work": return `/works/${s.targetId}`;
    case "series": return `/series/${s.targetId}`;
    case "author": return `/users/${encodeURIComponent(s.name)}`;
    case "tag": return tagUrl(s.name);
  }
}

export function SubscriptionsPage(props: { page: PageContext; subscriptions: readonly ListedSubscription[] }) {
  const { page, subscriptions } = props;
  return (
    <Layout page={page} title="Subscriptions">
      <h1>Subscriptions</h1>
      <p>New works and chapters from what you subscribe to come to your <a href="/inbox">inbox</a>, and by mail where you asked.</p>
      {subscriptions.length === 0 && <p>You have no subscriptions yet: subscribe from a work's, series', author's or tag's page.</p>}
      {KINDS.map(([kind, heading]) => {
        const listed = subscriptions.filter((s) => s.targetType === kind);
        if (listed.length === 0) return null;
        return (
          <section aria-labelledby={`subscriptions-${kind}`}>
            <h2 id={`subscriptions-${kind}`}>{heading}</h2>
            <ul class="subscriptions">
              {listed.map((s) => {
                const url = targetUrl(s);
                return (
                  <li>
                    {url ? <a href={url}>{s.name}</a> : <span>(no longer in the archive)</span>}
                    {s.mail && <span class="hint"> (by e-mail too)</span>}{" "}
                    <form method="post" action={`/subscriptions/${s.id}/delete`} class="inline-form">
                      <CsrfField page={page} />
                      <input type="hidden" name="return" value="/subscriptions" />
                      <button type="submit" class="link-button" aria-label={`Unsubscribe from ${s.name ?? "this"}`}>Unsubscribe</button>
                    </form>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** The moderators' log, newest first: who did what to what, when, and why. */
import type { StoredLogEntry } from "../../services/moderation/log.js";
import type { Paged } from "../../services/moderation/paging.js";
import type { PageContext } from "../page-context.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { actionLabel, formatDateTime } from "./moderation-labels.js";
import { ModerationNav } from "./moderation-queue-page.js";
import { Pagination } from "./pagination.js";

export function LogPage(props: { page: PageContext; log: Paged<StoredLogEntry> }) {
  const { page, log } = props;
  return (
    <Layout page={page} title="Moderators’ log">
      <h1>Moderators’ log</h1>
      <ModerationNav />
      <p>{plural(log.total, "action")}, newest first. The log cannot be changed.</p>
      <LogTable entries={log.items} caption="Every moderator action" />
      <Pagination path="/moderation/log" params={new URLSearchParams()} page={log.page} pages={log.pages} />
    </Layout>
  );
}

export function LogTable(props: { entries: readonly StoredLogEntry[]; caption: string }) {
  if (props.entries.length === 0) return <p>Nothing yet.</p>;
  return (
    <table class="moderation-log">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Did</th><th scope="col">To</th><th scope="col">Why</th></tr></thead>
      <tbody>
        {props.entries.map((entry) => (
          <tr>
            <td>{formatDateTime(entry.at)}</td>
            <td>{entry.moderatorLogin}</td>
            <td>{actionLabel(entry.action)}</td>
            <td><LogTarget entry={entry} /></td>
            <td>{entry.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LogTarget(props: { entry: StoredLogEntry }) {
  const { targetType, targetId } = props.entry;
  if (targetType === "work") return <a href={`/works/${targetId}`}>work {targetId}</a>;
  if (targetType === "user") return <a href={`/moderation/users/${targetId}`}>user {targetId}</a>;
  return <>{targetType} {targetId}</>;
}

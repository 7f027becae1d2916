/** A user as the moderators see them: their standing, the actions this moderator may take, and their history in the log. */
import type { UserModeration } from "../../services/moderation/user-moderation.js";
import type { PageContext } from "../page-context.js";
import { Layout } from "./layout.js";
import { UserActions } from "./moderation-forms.js";
import { LogTable } from "./moderation-log-page.js";
import { ModerationNav } from "./moderation-queue-page.js";

export function UserModerationPage(props: { page: PageContext; moderation: UserModeration }) {
  const { page, moderation } = props;
  return (
    <Layout page={page} title={`${moderation.user.login} - Moderation`}>
      <h1>{moderation.user.login}</h1>
      <ModerationNav />
      <UserActions page={page} user={moderation.user} idPrefix="page" />
      <h2>In the log</h2>
      <LogTable entries={moderation.history} caption={`Moderator actions on ${moderation.user.login}`} />
    </Layout>
  );
}

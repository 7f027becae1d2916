/** The inbox: what the reader was told, newest first, each linking to its work, chapter or comment; mark read. */
import type { InboxItem, InboxPage as InboxContents } from "../../services/community/inbox.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";
import { Timestamp } from "./timestamp.js";

/** Where the item leads: the comment, the chapter, or the work. */
function itemUrl(item: InboxItem): string | null {
  if (item.commentId !== null) return `/comments/${item.commentId}`;
  if (item.workId === null) return null;
  return item.chapterPosition !== null ? `/works/${item.workId}/chapters/${item.chapterPosition}` : `/works/${item.workId}`;
}

export function InboxPage(props: { page: PageContext; inbox: InboxContents; pageNumber: number; perPage: number }) {
  const { page, inbox } = props;
  return (
    <Layout page={page} title="Inbox">
      <h1>Inbox</h1>
      <p>{plural(inbox.total, "item")}, {plural(inbox.unread, "unread item")}. <a href="/subscriptions">Your subscriptions</a></p>
      {inbox.items.length > 0 && (
        <form method="post" action="/inbox/read">
          <CsrfField page={page} />
          <ol class="inbox">
            {inbox.items.map((item) => {
              const url = itemUrl(item);
              return (
                <li class={item.readAt === null ? "unread" : "read"}>
                  {item.readAt === null && (
                    <><input type="checkbox" id={`inbox-${item.id}`} name="ids" value={String(item.id)} /> <label for={`inbox-${item.id}`} class="visually-hidden">Select</label></>
                  )}
                  {item.readAt === null && <strong class="badge">New</strong>}{" "}
                  {url ? <a href={url}>{item.message}</a> : item.message}{" "}
                  <span class="hint"><Timestamp at={item.createdAt} /></span>
                </li>
              );
            })}
          </ol>
          {inbox.unread > 0 && (
            <p class="actions">
              <button type="submit">Mark selected read</button>{" "}
              <button type="submit" name="all" value="1">Mark all read</button>
            </p>
          )}
        </form>
      )}
      <Pagination path="/inbox" params={new URLSearchParams()} page={props.pageNumber} pages={Math.ceil(inbox.total / props.perPage)} />
    </Layout>
  );
}

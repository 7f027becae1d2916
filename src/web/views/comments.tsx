/**
 * Comments, server-rendered: threads as nested lists, each comment with its pseud (or guest name), date, and the
 * actions this reader may take (commentActions); the comment form; the pages of one comment, of a reply and of
 * an edit, which work without JavaScript. With it, quire.js opens a reply form in place.
 */
import { MAX_COMMENT_LENGTH, commentActions, type CommentActionContext, type CommentNode, type PlaceholderReason } from "../../domain/comments.js";
import type { CommentPage, CommentSettings, StoredComment } from "../../services/community/read-comments.js";
import type { PageContext } from "../page-context.js";
import { commentInPlaceUrl, commentPlaceUrl, withFragment } from "./community-links.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";
import { StoryHtml } from "./story-html.js";
import { Timestamp } from "./timestamp.js";

const PLACEHOLDERS: Record<PlaceholderReason, string> = {
  deleted: "(Previous comment deleted.)",
  hidden: "(This comment was hidden by a moderator.)",
  muted: "(A comment by a user you muted.)",
  pending: "(A comment waiting for approval.)",
};

/** What the comment form was sent with, to fill it in again beside what was wrong. */
export interface CommentFormValues {
  text: string;
  name: string;
  email: string;
}

const EMPTY_COMMENT: CommentFormValues = { text: "", name: "", email: "" };

function Problems(props: { problems: Readonly<Record<string, string>> | null }) {
  if (!props.problems) return null;
  return (
    <div class="errors" role="alert">
      <p>The comment was not posted:</p>
      <ul>{Object.values(props.problems).map((p) => <li>{p}</li>)}</ul>
    </div>
  );
}

/**
 * The comment form: a guest gives a name and an e-mail address (never shown); a signed-in reader comments as
 * their default pseud. `idPrefix` keeps the fields' ids unique when a page has several forms.
 */
export function CommentForm(props: {
  page: PageContext; action: string; pseud: string | null; idPrefix: string; submit: string;
  values?: CommentFormValues; problems?: Readonly<Record<string, string>> | null; template?: boolean;
}) {
  const { page, action, pseud, idPrefix } = props;
  const values = props.values ?? EMPTY_COMMENT;
  const problems = props.problems ?? null;
  return (
    <form method="post" action={action} class="comment-form" data-comment-form={props.template ? "" : undefined}>
      <CsrfField page={page} />
      <Problems problems={problems} />
      {page.viewer ? (
        <p class="hint">Commenting as <strong>{pseud ?? page.viewer.login}</strong>.</p>
      ) : (
        <>
          <div class="field">
            <label for={`${idPrefix}-name`}>Your name</label>
            <input type="text" id={`${idPrefix}-name`} name="name" required maxlength={100} autocomplete="nickname" value={values.name} aria-invalid={problems?.name ? "true" : undefined} />
          </div>
          <div class="field">
            <label for={`${idPrefix}-email`}>Your e-mail address</label>
            <input type="email" id={`${idPrefix}-email`} name="email" required maxlength={254} autocomplete="email" value={values.email} aria-describedby={`${idPrefix}-email-hint`} aria-invalid={problems?.email ? "true" : undefined} />
            <p class="hint" id={`${idPrefix}-email-hint`}>Never shown to anyone, the work's creators included.</p>
          </div>
        </>
      )}
      <div class="field">
        <label for={`${idPrefix}-text`}>Comment</label>
        <textarea id={`${idPrefix}-text`} name="text" rows={6} cols={60} required maxlength={MAX_COMMENT_LENGTH} aria-describedby={`${idPrefix}-text-hint`} aria-invalid={problems?.text ? "true" : undefined}>{values.text}</textarea>
        <p class="hint" id={`${idPrefix}-text-hint`}>Plain text, or HTML: paragraphs, emphasis, links and lists. At most {MAX_COMMENT_LENGTH.toLocaleString("en")} characters.</p>
      </div>
      <button type="submit" class="primary">{props.submit}</button>
    </form>
  );
}

/** Who posted it: the pseud (a link to its works), or the guest's name. */
function Commenter(props: { comment: StoredComment }) {
  const { comment } = props;
  if (comment.pseud !== null) return <a href={`/users/${encodeURIComponent(comment.pseud)}`}>{comment.pseud}</a>;
  return <>{comment.guestName ?? "Someone"} <span class="guest">(Guest)</span></>;
}

function CommentActionsList(props: { page: PageContext; comment: StoredComment; node: CommentNode<StoredComment>; context: CommentActionContext }) {
  const { page, comment, node, context } = props;
  const actions = commentActions(comment, node.appearance, context);
  const back = withFragment(page.here, `comment-${comment.id}`);
  const items = [
    actions.reply && <li><a href={`/comments/${comment.id}/reply`} data-reply={`/comments/${comment.id}/reply`}>Reply</a></li>,
    actions.edit && <li><a href={`/comments/${comment.id}/edit`}>Edit</a></li>,
    actions.approve && <li><PostButton page={page} action={`/comments/${comment.id}/approve`} back={back} label="Approve" /></li>,
    actions.freeze && <li><PostButton page={page} action={`/comments/${comment.id}/freeze`} back={back} label={comment.threadFrozen ? "Unfreeze thread" : "Freeze thread"} field={["frozen", comment.threadFrozen ? "0" : "1"]} /></li>,
    actions.delete && <li><PostButton page={page} action={`/comments/${comment.id}/delete`} back={withFragment(commentPlaceUrl(comment), "comments")} label="Delete" confirm="Delete this comment?" /></li>,
  ].filter((item) => item !== false);
  if (items.length === 0) return null;
  return <ul class="comment-actions" aria-label="Comment actions">{items}</ul>;
}

function PostButton(props: { page: PageContext; action: string; back: string; label: string; field?: [string, string]; confirm?: string }) {
  return (
    <form method="post" action={props.action} class="inline-form" data-confirm={props.confirm}>
      <CsrfField page={props.page} />
      <input type="hidden" name="return" value={props.back} />
      {props.field && <input type="hidden" name={props.field[0]} value={props.field[1]} />}
      <button type="submit" class="link-button">{props.label}</button>
    </form>
  );
}

function CommentItem(props: { page: PageContext; node: CommentNode<StoredComment>; context: CommentActionContext; showChapter: boolean }) {
  const { page, node, context, showChapter } = props;
  const { comment, appearance } = node;
  const replies = node.replies.length > 0 && <CommentList page={page} nodes={node.replies} context={context} showChapter={false} nested />;
  if (appearance.kind === "placeholder") {
    return (
      <li class="comment placeholder" id={`comment-${comment.id}`}>
        <p>{PLACEHOLDERS[appearance.reason]}</p>
        {replies}
      </li>
    );
  }
  const bylineId = `comment-${comment.id}-byline`;
  return (
    <li class={appearance.pending ? "comment pending" : "comment"} id={`comment-${comment.id}`}>
      <article aria-labelledby={bylineId}>
        <h3 class="comment-byline" id={bylineId}>
          <Commenter comment={comment} />
          {showChapter && comment.parentId === null && comment.chapterPosition !== null && <span class="on-chapter"> on Chapter {comment.chapterPosition}</span>}
          {" "}<span class="comment-date"><Timestamp at={comment.createdAt} /></span>
        </h3>
        {appearance.pending && <p class="comment-status">Waiting for the creators' approval: only they and the commenter see it.</p>}
        {comment.parentId === null && comment.threadFrozen && <p class="comment-status">Frozen: this thread takes no more replies.</p>}
        <StoryHtml html={comment.html} />
        {comment.editedAt && <p class="comment-edited">Last edited <Timestamp at={comment.editedAt} /></p>}
        <CommentActionsList page={page} comment={comment} node={node} context={context} />
      </article>
      {replies}
    </li>
  );
}

export function CommentList(props: { page: PageContext; nodes: readonly CommentNode<StoredComment>[]; context: CommentActionContext; showChapter: boolean; nested?: boolean }) {
  return (
    <ol class={props.nested ? "comments replies" : "comments"}>
      {props.nodes.map((node) => <CommentItem page={props.page} node={node} context={props.context} showChapter={props.showChapter} />)}
    </ol>
  );
}

/** Why this reader cannot comment here; `otherwise` when the work's policy and their account are not why. */
function CommentRefusal(props: { page: PageContext; context: CommentActionContext; otherwise?: string }) {
  const { page, context } = props;
  if (context.refusal === "closed") return <p class="notice">This work does not take comments.</p>;
  if (context.refusal === "sign-in") return <p class="notice">This work takes comments from signed-in users only. <a href={`/login?return=${encodeURIComponent(page.here)}`}>Sign in</a> to comment.</p>;
  if (page.viewer?.suspended) return <p class="notice">Your account is suspended: you cannot comment.</p>;
  return props.otherwise ? <p class="notice">{props.otherwise}</p> : null;
}

/** The creators' settings: who may comment, and whether comments wait for approval. */
function CommentSettingsForm(props: { page: PageContext; workId: number; settings: CommentSettings }) {
  const { page, workId, settings } = props;
  const choices = [["open", "Anyone, guests too"], ["registered", "Signed-in users only"], ["closed", "Nobody (comments closed)"]] as const;
  return (
    <details class="comment-settings">
      <summary>Comment settings</summary>
      <form method="post" action={`/works/${workId}/comment-settings`}>
        <CsrfField page={page} />
        <input type="hidden" name="return" value={withFragment(page.here, "comments")} />
        <fieldset>
          <legend>Who may comment</legend>
          {choices.map(([value, label]) => (
            <div class="field check">
              <input type="radio" id={`comment-policy-${value}`} name="policy" value={value} checked={settings.policy === value} />
              <label for={`comment-policy-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div class="field check">
          <input type="checkbox" id="comment-moderate" name="moderate" value="1" checked={settings.moderated} />
          <label for="comment-moderate">New comments wait for approval</label>
        </div>
        <button type="submit">Save comment settings</button>
      </form>
    </details>
  );
}

/** The comments under a work's text: the creators' settings, the form, then the threads. */
export function CommentsSection(props: {
  page: PageContext; workId: number; chapterPosition: number | null; multiChapter: boolean; count: number;
  settings: CommentSettings; pseud: string | null; threads: readonly CommentNode<StoredComment>[]; context: CommentActionContext;
}) {
  const { page, workId, chapterPosition, context } = props;
  const canComment = context.refusal === null && !page.viewer?.suspended;
  const action = `/works/${workId}/comments${chapterPosition === null ? "" : `?chapter=${chapterPosition}`}`;
  return (
    <section class="comments-section" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{chapterPosition !== null && props.multiChapter ? `Comments on Chapter ${chapterPosition}` : "Comments"} ({props.count})</h2>
      {context.isCreator && !page.viewer?.suspended && <CommentSettingsForm page={page} workId={workId} settings={props.settings} />}
      {canComment ? <CommentForm page={page} action={action} pseud={props.pseud} idPrefix="comment" submit="Comment" template /> : <CommentRefusal page={page} context={context} />}
      {props.threads.length > 0 ? <CommentList page={page} nodes={props.threads} context={context} showChapter={chapterPosition === null && props.multiChapter} /> : <p>No comments yet.</p>}
    </section>
  );
}

function WorkLink(props: { comment: StoredComment }) {
  const { comment } = props;
  const chapter = comment.chapterPosition !== null && comment.workChapterCount > 1 ? `, Chapter ${comment.chapterPosition}` : "";
  return <><a href={commentPlaceUrl(comment)}>{comment.workTitle}</a>{chapter}</>;
}

/** One comment with the replies below it: where the inbox links, and where a comment awaiting approval is told of. */
export function CommentPermalinkPage(props: { page: PageContext; view: CommentPage }) {
  const { page, view } = props;
  const { comment, node } = view;
  return (
    <Layout page={page} title={`Comment on ${comment.workTitle}`}>
      <h1>Comment on <WorkLink comment={comment} /></h1>
      {node ? (
        <>
          <p><a href={commentInPlaceUrl(comment)}>Read it in its place on the work's page</a></p>
          <h2 class="visually-hidden">The comment and its replies</h2>
          <CommentList page={page} nodes={[node]} context={view.context} showChapter={false} />
        </>
      ) : (
        <p class="notice">This comment is waiting for the work's creators to approve it. It will show on the work's page once they do.</p>
      )}
    </Layout>
  );
}

/** The reply form's own page: the comment replied to, then the form (or why there is none). */
export function ReplyPage(props: { page: PageContext; view: CommentPage; pseud: string | null; values?: CommentFormValues; problems?: Readonly<Record<string, string>> | null }) {
  const { page, view } = props;
  const { comment, node } = view;
  const canReply = node !== undefined && commentActions(comment, node.appearance, view.context).reply;
  return (
    <Layout page={page} title={`Reply to a comment on ${comment.workTitle}`}>
      <h1>Reply to a comment on <WorkLink comment={comment} /></h1>
      {/* The comment alone, without its own Reply link: this page is that link. */}
      {node && <h2 class="visually-hidden">The comment</h2>}
      {node && <CommentList page={page} nodes={[{ ...node, replies: [] }]} context={{ ...view.context, refusal: "closed" }} showChapter={false} />}
      <h2>Your reply</h2>
      {canReply ? (
        <CommentForm page={page} action={`/comments/${comment.id}/reply`} pseud={props.pseud} idPrefix="reply" submit="Reply" values={props.values ?? EMPTY_COMMENT} problems={props.problems ?? null} />
      ) : (
        <CommentRefusal page={page} context={view.context} otherwise={comment.threadFrozen ? "This thread is frozen: it takes no more replies." : "This comment takes no replies."} />
      )}
    </Layout>
  );
}

/** A top-level comment sent back with what was wrong with it. */
export function NewCommentPage(props: { page: PageContext; workId: number; workTitle: string; action: string; pseud: string | null; values: CommentFormValues; problems: Readonly<Record<string, string>> }) {
  const { page } = props;
  return (
    <Layout page={page} title={`Comment on ${props.workTitle}`}>
      <h1>Comment on <a href={`/works/${props.workId}`}>{props.workTitle}</a></h1>
      <CommentForm page={page} action={props.action} pseud={props.pseud} idPrefix="comment" submit="Comment" values={props.values} problems={props.problems} />
    </Layout>
  );
}

export function EditCommentPage(props: { page: PageContext; comment: StoredComment; text: string; problems: Readonly<Record<string, string>> | null }) {
  const { page, comment, problems } = props;
  return (
    <Layout page={page} title={`Edit your comment on ${comment.workTitle}`}>
      <h1>Edit your comment on <WorkLink comment={comment} /></h1>
      <form method="post" action={`/comments/${comment.id}/edit`} class="comment-form">
        <CsrfField page={page} />
        <Problems problems={problems} />
        <div class="field">
          <label for="edit-text">Comment</label>
          <textarea id="edit-text" name="text" rows={8} cols={60} required maxlength={MAX_COMMENT_LENGTH}>{props.text}</textarea>
          <p class="hint">Plain text, or HTML. At most {MAX_COMMENT_LENGTH.toLocaleString("en")} characters.</p>
        </div>
        <button type="submit" class="primary">Save</button> <a href={commentInPlaceUrl(comment)}>Cancel</a>
      </form>
    </Layout>
  );
}

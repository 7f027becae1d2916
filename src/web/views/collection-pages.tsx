/**
 * Collection pages: the index with its name search, the form for a new collection, the header above a collection's
 * works (description, parent, sub-collections), the management page (settings, maintainers, the queue), the
 * invitations waiting on a user's works, and a work's collections with the "Add to collection" form.
 */
import type { Collection, CollectionState } from "../../domain/collections/collection.js";
import { COLLECTION_DESCRIPTION_MAX, COLLECTION_NAME_MAX, COLLECTION_TITLE_MAX } from "../../domain/collections/rules.js";
import type { CollectionInvitation, CollectionItem, CollectionQueue, WorkCollection } from "../../services/collections/collection-items.js";
import type { CollectionSummary, CollectionView, Maintainer } from "../../services/collections/manage-collections.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { formatNumber, plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";
import { TextBlocks } from "./text-blocks.js";

export function collectionPath(name: string, rest = ""): string {
  return `/collections/${encodeURIComponent(name)}${rest}`;
}

const STATE_WORDS: Record<CollectionState, string> = {
  open: "Open: works join at once.",
  moderated: "Moderated: works join once a maintainer approves them.",
  closed: "Closed: no new works.",
};

function Modes(props: { collection: Collection }) {
  const { collection } = props;
  return (
    <p class="collection-modes">
      {STATE_WORDS[collection.state]}
      {collection.anonymous && " Anonymous: its works' creators are not shown."}
      {collection.unrevealed && " Unrevealed: its works are hidden until the collection is revealed."}
    </p>
  );
}

export function CollectionIndexPage(props: { page: PageContext; query: string; result: { total: number; page: number; pages: number; items: readonly CollectionSummary[] } }) {
  const { page, query, result } = props;
  const params = new URLSearchParams(query ? { q: query } : {});
  return (
    <Layout page={page} title="Collections">
      <h1>Collections</h1>
      {page.viewer && <p><a href="/collections/new">New collection</a> · <a href="/account/collection-invitations">Invitations to your works</a></p>}
      <p><a href="/challenges">Challenges: gift exchanges and prompt memes</a></p>
      <form method="get" action="/collections" role="search" class="collection-search">
        <label for="collection-query">Name or title</label> <input type="search" id="collection-query" name="q" value={query} maxlength={100} /> <button type="submit">Search</button>
      </form>
      <h2>{result.total === 0 ? "No collections found" : `${formatNumber(result.total)} ${plural(result.total, "collection")}`}</h2>
      <ul class="collections">
        {result.items.map((c) => (
          <li>
            <a href={collectionPath(c.name)}>{c.title}</a> <span class="name">({c.name})</span> · {formatNumber(c.works)} {plural(c.works, "work")}
            {c.description && <div class="summary"><TextBlocks text={c.description.slice(0, 300)} /></div>}
          </li>
        ))}
      </ul>
      <Pagination path="/collections" params={params} page={result.page} pages={result.pages} />
    </Layout>
  );
}

/** The settings a form shows: the collection's, or what the user typed when it came back. */
export interface SettingsValues {
  name: string;
  title: string;
  description: string;
  parent: string;
  state: CollectionState;
  anonymous: boolean;
  unrevealed: boolean;
}

export const EMPTY_SETTINGS: SettingsValues = { name: "", title: "", description: "", parent: "", state: "open", anonymous: false, unrevealed: false };

function SettingsFields(props: { values: SettingsValues; problems: FieldProblems | null }) {
  const { values, problems } = props;
  return (
    <>
      <TextField id="collection-title" name="title" label="Title" value={values.title} problem={problems?.title} required maxlength={COLLECTION_TITLE_MAX} />
      <p class="field">
        <label for="collection-description">Description (plain text)</label>
        <textarea id="collection-description" name="description" rows={5} maxlength={COLLECTION_DESCRIPTION_MAX}>{values.description}</textarea>
        {problems?.description && <span class="problem">{problems.description}</span>}
      </p>
      <TextField id="collection-parent" name="parent" label="Parent collection (its name; one you maintain)" value={values.parent} problem={problems?.parent} />
      <fieldset>
        <legend>Who may add works</legend>
        {(["open", "moderated", "closed"] as const).map((state) => (
          <label class="choice"><input type="radio" name="state" value={state} checked={values.state === state} /> {STATE_WORDS[state]}</label>
        ))}
      </fieldset>
      <label class="choice"><input type="checkbox" name="anonymous" value="1" checked={values.anonymous} /> Anonymous: hide the creators of its works</label>
      <label class="choice"><input type="checkbox" name="unrevealed" value="1" checked={values.unrevealed} /> Unrevealed: hide its works until revealed (untick to reveal them)</label>
    </>
  );
}

export function NewCollectionPage(props: { page: PageContext; values: SettingsValues; problems: FieldProblems | null }) {
  const { page, values, problems } = props;
  return (
    <Layout page={page} title="New collection">
      <h1>New collection</h1>
      <ProblemSummary problems={problems} fieldIds={{ name: "collection-name", title: "collection-title", parent: "collection-parent" }} intro="The collection could not be made:" />
      <form method="post" action="/collections/new" class="account-form">
        <CsrfField page={page} />
        <TextField id="collection-name" name="name" label="Name (its address: letters, digits and underscores)" value={values.name} problem={problems?.name} required maxlength={COLLECTION_NAME_MAX} />
        <SettingsFields values={values} problems={problems} />
        <button type="submit">Make the collection</button>
      </form>
    </Layout>
  );
}

/** Above a collection's works: what it is, where it sits, and what it holds besides. */
export function CollectionIntro(props: { view: CollectionView }) {
  const { collection, parent, children, role } = props.view;
  return (
    <div class="collection-intro">
      <p class="name">{collection.name}{collection.ownerId === null && " · made from imported works"}</p>
      {collection.description && <div class="userstuff"><TextBlocks text={collection.description} /></div>}
      <Modes collection={collection} />
      {parent && <p>Part of <a href={collectionPath(parent.name)}>{parent.title}</a>.</p>}
      {children.length > 0 && (
        <section aria-labelledby="sub-collections-heading">
          <h2 id="sub-collections-heading">Sub-collections</h2>
          <ul>{children.map((c) => <li><a href={collectionPath(c.name)}>{c.title}</a></li>)}</ul>
          <p>The works below include theirs.</p>
        </section>
      )}
      {role && <p><a href={collectionPath(collection.name, "/manage")}>Manage this collection</a></p>}
    </div>
  );
}

function ItemTable(props: { page: PageContext; collection: Collection; items: readonly CollectionItem[]; actions: readonly ("approve" | "reject")[]; caption: string }) {
  const { page, collection, items } = props;
  if (items.length === 0) return <p>None.</p>;
  return (
    <table class="collection-items">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead><tr><th scope="col">Work</th><th scope="col">Since</th>{props.actions.length > 0 && <th scope="col">Decide</th>}</tr></thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <th scope="row"><a href={`/works/${item.workId}`}>{item.title}</a></th>
            <td>{item.addedAt?.slice(0, 10) ?? ""}</td>
            {props.actions.length > 0 && (
              <td>
                {props.actions.map((decision) => (
                  <form method="post" action={collectionPath(collection.name, `/works/${item.workId}/decide`)} class="inline-form">
                    <CsrfField page={page} />
                    <input type="hidden" name="decision" value={decision} />
                    <button type="submit" aria-label={`${decision === "approve" ? "Approve" : "Reject"} ${item.title}`}>{decision === "approve" ? "Approve" : "Reject"}</button>
                  </form>
                ))}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ManageCollectionPage(props: {
  page: PageContext;
  queue: CollectionQueue;
  maintainers: readonly Maintainer[];
  values: SettingsValues;
  problems: FieldProblems | null;
  notice: string | null;
}) {
  const { page, queue, maintainers, values, problems } = props;
  const { collection, role } = queue;
  return (
    <Layout page={page} title={`Manage ${collection.title}`}>
      <h1>Manage <a href={collectionPath(collection.name)}>{collection.title}</a></h1>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <ProblemSummary problems={problems} fieldIds={{ title: "collection-title", parent: "collection-parent", login: "maintainer-login" }} intro="That could not be done:" />

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Waiting for approval</h2>
        <ItemTable page={page} collection={collection} items={queue.pending} actions={["approve", "reject"]} caption="Works waiting for approval" />
        <h3>Invited, waiting for their creators</h3>
        <ItemTable page={page} collection={collection} items={queue.invited} actions={["reject"]} caption="Invited works" />
        <h3>In the collection</h3>
        <ItemTable page={page} collection={collection} items={queue.approved} actions={["reject"]} caption="Approved works" />
        <h3>Rejected</h3>
        <ItemTable page={page} collection={collection} items={queue.rejected} actions={["approve"]} caption="Rejected works" />
        <form method="post" action={collectionPath(collection.name, "/invite")} class="account-form">
          <CsrfField page={page} />
          <p class="field"><label for="invite-work">Invite a work (its number)</label> <input id="invite-work" name="work" inputmode="numeric" pattern="[0-9]+" required /></p>
          <button type="submit">Invite</button>
        </form>
      </section>

      {role === "owner" && (
        <>
          <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">Settings</h2>
            <form method="post" action={collectionPath(collection.name, "/settings")} class="account-form">
              <CsrfField page={page} />
              <SettingsFields values={values} problems={problems} />
              <button type="submit">Save settings</button>
            </form>
          </section>
          <section aria-labelledby="maintainers-heading">
            <h2 id="maintainers-heading">Maintainers</h2>
            <ul>
              {maintainers.map((m) => (
                <li>
                  {m.login} ({m.role}){" "}
                  <form method="post" action={collectionPath(collection.name, `/maintainers/${m.userId}/delete`)} class="inline-form">
                    <CsrfField page={page} />
                    <button type="submit" aria-label={`Remove ${m.login}`}>Remove</button>
                  </form>
                </li>
              ))}
            </ul>
            <form method="post" action={collectionPath(collection.name, "/maintainers")} class="account-form">
              <CsrfField page={page} />
              <TextField id="maintainer-login" name="login" label="User name" problem={problems?.login} required />
              <label class="choice"><input type="radio" name="role" value="moderator" checked /> Moderator</label>
              <label class="choice"><input type="radio" name="role" value="owner" /> Owner</label>
              <button type="submit">Add maintainer</button>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}

function DecisionButton(props: { page: PageContext; workId: number; collection: string; decision: "accept" | "decline"; label: string }) {
  return (
    <form method="post" action={`/works/${props.workId}/collections/${encodeURIComponent(props.collection)}/decide`} class="inline-form">
      <CsrfField page={props.page} />
      <input type="hidden" name="decision" value={props.decision} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

export function CollectionInvitationsPage(props: { page: PageContext; invitations: readonly CollectionInvitation[]; notice: string | null }) {
  const { page, invitations } = props;
  return (
    <Layout page={page} title="Collection invitations">
      <h1>Collection invitations</h1>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {invitations.length === 0 ? <p>No collection has invited your works.</p> : (
        <ul class="collection-invitations">
          {invitations.map((i) => (
            <li>
              <a href={`/works/${i.workId}`}>{i.workTitle}</a> is invited to <a href={collectionPath(i.collectionName)}>{i.collectionTitle}</a>{" "}
              <DecisionButton page={page} workId={i.workId} collection={i.collectionName} decision="accept" label={`Accept`} />{" "}
              <DecisionButton page={page} workId={i.workId} collection={i.collectionName} decision="decline" label={`Decline`} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

const OTHER_STATUS_WORDS = { pending: "waiting for approval", invited: "invited", rejected: "rejected" } as const;

/**
 * The collections a work is in, on its page; for its creators also where it waits, is invited or was rejected,
 * with the answers they can give, and the "Add to collection" form.
 */
export function WorkCollections(props: { page: PageContext; workId: number; approved: readonly WorkCollection[]; others: readonly WorkCollection[]; creator: boolean }) {
  const { page, workId, approved, others, creator } = props;
  if (!creator && approved.length === 0) return null;
  return (
    <section class="work-collections" aria-labelledby="work-collections-heading">
      <h2 id="work-collections-heading">Collections</h2>
      {approved.length > 0 && <p>{approved.flatMap((c, i) => [i > 0 ? ", " : "", <a href={collectionPath(c.name)}>{c.title}</a>])}</p>}
      {creator && others.length > 0 && (
        <ul>
          {others.map((c) => (
            <li>
              <a href={collectionPath(c.name)}>{c.title}</a>: {c.status === "approved" ? "" : OTHER_STATUS_WORDS[c.status]}{" "}
              {c.status === "invited" && <><DecisionButton page={page} workId={workId} collection={c.name} decision="accept" label="Accept" />{" "}<DecisionButton page={page} workId={workId} collection={c.name} decision="decline" label="Decline" /></>}
              {c.status === "pending" && <RemoveButton page={page} workId={workId} collection={c.name} label="Withdraw" />}
            </li>
          ))}
        </ul>
      )}
      {creator && approved.length > 0 && (
        <ul class="remove-from-collections">
          {approved.map((c) => <li><RemoveButton page={page} workId={workId} collection={c.name} label={`Take it out of ${c.title}`} /></li>)}
        </ul>
      )}
      {creator && (
        <form method="post" action={`/works/${workId}/collections`} class="inline-form add-to-collection">
          <CsrfField page={page} />
          <label for="add-to-collection">Add to collection (its name)</label> <input id="add-to-collection" name="collection" required maxlength={COLLECTION_NAME_MAX} />{" "}
          <button type="submit">Add to collection</button>
        </form>
      )}
    </section>
  );
}

function RemoveButton(props: { page: PageContext; workId: number; collection: string; label: string }) {
  return (
    <form method="post" action={`/works/${props.workId}/collections/${encodeURIComponent(props.collection)}/remove`} class="inline-form">
      <CsrfField page={props.page} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

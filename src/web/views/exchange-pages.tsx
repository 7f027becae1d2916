/**
 * A gift exchange's working pages: the sign-up form (requests and offers, each with its tags by type), the
 * maintainers' summary (sign-ups, potential matches, the matching and its assignments, with the forms that run
 * it, send it, default an assignment and give it to a pinch hitter), and a participant's assignments and gifts.
 */
import { PROMPT_TAG_TYPES, type PromptTags } from "../../domain/challenges/challenge.js";
import { assignmentStatus, type AssignmentStatus } from "../../domain/challenges/assignments.js";
import type { ParticipantAssignments, StoredAssignment } from "../../services/challenges/assignments.js";
import type { StoredChallenge } from "../../services/challenges/challenge-access.js";
import type { ExchangeSummary, OwnExchangeSignup } from "../../services/challenges/gift-exchange.js";
import type { PageContext } from "../page-context.js";
import { challengePath, PromptTagList, RevealForm, ScheduleForm, TAG_TYPE_LABELS, WorkOptions } from "./challenge-pages.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";

const STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = { open: "being written", "needs-pinch-hitter": "needs a pinch hitter", fulfilled: "fulfilled" };

function PromptFieldset(props: { side: "request" | "offer"; index: number; tags: PromptTags | undefined; required: boolean }) {
  const { side, index } = props;
  const label = side === "request" ? "Request" : "Offer";
  return (
    <fieldset class="signup-prompt">
      <legend>{`${label} ${index}${props.required ? "" : " (optional)"}`}</legend>
      {PROMPT_TAG_TYPES.map((type) => {
        const id = `${side}${index}-${type}`;
        return (
          <p>
            <label for={id}>{`${label} ${index}: ${TAG_TYPE_LABELS[type]} (comma-separated)`}</label>{" "}
            <input id={id} name={`${side}${index}_${type}`} value={props.tags?.[type].join(", ") ?? ""} maxlength={1500} />
          </p>
        );
      })}
    </fieldset>
  );
}

export function ExchangeSignupPage(props: { page: PageContext; challenge: StoredChallenge; signup: OwnExchangeSignup }) {
  const { page, challenge, signup } = props;
  const rules = challenge.exchangeRules;
  const matchNeeds = PROMPT_TAG_TYPES.filter((type) => rules.tagsInCommon[type] > 0).map((type) => `${rules.tagsInCommon[type]} of its ${TAG_TYPE_LABELS[type].toLowerCase()}`);
  return (
    <Layout page={page} title={`Sign up: ${challenge.title}`}>
      <h1>{`Sign up for ${challenge.title}`}</h1>
      {signup.signedUp && <p class="notice" role="status">You have signed up; sending this form again replaces your sign-up.</p>}
      <p>{`An offer fits a request when they share ${matchNeeds.length === 0 ? "anything at all" : matchNeeds.join(" and ")}.`}</p>
      <form method="post" action={challengePath(challenge.name, "signups")}>
        <CsrfField page={page} />
        <h2>{`Requests (${rules.requests.min} to ${rules.requests.max})`}</h2>
        {Array.from({ length: rules.requests.max }, (_, i) => <PromptFieldset side="request" index={i + 1} tags={signup.requests[i]} required={i < rules.requests.min} />)}
        <h2>{`Offers (${rules.offers.min} to ${rules.offers.max})`}</h2>
        {Array.from({ length: rules.offers.max }, (_, i) => <PromptFieldset side="offer" index={i + 1} tags={signup.offers[i]} required={i < rules.offers.min} />)}
        <button type="submit">{signup.signedUp ? "Change my sign-up" : "Sign up"}</button>
      </form>
    </Layout>
  );
}

function AssignmentLine(props: { assignment: StoredAssignment }) {
  const a = props.assignment;
  const writer = a.pinchHitterLogin === null ? (a.giverLogin ?? "no one yet") : `${a.pinchHitterLogin} (pinch hitter${a.giverLogin === null ? "" : ` for ${a.giverLogin}`})`;
  return <>{`${writer} → ${a.recipientLogin}: ${STATUS_LABELS[assignmentStatus(a)]}${a.workTitle === null ? "" : ` (${a.workTitle})`}`}</>;
}

export function ExchangeSummaryPage(props: { page: PageContext; summary: ExchangeSummary }) {
  const { page, summary } = props;
  const { challenge } = summary;
  const loginOf = new Map(summary.signups.map((s) => [s.id, s.login]));
  const sent = challenge.assignmentsSentAt !== null;
  return (
    <Layout page={page} title={`Sign-ups: ${challenge.title}`}>
      <h1>{`Sign-ups for ${challenge.title}`}</h1>
      <h2>{plural(summary.signups.length, "sign-up")}</h2>
      <table class="signups">
        <thead><tr><th scope="col">Participant</th><th scope="col">Requests</th><th scope="col">Offers</th></tr></thead>
        <tbody>
          {summary.signups.map((s) => (
            <tr>
              <th scope="row">{s.login}</th>
              <td>{s.requests.map((tags) => <PromptTagList tags={tags} />)}</td>
              <td>{s.offers.map((tags) => <PromptTagList tags={tags} />)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{plural(summary.potentialMatches.length, "potential match", "potential matches")}</h2>
      <ul class="potential-matches">
        {summary.potentialMatches.map((m) => <li>{`${loginOf.get(m.giverId) ?? "?"} could write for ${loginOf.get(m.recipientId) ?? "?"}`}</li>)}
      </ul>
      <h2>Matching</h2>
      {!sent && (
        <form method="post" action={challengePath(challenge.name, "matching")}>
          <CsrfField page={page} />
          <p>The matching pairs as many givers with recipients as the potential matches allow; running it again starts afresh.</p>
          <button type="submit">{challenge.matchedAt === null ? "Run the matching" : "Run the matching again"}</button>
        </form>
      )}
      {summary.assignments.length > 0 && (
        <>
          <h2>{sent ? "Assignments (sent)" : "Assignments (not yet sent)"}</h2>
          <ul class="assignments">
            {summary.assignments.map((a) => (
              <li id={`assignment-${a.id}`}>
                <AssignmentLine assignment={a} />
                {sent && assignmentStatus(a) === "open" && a.pinchHitterUserId === null && (
                  <form method="post" action={challengePath(challenge.name, `assignments/${a.id}/default`)}>
                    <CsrfField page={page} />
                    <button type="submit" aria-label={`Default the assignment for ${a.recipientLogin}`}>Default</button>
                  </form>
                )}
                {sent && assignmentStatus(a) === "needs-pinch-hitter" && (
                  <form method="post" action={challengePath(challenge.name, `assignments/${a.id}/pinch-hitter`)}>
                    <CsrfField page={page} />
                    <label for={`pinch-hitter-${a.id}`}>{`Pinch hitter for ${a.recipientLogin}`}</label>{" "}
                    <input id={`pinch-hitter-${a.id}`} name="login" required maxlength={100} />{" "}
                    <button type="submit">Assign</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {summary.unmatchedGivers.length > 0 && <p>{`No one to write for: ${summary.unmatchedGivers.map((s) => s.login).join(", ")} (they could pinch hit).`}</p>}
          {!sent && (
            <form method="post" action={challengePath(challenge.name, "assignments/send")}>
              <CsrfField page={page} />
              <button type="submit">Send the assignments</button>
            </form>
          )}
        </>
      )}
      <ScheduleForm page={page} challenge={challenge} />
      <RevealForm page={page} challenge={challenge} />
    </Layout>
  );
}

export function ParticipantAssignmentsPage(props: { page: PageContext; view: ParticipantAssignments }) {
  const { page, view } = props;
  const { challenge } = view;
  return (
    <Layout page={page} title={`My assignments: ${challenge.title}`}>
      <h1>{`My assignments in ${challenge.title}`}</h1>
      {challenge.assignmentsSentAt === null && <p>The assignments have not been sent yet.</p>}
      {view.toWrite.map(({ assignment, requests }) => (
        <section class="assignment" aria-labelledby={`assignment-${assignment.id}`}>
          <h2 id={`assignment-${assignment.id}`}>{`Your gift for ${assignment.recipientLogin}`}</h2>
          <p>{`Status: ${STATUS_LABELS[assignmentStatus(assignment)]}${assignment.workTitle === null ? "" : ` with ${assignment.workTitle}`}`}</p>
          <h3>What they asked for</h3>
          <ul>{requests.map((r) => <li><PromptTagList tags={r.tags} /></li>)}</ul>
          {assignment.fulfilledByWorkId === null && (
            <>
              {view.works.length === 0
                ? <p>Post your gift as a work (<a href="/works/new">post a new work</a>), then come back here to hand it in.</p>
                : (
                  <form method="post" action={challengePath(challenge.name, `assignments/${assignment.id}/fulfil`)}>
                    <CsrfField page={page} />
                    <label for={`fulfil-${assignment.id}`}>Hand in as the gift</label>{" "}
                    <select id={`fulfil-${assignment.id}`} name="work"><WorkOptions works={view.works} /></select>{" "}
                    <button type="submit">Hand in the gift</button>
                    <p>Not written yet? <a href="/works/new">Post a new work</a>, then hand it in here.</p>
                  </form>
                )}
              {assignment.pinchHitterUserId === null && (
                <form method="post" action={challengePath(challenge.name, `assignments/${assignment.id}/default`)}>
                  <CsrfField page={page} />
                  <button type="submit">I cannot write this: default the assignment</button>
                </form>
              )}
            </>
          )}
        </section>
      ))}
      <h2>Gifts for you</h2>
      {view.received.length === 0
        ? <p>{challenge.unrevealed ? "Gifts are shown once the works are revealed." : "No gift yet."}</p>
        : <ul class="gifts">{view.received.map((g) => <li><a href={`/works/${g.workId}`}>{g.title}</a>{g.from === null ? " (from an anonymous creator)" : ` from ${g.from}`}</li>)}</ul>}
    </Layout>
  );
}

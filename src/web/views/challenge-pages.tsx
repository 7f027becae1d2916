/**
 * A challenge's pages that everyone shares: the form that starts one (a new collection running a gift exchange or
 * a prompt meme), a gift exchange's overview, and a prompt meme's page of prompts with the forms to post, claim
 * and fill. Every form posts with the page's CSRF token and works without JavaScript.
 */
import { isSignupOpen, PROMPT_TAG_TYPES, type PromptTags, type PromptTagType } from "../../domain/challenges/challenge.js";
import type { ChallengeSummary, StoredChallenge } from "../../services/challenges/challenge-access.js";
import type { PromptMemePage } from "../../services/challenges/prompt-meme.js";
import type { CreatorWork } from "../../services/posting/work-editing.js";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";

export const TAG_TYPE_LABELS: Readonly<Record<PromptTagType, string>> = {
  fandom: "Fandoms", relationship: "Relationships", character: "Characters", freeform: "Additional tags",
};

/** `/collections/:name/challenge` and the addresses under it. */
export function challengePath(name: string, rest = ""): string {
  return `/collections/${encodeURIComponent(name)}/${rest === "" ? "challenge" : rest}`;
}

/** A prompt's tags on one line, type by type; "Any" when it has none. */
export function PromptTagList(props: { tags: PromptTags }) {
  const types = PROMPT_TAG_TYPES.filter((type) => props.tags[type].length > 0);
  if (types.length === 0) return <span>Any</span>;
  return <ul class="prompt-tags">{types.map((type) => <li>{`${TAG_TYPE_LABELS[type]}: ${props.tags[type].join(", ")}`}</li>)}</ul>;
}

/** The `<option>`s of a creator's works, for the forms that fulfil an assignment or fill a claim. */
export function WorkOptions(props: { works: readonly CreatorWork[] }) {
  return <>{props.works.map((w) => <option value={String(w.id)}>{w.title}</option>)}</>;
}

const when = (date: Date | null, otherwise: string): string => (date === null ? otherwise : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`);

function ScheduleList(props: { challenge: StoredChallenge }) {
  const { schedule } = props.challenge;
  return (
    <dl class="challenge-schedule">
      <dt>Sign-ups open</dt><dd>{when(schedule.signupOpensAt, "now")}</dd>
      <dt>Sign-ups close</dt><dd>{when(schedule.signupClosesAt, "when the maintainers close them")}</dd>
      <dt>Works revealed</dt><dd>{props.challenge.unrevealed ? when(schedule.worksRevealAt, "when the maintainers reveal them") : "yes"}</dd>
      <dt>Creators revealed</dt><dd>{props.challenge.anonymous ? when(schedule.creatorsRevealAt, "when the maintainers reveal them") : "yes"}</dd>
    </dl>
  );
}

function NumberField(props: { name: string; label: string; value: number; min: number; max: number }) {
  return (
    <p>
      <label for={`challenge-${props.name}`}>{props.label}</label>{" "}
      <input type="number" id={`challenge-${props.name}`} name={props.name} value={String(props.value)} min={String(props.min)} max={String(props.max)} required />
    </p>
  );
}

function DateField(props: { name: string; label: string; value?: Date | null }) {
  return (
    <p>
      <label for={`challenge-${props.name}`}>{props.label} (UTC; leave empty for none)</label>{" "}
      <input type="datetime-local" id={`challenge-${props.name}`} name={props.name} value={props.value ? props.value.toISOString().slice(0, 16) : ""} />
    </p>
  );
}

/** The dates of the challenge, for its maintainers to change. */
export function ScheduleForm(props: { page: PageContext; challenge: StoredChallenge }) {
  const { schedule } = props.challenge;
  return (
    <form method="post" action={challengePath(props.challenge.name, "schedule")} class="schedule-form">
      <h2>Dates</h2>
      <CsrfField page={props.page} />
      <DateField name="signupOpensAt" label="Sign-ups open" value={schedule.signupOpensAt} />
      <DateField name="signupClosesAt" label="Sign-ups close" value={schedule.signupClosesAt} />
      <DateField name="worksRevealAt" label="Works revealed" value={schedule.worksRevealAt} />
      <DateField name="creatorsRevealAt" label="Creators revealed" value={schedule.creatorsRevealAt} />
      <button type="submit">Change the dates</button>
    </form>
  );
}

export function ChallengeIndexPage(props: { page: PageContext; challenges: readonly ChallengeSummary[]; now: Date }) {
  const { page } = props;
  return (
    <Layout page={page} title="Challenges">
      <h1>Challenges</h1>
      {page.viewer !== null && <p><a href="/challenges/new">Start a challenge</a></p>}
      {props.challenges.length === 0
        ? <p>No challenges yet.</p>
        : (
          <ul class="challenges">
            {props.challenges.map((c) => (
              <li>
                <a href={challengePath(c.name)}>{c.title}</a>
                {` (${c.kind === "gift_exchange" ? "gift exchange" : "prompt meme"}${isSignupOpen(c.schedule, props.now) ? ", sign-ups open" : ""})`}
              </li>
            ))}
          </ul>
        )}
    </Layout>
  );
}

export function NewChallengePage(props: { page: PageContext }) {
  const { page } = props;
  return (
    <Layout page={page} title="Start a challenge">
      <h1>Start a challenge</h1>
      <p>A challenge runs in a new collection of its own, which you own and maintain.</p>
      <form method="post" action="/challenges">
        <CsrfField page={page} />
        <p><label for="challenge-name">Collection name (letters, digits and underscores: its address)</label> <input id="challenge-name" name="name" required maxlength={100} /></p>
        <p><label for="challenge-title">Title</label> <input id="challenge-title" name="title" required maxlength={255} /></p>
        <p><label for="challenge-description">Description</label><br /><textarea id="challenge-description" name="description" rows={4} maxlength={5000}></textarea></p>
        <fieldset>
          <legend>Kind of challenge</legend>
          <p><input type="radio" id="challenge-kind-exchange" name="kind" value="gift_exchange" checked /> <label for="challenge-kind-exchange">Gift exchange</label></p>
          <p><input type="radio" id="challenge-kind-meme" name="kind" value="prompt_meme" /> <label for="challenge-kind-meme">Prompt meme</label></p>
        </fieldset>
        <fieldset>
          <legend>Dates</legend>
          <DateField name="signupOpensAt" label="Sign-ups open" />
          <DateField name="signupClosesAt" label="Sign-ups close" />
          <DateField name="worksRevealAt" label="Works revealed" />
          <DateField name="creatorsRevealAt" label="Creators revealed" />
        </fieldset>
        <fieldset>
          <legend>Gift exchange rules</legend>
          <NumberField name="requestsMin" label="Requests needed" value={1} min={0} max={10} />
          <NumberField name="requestsMax" label="Requests allowed" value={1} min={1} max={10} />
          <NumberField name="offersMin" label="Offers needed" value={1} min={0} max={10} />
          <NumberField name="offersMax" label="Offers allowed" value={1} min={1} max={10} />
          {PROMPT_TAG_TYPES.map((type) => <NumberField name={`match_${type}`} label={`${TAG_TYPE_LABELS[type]} an offer and a request must share`} value={type === "fandom" ? 1 : 0} min={0} max={10} />)}
        </fieldset>
        <fieldset>
          <legend>Prompt meme rules</legend>
          <NumberField name="promptsMax" label="Prompts each participant may post" value={50} min={1} max={50} />
        </fieldset>
        <button type="submit">Start the challenge</button>
      </form>
    </Layout>
  );
}

export function ExchangeOverviewPage(props: { page: PageContext; challenge: StoredChallenge; signupOpen: boolean; maintainer: boolean }) {
  const { page, challenge } = props;
  return (
    <Layout page={page} title={challenge.title}>
      <h1>{challenge.title}</h1>
      <p>A gift exchange: each participant asks for a story and offers to write one, and is matched with someone whose request their offer fits.</p>
      {challenge.description !== null && <p class="challenge-description">{challenge.description}</p>}
      <ScheduleList challenge={challenge} />
      <ul class="challenge-links">
        {props.signupOpen && <li><a href={challengePath(challenge.name, "signups/new")}>Sign up</a></li>}
        {page.viewer !== null && <li><a href={challengePath(challenge.name, "assignments")}>My assignments and gifts</a></li>}
        {props.maintainer && <li><a href={challengePath(challenge.name, "signups")}>Sign-ups and matching</a></li>}
      </ul>
    </Layout>
  );
}

export function PromptMemePageView(props: { page: PageContext; meme: PromptMemePage; maintainer: boolean }) {
  const { page, meme } = props;
  const { challenge } = meme;
  const signedIn = page.viewer !== null;
  return (
    <Layout page={page} title={challenge.title}>
      <h1>{challenge.title}</h1>
      <p>A prompt meme: post prompts, claim one you would like to write, and fill your claim with a work.</p>
      {challenge.description !== null && <p class="challenge-description">{challenge.description}</p>}
      <ScheduleList challenge={challenge} />
      <h2>{plural(meme.prompts.length, "prompt")}</h2>
      <ol class="prompts">
        {meme.prompts.map(({ prompt, poster, claims }) => (
          <li id={`prompt-${prompt.id}`}>
            <h3>{`Prompt by ${poster}`}</h3>
            <PromptTagList tags={prompt.tags} />
            {prompt.text !== "" && <p class="prompt-text">{prompt.text}</p>}
            {claims.length > 0 && (
              <ul class="claims">
                {claims.map(({ claim, claimant, fillTitle }) => (
                  <li>
                    {`Claimed by ${claimant}`}
                    {claim.filledByWorkId !== null && (fillTitle === null ? "; filled" : <>; filled by <a href={`/works/${claim.filledByWorkId}`}>{fillTitle}</a></>)}
                    {claim.filledByWorkId === null && page.viewer?.id === claim.userId && meme.works.length > 0 && (
                      <form method="post" action={challengePath(challenge.name, `claims/${claim.id}/fill`)}>
                        <CsrfField page={page} />
                        <label for={`fill-${claim.id}`}>Fill this claim with</label>{" "}
                        <select id={`fill-${claim.id}`} name="work"><WorkOptions works={meme.works} /></select>{" "}
                        <button type="submit">Fill the claim</button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {signedIn && (
              <form method="post" action={challengePath(challenge.name, `prompts/${prompt.id}/claim`)}>
                <CsrfField page={page} />
                <button type="submit" aria-label={`Claim the prompt by ${poster}${prompt.text === "" ? "" : `: ${prompt.text.slice(0, 60)}`}`}>Claim</button>
              </form>
            )}
          </li>
        ))}
      </ol>
      {signedIn && meme.signupOpen && <PromptForm page={page} name={challenge.name} />}
      {!signedIn && <p><a href="/login">Sign in</a> to post, claim and fill prompts.</p>}
      {props.maintainer && <><ScheduleForm page={page} challenge={challenge} /><RevealForm page={page} challenge={challenge} /></>}
    </Layout>
  );
}

function PromptForm(props: { page: PageContext; name: string }) {
  return (
    <form method="post" action={challengePath(props.name, "prompts")} class="prompt-form">
      <h2>Post a prompt</h2>
      <CsrfField page={props.page} />
      {PROMPT_TAG_TYPES.map((type) => (
        <p><label for={`prompt-${type}`}>{`${TAG_TYPE_LABELS[type]} (comma-separated)`}</label> <input id={`prompt-${type}`} name={type} maxlength={1500} /></p>
      ))}
      <p><label for="prompt-text">Prompt</label><br /><textarea id="prompt-text" name="text" rows={4} maxlength={5000}></textarea></p>
      <p><input type="checkbox" id="prompt-anonymous" name="anonymous" value="on" /> <label for="prompt-anonymous">Post anonymously</label></p>
      <button type="submit">Post the prompt</button>
    </form>
  );
}

/** A maintainer's buttons that reveal the challenge's works (and creators) now, before their dates. */
export function RevealForm(props: { page: PageContext; challenge: StoredChallenge }) {
  const { challenge } = props;
  if (!challenge.unrevealed && !challenge.anonymous) return <></>;
  return (
    <form method="post" action={challengePath(challenge.name, "reveal")} class="reveal-form">
      <h2>Reveal</h2>
      <CsrfField page={props.page} />
      {challenge.unrevealed && <button type="submit" name="what" value="works">Reveal the works now</button>}{" "}
      <button type="submit" name="what" value="creators">Reveal the works and their creators now</button>
    </form>
  );
}

/**
 * Challenges on the web: starting one, a gift exchange's sign-up, summary, matching, assignments and reveal, and
 * a prompt meme's prompts, claims and fills. Thin: each handler reads its form, calls one service and redirects
 * (303) to the page the change shows on. The services say who may do what.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { isSignupOpen, NO_PROMPT_TAGS, PROMPT_TAG_TYPES, type ChallengeSchedule, type PromptTags } from "../../domain/challenges/challenge.js";
import { MAX_PROMPTS_PER_SIDE } from "../../domain/challenges/gift-exchange.js";
import { assignPinchHitter, defaultAssignment, fulfilAssignment, readParticipantAssignments } from "../../services/challenges/assignments.js";
import { isMaintainer, readChallengeIndex, requireChallenge } from "../../services/challenges/challenge-access.js";
import { createChallenge } from "../../services/challenges/create-challenge.js";
import { readExchangeSummary, readOwnExchangeSignup, runExchangeMatching, sendExchangeAssignments, signUpToExchange } from "../../services/challenges/gift-exchange.js";
import { claimPrompt, fillClaim, postPrompt, readPromptMeme } from "../../services/challenges/prompt-meme.js";
import { changeChallengeSchedule, revealChallengeNow, revealDueChallenges } from "../../services/challenges/reveal-challenges.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import { ChallengeIndexPage, challengePath, ExchangeOverviewPage, NewChallengePage, PromptMemePageView } from "../views/challenge-pages.js";
import { ExchangeSignupPage, ExchangeSummaryPage, ParticipantAssignmentsPage } from "../views/exchange-pages.js";
import { readForm } from "./community-form.js";

const NAME = "/collections/:name{[^/]+}";
/** How often at most the reveal dates are checked: a reveal shows within this much of its date. */
const REVEAL_CHECK_MS = 60_000;

const count = z.coerce.number().int().min(0).max(MAX_PROMPTS_PER_SIDE);
/** `2026-12-01T12:00` from a datetime-local field, read as UTC; empty for none. */
const dateField = z.string().max(40).optional().transform((text, ctx) => {
  if (text === undefined || text.trim() === "") return null;
  const date = new Date(`${text.trim()}${/Z|[+-]\d\d:\d\d$/u.test(text) ? "" : "Z"}`);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "a date and time" });
    return z.NEVER;
  }
  return date;
});
const newChallengeForm = z.object({
  name: z.string().max(200), title: z.string().max(1000), description: z.string().max(10_000).default(""),
  kind: z.enum(["gift_exchange", "prompt_meme"]),
  signupOpensAt: dateField, signupClosesAt: dateField, worksRevealAt: dateField, creatorsRevealAt: dateField,
  requestsMin: count.default(1), requestsMax: count.default(1), offersMin: count.default(1), offersMax: count.default(1),
  match_fandom: count.default(1), match_relationship: count.default(0), match_character: count.default(0), match_freeform: count.default(0),
  promptsMax: z.coerce.number().int().min(1).max(50).default(50),
});
const tagsField = z.string().max(1500).default("");
const promptForm = z.object({ fandom: tagsField, relationship: tagsField, character: tagsField, freeform: tagsField, text: z.string().max(10_000).default(""), anonymous: z.literal("on").optional() });
const workForm = z.object({ work: z.string().max(20) });
const loginForm = z.object({ login: z.string().max(200) });
const revealForm = z.object({ what: z.enum(["works", "creators"]) });
const scheduleForm = z.object({ signupOpensAt: dateField, signupClosesAt: dateField, worksRevealAt: dateField, creatorsRevealAt: dateField });

const splitTags = (text: string): string[] => text.split(/[,，、]/u);

/** The requests or offers of the sign-up form: `request1_fandom`… up to the most allowed; an empty group is no prompt. */
function readSignupSide(body: Record<string, unknown>, side: "request" | "offer"): PromptTags[] {
  const prompts: PromptTags[] = [];
  for (let index = 1; index <= MAX_PROMPTS_PER_SIDE; index++) {
    const tags = { ...NO_PROMPT_TAGS };
    for (const type of PROMPT_TAG_TYPES) {
      const value = body[`${side}${index}_${type}`];
      tags[type] = typeof value === "string" ? splitTags(value.slice(0, 1500)).map((t) => t.trim()).filter((t) => t !== "") : [];
    }
    if (PROMPT_TAG_TYPES.some((type) => tags[type].length > 0)) prompts.push(tags);
  }
  return prompts;
}

export function challengeRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const name = (c: Context<WebEnv>) => c.req.param("name") ?? "";

  app.get("/challenges", async (c) => c.html(<ChallengeIndexPage page={c.get("page")} challenges={await readChallengeIndex(deps.db)} now={deps.now()} />));

  app.get("/challenges/new", (c) => c.html(<NewChallengePage page={c.get("page")} />));

  app.post("/challenges", async (c) => {
    const form = await readForm(c, newChallengeForm);
    const schedule: ChallengeSchedule = { signupOpensAt: form.signupOpensAt, signupClosesAt: form.signupClosesAt, worksRevealAt: form.worksRevealAt, creatorsRevealAt: form.creatorsRevealAt };
    const created = await createChallenge(deps, c.get("page").viewer, {
      name: form.name, title: form.title, description: form.description, kind: form.kind, schedule, promptsMax: form.promptsMax,
      exchangeRules: {
        requests: { min: form.requestsMin, max: form.requestsMax }, offers: { min: form.offersMin, max: form.offersMax },
        tagsInCommon: { fandom: form.match_fandom, relationship: form.match_relationship, character: form.match_character, freeform: form.match_freeform },
      },
    }, deps.now());
    return c.redirect(challengePath(created), 303);
  });

  app.get(`${NAME}/challenge`, async (c) => {
    const page = c.get("page");
    const challenge = await requireChallenge(deps.db, name(c));
    const maintainer = await isMaintainer(deps.db, challenge, page.viewer);
    if (challenge.kind === "prompt_meme") return c.html(<PromptMemePageView page={page} meme={await readPromptMeme(deps, page.viewer, name(c), deps.now())} maintainer={maintainer} />);
    return c.html(<ExchangeOverviewPage page={page} challenge={challenge} signupOpen={isSignupOpen(challenge.schedule, deps.now())} maintainer={maintainer} />);
  });

  app.post(`${NAME}/reveal`, async (c) => {
    const { what } = await readForm(c, revealForm);
    await revealChallengeNow(deps, c.get("page").viewer, name(c), { creators: what === "creators" }, deps.now());
    return c.redirect(challengePath(name(c)), 303);
  });

  app.post(`${NAME}/schedule`, async (c) => {
    const schedule: ChallengeSchedule = await readForm(c, scheduleForm);
    await changeChallengeSchedule(deps, c.get("page").viewer, name(c), schedule, deps.now());
    const challenge = await requireChallenge(deps.db, name(c));
    return c.redirect(challengePath(name(c), challenge.kind === "gift_exchange" ? "signups" : ""), 303);
  });

  // A gift exchange.
  app.get(`${NAME}/signups/new`, async (c) => {
    const { challenge, signup } = await readOwnExchangeSignup(deps, c.get("page").viewer, name(c));
    return c.html(<ExchangeSignupPage page={c.get("page")} challenge={challenge} signup={signup} />);
  });

  app.post(`${NAME}/signups`, async (c) => {
    const body = await c.req.parseBody();
    await signUpToExchange(deps, c.get("page").viewer, name(c), { requests: readSignupSide(body, "request"), offers: readSignupSide(body, "offer") }, deps.now());
    return c.redirect(challengePath(name(c), "signups/new"), 303);
  });

  app.get(`${NAME}/signups`, async (c) => {
    const summary = await readExchangeSummary(deps, c.get("page").viewer, name(c));
    return c.html(<ExchangeSummaryPage page={c.get("page")} summary={summary} />);
  });

  app.post(`${NAME}/matching`, async (c) => {
    await runExchangeMatching(deps, c.get("page").viewer, name(c), deps.now());
    return c.redirect(challengePath(name(c), "signups"), 303);
  });

  app.post(`${NAME}/assignments/send`, async (c) => {
    await sendExchangeAssignments(deps, c.get("page").viewer, name(c), deps.now());
    return c.redirect(challengePath(name(c), "signups"), 303);
  });

  app.get(`${NAME}/assignments`, async (c) => {
    const view = await readParticipantAssignments(deps, c.get("page").viewer, name(c));
    return c.html(<ParticipantAssignmentsPage page={c.get("page")} view={view} />);
  });

  const assignmentId = (c: Context<WebEnv>) => parseId(c.req.param("id") ?? "", "Assignment");
  const backFromAssignment = async (c: Context<WebEnv>) => {
    const challenge = await requireChallenge(deps.db, name(c));
    return c.redirect(challengePath(name(c), (await isMaintainer(deps.db, challenge, c.get("page").viewer)) ? "signups" : "assignments"), 303);
  };

  app.post(`${NAME}/assignments/:id{[0-9]+}/default`, async (c) => {
    await defaultAssignment(deps, c.get("page").viewer, name(c), assignmentId(c));
    return backFromAssignment(c);
  });

  app.post(`${NAME}/assignments/:id{[0-9]+}/pinch-hitter`, async (c) => {
    const { login } = await readForm(c, loginForm);
    await assignPinchHitter(deps, c.get("page").viewer, name(c), assignmentId(c), login, deps.now());
    return c.redirect(challengePath(name(c), "signups"), 303);
  });

  app.post(`${NAME}/assignments/:id{[0-9]+}/fulfil`, async (c) => {
    const { work } = await readForm(c, workForm);
    await fulfilAssignment(deps, c.get("page").viewer, name(c), assignmentId(c), parseId(work, "Work"), deps.now());
    return c.redirect(challengePath(name(c), "assignments"), 303);
  });

  // A prompt meme.
  app.post(`${NAME}/prompts`, async (c) => {
    const form = await readForm(c, promptForm);
    const tags: PromptTags = { fandom: splitTags(form.fandom), relationship: splitTags(form.relationship), character: splitTags(form.character), freeform: splitTags(form.freeform) };
    const promptId = await postPrompt(deps, c.get("page").viewer, name(c), { tags, text: form.text, anonymous: form.anonymous === "on" }, deps.now());
    return c.redirect(`${challengePath(name(c))}#prompt-${promptId}`, 303);
  });

  app.post(`${NAME}/prompts/:id{[0-9]+}/claim`, async (c) => {
    const promptId = parseId(c.req.param("id"), "Prompt");
    await claimPrompt(deps, c.get("page").viewer, name(c), promptId, deps.now());
    return c.redirect(`${challengePath(name(c))}#prompt-${promptId}`, 303);
  });

  app.post(`${NAME}/claims/:id{[0-9]+}/fill`, async (c) => {
    const { work } = await readForm(c, workForm);
    await fillClaim(deps, c.get("page").viewer, name(c), parseId(c.req.param("id"), "Claim"), parseId(work, "Work"), deps.now());
    return c.redirect(challengePath(name(c)), 303);
  });

  return app;
}

/**
 * Middleware that reveals the challenges whose dates have come, at most once a minute (on the request that
 * follows): the collections' flags then hold for every page, listing and feed that reads them.
 */
export function revealDueChallengesMiddleware(deps: Pick<RouteDeps, "db" | "engine" | "now">) {
  let checkedAt = Number.NEGATIVE_INFINITY;
  return async (_c: Context<WebEnv>, next: () => Promise<void>) => {
    const now = deps.now();
    if (Math.abs(now.getTime() - checkedAt) >= REVEAL_CHECK_MS) {
      checkedAt = now.getTime();
      // A reveal that fails (the database busy or gone) is tried again a minute on: the reader asked for a page,
      // not for the reveal, and is answered all the same.
      try {
        await revealDueChallenges(deps, now);
      } catch (error) {
        console.error("the challenges due to be revealed could not be:", error);
      }
    }
    await next();
  };
}

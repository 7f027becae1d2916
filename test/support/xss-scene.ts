/**
 * The XSS corpus (test/fixtures/xss-vectors.txt) put through the archive's own forms, in process, as browsers
 * would post them (each POST with its CSRF token, from the address a rate limit counts), for every field a user
 * types into; then the list of the pages that show what was typed, for test/e2e/xss.test.ts to open in Chromium.
 *
 * The vectors travel in groups: each group is as many vectors as a title holds (255 characters; 220 here, so
 * that "Sequel: " and a series name's 240 still fit), and group i fills every field of its works at once, so
 * that every vector passes through every field while the archive holds a few dozen works rather than thousands.
 * Fields that hold names (tags, gift recipients, bookmark tags) take the group's vectors as a comma-separated
 * list, as their forms ask; the archive splits them where the vectors hold commas, as it would anyone's. A vector
 * longer than a field allows is refused with the form shown back filled in (status 400) — that answer is a page
 * too, and goes to Chromium with the rest. Fields that take no vector at all (logins, pseuds, co-authors, who must
 * be pseuds) are asserted to refuse each one, with a reason.
 *
 * Pages that answer a POST (a preview, a refused form, an uploaded file read into the form) cannot be opened by
 * address: their answers are kept as they came (status, headers, body) and handed to Chromium at an address of
 * their own (`/__xss-replay/n`), where the browser parses them exactly as it would have after the POST.
 *
 * E-mail addresses typed into the forms (at sign-up, on the account page, under a guest's comment) are at
 * HIDDEN_MAIL_DOMAIN where they can be addresses at all, so that the browser test can tell that no page shows
 * them but the owner's own account page and the admins' list of users. And what is typed into the address —
 * searches, every filter of the listings, names that name nothing — is a field too: its pages come last.
 *
 * The accounts the forms are used from are made directly (makeAccount): their logins could hold no vector, and
 * sign-up is exercised with the vectors on its own. Logins here are plain, so every vector a page shows came
 * through a form.
 */
import { Hono } from "hono";
import type { Quire } from "../../src/composition.js";
import { MAX_BOOKMARK_TAG_LENGTH, parseBookmarkTags } from "../../src/domain/bookmarks.js";
import { MAX_GUEST_NAME_LENGTH } from "../../src/domain/comments.js";
import { MAX_PSEUD_LENGTH } from "../../src/domain/pseud-name.js";
import { TAG_NAME_MAX } from "../../src/domain/tags/work-tags.js";
import { startSession } from "../../src/services/accounts/sessions.js";
import { WRONG_SIGN_IN } from "../../src/services/accounts/sign-in.js";
import { createApp } from "../../src/web/app.js";
import type { WebEnv } from "../../src/web/env.js";
import { splitNames } from "../../src/web/posting-form.js";
import { tagPathSegment } from "../../src/web/tag-url.js";
import { makeAccount, signInAs, TEST_PASSWORD, type TestAccount } from "./accounts.js";
import { WebClient } from "./web-client.js";
import { TODAY, webDeps } from "./web-library.js";

/** Every field a user types into that the archive keeps or shows back, as the coverage check names them. */
export const XSS_FIELDS = [
  "sign-up login", "sign-up e-mail", "sign-in name", "pseud name", "account e-mail", "login of a user to mute", "invitation e-mail",
  "work title", "work summary", "work notes", "work end notes", "fandoms", "relationships", "characters", "additional tags",
  "gift recipients", "co-author names", "series name (work form)", "series name (series form)", "series summary", "series notes",
  "chapter title", "chapter summary", "chapter notes", "chapter end notes", "chapter text (HTML)", "chapter text (Markdown)", "chapter text (plain text)",
  "uploaded .txt file", "uploaded .html file", "uploaded file's name",
  "comment", "comment edit", "reply", "guest's name", "guest's e-mail", "bookmark notes", "bookmark tags",
  "report reason", "moderator's reason to hide", "moderator's warning", "suspension reason", "reason to lift a suspension", "report resolution note",
  "moderator's reason to hide a comment",
  "search on /works/search", "search on /works", "listing filters in the address", "a tag, an author or a bookmark tag in the address",
] as const;
export type XssField = (typeof XSS_FIELDS)[number];

/** The kinds of page opened, each a test of its own (xss.test.ts runs each with the policy on and off). */
export const PAGE_KINDS = {
  reading: "the reading pages (works whole and by chapter, chapter indexes, series, comments and replies, report forms, tags, authors, listings)",
  owners: "the forms their owners open again (work and chapter edit forms, chapter order and delete pages, series, bookmark and comment edit forms)",
  answers: "the pages that answer a posted form (previews, refused forms shown back filled in, story files read into the work form)",
  accounts: "the signed-in pages (accounts, their works, inboxes, history, marked for later, subscriptions, bookmarks, invitations, the admins' list)",
  moderation: "the moderators' pages (the queue, the log, users' histories, hidden works)",
  addresses: "what is typed into the address (searches and every filter of /works/search and /works, a bookmarker's tags, tags and authors that do not exist)",
} as const;
export type PageKind = keyof typeof PAGE_KINDS;

/** The accounts Chromium browses as. */
export type SessionName = "keeper" | "reader" | "coauthor" | `poster${number}` | `mail${number}`;

export interface Visit {
  path: string;
  /** Whose browser opens it; null: a guest's. */
  as: SessionName | null;
  /** The statuses it may answer with (200 unless said). */
  expected?: readonly number[];
  /** The page shows its viewer's own e-mail address (their account page, the admins' list); no other page may. */
  showsEmail?: boolean;
  /**
   * Form controls (by CSS selector) that must hold exactly these texts: an input's value attribute, a textarea's
   * text. A vector that broke out of its attribute or textarea would leave the control holding less.
   */
  values?: Readonly<Record<string, string>>;
  /** Controls holding comma-separated names, in whatever order the page lists them (a bookmark's tags). */
  names?: Readonly<Record<string, readonly string[]>>;
  /** Opened under the Content-Security-Policy too (every page is opened with it switched off). */
  underPolicy?: boolean;
}

/** A POST's answer, kept whole for Chromium. */
export interface Replay {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: string;
}

export interface XssScene {
  /** Each field, and the vectors that went through it in a request the test sent. */
  carried: ReadonlyMap<XssField, ReadonlySet<string>>;
  visits: Readonly<Record<PageKind, readonly Visit[]>>;
  /** The POST answers, by the path Chromium opens them at. */
  replays: ReadonlyMap<string, Replay>;
  /** Session cookies for Chromium, by account. */
  sessions: ReadonlyMap<SessionName, string>;
  /** The works readers may see, which the sitemap must list. */
  listedWorks: readonly number[];
  /**
   * Pages whose own script builds something from what users typed: the work form (its tag fields offer the
   * names as suggestions) and a work's page (Reply opens a copy of the comment form under a comment).
   */
  interactions: readonly Visit[];
  /** How many vector groups filled the forms. */
  groups: number;
  /** Requests the forms answered, by what they answered: kept (a redirect), shown (200) or refused (400). */
  answers: { kept: number; shown: number; refused: number };
}

export const REPLAY_PREFIX = "/__xss-replay/";
/** The domain of every e-mail address the vectors are typed into: no page but the owner's and the admins' may show it. */
export const HIDDEN_MAIL_DOMAIN = "hidden-mail.example";
/**
 * Under the Content-Security-Policy, besides every page that shows every vector at once, each kind of page is
 * opened for one group (and one vector) in this many: the policy's run is there to show that the pages trip no
 * violation and that the policy stands, while the run without it — whose trap for markup that could run is also
 * one for the inline styles the policy would refuse — opens every page, and costs what it must.
 */
const POLICY_SAMPLE = 4;
/** Titles hold 255 characters, series names 240 (with "Sequel: " before a series form's). */
const GROUP_CHARS = 220;
/** Gift recipients and co-authors are at most this long (services/posting/work-form.ts's PERSON_NAME_MAX). */
const GIFT_NAME_MAX = 100;
const PLAIN = "The chapter's own words come first, so that something is left once the markup is taken out.";
const PLAIN_FANDOM = "Cross-Site Harbour (TV)";
/** A story file's own text, enough for the importer to find a story among the vectors. */
const STORY = [
  "The harbour master counted the boats twice every evening, once from the quay and once from the window of the tower.",
  "Tonight the counts did not agree, and she went down the stairs with a lantern to find out which of them was wrong.",
  "The extra boat was small and blue and tied with a knot nobody in the village used, and it had a letter in its bow.",
].join("\n\n");
const POSTERS = 3;
/** Why a pseud's name is refused, as the account page says it: its characters, or its length. */
const PSEUD_REFUSALS = ["underscores (_), hyphens (-) and full stops (.) only.", `name has at most ${MAX_PSEUD_LENGTH} characters.`];

/**
 * Vectors in groups of at most `max` characters, joined by one character: the longest first, each into the first
 * group with room (first-fit decreasing), so that few groups hold them all.
 */
export function packVectors(vectors: readonly string[], max: number): string[][] {
  const groups: { vectors: string[]; size: number }[] = [];
  for (const vector of [...vectors].sort((a, b) => b.length - a.length)) {
    const group = groups.find((g) => g.size + 1 + vector.length <= max);
    if (group) {
      group.vectors.push(vector);
      group.size += 1 + vector.length;
    } else groups.push({ vectors: [vector], size: vector.length });
  }
  return groups.map((g) => g.vectors);
}

/** A one-line field's value. */
const line = (group: readonly string[]) => group.join(" ");
/** A text area's value: one vector a paragraph. */
const block = (group: readonly string[]) => group.join("\n\n");
/** Text that must keep something once markup is taken out (a chapter, a comment). */
const prose = (group: readonly string[]) => `${PLAIN}\n\n${block(group)}`;
/** A name as the archive keeps a series' name: trimmed, each run of spaces one space. */
const collapsed = (text: string) => text.replace(/\s+/gu, " ").trim();
/** A comma-separated field's value, of the vectors no longer than `max` (or all). */
const names = (group: readonly string[], max = Infinity) => group.filter((v) => v.length <= max).join(", ");
/** Vectors that can be the part of an e-mail address before its "@" (no whitespace, no "@"). */
const mailable = (vector: string) => !/[\s@]/u.test(vector);

type App = ReturnType<typeof createApp>;

/** The app as reached from this address (the app believes X-Forwarded-For, as behind a trusted proxy). */
function fromAddress(app: App, address: string): Hono<WebEnv> {
  const front = new Hono<WebEnv>();
  front.all("*", (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set("X-Forwarded-For", address);
    return app.fetch(new Request(c.req.raw, { headers }));
  });
  return front;
}

/** The text of a page's main part, for an error message. */
const excerpt = (body: string) => body.slice(Math.max(0, body.indexOf("<main"))).replace(/<[^>]*>/gu, " ").replace(/\s+/gu, " ").slice(0, 600);

/** Plants the corpus through the forms. @throws when a form answers otherwise than it should. */
export async function plantXssScene(quire: Quire, vectors: readonly string[]): Promise<XssScene> {
  const { db } = quire.library;
  // The forms' clock: two days before the day the pages are read, moved a minute on before each comment, so that
  // one reader's comments stay under the limit of a few a minute as a real reader's would.
  const clock = { now: new Date(TODAY.getTime() - 2 * 24 * 3600 * 1000) };
  const tick = () => void (clock.now = new Date(clock.now.getTime() + 61_000));
  const app = createApp({ ...webDeps(quire), now: () => clock.now, trustProxy: true });
  let addresses = 0;
  /** A browser from an address no other has used, so that per-address limits count it alone. */
  const freshClient = () => {
    addresses += 1;
    return new WebClient(fromAddress(app, `198.18.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`));
  };
  const signedIn = async (account: TestAccount) => {
    const client = freshClient();
    await signInAs(db, client, account);
    return client;
  };

  const carried = new Map<XssField, Set<string>>(XSS_FIELDS.map((f) => [f, new Set<string>()]));
  const carry = (field: XssField, group: readonly string[]) => {
    for (const vector of group) carried.get(field)?.add(vector);
  };
  const visits: Record<PageKind, Visit[]> = { reading: [], owners: [], answers: [], accounts: [], moderation: [], addresses: [] };
  const replays = new Map<string, Replay>();
  const answers = { kept: 0, shown: 0, refused: 0 };

  /**
   * The answer must have this status (and, for a page, say one of `says`, as HTML escapes it): a redirect's
   * Location, or the page's HTML. A form's answer is tallied; a page only read (`tally` false) is not.
   */
  const expectAnswer = async (what: string, response: Response, status: number, says: readonly string[] = [], tally = true): Promise<string> => {
    const body = await response.text();
    if (response.status !== status) throw new Error(`${what}: answered ${response.status}, not ${status}: ${excerpt(body)}`);
    if (says.length > 0 && !says.some((s) => body.includes(s))) throw new Error(`${what}: the page says none of ${says.join(" | ")}: ${excerpt(body)}`);
    if (!tally) return body;
    if (status >= 300 && status < 400) {
      answers.kept += 1;
      return response.headers.get("Location") ?? "";
    }
    if (status === 400) answers.refused += 1;
    else answers.shown += 1;
    return body;
  };
  /** Keeps a POST's answer for Chromium, as a page of the kind "answers". */
  const keepAnswer = (response: Response, body: string, extra: Omit<Visit, "path" | "as"> = {}) => {
    const path = `${REPLAY_PREFIX}${replays.size + 1}`;
    replays.set(path, { status: response.status, headers: [...response.headers].filter(([name]) => !/^(set-cookie|content-length|content-encoding)$/iu.test(name)), body });
    visits.answers.push({ path, as: null, expected: [response.status], ...extra });
  };
  /** A form's page must have the fields the test fills in: the names are the form's own. */
  const expectFields = async (what: string, client: WebClient, path: string, fields: readonly string[]) => {
    const html = await expectAnswer(`${what} (${path})`, await client.get(path), 200, [], false);
    const missing = fields.filter((name) => !html.includes(`name="${name}"`));
    if (missing.length > 0) throw new Error(`${what} (${path}) has no field ${missing.join(", ")}`);
  };
  const idIn = (location: string, pattern: RegExp, what: string) => {
    const id = Number(pattern.exec(location)?.[1]);
    if (!Number.isSafeInteger(id) || id < 1) throw new Error(`${what}: no id in the redirect to “${location}”`);
    return id;
  };

  // The accounts the forms are used from.
  const keeper = await makeAccount(db, "keeper", "admin");
  const reader = await makeAccount(db, "reader", "reader");
  const coauthor = await makeAccount(db, "coauthor", "author");
  const rulebreaker = await makeAccount(db, "rulebreaker", "author");
  const posters = await Promise.all(Array.from({ length: POSTERS }, (_, i) => makeAccount(db, `poster${i}`, "author")));
  const keeperClient = await signedIn(keeper);
  const readerClient = await signedIn(reader);
  const posterClients = await Promise.all(posters.map(signedIn));

  // The reader follows every poster first, so that each new work and chapter lands in the reader's inbox.
  for (const poster of posters) {
    await expectAnswer("subscribing to a poster", await readerClient.post("/subscriptions", { target_type: "author", target_id: String(poster.authorId) }), 303);
  }

  const groups = packVectors(vectors, GROUP_CHARS);
  // Each field's form, opened once: the fields filled in below are its own.
  const firstPoster = posterClients[0] ?? expectUnreachable();
  await expectFields("the work form", firstPoster, "/works/new", [
    "title", "rating", "warnings", "categories", "fandoms", "relationships", "characters", "freeforms", "coAuthors", "gifts", "summary", "notes", "endNotes",
    "language", "series", "seriesName", "visibility", "commentPolicy", "complete", "chapters[0][title]", "chapters[0][text]", "chapters[0][format]",
    "action", "file",
  ]);
  await expectFields("the series form", firstPoster, "/series/new", ["name", "summary", "notes"]);
  await expectFields("the sign-up form", freshClient(), "/signup", ["login", "email", "password", "confirm"]);
  await expectFields("the account page", firstPoster, "/account", ["name", "email", "password"]);

  const listedWorks: number[] = [];
  const interactions: Visit[] = [{ path: "/works/new", as: "poster0" }];
  const sessions = new Map<SessionName, string>();

  for (const [g, group] of groups.entries()) {
    const opened = Object.fromEntries(Object.entries(visits).map(([kind, list]) => [kind, list.length]));
    const posterIndex = g % POSTERS;
    const poster = posters[posterIndex] ?? expectUnreachable();
    const client = posterClients[posterIndex] ?? expectUnreachable();
    const as: SessionName = `poster${posterIndex}`;
    const label = `group ${g + 1}`;

    // A series of its own, from the series form.
    const seriesForm = { name: `Sequel: ${line(group)}`, summary: block(group), notes: block(group) };
    const sequelSeries = idIn(await expectAnswer(`${label}: the series form`, await client.post("/series/new", seriesForm), 303), /^\/series\/(\d+)\/edit/u, "a new series");
    carry("series name (series form)", group);
    carry("series summary", group);
    carry("series notes", group);

    // The work form: every field holds the group, the first chapter in HTML. (A one-chapter work's form has no
    // fields for the chapter's summary and notes, which are the work's: the chapter form gives them below.)
    const work = {
      title: line(group), rating: "General Audiences", warnings: ["No Archive Warnings Apply"], categories: ["Gen"],
      fandoms: `${PLAIN_FANDOM}, ${names(group, TAG_NAME_MAX)}`, relationships: names(group, TAG_NAME_MAX), characters: names(group, TAG_NAME_MAX),
      freeforms: names(group, TAG_NAME_MAX), coAuthors: coauthor.login, gifts: names(group, GIFT_NAME_MAX),
      summary: block(group), notes: block(group), endNotes: block(group), language: "en", series: "new", seriesName: line(group), seriesPart: "",
      visibility: "public", commentPolicy: "open", complete: "on", expectedChapters: "",
      "chapters[0][title]": line(group), "chapters[0][text]": prose(group), "chapters[0][format]": "html",
    };
    // First sent with the group as co-authors (no pseud here can be a vector) and every name, however long: the form
    // comes back filled in, with the reasons.
    const refusedWork = { ...work, fandoms: `${PLAIN_FANDOM}, ${names(group)}`, relationships: names(group), characters: names(group), freeforms: names(group),
      coAuthors: `${coauthor.login}, ${names(group)}`, gifts: names(group), action: "post" };
    const tooLongTag = group.some((v) => v.length > TAG_NAME_MAX);
    const tooLongName = group.some((v) => v.length > GIFT_NAME_MAX);
    let response = await client.post("/works/new", refusedWork);
    let body = await expectAnswer(`${label}: the work form with vectors for co-authors`, response, 400, ["No account here has the pseud"]);
    if (tooLongTag && !body.includes(`Tags are at most ${TAG_NAME_MAX} characters`)) throw new Error(`${label}: a tag longer than ${TAG_NAME_MAX} characters was not refused`);
    if (tooLongName && !body.includes("is longer than any name here")) throw new Error(`${label}: a name longer than ${GIFT_NAME_MAX} characters was not refused`);
    keepAnswer(response, body, { values: { '[name="title"]': line(group), '[name="coAuthors"]': splitNames(refusedWork.coAuthors).join(", "), '[name="summary"]': block(group) } });
    for (const field of ["fandoms", "relationships", "characters", "additional tags", "gift recipients", "co-author names"] as const) carry(field, group);

    // The preview, then the work posted.
    response = await client.post("/works/new", { ...work, action: "preview" });
    keepAnswer(response, await expectAnswer(`${label}: the work form's preview`, response, 200, ["This is how readers will see the work."]));
    const workId = idIn(await expectAnswer(`${label}: the work form`, await client.post("/works/new", { ...work, action: "post" }), 303), /^\/works\/(\d+)$/u, "a new work");
    listedWorks.push(workId);
    carry("work title", group);
    carry("work summary", group);
    carry("work notes", group);
    carry("work end notes", group);
    carry("series name (work form)", group);
    carry("chapter title", group);
    carry("chapter text (HTML)", group);

    // The reader follows the work, its series and its additional tags before the next chapters come.
    const series = await db.selectFrom("series_works").select("series_id").where("work_id", "=", workId).executeTakeFirstOrThrow();
    const seriesId = series.series_id;
    const freeforms = await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["t.id", "t.name"])
      .where("wt.work_id", "=", workId).where("t.type", "=", "Freeform").execute();
    const targets = [["work", workId], ["series", seriesId], ...freeforms.map((t) => ["tag", t.id] as const)] as const;
    for (const [type, id] of targets) await expectAnswer(`${label}: subscribing to a ${type}`, await readerClient.post("/subscriptions", { target_type: type, target_id: String(id) }), 303);

    // The first chapter's summary and notes from its edit form; chapters 2 and 3, in Markdown and in plain text,
    // from the new chapter form.
    await expectFields(`${label}: the chapter form`, client, `/works/${workId}/chapters/new`, ["title", "summary", "notes", "endNotes", "text", "format"]);
    const chapter = (format: "html" | "markdown" | "text") => ({ title: line(group), summary: block(group), notes: block(group), endNotes: block(group), text: prose(group), format });
    await expectAnswer(`${label}: the first chapter edited`, await client.post(`/works/${workId}/chapters/1/edit`, chapter("html")), 303);
    for (const field of ["chapter summary", "chapter notes", "chapter end notes"] as const) carry(field, group);
    for (const [format, field] of [["markdown", "chapter text (Markdown)"], ["text", "chapter text (plain text)"]] as const) {
      await expectAnswer(`${label}: a ${format} chapter`, await client.post(`/works/${workId}/chapters/new`, chapter(format)), 303);
      carry(field, group);
    }

    // The edit form, previewed and then saved as it was: its own answer, and the stored values back in its fields.
    const edit = { ...Object.fromEntries(Object.entries(work).filter(([name]) => !name.startsWith("chapters["))), series: String(seriesId) };
    response = await client.post(`/works/${workId}/edit`, { ...edit, action: "preview" });
    keepAnswer(response, await expectAnswer(`${label}: the edit form's preview`, response, 200, ["This is how readers will see the work."]));
    await expectAnswer(`${label}: the edit form`, await client.post(`/works/${workId}/edit`, { ...edit, action: "post" }), 303);

    // A sequel in the series made from the series form (a series shows only with a work in it), and a work the
    // moderators will hide.
    const small = {
      ...work, fandoms: PLAIN_FANDOM, relationships: "", characters: "", freeforms: "", coAuthors: "", gifts: "", summary: "", notes: "", endNotes: "",
      series: String(sequelSeries), seriesName: "", "chapters[0][title]": "",
      "chapters[0][text]": PLAIN, "chapters[0][format]": "text", action: "post",
    };
    const sequel = idIn(await expectAnswer(`${label}: a sequel`, await client.post("/works/new", { ...small, title: seriesForm.name }), 303), /^\/works\/(\d+)$/u, "a sequel");
    listedWorks.push(sequel);
    const hidden = idIn(await expectAnswer(`${label}: a work to hide`, await client.post("/works/new", { ...small, series: "", summary: block(group) }), 303), /^\/works\/(\d+)$/u, "a work");

    // Story files: a legacy text file and an HTML page whose headers hold the group, each read back into the form.
    // Each vector once, in one of the text file's headers in turn: a text file that is mostly tags is read as a
    // web page (importers/parse-story.ts), and the headers are what this file is about.
    const headers = ["Title", "Fandom", "Pairing", "Characters", "Summary", "Author's note", "Chapter 1"];
    const byHeader = headers.map((_, h) => group.filter((_v, i) => i % headers.length === h));
    const txt = [
      ...headers.slice(0, 5).map((header, h) => `${header}: ${line(byHeader[h] ?? [])}`), "Rating: PG-13", "",
      `Author's note: ${line(byHeader[5] ?? [])}`, "", "", `Chapter 1: ${line(byHeader[6] ?? [])}`, "", STORY, "",
    ].join("\n");
    const escape = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
    // In the page's header the vectors are text (escaped, as a page would show them); in the chapter, markup.
    const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(line(group))}</title></head><body>\n<h1>${escape(line(group))}</h1>\n`
      + `<p>by ${escape(line(group))}</p>\n<p><b>Rating:</b> PG-13<br>\n<b>Fandom:</b> ${escape(names(group))}<br>\n<b>Pairing:</b> ${escape(names(group))}<br>\n`
      + `<b>Characters:</b> ${escape(names(group))}<br>\n<b>Summary:</b> ${escape(line(group))}<br>\n</p>\n<hr>\n<h2>Chapter 1: ${escape(line(group))}</h2>\n`
      + `<p>${STORY.split("\n\n").join("</p>\n<p>")}</p>\n${group.join("\n")}\n</body></html>\n`;
    for (const [name, text, type, field] of [[`${line(group)}.txt`, txt, "text/plain", "uploaded .txt file"], [`${line(group)}.html`, html, "text/html", "uploaded .html file"]] as const) {
      const upload = new FormData();
      upload.set("file", new File([text], name, { type }));
      response = await client.post("/works/new/upload", upload);
      body = await expectAnswer(`${label}: uploading ${field}`, response, 200, ["The form below holds what was read from"]);
      // Read back into the form: the title is the file's (some of the group), not empty.
      if (!/name="title" value="[^"]/u.test(body)) throw new Error(`${label}: the ${field} came back with no title`);
      keepAnswer(response, body);
      carry(field, group);
      carry("uploaded file's name", group);
    }

    // Comments: the reader's (edited, then answered by the poster), guests' under names and addresses of vectors.
    await expectFields(`${label}: the comment form`, freshClient(), `/works/${workId}`, ["text", "name", "email"]);
    tick();
    const readerComment = idIn(await expectAnswer(`${label}: the reader's comment`, await readerClient.post(`/works/${workId}/comments`, { text: prose(group) }), 303), /#comment-(\d+)$/u, "a comment");
    carry("comment", group);
    await expectAnswer(`${label}: the reader's comment edited`, await readerClient.post(`/comments/${readerComment}/edit`, { text: `${prose([...group].reverse())}\n\n(Edited.)` }), 303);
    carry("comment edit", group);
    tick();
    const reply = idIn(await expectAnswer(`${label}: the poster's reply`, await client.post(`/comments/${readerComment}/reply`, { text: prose(group) }), 303), /#comment-(\d+)$/u, "a reply");
    carry("reply", group);
    response = await freshClient().post(`/works/${workId}/comments`, { text: prose(group), name: line(group), email: line(group) });
    body = await expectAnswer(`${label}: a guest's comment with a vector for an address`, response, 400, ["Give an e-mail address (it is never shown)."]);
    if (line(group).length > MAX_GUEST_NAME_LENGTH && !body.includes(`A name has at most ${MAX_GUEST_NAME_LENGTH} characters.`)) throw new Error(`${label}: a guest's name too long was not refused`);
    keepAnswer(response, body, { values: { '[name="name"]': line(group), '[name="email"]': line(group), '[name="text"]': prose(group) } });
    carry("guest's name", group);
    carry("guest's e-mail", group);
    let guestComment: number | null = null;
    for (const chunk of packVectors(group.filter((v) => v.length <= MAX_GUEST_NAME_LENGTH), MAX_GUEST_NAME_LENGTH)) {
      const local = chunk.filter(mailable).join("");
      const email = `${local || "guest"}@${HIDDEN_MAIL_DOMAIN}`;
      const location = await expectAnswer(`${label}: a guest's comment`, await freshClient().post(`/works/${workId}/comments`, { text: prose(chunk), name: line(chunk), email }), 303);
      guestComment ??= idIn(location, /#comment-(\d+)$/u, "a guest's comment");
      carry("guest's e-mail", chunk.filter(mailable));
    }

    // Bookmarks of the work and of its series; tags too long come back refused first.
    await expectFields(`${label}: the bookmark form`, readerClient, `/works/${workId}/bookmark`, ["notes", "tags", "private", "rec"]);
    if (group.some((v) => v.length > MAX_BOOKMARK_TAG_LENGTH)) {
      response = await readerClient.post(`/works/${workId}/bookmark`, { notes: prose(group), tags: names(group), rec: "1" });
      body = await expectAnswer(`${label}: a bookmark with a tag too long`, response, 400, [`A tag has at most ${MAX_BOOKMARK_TAG_LENGTH} characters.`]);
      keepAnswer(response, body, { values: { '[name="tags"]': names(group), '[name="notes"]': prose(group) } });
    }
    await expectAnswer(`${label}: a bookmark`, await readerClient.post(`/works/${workId}/bookmark`, { notes: prose(group), tags: names(group, MAX_BOOKMARK_TAG_LENGTH), rec: "1" }), 303);
    await expectAnswer(`${label}: a series bookmark`, await readerClient.post(`/series/${seriesId}/bookmark`, { notes: block(group), tags: names(group, MAX_BOOKMARK_TAG_LENGTH) }), 303);
    carry("bookmark notes", group);
    carry("bookmark tags", group);

    // The reader's history, and the work marked for later.
    await expectAnswer(`${label}: the reader reads the work`, await readerClient.get(`/works/${workId}`), 200, [], false);
    await expectAnswer(`${label}: marked for later`, await readerClient.post(`/works/${workId}/mark-for-later`, {}), 303);

    // Reports, from guests at addresses of their own.
    await expectFields(`${label}: the report form`, freshClient(), `/works/${workId}/report`, ["category", "reason"]);
    await expectAnswer(`${label}: a report of the work`, await freshClient().post(`/works/${workId}/report`, { category: "other", reason: `Reported: ${line(group)}` }), 303);
    // A guest's comment, so that the report form and the queue quote a guest's name (and must not show the address).
    const commentReported = guestComment ?? readerComment;
    await expectAnswer(`${label}: a report of a comment`, await freshClient().post(`/comments/${commentReported}/report`, { category: "harassment", reason: `Reported: ${block(group)}` }), 303);
    carry("report reason", group);

    // The moderators: hide the work, warn its poster, suspend and lift the suspension of another account, resolve
    // the work's report with a note.
    await expectAnswer(`${label}: hiding a work`, await keeperClient.post(`/moderation/works/${hidden}/hide`, { reason: line(group) }), 303);
    carry("moderator's reason to hide", group);
    await expectAnswer(`${label}: a warning`, await keeperClient.post(`/moderation/users/${poster.userId}/warn`, { message: block(group) }), 303);
    carry("moderator's warning", group);
    await expectAnswer(`${label}: a suspension`, await keeperClient.post(`/moderation/users/${rulebreaker.userId}/suspend`, { reason: line(group), days: "1" }), 303);
    carry("suspension reason", group);
    await expectAnswer(`${label}: a suspension lifted`, await keeperClient.post(`/moderation/users/${rulebreaker.userId}/unsuspend`, { reason: block(group) }), 303);
    carry("reason to lift a suspension", group);
    await expectAnswer(`${label}: hiding a comment`, await keeperClient.post(`/moderation/comments/${reply}/hide`, { reason: block(group) }), 303);
    carry("moderator's reason to hide a comment", group);
    const report = await db.selectFrom("reports").select("id").where("target_type", "=", "work").where("target_id", "=", workId).executeTakeFirstOrThrow();
    await expectAnswer(`${label}: a report resolved`, await keeperClient.post(`/moderation/reports/${report.id}/resolve`, { note: line(group) }), 303);
    carry("report resolution note", group);

    // Sign-up and the account's forms: a login, a pseud and an address of vectors are each refused, the form back.
    response = await freshClient().post("/signup", { login: line(group), email: line(group), password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    keepAnswer(response, await expectAnswer(`${label}: signing up as vectors`, response, 400, ["A user name has 3 to 40 letters, digits or underscores."]),
      { values: { '[name="login"]': line(group), '[name="email"]': line(group) } });
    carry("sign-up login", group);
    carry("sign-up e-mail", group);
    response = await freshClient().post("/login", { name: line(group), password: "not the password", return: `/${line(group)}` });
    keepAnswer(response, await expectAnswer(`${label}: signing in as vectors`, response, 400, [WRONG_SIGN_IN]), { values: { '[name="name"]': line(group) } });
    carry("sign-in name", group);
    response = await readerClient.post("/account/mutes", { login: line(group) });
    // A name longer than any login is refused without being shown back.
    keepAnswer(response, await expectAnswer(`${label}: muting a user named with vectors`, response, 400, ["There is no user"]),
      line(group).length <= 100 ? { values: { '[name="login"]': line(group) } } : {});
    carry("login of a user to mute", group);
    response = await keeperClient.post("/admin/invitations", { email: line(group) });
    keepAnswer(response, await expectAnswer(`${label}: an invitation to an address of vectors`, response, 400, ["That does not look like an e-mail address."]),
      { values: { '[name="email"]': line(group) } });
    carry("invitation e-mail", group);
    response = await client.post("/account/pseuds", { name: line(group) });
    keepAnswer(response, await expectAnswer(`${label}: a pseud of vectors`, response, 400, PSEUD_REFUSALS));
    carry("pseud name", group);
    response = await client.post("/account/email", { email: line(group), password: TEST_PASSWORD });
    keepAnswer(response, await expectAnswer(`${label}: an address of vectors`, response, 400, ["That does not look like an e-mail address."]));
    carry("account e-mail", group);

    const owner = (path: string, values?: Readonly<Record<string, string>>): Visit => (values ? { path, as, values } : { path, as });
    // The pages that show the group: each chapter in its format, and one of its tags' listings (the tag pages of
    // them all come below). Not every page of a template twice: the sequel's own page shows what the series page
    // and the listings show of it, a comment's own page what the reply page quotes.
    if (g === 0) interactions.push({ path: `/works/${workId}?view_full_work=true`, as: "reader" });
    const firstFreeform = freeforms[0]?.name;
    visits.reading.push(
      { path: `/works/${workId}?view_full_work=true`, as: null }, { path: `/works/${workId}/navigate`, as: null },
      ...[1, 2, 3].map((n) => ({ path: `/works/${workId}/chapters/${n}`, as: null })),
      ...(firstFreeform === undefined ? [] : [{ path: `/tags/${tagPathSegment(firstFreeform)}/works`, as: null }]),
      { path: `/series/${seriesId}`, as: null }, { path: `/series/${sequelSeries}`, as: null }, { path: `/comments/${readerComment}/reply`, as: null },
      { path: `/works/${workId}/report`, as: null }, { path: `/comments/${commentReported}/report`, as: null },
    );
    visits.owners.push(
      owner(`/works/${workId}/edit`, { '[name="title"]': line(group), '[name="summary"]': block(group), '[name="notes"]': block(group), '[name="gifts"]': splitNames(work.gifts).join(", ") }),
      owner(`/works/${workId}/chapters/1/edit`, { '[name="title"]': line(group), '[name="text"]': prose(group), '[name="endNotes"]': block(group) }),
      owner(`/works/${workId}/chapters/2/edit`, { '[name="text"]': prose(group), '[name="summary"]': block(group) }),
      // (A chapter's delete page is the work's, a series' edit form the other series': one of each is opened.)
      owner(`/works/${workId}/chapters/order`), owner(`/works/${workId}/delete`),
      owner(`/series/${sequelSeries}/edit`, { '[name="name"]': collapsed(seriesForm.name), '[name="notes"]': block(group) }),
      { path: `/works/${workId}/bookmark`, as: "reader", names: { '[name="tags"]': parseBookmarkTags(names(group, MAX_BOOKMARK_TAG_LENGTH)) } },
      { path: `/comments/${readerComment}/edit`, as: "reader" },
    );
    visits.moderation.push({ path: `/works/${hidden}`, as: "keeper" });
    if (g % POLICY_SAMPLE === 0) for (const [kind, list] of Object.entries(visits)) for (const visit of list.slice(opened[kind])) visit.underPolicy = true;
  }

  // Addresses of vectors that can be addresses, each signed up with; no page but the account's own and the
  // admins' list may show them.
  const mailAccounts = packVectors(vectors.filter(mailable), 200);
  for (const [k, chunk] of mailAccounts.entries()) {
    const login = `mail${k}`;
    const location = await expectAnswer(`signing up with an address of vectors (${login})`, await freshClient().post("/signup", {
      login, email: `${chunk.join("")}@${HIDDEN_MAIL_DOMAIN}`, password: TEST_PASSWORD, confirm: TEST_PASSWORD,
    }), 303);
    if (!location.startsWith("/account")) throw new Error(`signing up ${login} led to ${location}`);
    carry("sign-up e-mail", chunk);
    // And invited by an admin, whose page shows the address it was sent to.
    const invited = await keeperClient.post("/admin/invitations", { email: `${chunk.join("")}@${HIDDEN_MAIL_DOMAIN}` });
    keepAnswer(invited, await expectAnswer(`inviting an address of vectors (${login})`, invited, 200, ["The invitation was mailed to"]), { showsEmail: true });
    carry("invitation e-mail", chunk);
    const user = await db.selectFrom("users").select("id").where("login", "=", login).executeTakeFirstOrThrow();
    sessions.set(`mail${k}`, await startSession(db, user.id, TODAY));
    visits.accounts.push({ path: "/account", as: `mail${k}`, showsEmail: true });
  }

  // Each vector on its own, where a form must refuse every one: the charset rules, not only the length.
  for (const vector of vectors) {
    await expectAnswer(`the login ${JSON.stringify(vector)}`, await freshClient().post("/signup", { login: vector, email: `someone@${HIDDEN_MAIL_DOMAIN}`, password: TEST_PASSWORD, confirm: TEST_PASSWORD }),
      400, ["A user name has 3 to 40 letters, digits or underscores."]);
    await expectAnswer(`the pseud ${JSON.stringify(vector)}`, await firstPoster.post("/account/pseuds", { name: vector }), 400,
      PSEUD_REFUSALS);
  }

  // What is typed into the address: a search vector by vector on the search page (each read by the query parser
  // on its own); a group at a time in every parameter of the listings, which name each one they cannot read
  // (status 400) and show the rest back in their filters; and names that name nothing here, which the 404 page
  // quotes (a tag, an author, whose bookmarks), or a bookmarker's tags to filter by.
  for (const [i, vector] of vectors.entries()) {
    visits.addresses.push({ path: `/works/search?q=${encodeURIComponent(vector)}`, as: null, expected: [200, 400], underPolicy: i % POLICY_SAMPLE === 0 });
  }
  const parameters = ["q", "tag", "exclude", "fandom", "exclude-fandom", "character", "relationship", "freeform", "rating", "warning", "category", "crossover", "status",
    "single-chapter", "words", "hits", "kudos", "comments", "bookmarks", "published", "updated", "language", "author", "series", "sort", "direction", "page", "per-page"];
  for (const [g, group] of groups.entries()) {
    const query = parameters.map((name) => `${name}=${encodeURIComponent(line(group))}`).join("&");
    const missing = encodeURIComponent(`No such name: ${line(group)}`);
    const reflected = [`/tags/${tagPathSegment(`No such tag: ${line(group)}`)}`, `/users/${missing}`, `/users/${missing}/bookmarks`][g % 3] ?? "/";
    const underPolicy = g % POLICY_SAMPLE === 0;
    visits.addresses.push(
      { path: `/works?${query}`, as: null, expected: [400], underPolicy }, { path: `/works/search?${query}`, as: null, expected: [400], underPolicy },
      { path: reflected, as: null, expected: [404], underPolicy },
      { path: `/users/reader/bookmarks?tag=${encodeURIComponent(line(group))}&work_tag=${encodeURIComponent(line(group))}`, as: null, values: { '[name="tag"]': line(group) }, underPolicy },
    );
  }
  carry("search on /works/search", vectors);
  carry("search on /works", vectors);
  carry("listing filters in the address", vectors);
  carry("a tag, an author or a bookmark tag in the address", vectors);

  // Every tag the works carry, by name (a tag page shows every type of tag of that name).
  const tagNames = await db.selectFrom("tags").select("name").distinct().where("name", "!=", PLAIN_FANDOM)
    .where((eb) => eb.exists(eb.selectFrom("work_tags").select("work_id").whereRef("work_tags.tag_id", "=", "tags.id"))).execute();
  const ratingsAndWarnings = new Set(["General Audiences", "No Archive Warnings Apply", "Gen"]);
  for (const [i, { name }] of tagNames.filter((t) => !ratingsAndWarnings.has(t.name)).entries()) {
    visits.reading.push({ path: `/tags/${tagPathSegment(name)}`, as: null, underPolicy: i % POLICY_SAMPLE === 0 });
  }
  const aggregates = { reading: visits.reading.length, accounts: visits.accounts.length, moderation: visits.moderation.length };

  // The pages that show many vectors at once, and each account's own.
  const pages = (count: number, perPage: number) => Array.from({ length: Math.max(1, Math.ceil(count / perPage)) }, (_, i) => i + 1);
  const countOf = async (table: "inbox_items" | "bookmarks" | "reading_history" | "reports" | "moderation_log", where?: { column: "user_id"; value: number }) => {
    let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
    if (where) query = query.where(where.column, "=", where.value);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  visits.reading.push(
    { path: "/", as: null }, { path: "/works?per-page=1000", as: null }, { path: "/fandoms", as: null }, { path: "/stats", as: null },
    { path: "/works/search?sort=title&per-page=1000", as: null }, { path: `/tags/${tagPathSegment(PLAIN_FANDOM)}/works?per-page=1000`, as: null },
    ...posters.map((p) => ({ path: `/users/${p.login}?per-page=1000`, as: null })),
    ...pages(await countOf("bookmarks", { column: "user_id", value: reader.userId }), 20).map((n) => ({ path: `/users/reader/bookmarks?page=${n}`, as: null })),
  );
  for (const [i, poster] of posters.entries()) {
    const as: SessionName = `poster${i}`;
    // The work form lists the poster's series, by name, in its options.
    visits.owners.push({ path: "/works/new", as, underPolicy: true });
    visits.accounts.push({ path: "/account", as }, { path: "/account/works", as },
      ...pages(await countOf("inbox_items", { column: "user_id", value: poster.userId }), 50).map((n) => ({ path: `/inbox?page=${n}`, as })));
    visits.moderation.push({ path: `/moderation/users/${poster.userId}`, as: "keeper" });
  }
  visits.accounts.push(
    { path: "/account", as: "reader" }, { path: "/subscriptions", as: "reader" },
    ...pages(await countOf("inbox_items", { column: "user_id", value: reader.userId }), 50).map((n) => ({ path: `/inbox?page=${n}`, as: "reader" as const })),
    ...pages(await countOf("bookmarks", { column: "user_id", value: reader.userId }), 20).map((n) => ({ path: `/bookmarks?page=${n}`, as: "reader" as const })),
    ...pages(await countOf("reading_history", { column: "user_id", value: reader.userId }), 20).flatMap((n) => [{ path: `/history?page=${n}`, as: "reader" as const }, { path: `/later?page=${n}`, as: "reader" as const }]),
    { path: "/account/co-author-invitations", as: "coauthor" }, { path: "/inbox", as: "coauthor" }, { path: "/account/works", as: "coauthor" },
    { path: "/admin/users", as: "keeper", showsEmail: true }, { path: "/admin/invitations", as: "keeper", showsEmail: true }, { path: "/account/mutes", as: "reader" },
  );
  visits.moderation.push(
    { path: `/moderation/users/${rulebreaker.userId}`, as: "keeper" },
    ...pages(await countOf("reports"), 25).map((n) => ({ path: `/moderation?page=${n}`, as: "keeper" as const })),
    ...pages(await countOf("moderation_log"), 50).map((n) => ({ path: `/moderation/log?page=${n}`, as: "keeper" as const })),
  );

  // The pages that show every vector (listings, lists, queues, logs, the accounts' own pages) go under the policy too.
  for (const [kind, from] of Object.entries(aggregates)) for (const visit of visits[kind as PageKind].slice(from)) visit.underPolicy = true;
  for (const visit of [...visits.accounts, ...visits.answers.filter((v) => v.showsEmail)]) visit.underPolicy = true;

  for (const [name, account] of [["keeper", keeper], ["reader", reader], ["coauthor", coauthor], ...posters.map((p, i) => [`poster${i}`, p] as const)] as const) {
    sessions.set(name, await startSession(db, account.userId, TODAY));
  }
  return { carried, visits, replays, sessions, listedWorks, interactions, groups: groups.length, answers };
}

function expectUnreachable(): never {
  throw new Error("unreachable");
}

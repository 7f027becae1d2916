/**
 * A SQLite library with something in every table, for the backup tests: the bundled samples imported (sources,
 * inferred values) with the starter vocabulary, the community fixture's works and accounts, and then what people
 * do on the site — works posted with chapters, co-authors and gifts (a draft and a restricted one among them), a
 * series, kudos from accounts and guests, threaded comments, bookmarks with tags, subscriptions, reading history
 * and hits, pseuds, an API token, mutes, reports, a moderator's hide, warning and resolution, an invitation, a
 * password reset, a tag wrangler assigned to a fandom, a review rule made on the review desk, the samples held for
 * their authors with claim links, a pair of works dismissed as no near-duplicates, a collection with a moderator
 * and a work waiting in it, a gift exchange run to a handed-in gift and a prompt meme's prompt claimed and filled —
 * and on the command line a library-wide mute, a review decision and tags wrangled into synonyms (merged into a
 * canonical tag made after them, so that a restore meets tags pointing at a later tag).
 */
import { join } from "node:path";
import type { Quire } from "../../src/composition.js";
import { openQuire } from "../../src/composition.js";
import { communityFixture } from "./community.js";
import { sqliteLibraryPath } from "./databases.js";
import { postWork } from "./posted-works.js";
import { runCli } from "./run-cli.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

export interface RichLibrary {
  path: string;
  /** A public work, a draft, a restricted work and a work a moderator hid, by id. */
  works: { visible: number; draft: number; restricted: number; hidden: number };
}

/** The work form as a browser sends it. */
function workForm(fields: Record<string, string>): Record<string, string | string[]> {
  return {
    title: "", rating: "General Audiences", warnings: ["No Archive Warnings Apply"], categories: ["Gen"], fandoms: "Moonlit Harbour (TV)",
    relationships: "", characters: "Mara Quell", freeforms: "", summary: "", notes: "", endNotes: "", language: "en", series: "", seriesName: "",
    seriesPart: "", visibility: "public", commentPolicy: "open", complete: "on", expectedChapters: "", coAuthors: "", gifts: "",
    "chapters[0][title]": "", "chapters[0][format]": "markdown", action: "post", ...fields,
  };
}

async function cli(path: string, ...args: string[]): Promise<void> {
  const result = await runCli([...args, "--db", `sqlite:${path}`]);
  if (result.code !== 0) throw new Error(`quire ${args.join(" ")} failed: ${result.stderr}`);
}

function idFrom(location: string | null, pattern: RegExp): number {
  const id = Number(pattern.exec(location ?? "")?.[1]);
  if (!Number.isSafeInteger(id)) throw new Error(`no id in ${location ?? "(no Location)"}`);
  return id;
}

export async function buildRichLibrary(): Promise<RichLibrary> {
  const path = await sqliteLibraryPath({ starterVocabulary: true });
  await cli(path, "import", SAMPLES);
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    return { path, works: await useTheSite(quire, path) };
  } finally {
    await quire.close();
  }
}

async function useTheSite(quire: Quire, path: string): Promise<RichLibrary["works"]> {
  const f = await communityFixture(quire);
  const db = quire.library.db;
  const pim = await f.signedIn(f.pim);
  const { account: fernAccount, client: fern } = await f.reader("fern");
  const { client: moderator } = await f.reader("Mod_Mira", "moderator");
  const { client: admin } = await f.reader("Admin_Ash", "admin");
  const guest = f.guest();

  // An unwrangled tag now, the canonical tag it will be merged into later (so the synonym's id is the smaller).
  await postWork(quire, f.wren, { title: "Lantern Oil", freeforms: ["Lantern Keeping"], collections: ["Winter Exchange 2026"], chapters: ["The oil came in tins, and Mara counted them twice."] });
  const posted = await pim.post("/works/new", workForm({
    title: "The Ferryman's Ledger", freeforms: "Keeping Lanterns", summary: "Accounts, *kept*.", coAuthors: "wren", gifts: "fern",
    "chapters[0][text]": "Every crossing went in the ledger.\n\nEvery **fare**, too.",
  }));
  const visible = idFrom(posted.headers.get("Location"), /\/works\/(\d+)/u);
  await pim.post(`/works/${visible}/chapters/new`, { title: "Two", text: "The second crossing was at night.", format: "text" });
  const draft = idFrom((await pim.post("/works/new", workForm({ title: "A Draft in the Drawer", visibility: "draft", "chapters[0][text]": "Not yet." }))).headers.get("Location"), /\/works\/(\d+)/u);
  const restricted = idFrom((await pim.post("/works/new", workForm({ title: "Members' Crossing", visibility: "restricted", "chapters[0][text]": "For the regulars." }))).headers.get("Location"), /\/works\/(\d+)/u);
  // A collection pim runs, with fern as a moderator, and pim's work asked into it (moderated: it waits).
  await pim.post("/collections/new", { name: "Ferry_Tales", title: "Ferry Tales", description: "Crossings, told.", parent: "", state: "moderated", anonymous: "1" });
  await pim.post("/collections/Ferry_Tales/maintainers", { login: "fern", role: "moderator" });
  await pim.post(`/works/${visible}/collections`, { collection: "Ferry_Tales" });
  const series = await pim.post("/series/new", { name: "The Ferry Books", summary: "Crossings.", notes: "" });
  const seriesId = idFrom(series.headers.get("Location"), /\/series\/(\d+)/u);

  await fern.post(`/works/${f.ids.orchard}/kudos`);
  await guest.post(`/works/${f.ids.orchard}/kudos`);
  await fern.post(`/works/${visible}/kudos`);
  await fern.get(`/works/${f.ids.orchard}`);
  await guest.get(`/works/${visible}`);
  await fern.post(`/works/${f.ids.crossing}/mark-for-later`);
  await fern.post(`/works/${f.ids.orchard}/comments`, { text: "The ladder's opinions are the best part." });
  const comment = await db.selectFrom("comments").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
  await pim.post(`/comments/${comment.id}/reply`, { text: "The ladder thanks you." });
  await guest.post(`/works/${f.ids.orchard}/comments`, { text: "Lovely.", name: "Moth", email: "moth@example.test" });
  await fern.post(`/works/${f.ids.orchard}/bookmark`, { notes: "Read it *twice*.", tags: "comfort read, ladders", rec: "1" });
  await fern.post(`/series/${seriesId}/bookmark`, { notes: "", tags: "" });
  await fern.post("/subscriptions", { target_type: "work", target_id: String(f.ids.orchard) });
  await fern.post("/subscriptions", { target_type: "series", target_id: String(seriesId), mail: "1" });
  await fern.post("/account/pseuds", { name: "Fern in the Margins" });
  await fern.post("/account/tokens", { name: "E-reader", scope: "read" });
  await fern.post("/account/mutes", { login: "wren" });
  await fern.post(`/works/${f.ids.tide}/report`, { category: "spam", reason: "This work is an advertisement." });
  await fern.post(`/comments/${comment.id}/report`, { category: "harassment", reason: "Testing the comment reports." });
  const report = await db.selectFrom("reports").select("id").orderBy("id").executeTakeFirstOrThrow();
  await moderator.post(`/moderation/reports/${report.id}/resolve`, { note: "Looked at it; nothing to do." });
  await moderator.post(`/moderation/works/${f.ids.uhr}/hide`, { reason: "Hidden while a report is looked into." });
  await moderator.post(`/moderation/users/${fernAccount.userId}/warn`, { message: "Mind the rules, please." });
  await admin.post("/admin/invitations", { email: "invited@example.test" });
  await admin.post("/admin/wranglers", { login: "fern", fandom: "Buffy the Vampire Slayer (TV)" });
  await f.guest("203.0.113.9").post("/password/forgot", { name: "fern" });

  await cli(path, "mute", "add", "Major Character Death");
  await cli(path, "tags", "canonical", "Keeping Lanterns", "--type", "Freeform");
  await cli(path, "tags", "merge", "Lantern Keeping", "--into", "Keeping Lanterns", "--type", "Freeform");
  // A starter tag, hundreds of rows before the tag it now points at: a restore stores them in different batches.
  await cli(path, "tags", "merge", "Drama", "--into", "Keeping Lanterns", "--type", "Freeform");
  const inferred = await db.selectFrom("inferred_values").select("work_id").where("decision", "is", null).orderBy("id").executeTakeFirstOrThrow();
  await cli(path, "review", "accept", String(inferred.work_id));
  // On the review desk, a value kept as inferred by a correction made a rule for the rest of its batch (the samples).
  const open = await db.selectFrom("inferred_values").select(["work_id", "field", "value"]).where("decision", "is", null).where("field", "!=", "rating").orderBy("id").executeTakeFirstOrThrow();
  await moderator.post(`/moderation/review/works/${open.work_id}/correct`, { field: open.field, value: open.value, to: open.value, batch: "on" });
  // The samples' folder held for its authors (claim links made, held works linked), then published again for the rest.
  const samplesBatch = await db.selectFrom("work_sources").select("path").where("role", "=", "primary").orderBy("id").executeTakeFirstOrThrow();
  const batch = samplesBatch.path.slice(0, samplesBatch.path.lastIndexOf("/"));
  await moderator.post("/moderation/review/hold", { batch, authors: "on" });
  await db.updateTable("works").set({ visibility: "public" }).where("visibility", "=", "draft").where("id", "in", db.selectFrom("work_sources").select("work_id")).execute();
  // On the near-duplicates page, two works said to be no duplicates of each other.
  await moderator.post("/moderation/duplicates/dismiss", { a: String(visible), b: String(restricted) });

  // A gift exchange from sign-ups to a handed-in gift, and a prompt meme's prompt claimed and filled.
  const harbour = { request1_fandom: "Moonlit Harbour (TV)", offer1_fandom: "Moonlit Harbour (TV)" };
  await pim.post("/challenges", { name: "Ferry_Swap", title: "Ferry Swap", kind: "gift_exchange" });
  await pim.post("/collections/Ferry_Swap/signups", harbour);
  await fern.post("/collections/Ferry_Swap/signups", harbour);
  await pim.post("/collections/Ferry_Swap/matching");
  await pim.post("/collections/Ferry_Swap/assignments/send");
  const assignment = await db.selectFrom("challenge_assignments as a").innerJoin("challenge_signups as s", "s.id", "a.giver_signup_id")
    .select("a.id").where("s.user_id", "=", f.pim.userId).executeTakeFirstOrThrow();
  await pim.post(`/collections/Ferry_Swap/assignments/${assignment.id}/fulfil`, { work: String(visible) });
  await pim.post("/challenges", { name: "Ferry_Prompts", title: "Ferry Prompts", kind: "prompt_meme" });
  await fern.post("/collections/Ferry_Prompts/prompts", { fandom: "Moonlit Harbour (TV)", text: "A crossing in fog.", anonymous: "on" });
  const prompt = await db.selectFrom("challenge_prompts").select("id").where("side", "=", "prompt").executeTakeFirstOrThrow();
  await pim.post(`/collections/Ferry_Prompts/prompts/${prompt.id}/claim`);
  const claim = await db.selectFrom("challenge_claims").select("id").executeTakeFirstOrThrow();
  await pim.post(`/collections/Ferry_Prompts/claims/${claim.id}/fill`, { work: String(visible) });
  return { visible, draft, restricted, hidden: f.ids.uhr };
}

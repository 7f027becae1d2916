/**
 * Posting through the API: a new work, an edit of its details, a new chapter. Each calls the posting service
 * the work form calls, so the limits, the permissions (authors post; creators edit; suspended accounts do
 * neither) and the sanitizing of what was written are the pages' own. An edit changes only the fields it gives.
 */
import { createRoute, type z } from "@hono/zod-openapi";
import { readWorkPreface } from "../../../services/archive/read-work.js";
import { addChapter } from "../../../services/posting/chapters.js";
import { postWork, updateWork } from "../../../services/posting/post-work.js";
import { readWorkForEdit } from "../../../services/posting/work-editing.js";
import type { SeriesChoice, WorkForm } from "../../../services/posting/work-form.js";
import { splitNames } from "../../posting-form.js";
import { parseId } from "../../request.js";
import { requireWriter } from "../caller.js";
import type { RouteDeps } from "../../env.js";
import { chapterUrl, toWorkDetail, workUrl } from "../representations.js";
import { json, jsonBody, WorkIdParam, WRITE_PROBLEMS, WRITE_SECURITY } from "../route-parts.js";
import { apiRouter } from "../router.js";
import { ChapterCreated, ChapterInput, NewWorkInput, WorkDetail, WorkUpdateInput } from "../schemas.js";

type SeriesInput = { id: number } | { name: string } | null;

function seriesChoice(series: SeriesInput): SeriesChoice {
  if (series === null) return { kind: "none" };
  return "id" in series ? { kind: "existing", seriesId: series.id } : { kind: "new", name: series.name };
}

/** Names as the form's comma-separated fields give them: trimmed, each once. */
function names(list: readonly string[]): string[] {
  return splitNames(list.join(","));
}

/** The stored work's form with the fields the edit gives; those it leaves out keep their values. */
function editedForm(current: WorkForm, input: z.infer<typeof WorkUpdateInput>): WorkForm {
  const list = (given: readonly string[] | undefined, kept: string[]) => (given === undefined ? kept : names(given));
  const kept = <T>(given: T | undefined, value: T): T => (given === undefined ? value : given);
  return {
    ...current,
    title: kept(input.title, current.title), rating: kept(input.rating, current.rating), warnings: kept(input.warnings, current.warnings),
    categories: kept(input.categories, current.categories), fandoms: list(input.fandoms, current.fandoms),
    relationships: list(input.relationships, current.relationships), characters: list(input.characters, current.characters),
    freeforms: list(input.freeforms, current.freeforms), coAuthors: list(input.coAuthors, current.coAuthors), gifts: list(input.gifts, current.gifts),
    summary: kept(input.summary, current.summary), notes: kept(input.notes, current.notes), endNotes: kept(input.endNotes, current.endNotes),
    language: kept(input.language, current.language), series: input.series === undefined ? current.series : seriesChoice(input.series),
    seriesPart: kept(input.seriesPart, current.seriesPart), visibility: kept(input.visibility, current.visibility),
    commentPolicy: kept(input.commentPolicy, current.commentPolicy), moderateComments: kept(input.moderateComments, current.moderateComments),
    complete: kept(input.complete, current.complete), expectedChapters: kept(input.expectedChapters, current.expectedChapters),
  };
}

export function workWriteRoutes(deps: RouteDeps) {
  const app = apiRouter();
  // Announcements are mailed to subscribers: their links take the archive's own address, never the caller's Host.
  const posting = { ...deps, siteOrigin: deps.publicOrigin.url };

  app.openapi(createRoute({
    method: "post", path: "/works", tags: ["posting"], summary: "Post a work", security: WRITE_SECURITY,
    description: "Posts the work with its chapters as the caller's pseud (or saves it as a draft, as `visibility` says). Needs an author's account.",
    request: { body: jsonBody(NewWorkInput) },
    responses: { 201: json(WorkDetail, "The work as posted; Location is its address in the API."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const viewer = requireWriter(c);
    const input = c.req.valid("json");
    const form: WorkForm = {
      ...input, fandoms: names(input.fandoms), relationships: names(input.relationships), characters: names(input.characters), freeforms: names(input.freeforms),
      coAuthors: names(input.coAuthors), gifts: names(input.gifts), series: seriesChoice(input.series), chapters: input.chapters,
    };
    const workId = await postWork(posting, viewer, form, deps.now());
    c.header("Location", `/api/v1${workUrl(workId)}`);
    return c.json(toWorkDetail(await readWorkPreface(deps.db, workId, viewer)), 201);
  });

  app.openapi(createRoute({
    method: "patch", path: "/works/{id}", tags: ["posting"], summary: "Edit a work's details", security: WRITE_SECURITY,
    description: "Changes the fields given and keeps the rest; its creators only. Co-authors named here are invited, as from the edit page.",
    request: { params: WorkIdParam, body: jsonBody(WorkUpdateInput) },
    responses: { 200: json(WorkDetail, "The work as it now is."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const viewer = requireWriter(c);
    const workId = parseId(c.req.valid("param").id, "Work");
    const editing = await readWorkForEdit(deps.db, viewer, workId);
    await updateWork(posting, viewer, workId, editedForm(editing.form, c.req.valid("json")), deps.now());
    return c.json(toWorkDetail(await readWorkPreface(deps.db, workId, viewer)), 200);
  });

  app.openapi(createRoute({
    method: "post", path: "/works/{id}/chapters", tags: ["posting"], summary: "Add a chapter", security: WRITE_SECURITY,
    description: "Adds the chapter after the last; the work's creators only.",
    request: { params: WorkIdParam, body: jsonBody(ChapterInput) },
    responses: { 201: json(ChapterCreated, "Where the chapter is; Location is its address in the API."), ...WRITE_PROBLEMS },
  }), async (c) => {
    const viewer = requireWriter(c);
    const workId = parseId(c.req.valid("param").id, "Work");
    const position = await addChapter(posting, viewer, workId, c.req.valid("json"), deps.now());
    c.header("Location", `/api/v1${chapterUrl(workId, position)}`);
    return c.json({ workId, position, url: chapterUrl(workId, position) }, 201);
  });

  return app;
}

/**
 * Posting: the work form (new, from an uploaded story file, edit; each with a preview), deleting a work, its
 * chapters (add, edit, delete, reorder), the creator's list of works and their co-author invitations. Every page
 * asks the posting services first whether this viewer may be here; a form with problems comes back filled in as
 * it was sent, each problem beside its field, with status 400.
 */
import { Hono, type Context } from "hono";
import { ValidationError } from "../../domain/errors.js";
import type { FieldProblems } from "../../domain/posting-limits.js";
import { addChapter, deleteChapter, editChapter, loadChapterForm, readWorkChapters, reorderChapters } from "../../services/posting/chapters.js";
import { acceptCoAuthorInvitation, declineCoAuthorInvitation, listMyCoAuthorInvitations } from "../../services/posting/co-authors.js";
import { deleteWork, readWorkToDelete } from "../../services/posting/delete-work.js";
import { MAX_UPLOAD_BYTES, readLegacyFile } from "../../services/posting/legacy-upload.js";
import { postWork, updateWork } from "../../services/posting/post-work.js";
import { previewEdit, previewNewWork, type WorkPreview } from "../../services/posting/preview-work.js";
import { listMyWorks, readPostingChoices, readWorkForEdit, startNewWork } from "../../services/posting/work-editing.js";
import { emptyChapterForm, type ChapterForm, type WorkForm } from "../../services/posting/work-form.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { readChapterForm, readPositions, readWorkForm, wantsPreview } from "../posting-form.js";
import { parseId } from "../request.js";
import { CoAuthorInvitationsPage, MyWorksPage } from "../views/posting-account-pages.js";
import { ChapterFormPage, ChapterOrderPage, ConfirmPage } from "../views/posting-chapter-pages.js";
import { WorkFormPage, type UploadOutcome } from "../views/posting-work-form.js";
import { chapterHeading } from "../views/work-page.js";

/** A work form carries whole chapters — a multi-chapter file's worth when it comes from an upload. */
export const WORK_FORM_MAX_BYTES = 12 * 1024 * 1024;
/** The story file, and the few fields around it. */
const UPLOAD_MAX_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** The largest body a posting path takes, for the app's body limit; null for paths with the app's own limit. */
export function postingBodyLimit(path: string): number | null {
  if (path === "/works/new/upload") return UPLOAD_MAX_BYTES;
  return /^\/works\/(?:new|\d+\/edit|\d+\/chapters\/(?:new|\d+\/edit))$/u.test(path) ? WORK_FORM_MAX_BYTES : null;
}

/** Renders the form again with the problems, or rethrows what is no problem with the form. */
function problemsOf(error: unknown): FieldProblems {
  if (error instanceof ValidationError) return error.fields;
  throw error;
}

export function postingRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  // Announcements are mailed to subscribers: their links take the archive's own address, never the poster's Host.
  const posting = { ...deps, siteOrigin: deps.publicOrigin.url };
  const viewer = (c: Context<WebEnv>) => c.get("page").viewer;
  const workId = (c: Context<WebEnv>) => parseId(c.req.param("id") ?? "", "Work");
  const position = (c: Context<WebEnv>) => parseId(c.req.param("n") ?? "", "Chapter");

  const newWorkPage = async (c: Context<WebEnv>, form: WorkForm, problems: FieldProblems, extra: { upload?: UploadOutcome; preview?: WorkPreview } = {}) => {
    const choices = await readPostingChoices(deps.db, viewer(c));
    return c.html(<WorkFormPage page={c.get("page")} mode={{ kind: "new", choices, upload: extra.upload ?? null }} form={form} problems={problems} preview={extra.preview ?? null} />);
  };

  app.get("/works/new", async (c) => {
    const { form } = await startNewWork(deps.db, viewer(c));
    return newWorkPage(c, form, {});
  });

  app.post("/works/new", async (c) => {
    await readPostingChoices(deps.db, viewer(c));
    const body = await c.req.parseBody({ all: true });
    const form = readWorkForm(body);
    try {
      if (wantsPreview(body)) return await newWorkPage(c, form, {}, { preview: await previewNewWork(deps.db, viewer(c), form, deps.now()) });
      const id = await postWork(posting, viewer(c), form, deps.now());
      return c.redirect(`/works/${id}`, 303);
    } catch (error) {
      c.status(400);
      return newWorkPage(c, form, problemsOf(error));
    }
  });

  app.post("/works/new/upload", async (c) => {
    const { form: empty } = await startNewWork(deps.db, viewer(c));
    const file = (await c.req.parseBody()).file;
    const fileName = file instanceof File ? file.name : "";
    try {
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const reading = await readLegacyFile(deps.db, viewer(c), bytes, fileName);
      return await newWorkPage(c, reading.form, {}, { upload: { fileName, readAs: reading.readAs, unsure: reading.unsure, problem: null } });
    } catch (error) {
      const problems = problemsOf(error);
      c.status(400);
      return newWorkPage(c, empty, {}, { upload: { fileName, readAs: null, unsure: [], problem: problems.file ?? Object.values(problems).join(" ") } });
    }
  });

  const editPage = async (c: Context<WebEnv>, form: WorkForm | null, problems: FieldProblems, preview: WorkPreview | null = null) => {
    const editing = await readWorkForEdit(deps.db, viewer(c), workId(c));
    return c.html(<WorkFormPage page={c.get("page")} mode={{ kind: "edit", editing }} form={form ?? editing.form} problems={problems} preview={preview} />);
  };

  app.get("/works/:id{[0-9]+}/edit", (c) => editPage(c, null, {}));

  app.post("/works/:id{[0-9]+}/edit", async (c) => {
    await readWorkForEdit(deps.db, viewer(c), workId(c));
    const body = await c.req.parseBody({ all: true });
    const form = { ...readWorkForm(body), chapters: [] };
    try {
      if (wantsPreview(body)) return await editPage(c, form, {}, await previewEdit(deps.db, viewer(c), workId(c), form, deps.now()));
      await updateWork(posting, viewer(c), workId(c), form, deps.now());
      return c.redirect(`/works/${workId(c)}`, 303);
    } catch (error) {
      c.status(400);
      return editPage(c, form, problemsOf(error));
    }
  });

  app.get("/works/:id{[0-9]+}/delete", async (c) => {
    const work = await readWorkToDelete(deps.db, viewer(c), workId(c));
    return c.html(<ConfirmPage page={c.get("page")} title={`Delete “${work.title}”?`} back={`/works/${work.workId}`} action={`/works/${work.workId}/delete`}
      message="Are you sure? The work goes for good, with its chapters, comments, kudos and bookmarks." button="Yes, delete the work" />);
  });

  app.post("/works/:id{[0-9]+}/delete", async (c) => {
    await deleteWork(posting, viewer(c), workId(c));
    return c.redirect("/account/works?deleted=1", 303);
  });

  const chapterPage = async (c: Context<WebEnv>, at: number | null, form: ChapterForm | null, problems: FieldProblems) => {
    const work = await readWorkChapters(deps.db, viewer(c), workId(c));
    const shown = form ?? (at === null ? emptyChapterForm() : await loadChapterForm(deps.db, viewer(c), work.workId, at));
    return c.html(<ChapterFormPage page={c.get("page")} workId={work.workId} workTitle={work.title} position={at} form={shown} problems={problems} />);
  };

  app.get("/works/:id{[0-9]+}/chapters/new", (c) => chapterPage(c, null, null, {}));

  app.post("/works/:id{[0-9]+}/chapters/new", async (c) => {
    await readWorkChapters(deps.db, viewer(c), workId(c));
    const form = readChapterForm(await c.req.parseBody());
    try {
      const at = await addChapter(posting, viewer(c), workId(c), form, deps.now());
      return c.redirect(`/works/${workId(c)}/chapters/${at}`, 303);
    } catch (error) {
      c.status(400);
      return chapterPage(c, null, form, problemsOf(error));
    }
  });

  app.get("/works/:id{[0-9]+}/chapters/:n{[0-9]+}/edit", (c) => chapterPage(c, position(c), null, {}));

  app.post("/works/:id{[0-9]+}/chapters/:n{[0-9]+}/edit", async (c) => {
    await loadChapterForm(deps.db, viewer(c), workId(c), position(c));
    const form = readChapterForm(await c.req.parseBody());
    try {
      await editChapter(posting, viewer(c), workId(c), position(c), form, deps.now());
      return c.redirect(`/works/${workId(c)}/chapters/${position(c)}`, 303);
    } catch (error) {
      c.status(400);
      return chapterPage(c, position(c), form, problemsOf(error));
    }
  });

  const orderPage = async (c: Context<WebEnv>, problem: string | null) => {
    const work = await readWorkChapters(deps.db, viewer(c), workId(c));
    return c.html(<ChapterOrderPage page={c.get("page")} work={work} problem={problem} />);
  };

  app.get("/works/:id{[0-9]+}/chapters/order", (c) => orderPage(c, null));

  app.post("/works/:id{[0-9]+}/chapters/order", async (c) => {
    await reorderChapters(posting, viewer(c), workId(c), readPositions(await c.req.parseBody(), "position-"), deps.now());
    return c.redirect(`/works/${workId(c)}/chapters/order`, 303);
  });

  app.get("/works/:id{[0-9]+}/chapters/:n{[0-9]+}/delete", async (c) => {
    const work = await readWorkChapters(deps.db, viewer(c), workId(c));
    const chapter = work.chapters.find((ch) => ch.position === position(c));
    if (!chapter) return c.notFound();
    return c.html(<ConfirmPage page={c.get("page")} title={`Delete ${chapterHeading(chapter)} of “${work.title}”?`} back={`/works/${work.workId}/chapters/order`}
      action={`/works/${work.workId}/chapters/${chapter.position}/delete`} message="Are you sure? The chapter goes for good, with the comments on it; the chapters after it move up." button="Yes, delete the chapter" />);
  });

  app.post("/works/:id{[0-9]+}/chapters/:n{[0-9]+}/delete", async (c) => {
    try {
      await deleteChapter(posting, viewer(c), workId(c), position(c), deps.now());
      return c.redirect(`/works/${workId(c)}/chapters/order`, 303);
    } catch (error) {
      c.status(400);
      return orderPage(c, Object.values(problemsOf(error)).join(" "));
    }
  });

  app.get("/account/works", async (c) => {
    const { works, series } = await listMyWorks(deps.db, viewer(c));
    return c.html(<MyWorksPage page={c.get("page")} works={works} series={series} deleted={c.req.query("deleted") === "1"} />);
  });

  app.get("/account/co-author-invitations", async (c) => {
    return c.html(<CoAuthorInvitationsPage page={c.get("page")} invitations={await listMyCoAuthorInvitations(deps.db, viewer(c))} />);
  });

  app.post("/account/co-author-invitations/:id{[0-9]+}/accept", async (c) => {
    const accepted = await acceptCoAuthorInvitation(posting, viewer(c), parseId(c.req.param("id"), "Co-author invitation"), deps.now());
    return c.redirect(`/works/${accepted}`, 303);
  });

  app.post("/account/co-author-invitations/:id{[0-9]+}/decline", async (c) => {
    await declineCoAuthorInvitation(deps.db, viewer(c), parseId(c.req.param("id"), "Co-author invitation"));
    return c.redirect("/account/co-author-invitations", 303);
  });

  return app;
}

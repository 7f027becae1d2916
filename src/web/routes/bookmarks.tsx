/** Bookmarks: the form for a work or a series, its save and delete, and the listings (the reader's own, a pseud's). */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import {
  BOOKMARKS_PER_PAGE, deleteBookmark, listBookmarksOf, readBookmarkEditor, saveBookmarkOf, type BookmarkForm, type BookmarkSubject,
} from "../../services/community/bookmarks.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import { BookmarkFormPage, storedBookmarkForm, subjectUrl } from "../views/bookmark-form.js";
import { BookmarksPage, type BookmarkQuery } from "../views/bookmark-list.js";
import { pageNumber, readForm } from "./community-form.js";

const bookmarkForm = z.object({
  notes: z.string().default(""),
  tags: z.string().default(""),
  private: z.literal("1").optional(),
  rec: z.literal("1").optional(),
});

function bookmarkQuery(c: Context<WebEnv>): BookmarkQuery {
  return { bookmarkerTag: c.req.query("tag")?.trim() ?? "", workTag: c.req.query("work_tag")?.trim() ?? "", recOnly: c.req.query("rec") === "1", page: pageNumber(c) };
}

export function bookmarkRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  const subjectOf = (c: Context<WebEnv>, kind: BookmarkSubject["kind"]): BookmarkSubject => ({ kind, id: parseId(c.req.param("id") ?? "", kind === "work" ? "Work" : "Series") });

  for (const kind of ["work", "series"] as const) {
    const path = kind === "work" ? "/works/:id{[0-9]+}/bookmark" : "/series/:id{[0-9]+}/bookmark";

    app.get(path, async (c) => {
      const page = c.get("page");
      const editor = await readBookmarkEditor(deps.db, subjectOf(c, kind), page.viewer, page.audience);
      return c.html(<BookmarkFormPage page={page} editor={editor} form={storedBookmarkForm(editor)} problems={null} />);
    });

    app.post(path, async (c) => {
      const page = c.get("page");
      const subject = subjectOf(c, kind);
      const parsed = await readForm(c, bookmarkForm);
      const form: BookmarkForm = { notes: parsed.notes, tags: parsed.tags, private: parsed.private === "1", rec: parsed.rec === "1" };
      try {
        await saveBookmarkOf(deps, subject, page.viewer, page.audience, form);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const editor = await readBookmarkEditor(deps.db, subject, page.viewer, page.audience);
        c.status(400);
        return c.html(<BookmarkFormPage page={page} editor={editor} form={form} problems={error.fields} />);
      }
      return c.redirect(subjectUrl(subject), 303);
    });
  }

  app.post("/bookmarks/:id{[0-9]+}/delete", async (c) => {
    await deleteBookmark(deps, parseId(c.req.param("id"), "Bookmark"), c.get("page").viewer);
    return c.redirect("/bookmarks", 303);
  });

  const listing = async (c: Context<WebEnv>, owner: { kind: "own" } | { kind: "pseud"; name: string }) => {
    const page = c.get("page");
    const query = bookmarkQuery(c);
    const listed = await listBookmarksOf(deps.db, owner, page.viewer, page.audience, {
      bookmarkerTag: query.bookmarkerTag || null, workTag: query.workTag || null, recOnly: query.recOnly, page: query.page,
    });
    const url = new URL(c.req.url);
    return c.html(<BookmarksPage page={page} listing={listed} query={query} path={url.pathname} params={url.searchParams} perPage={BOOKMARKS_PER_PAGE} />);
  };

  app.get("/bookmarks", (c) => listing(c, { kind: "own" }));
  app.get("/users/:name/bookmarks", (c) => listing(c, { kind: "pseud", name: c.req.param("name") }));

  return app;
}

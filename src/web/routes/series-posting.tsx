/** Series on the web: making one (/series/new), and its maker's edit page (/series/:id/edit: name, notes, order). */
import { Hono, type Context } from "hono";
import { ValidationError } from "../../domain/errors.js";
import type { FieldProblems } from "../../domain/posting-limits.js";
import { requirePoster } from "../../services/posting/posting-access.js";
import { createSeries, readSeriesForEdit, updateSeries, type SeriesForm } from "../../services/posting/series.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { readPositions, readSeriesForm } from "../posting-form.js";
import { parseId } from "../request.js";
import { SeriesFormPage } from "../views/posting-series.js";

function problemsOf(error: unknown): FieldProblems {
  if (error instanceof ValidationError) return error.fields;
  throw error;
}

export function seriesPostingRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  // Announcements are mailed to subscribers: their links take the archive's own address, never the poster's Host.
  const posting = { ...deps, siteOrigin: deps.publicOrigin.url };
  const viewer = (c: Context<WebEnv>) => c.get("page").viewer;
  const seriesId = (c: Context<WebEnv>) => parseId(c.req.param("id") ?? "", "Series");
  const blank: SeriesForm = { name: "", summary: "", notes: "" };

  app.get("/series/new", (c) => {
    requirePoster(viewer(c));
    return c.html(<SeriesFormPage page={c.get("page")} form={blank} editing={null} problems={{}} saved={false} />);
  });

  app.post("/series/new", async (c) => {
    requirePoster(viewer(c));
    const form = readSeriesForm(await c.req.parseBody());
    try {
      const id = await createSeries(posting, viewer(c), form, deps.now());
      return c.redirect(`/series/${id}/edit?saved=1`, 303);
    } catch (error) {
      return c.html(<SeriesFormPage page={c.get("page")} form={form} editing={null} problems={problemsOf(error)} saved={false} />, 400);
    }
  });

  app.get("/series/:id{[0-9]+}/edit", async (c) => {
    const editing = await readSeriesForEdit(deps.db, viewer(c), seriesId(c));
    return c.html(<SeriesFormPage page={c.get("page")} form={editing.form} editing={editing} problems={{}} saved={c.req.query("saved") === "1"} />);
  });

  app.post("/series/:id{[0-9]+}/edit", async (c) => {
    const editing = await readSeriesForEdit(deps.db, viewer(c), seriesId(c));
    const body = await c.req.parseBody();
    const form = readSeriesForm(body);
    try {
      await updateSeries(posting, viewer(c), seriesId(c), form, readPositions(body, "part-"), deps.now());
      return c.redirect(`/series/${seriesId(c)}/edit?saved=1`, 303);
    } catch (error) {
      return c.html(<SeriesFormPage page={c.get("page")} form={form} editing={editing} problems={problemsOf(error)} saved={false} />, 400);
    }
  });

  return app;
}

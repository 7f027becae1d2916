/**
 * Near-duplicates on the web (moderators and admins; the services say who may): the pairs found, a merge asked
 * for on a page of its own and confirmed by a form, and a pair dismissed as no duplicate.
 */
import { Hono } from "hono";
import { z } from "zod";
import { dismissDuplicatePair, mergeOnDesk, readDuplicatesDesk, readMergeChoice } from "../../services/duplicates/duplicates-desk.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { pageNumber, readForm } from "./community-form.js";
import { parseId } from "../request.js";
import { DUPLICATES_PATH, DuplicatesDeskPage, MergeConfirmPage } from "../views/duplicates-desk-page.js";

const idField = z.string().max(20);
const mergeForm = z.object({ keep: idField, merge: idField });
const pairForm = z.object({ a: idField, b: idField });

export function duplicatesDeskRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.get(DUPLICATES_PATH, async (c) => {
    const desk = await readDuplicatesDesk(deps, c.get("page").viewer, { page: pageNumber(c) });
    return c.html(<DuplicatesDeskPage page={c.get("page")} desk={desk} />);
  });

  app.get(`${DUPLICATES_PATH}/merge`, async (c) => {
    const choice = await readMergeChoice(deps.db, c.get("page").viewer, parseId(c.req.query("keep") ?? "", "Work"), parseId(c.req.query("merge") ?? "", "Work"));
    return c.html(<MergeConfirmPage page={c.get("page")} choice={choice} />);
  });

  app.post(`${DUPLICATES_PATH}/merge`, async (c) => {
    const form = await readForm(c, mergeForm);
    await mergeOnDesk(deps, c.get("page").viewer, parseId(form.keep, "Work"), parseId(form.merge, "Work"), deps.now());
    return c.redirect(DUPLICATES_PATH, 303);
  });

  app.post(`${DUPLICATES_PATH}/dismiss`, async (c) => {
    const form = await readForm(c, pairForm);
    await dismissDuplicatePair(deps, c.get("page").viewer, parseId(form.a, "Work"), parseId(form.b, "Work"), deps.now());
    return c.redirect(DUPLICATES_PATH, 303);
  });

  return app;
}

/**
 * The import review desk (moderators and admins; the services say who may): the queue by import batch, a
 * work's review page, and the decisions, each a form that comes back to the page it was sent from.
 */
import { Hono } from "hono";
import { z } from "zod";
import { INFERRED_FIELDS } from "../../domain/review.js";
import { readBatchLabels } from "../../services/review/batch-labels.js";
import { holdBatch, publishBatch } from "../../services/review/held-works.js";
import { applyLabelRules, makeLabelRule, removeReviewRule } from "../../services/review/label-rules.js";
import { acceptWorks, applyBatchRules, correctOnDesk, readDeskQueue, readWorkReview } from "../../services/review/review-desk.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { readForm } from "./community-form.js";
import { logUndelivered } from "./accounts.js";
import { localReturnPath, parseId } from "../request.js";
import { BatchLabelsPage } from "../views/batch-labels-page.js";
import { batchLabelsPath, DESK_PATH, deskQueuePath, DeskQueuePage, HeldBatchPage, WorkReviewPage } from "../views/review-desk-pages.js";

const pageQuery = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const checked = z.literal("on").optional();
const correctionForm = z.object({ field: z.enum(INFERRED_FIELDS), value: z.string().max(1000), to: z.string().max(1000).default(""), remove: checked, batch: checked });
const batchForm = z.object({ batch: z.string().min(1).max(4096) });
const holdForm = batchForm.extend({ authors: checked });
const labelRuleForm = batchForm.extend({ label: z.string().min(1).max(200), field: z.enum(INFERRED_FIELDS) });
const reportCount = z.coerce.number().int().min(0).max(1_000_000_000);
const labelReport = z.object({ changed: reportCount, refused: reportCount.catch(0) }).nullable().catch(null);
const bulkForm = z.object({ work: z.union([z.string(), z.array(z.string())]).optional(), return: z.string().optional() });

export function reviewDeskRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const workPath = (workId: number) => `${DESK_PATH}/works/${workId}`;

  app.get(DESK_PATH, async (c) => {
    const batch = c.req.query("batch") ?? "";
    const desk = await readDeskQueue(deps.db, c.get("page").viewer, { batch: batch === "" ? null : batch, page: pageQuery.parse(c.req.query("page")) });
    return c.html(<DeskQueuePage page={c.get("page")} desk={desk} />);
  });

  app.get(`${DESK_PATH}/labels`, async (c) => {
    const labels = await readBatchLabels(deps.db, c.get("page").viewer, c.req.query("batch") ?? "");
    const changed = c.req.query("changed");
    const report = labelReport.parse(changed === undefined ? null : { changed, refused: c.req.query("refused") });
    return c.html(<BatchLabelsPage page={c.get("page")} labels={labels} report={report === null ? null : { works: report.changed, refused: report.refused }} />);
  });

  app.post(`${DESK_PATH}/labels/rules`, async (c) => {
    const form = await readForm(c, labelRuleForm);
    const outcome = await makeLabelRule(deps, c.get("page").viewer, form);
    return c.redirect(batchLabelsPath(form.batch, outcome), 303);
  });

  app.post(`${DESK_PATH}/labels/rules/apply`, async (c) => {
    const { batch } = await readForm(c, batchForm);
    const outcome = await applyLabelRules(deps, c.get("page").viewer, batch);
    return c.redirect(batchLabelsPath(batch, outcome), 303);
  });

  app.post(`${DESK_PATH}/labels/rules/:id{[0-9]+}/remove`, async (c) => {
    const ruleId = parseId(c.req.param("id"), "Rule");
    const { batch } = await readForm(c, batchForm);
    await removeReviewRule(deps, c.get("page").viewer, batch, ruleId);
    return c.redirect(batchLabelsPath(batch), 303);
  });

  app.get(`${DESK_PATH}/works/:id{[0-9]+}`, async (c) => {
    const review = await readWorkReview(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Work"));
    return c.html(<WorkReviewPage page={c.get("page")} review={review} />);
  });

  app.post(`${DESK_PATH}/accept`, async (c) => {
    const form = await readForm(c, bulkForm);
    const ids = (form.work === undefined ? [] : [form.work].flat()).map((id) => parseId(id, "Work"));
    await acceptWorks(deps, c.get("page").viewer, ids);
    const back = localReturnPath(form.return);
    return c.redirect(back.startsWith(DESK_PATH) ? back : DESK_PATH, 303);
  });

  app.post(`${DESK_PATH}/rules/apply`, async (c) => {
    const { batch } = await readForm(c, batchForm);
    await applyBatchRules(deps, c.get("page").viewer, batch);
    return c.redirect(deskQueuePath(batch), 303);
  });

  app.post(`${DESK_PATH}/hold`, async (c) => {
    const form = await readForm(c, holdForm);
    const held = await holdBatch(deps, c.get("page").viewer, form.batch, { forAuthors: form.authors === "on", origin: deps.publicOrigin.url, now: deps.now() });
    for (const { undelivered } of held.invitations) if (undelivered) logUndelivered("a claim link", undelivered);
    // The links are shown once, here: not for a cache to keep.
    c.header("Cache-Control", "no-store");
    return c.html(<HeldBatchPage page={c.get("page")} held={held} />);
  });

  app.post(`${DESK_PATH}/publish`, async (c) => {
    const { batch } = await readForm(c, batchForm);
    await publishBatch(deps, c.get("page").viewer, batch, deps.now());
    return c.redirect(deskQueuePath(batch), 303);
  });

  app.post(`${DESK_PATH}/works/:id{[0-9]+}/accept`, async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    await acceptWorks(deps, c.get("page").viewer, [workId]);
    return c.redirect(workPath(workId), 303);
  });

  app.post(`${DESK_PATH}/works/:id{[0-9]+}/correct`, async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const form = await readForm(c, correctionForm);
    await correctOnDesk(deps, c.get("page").viewer, workId, { field: form.field, value: form.value, to: form.remove === "on" ? null : form.to, applyToBatch: form.batch === "on" });
    return c.redirect(workPath(workId), 303);
  });

  return app;
}

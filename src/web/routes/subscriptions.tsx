/** Subscriptions (subscribe, unsubscribe, the list) and the inbox they fill (the list, mark read). */
import { Hono } from "hono";
import { z } from "zod";
import { SUBSCRIPTION_TARGETS } from "../../domain/account.js";
import { INBOX_PER_PAGE, markInboxRead, readInbox } from "../../services/community/inbox.js";
import { listSubscriptionsOf, subscribe, unsubscribe } from "../../services/community/subscriptions.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import { InboxPage } from "../views/inbox-page.js";
import { SubscriptionsPage } from "../views/subscriptions-page.js";
import { pageNumber, readForm, returnPath } from "./community-form.js";

const subscribeForm = z.object({
  target_type: z.enum(SUBSCRIPTION_TARGETS),
  target_id: z.string().regex(/^[0-9]{1,10}$/u, "is not an id"),
  mail: z.literal("1").optional(),
  return: z.string().optional(),
});
const returnForm = z.object({ return: z.string().optional() });
const markReadForm = z.object({
  ids: z.union([z.string(), z.array(z.string())]).optional(),
  all: z.literal("1").optional(),
});

export function subscriptionRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.post("/subscriptions", async (c) => {
    const page = c.get("page");
    const form = await readForm(c, subscribeForm);
    await subscribe(deps, page.viewer, page.audience, { targetType: form.target_type, targetId: parseId(form.target_id, "Target"), mail: form.mail === "1" });
    return c.redirect(returnPath(form.return, "/subscriptions"), 303);
  });

  app.post("/subscriptions/:id{[0-9]+}/delete", async (c) => {
    const form = await readForm(c, returnForm);
    await unsubscribe(deps, c.get("page").viewer, parseId(c.req.param("id"), "Subscription"));
    return c.redirect(returnPath(form.return, "/subscriptions"), 303);
  });

  app.get("/subscriptions", async (c) => {
    const page = c.get("page");
    return c.html(<SubscriptionsPage page={page} subscriptions={await listSubscriptionsOf(deps.db, page.viewer)} />);
  });

  app.get("/inbox", async (c) => {
    const page = c.get("page");
    const number = pageNumber(c);
    return c.html(<InboxPage page={page} inbox={await readInbox(deps.db, page.viewer, number)} pageNumber={number} perPage={INBOX_PER_PAGE} />);
  });

  app.post("/inbox/read", async (c) => {
    const form = await readForm(c, markReadForm);
    const ids = form.all === "1" ? "all" : [form.ids ?? []].flat().flatMap((id) => (/^[0-9]{1,10}$/u.test(id) ? [Number(id)] : []));
    await markInboxRead(deps, c.get("page").viewer, ids);
    return c.redirect("/inbox", 303);
  });

  return app;
}

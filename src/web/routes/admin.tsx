/**
 * The admins' pages: users and their roles (/admin/users), and who may sign up with the invitations
 * (/admin/invitations). Every /admin address answers a guest with the sign-in page and anyone else but an admin
 * with 403, before it reads a form.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { ROLES } from "../../domain/account.js";
import { createInvitation, listInvitationsForAdmin, withdrawInvitation, type NewInvitation } from "../../services/accounts/invitations.js";
import { changeRole, listUsersForAdmin, requireAdmin } from "../../services/accounts/roles.js";
import { NEW_ACCOUNT_ROLES, readSignUpSettings, saveSignUpSettings, SIGN_UP_MODES } from "../../services/accounts/sign-up.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { schemaProblems, validationProblems, type FormProblems } from "../form-problems.js";
import { parseId } from "../request.js";
import { AdminInvitationsPage, AdminUsersPage } from "../views/account-admin.js";
import { logUndelivered } from "./accounts.js";

const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const roleForm = z.object({ role: z.enum(ROLES, { error: "Choose one of the roles." }), page: pageNumber });
const invitationForm = z.object({ email: z.string().max(254, "That does not look like an e-mail address.").default("") });
const signUpSettingsForm = z.object({ mode: z.enum(SIGN_UP_MODES, { error: "Choose open or by invitation." }), role: z.enum(NEW_ACCOUNT_ROLES, { error: "Choose author or reader." }) });

const NOTICES: Readonly<Record<string, string>> = {
  role: "The role is changed.",
  settings: "Sign-up settings saved.",
  withdrawn: "The invitation is withdrawn.",
};

export function adminRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.use("/admin/*", async (c, next) => {
    requireAdmin(c.get("page").viewer);
    await next();
  });

  const showUsers = async (c: Context<WebEnv>, page: number, problems: FormProblems | null) => {
    const viewer = c.get("page").viewer;
    const users = await listUsersForAdmin(deps.db, viewer, page, deps.now().toISOString());
    return c.html(<AdminUsersPage page={c.get("page")} users={users} notice={NOTICES[c.req.query("saved") ?? ""] ?? null} problems={problems} />, problems ? 400 : 200);
  };

  app.get("/admin/users", (c) => showUsers(c, pageNumber.parse(c.req.query("page")), null));

  app.post("/admin/users/:id{[0-9]+}/role", async (c) => {
    const userId = parseId(c.req.param("id"), "User");
    const parsed = roleForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showUsers(c, 1, schemaProblems(parsed.error));
    const problems = await validationProblems(() => changeRole(deps, c.get("page").viewer, userId, parsed.data.role, deps.now().toISOString()));
    if (problems) return showUsers(c, parsed.data.page, problems);
    return c.redirect(`/admin/users?page=${parsed.data.page}&saved=role`, 303);
  });

  const showInvitations = async (c: Context<WebEnv>, options: { made?: NewInvitation; problems?: FormProblems; email?: string } = {}) => {
    const viewer = c.get("page").viewer;
    const [settings, invitations] = await Promise.all([readSignUpSettings(deps.db), listInvitationsForAdmin(deps.db, viewer)]);
    return c.html(
      <AdminInvitationsPage page={c.get("page")} settings={settings} invitations={invitations} made={options.made ?? null}
        notice={NOTICES[c.req.query("saved") ?? ""] ?? null} problems={options.problems ?? null} email={options.email ?? ""} />,
      options.problems ? 400 : 200,
    );
  };

  app.get("/admin/invitations", (c) => showInvitations(c));

  // Answered with the page itself rather than a redirect: the new link is shown this once and kept nowhere.
  app.post("/admin/invitations", async (c) => {
    const parsed = invitationForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showInvitations(c, { problems: schemaProblems(parsed.error) });
    let made: NewInvitation | undefined;
    const problems = await validationProblems(async () => {
      made = await createInvitation(deps, c.get("page").viewer, parsed.data.email || null, deps.publicOrigin.url, deps.now().toISOString());
    });
    if (problems) return showInvitations(c, { problems, email: parsed.data.email });
    if (made?.undelivered) logUndelivered("an invitation", made.undelivered);
    c.header("Cache-Control", "no-store");
    return showInvitations(c, made ? { made } : {});
  });

  app.post("/admin/invitations/:id{[0-9]+}/delete", async (c) => {
    await withdrawInvitation(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Invitation"));
    return c.redirect("/admin/invitations?saved=withdrawn", 303);
  });

  app.post("/admin/signup-settings", async (c) => {
    const parsed = signUpSettingsForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showInvitations(c, { problems: schemaProblems(parsed.error) });
    await saveSignUpSettings(deps.db, c.get("page").viewer, { mode: parsed.data.mode, newAccountRole: parsed.data.role });
    return c.redirect("/admin/invitations?saved=settings", 303);
  });

  return app;
}

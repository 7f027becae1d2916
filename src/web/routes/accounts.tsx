/**
 * Accounts on the web: sign up, sign in and out, forgotten passwords, and the signed-in user's own settings
 * (/account, /account/mutes). Sign-in starts a new session (and CSRF token) whatever cookie the browser brought;
 * a new password ends every other session. Limits on failed sign-ins, sign-ups and reset requests live in this
 * app's memory (services/accounts/limits.ts).
 */
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import { changeEmail, changePassword, endOtherSessions, readAccountSettings, saveReadingSettings } from "../../services/accounts/account-settings.js";
import { createAccountLimits } from "../../services/accounts/limits.js";
import { listMutedUsersOf, muteUser, unmuteUser } from "../../services/accounts/muted-users.js";
import { MAX_PASSWORD_LENGTH } from "../../services/accounts/password.js";
import { isPasswordResetUsable, requestPasswordReset, resetPassword } from "../../services/accounts/password-reset.js";
import { addPseud, renamePseud, setDefaultPseud } from "../../services/accounts/pseuds.js";
import { requireSignedIn } from "../../services/accounts/roles.js";
import { checkSignIn } from "../../services/accounts/sign-in.js";
import { isInvitationValid, PASSWORDS_DIFFER, readSignUpSettings, signUp } from "../../services/accounts/sign-up.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { schemaProblems, validationProblems, type FormProblems } from "../form-problems.js";
import { writePrefsJson } from "../reader-prefs.js";
import { clientAddress, localReturnPath, parseId } from "../request.js";
import { SESSION_COOKIE, signIn, signOut } from "../session.js";
import { ForgotPasswordPage, LoginPage, ResetPasswordPage, SignUpClosedPage, SignUpPage } from "../views/account-forms.js";
import { MutesPage } from "../views/account-mutes.js";
import { AccountPage, isAccountNotice, type AccountProblems } from "../views/account-settings.js";

/** A token as newToken makes them: 43 URL-safe characters. Anything else is no token at all. */
const TOKEN = /^[\w-]{43}$/u;
const tokenOrNull = (value: string | undefined) => (value !== undefined && TOKEN.test(value) ? value : null);

const password = z.string({ error: "Choose a password." }).max(MAX_PASSWORD_LENGTH, `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`);
const SAME_PASSWORDS = { message: PASSWORDS_DIFFER, path: ["confirm"] };

const signUpForm = z.object({
  login: z.string({ error: "Choose a user name." }).max(100, "A user name has 3 to 40 letters, digits or underscores."),
  email: z.string({ error: "Give an e-mail address." }).max(254, "That does not look like an e-mail address."),
  password,
  confirm: z.string({ error: "Type the password again." }),
  invitation: z.string().optional(),
});

const loginForm = z.object({ name: z.string().max(254).default(""), password: z.string().max(MAX_PASSWORD_LENGTH).default(""), return: z.string().optional() });
const nameForm = z.object({ name: z.string({ error: "Give a name." }).max(254) });
const resetForm = z.object({ token: z.string().default(""), password, confirm: z.string({ error: "Type the password again." }) }).refine((f) => f.password === f.confirm, SAME_PASSWORDS);
const passwordForm = z.object({ current: z.string({ error: "Give your current password." }).max(MAX_PASSWORD_LENGTH), password, confirm: z.string({ error: "Type the new password again." }) })
  .refine((f) => f.password === f.confirm, SAME_PASSWORDS);
const emailForm = z.object({ email: z.string({ error: "Give an e-mail address." }).max(254, "That does not look like an e-mail address."), password: z.string({ error: "Give your password." }).max(MAX_PASSWORD_LENGTH) });
const readingForm = z.object({ history: z.literal("on").optional(), fullWork: z.literal("on").optional() });
const loginNameForm = z.object({ login: z.string({ error: "Give a user name." }).max(100, "There is no user with a name that long.") });

/** A mail that could not go, in the server's log (app.tsx logs its other errors the same way). */
export function logUndelivered(what: string, error: Error): void {
  console.error(`quire: ${what} could not be mailed: ${error.message}`);
}

export function accountRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const limits = createAccountLimits();

  // Sign-up ---------------------------------------------------------------------------------------------------

  const showSignUp = async (c: Context<WebEnv>, values: { login: string; email: string; invitation: string | null }, problems: FormProblems | null) => {
    const settings = await readSignUpSettings(deps.db);
    const invited = values.invitation !== null && (await isInvitationValid(deps.db, values.invitation));
    if (settings.mode === "invitation" && !invited) {
      return c.html(<SignUpClosedPage page={c.get("page")} hadInvitation={values.invitation !== null} />, 403);
    }
    return c.html(<SignUpPage page={c.get("page")} values={values} problems={problems} byInvitation={settings.mode === "invitation"} />, problems ? 400 : 200);
  };

  app.get("/signup", (c) => {
    if (c.get("page").viewer) return c.redirect("/account", 303);
    return showSignUp(c, { login: "", email: "", invitation: tokenOrNull(c.req.query("invitation")) }, null);
  });

  app.post("/signup", async (c) => {
    if (c.get("page").viewer) return c.redirect("/account", 303);
    const body = await c.req.parseBody();
    const parsed = signUpForm.safeParse(body);
    const values = { login: String(body.login ?? ""), email: String(body.email ?? ""), invitation: tokenOrNull(typeof body.invitation === "string" ? body.invitation : undefined) };
    if (!parsed.success) return showSignUp(c, values, schemaProblems(parsed.error));
    const now = deps.now();
    let userId = 0;
    const problems = await validationProblems(async () => {
      userId = await signUp(deps, limits, { ...parsed.data, invitation: values.invitation, prefsJson: writePrefsJson(c.get("page").prefs), address: clientAddress(c) }, now);
    });
    if (problems) return showSignUp(c, values, problems);
    await signIn(c, deps.db, userId, now);
    return c.redirect("/account?saved=welcome", 303);
  });

  // An invitation's short address, for links passed on by hand.
  app.get("/invitations/:token", (c) => c.redirect(`/signup?invitation=${encodeURIComponent(c.req.param("token"))}`, 303));

  // Sign-in and sign-out --------------------------------------------------------------------------------------

  app.get("/login", (c) => {
    const returnTo = localReturnPath(c.req.query("return"));
    if (c.get("page").viewer) return c.redirect(returnTo, 303);
    return c.html(<LoginPage page={c.get("page")} name="" returnTo={returnTo} problem={null} asked={c.req.query("return") !== undefined} />);
  });

  app.post("/login", async (c) => {
    const parsed = loginForm.safeParse(await c.req.parseBody());
    const form = parsed.success ? parsed.data : { name: "", password: "", return: undefined };
    const returnTo = localReturnPath(form.return);
    const now = deps.now();
    try {
      const userId = await checkSignIn(deps.db, limits, { name: form.name, password: form.password, address: clientAddress(c) }, now.getTime());
      await signIn(c, deps.db, userId, now);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return c.html(<LoginPage page={c.get("page")} name={form.name} returnTo={returnTo} problem={Object.values(error.fields)[0] ?? error.message} asked={false} />, 400);
    }
    return c.redirect(returnTo, 303);
  });

  app.post("/logout", async (c) => {
    await signOut(c, deps.db);
    return c.redirect("/", 303);
  });

  // Forgotten passwords ---------------------------------------------------------------------------------------

  app.get("/password/forgot", (c) => c.html(<ForgotPasswordPage page={c.get("page")} sent={c.req.query("sent") === "1"} problems={null} />));

  app.post("/password/forgot", async (c) => {
    const parsed = nameForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.html(<ForgotPasswordPage page={c.get("page")} sent={false} problems={schemaProblems(parsed.error)} />, 400);
    const undelivered = await requestPasswordReset(deps, limits, { name: parsed.data.name, address: clientAddress(c), origin: deps.publicOrigin.url }, deps.now());
    // The reader hears the same either way; the server's owner learns that mail is not going out.
    if (undelivered) logUndelivered("a password reset link", undelivered);
    return c.redirect("/password/forgot?sent=1", 303);
  });

  app.get("/password/reset", async (c) => {
    const token = tokenOrNull(c.req.query("token"));
    const usable = token !== null && (await isPasswordResetUsable(deps.db, token, deps.now().toISOString()));
    return c.html(<ResetPasswordPage page={c.get("page")} token={usable ? token : null} problems={null} />, usable ? 200 : 400);
  });

  app.post("/password/reset", async (c) => {
    const body = await c.req.parseBody();
    const token = tokenOrNull(typeof body.token === "string" ? body.token : undefined);
    const parsed = resetForm.safeParse(body);
    if (token === null) return c.html(<ResetPasswordPage page={c.get("page")} token={null} problems={null} />, 400);
    if (!parsed.success) return c.html(<ResetPasswordPage page={c.get("page")} token={token} problems={schemaProblems(parsed.error)} />, 400);
    const now = deps.now();
    let userId = 0;
    const problems = await validationProblems(async () => {
      userId = await resetPassword(deps, limits, { token, password: parsed.data.password, address: clientAddress(c) }, now);
    });
    if (problems) return c.html(<ResetPasswordPage page={c.get("page")} token={problems.token ? null : token} problems={problems} />, 400);
    await signIn(c, deps.db, userId, now);
    return c.redirect("/account?saved=reset", 303);
  });

  // The account's own settings --------------------------------------------------------------------------------

  const showAccount = async (c: Context<WebEnv>, problems: AccountProblems | null) => {
    const page = c.get("page");
    const saved = c.req.query("saved");
    return c.html(<AccountPage page={page} settings={await readAccountSettings(deps.db, page.viewer)} notice={isAccountNotice(saved) ? saved : null} problems={problems} />, problems ? 400 : 200);
  };

  app.get("/account", (c) => showAccount(c, null));

  app.post("/account/password", async (c) => {
    const viewer = requireSignedIn(c.get("page").viewer);
    const parsed = passwordForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showAccount(c, { form: "password", fields: schemaProblems(parsed.error) });
    const now = deps.now();
    const problems = await validationProblems(() => changePassword(deps, limits, viewer, { current: parsed.data.current, password: parsed.data.password, address: clientAddress(c) }, now));
    if (problems) return showAccount(c, { form: "password", fields: problems });
    // Every session ended with the old password, this one too: this browser gets a new one.
    await signIn(c, deps.db, viewer.id, now);
    return c.redirect("/account?saved=password", 303);
  });

  app.post("/account/email", async (c) => {
    const viewer = requireSignedIn(c.get("page").viewer);
    const body = await c.req.parseBody();
    const typed = typeof body.email === "string" ? body.email : "";
    const parsed = emailForm.safeParse(body);
    if (!parsed.success) return showAccount(c, { form: "email", fields: schemaProblems(parsed.error), value: typed });
    const problems = await validationProblems(async () => {
      const undelivered = await changeEmail(deps, limits, viewer, { ...parsed.data, address: clientAddress(c) }, deps.now());
      if (undelivered) logUndelivered("the note of a changed address", undelivered);
    });
    if (problems) return showAccount(c, { form: "email", fields: problems, value: typed });
    return c.redirect("/account?saved=email", 303);
  });

  app.post("/account/preferences", async (c) => {
    const page = c.get("page");
    const viewer = requireSignedIn(page.viewer);
    const parsed = readingForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showAccount(c, { form: "reading", fields: schemaProblems(parsed.error) });
    await saveReadingSettings(deps.db, viewer, { prefsJson: writePrefsJson({ ...page.prefs, fullWork: parsed.data.fullWork === "on" }), historyEnabled: parsed.data.history === "on" });
    return c.redirect("/account?saved=reading", 303);
  });

  app.post("/account/pseuds", async (c) => {
    const viewer = requireSignedIn(c.get("page").viewer);
    const parsed = nameForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showAccount(c, { form: "pseud-new", fields: schemaProblems(parsed.error) });
    const problems = await validationProblems(() => addPseud(deps, viewer, parsed.data.name));
    if (problems) return showAccount(c, { form: "pseud-new", fields: problems, value: parsed.data.name });
    return c.redirect("/account?saved=pseud#pseuds-heading", 303);
  });

  app.post("/account/pseuds/:id{[0-9]+}/rename", async (c) => {
    const viewer = requireSignedIn(c.get("page").viewer);
    const authorId = parseId(c.req.param("id"), "Pseud");
    const parsed = nameForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showAccount(c, { form: `pseud-${authorId}`, fields: schemaProblems(parsed.error) });
    const problems = await validationProblems(() => renamePseud(deps, viewer, authorId, parsed.data.name, deps.now().toISOString()));
    if (problems) return showAccount(c, { form: `pseud-${authorId}`, fields: problems, value: parsed.data.name });
    return c.redirect("/account?saved=pseud#pseuds-heading", 303);
  });

  app.post("/account/pseuds/:id{[0-9]+}/default", async (c) => {
    await setDefaultPseud(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "Pseud"));
    return c.redirect("/account?saved=pseud#pseuds-heading", 303);
  });

  app.post("/account/sessions/end-others", async (c) => {
    await endOtherSessions(deps.db, c.get("page").viewer, getCookie(c, SESSION_COOKIE) ?? "");
    return c.redirect("/account?saved=sessions", 303);
  });

  // Muted users -----------------------------------------------------------------------------------------------

  const showMutes = async (c: Context<WebEnv>, notice: string | null, problems: FormProblems | null, login = "") => {
    const page = c.get("page");
    return c.html(<MutesPage page={page} muted={await listMutedUsersOf(deps.db, page.viewer)} notice={notice} problems={problems} login={login} />, problems ? 400 : 200);
  };

  const MUTE_NOTICES: Readonly<Record<string, string>> = { muted: "Muted: their works are gone from your listings and counts.", unmuted: "Unmuted: their works are back." };
  app.get("/account/mutes", (c) => showMutes(c, MUTE_NOTICES[c.req.query("saved") ?? ""] ?? null, null));

  app.post("/account/mutes", async (c) => {
    const viewer = requireSignedIn(c.get("page").viewer);
    const parsed = loginNameForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return showMutes(c, null, schemaProblems(parsed.error));
    const problems = await validationProblems(() => muteUser(deps.db, viewer, parsed.data.login));
    if (problems) return showMutes(c, null, problems, parsed.data.login);
    return c.redirect("/account/mutes?saved=muted", 303);
  });

  app.post("/account/mutes/:id{[0-9]+}/delete", async (c) => {
    await unmuteUser(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "User"));
    return c.redirect("/account/mutes?saved=unmuted", 303);
  });

  return app;
}

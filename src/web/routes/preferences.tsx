/**
 * Reader preferences: the form, its save, and the theme switch in the header. A signed-in reader's go on their
 * account (every browser they sign in on follows them); a guest's go in a cookie. Both POSTs are CSRF-checked by
 * the app and answer with a redirect, so they work without JavaScript.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { saveReaderPrefs } from "../../services/accounts/account-settings.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { FONT_SIZES, LINE_WIDTHS, MAX_PREFS_COOKIE_LENGTH, parseTagList, PREFS_COOKIE, THEMES, writePrefsCookie, writePrefsJson, type ReaderPrefs } from "../reader-prefs.js";
import { localReturnPath, setSiteCookie, YEAR_SECONDS } from "../request.js";
import { PreferencesPage } from "../views/preferences-page.js";

const prefsForm = z.object({
  theme: z.enum(THEMES),
  fontSize: z.enum(FONT_SIZES),
  lineWidth: z.enum(LINE_WIDTHS),
  hideWarnings: z.literal("on").optional(),
  hideFreeforms: z.literal("on").optional(),
  showAdult: z.literal("on").optional(),
  fullWork: z.literal("on").optional(),
  mutedTags: z.string().max(20_000).default(""),
});

const themeForm = z.object({ theme: z.enum(THEMES), return: z.string().optional() });

/**
 * Keeps the preferences where this reader's belong. @returns a problem to show instead, when a guest's would not
 * fit in a cookie (a browser drops such a cookie without a word).
 */
async function savePrefs(c: Context<WebEnv>, deps: RouteDeps, prefs: ReaderPrefs): Promise<string | null> {
  const { viewer } = c.get("page");
  if (viewer) {
    await saveReaderPrefs(deps.db, viewer, writePrefsJson(prefs));
    return null;
  }
  const cookie = writePrefsCookie(prefs);
  if (cookie.length > MAX_PREFS_COOKIE_LENGTH) return "The muted tags are too many or too long to keep in a cookie: remove a few, or sign in to keep them on your account.";
  setSiteCookie(c, PREFS_COOKIE, cookie, YEAR_SECONDS);
  return null;
}

export function preferenceRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.get("/preferences", (c) => c.html(<PreferencesPage page={c.get("page")} saved={c.req.query("saved") === "1"} problems={null} />));

  app.post("/preferences", async (c) => {
    const parsed = prefsForm.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      c.status(400);
      return c.html(<PreferencesPage page={c.get("page")} saved={false} problems={parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)} />);
    }
    const form = parsed.data;
    const problem = await savePrefs(c, deps, {
      theme: form.theme, fontSize: form.fontSize, lineWidth: form.lineWidth,
      hideWarnings: form.hideWarnings === "on", hideFreeforms: form.hideFreeforms === "on", showAdult: form.showAdult === "on", fullWork: form.fullWork === "on",
      mutedTags: parseTagList(form.mutedTags),
    });
    if (problem) {
      c.status(400);
      return c.html(<PreferencesPage page={c.get("page")} saved={false} problems={[problem]} />);
    }
    return c.redirect("/preferences?saved=1", 303);
  });

  app.post("/preferences/theme", async (c) => {
    const parsed = themeForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.text("theme takes system, light or dark", 400);
    const problem = await savePrefs(c, deps, { ...c.get("page").prefs, theme: parsed.data.theme });
    if (problem) return c.text(problem, 400);
    if (c.req.header("Accept")?.includes("application/json")) return c.body(null, 204);
    return c.redirect(localReturnPath(parsed.data.return), 303);
  });

  return app;
}

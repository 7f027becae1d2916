/**
 * Reader preferences in a cookie: the form, its save, and the theme switch in the header. Both POSTs are
 * CSRF-checked by the app (same origin only) and answer with a redirect, so they work without JavaScript.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { WebEnv } from "../env.js";
import { FONT_SIZES, LINE_WIDTHS, MAX_PREFS_COOKIE_LENGTH, parseTagList, PREFS_COOKIE, THEMES, writePrefsCookie } from "../reader-prefs.js";
import { localReturnPath, setSiteCookie, YEAR_SECONDS } from "../request.js";
import { PreferencesPage } from "../views/preferences-page.js";

const prefsForm = z.object({
  theme: z.enum(THEMES),
  fontSize: z.enum(FONT_SIZES),
  lineWidth: z.enum(LINE_WIDTHS),
  hideWarnings: z.literal("on").optional(),
  hideFreeforms: z.literal("on").optional(),
  showAdult: z.literal("on").optional(),
  mutedTags: z.string().max(20_000).default(""),
});

const themeForm = z.object({ theme: z.enum(THEMES), return: z.string().optional() });

function savePrefs(c: Context<WebEnv>, cookie: string): void {
  setSiteCookie(c, PREFS_COOKIE, cookie, YEAR_SECONDS);
}

export function preferenceRoutes() {
  const app = new Hono<WebEnv>();

  app.get("/preferences", (c) => c.html(<PreferencesPage page={c.get("page")} saved={c.req.query("saved") === "1"} problems={null} />));

  app.post("/preferences", async (c) => {
    const parsed = prefsForm.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      c.status(400);
      return c.html(<PreferencesPage page={c.get("page")} saved={false} problems={parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)} />);
    }
    const form = parsed.data;
    const cookie = writePrefsCookie({
      theme: form.theme, fontSize: form.fontSize, lineWidth: form.lineWidth,
      hideWarnings: form.hideWarnings === "on", hideFreeforms: form.hideFreeforms === "on", showAdult: form.showAdult === "on",
      mutedTags: parseTagList(form.mutedTags),
    });
    // A browser drops a cookie it cannot keep without a word: say so rather than claim it was saved.
    if (cookie.length > MAX_PREFS_COOKIE_LENGTH) {
      c.status(400);
      return c.html(<PreferencesPage page={c.get("page")} saved={false} problems={["The muted tags are too many or too long to keep in a cookie: remove a few."]} />);
    }
    savePrefs(c, cookie);
    return c.redirect("/preferences?saved=1", 303);
  });

  app.post("/preferences/theme", async (c) => {
    const parsed = themeForm.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.text("theme takes system, light or dark", 400);
    savePrefs(c, writePrefsCookie({ ...c.get("page").prefs, theme: parsed.data.theme }));
    if (c.req.header("Accept")?.includes("application/json")) return c.body(null, 204);
    return c.redirect(localReturnPath(parsed.data.return), 303);
  });

  return app;
}

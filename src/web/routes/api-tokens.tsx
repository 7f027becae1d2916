/**
 * /account/tokens: the signed-in user's API tokens (see services/accounts/api-tokens.ts). Making one answers with
 * the page that shows it, once, and is never cached; revoking one sends the user back to the list. A suspended
 * account may manage its tokens, as it keeps the other keys to its account: its tokens only read.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "../../domain/account.js";
import { ValidationError } from "../../domain/errors.js";
import { createApiToken, listApiTokensOf, MAX_API_TOKEN_NAME_LENGTH, revokeApiTokenOf } from "../../services/accounts/api-tokens.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { schemaProblems, type FormProblems } from "../form-problems.js";
import { parseId } from "../request.js";
import { ApiTokensPage, type NewApiToken } from "../views/api-tokens-page.js";

const tokenForm = z.object({
  name: z.string({ error: "Name the token." }).max(MAX_API_TOKEN_NAME_LENGTH * 4, `A token's name has at most ${MAX_API_TOKEN_NAME_LENGTH} characters.`),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose what the token may do." }),
});

export function apiTokenRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  const show = async (c: Context<WebEnv>, state: { created?: NewApiToken; notice?: string; problems?: FormProblems; values?: { name: string; scope: ApiTokenScope } } = {}) => {
    const page = c.get("page");
    const tokens = await listApiTokensOf(deps.db, page.viewer);
    if (state.created) c.header("Cache-Control", "no-store");
    return c.html(
      <ApiTokensPage page={page} tokens={tokens} created={state.created ?? null} notice={state.notice ?? null} problems={state.problems ?? null} values={state.values ?? { name: "", scope: "read" }} />,
      state.problems ? 400 : 200,
    );
  };

  app.get("/account/tokens", (c) => show(c, { ...(c.req.query("saved") === "revoked" ? { notice: "The token is revoked: it opens nothing any more." } : {}) }));

  app.post("/account/tokens", async (c) => {
    const viewer = c.get("page").viewer;
    const body = await c.req.parseBody();
    const parsed = tokenForm.safeParse(body);
    const values = { name: typeof body.name === "string" ? body.name : "", scope: body.scope === "write" ? "write" : "read" } as const;
    if (!parsed.success) return show(c, { problems: schemaProblems(parsed.error), values });
    try {
      const { name, token } = await createApiToken(deps.db, viewer, parsed.data, deps.now());
      return await show(c, { created: { name, scope: parsed.data.scope, token } });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(c, { problems: error.fields, values });
    }
  });

  app.post("/account/tokens/:id{[0-9]+}/revoke", async (c) => {
    await revokeApiTokenOf(deps.db, c.get("page").viewer, parseId(c.req.param("id"), "API token"), deps.now());
    return c.redirect("/account/tokens?saved=revoked", 303);
  });

  return app;
}

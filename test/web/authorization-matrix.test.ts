/**
 * Who may change what, on both engines: every state-changing route (authorization-routes.ts, one row each) sent
 * by every kind of actor — a guest, a reader, an author who is not the work's creator, its creator, its
 * co-author, a moderator, an admin, and a suspended co-author — each in a scene of their own
 * (test/support/authorization-scene.ts). Each answer must be the outcome the row expects: allowed (2xx, or a 303
 * anywhere but sign-in), sign in (a 303 to /login, or 401), forbidden (403) or not found (404). After an allowed
 * request the row's observation must show it took effect; after a refused one, nothing it watches may change.
 */
import { PatternRouter } from "hono/router/pattern-router";
import { afterAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/web/app.js";
import { signInAs } from "../support/accounts.js";
import { ACTORS, buildScene, type Actor } from "../support/authorization-scene.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";
import { ROUTE_CASES, type Outcome, type RouteCase } from "./authorization-routes.js";

type App = ReturnType<typeof createApp>;

/** The outcome a response means, or what it was when it means none. */
function outcomeOf(response: Response): Outcome | `status ${number}` {
  const { status } = response;
  if (status === 401) return "sign-in";
  if (status === 303) return (response.headers.get("Location") ?? "").startsWith("/login") ? "sign-in" : "allowed";
  if (status >= 200 && status < 300) return "allowed";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  return `status ${status}`;
}

/** Does the app have a POST route for this row (any route but the middleware every request passes)? */
function hasRoute(app: App, row: RouteCase): boolean {
  const router = new PatternRouter<true>();
  for (const route of app.routes) if (route.method === "POST") router.add(route.method, route.path, true);
  return router.match("POST", row.route.replace(/:\w+/gu, "1"))[0].length > 0;
}

function rowName(row: RouteCase): string {
  return `POST ${row.route}${row.variant ? ` (${row.variant})` : ""}${row.planned ? ` [planned: ${row.planned}]` : ""}`;
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("the authorization matrix on $name", (engine) => {
  describe.each(ROUTE_CASES.map((row) => ({ row, name: rowName(row) })))("$name", ({ row }) => {
    // One library per row, made when its first actor runs: a row skipped makes none.
    let library: Awaited<ReturnType<typeof freshQuire>> | undefined;
    let app: App | undefined;
    let scenes = 0;
    afterAll(async () => library?.dispose());

    test.for(ACTORS)("%s", async (actor: Actor, context) => {
      if (engine.unavailable) {
        console.warn(`skipped: ${engine.unavailable}`);
        context.skip();
      }
      library ??= await freshQuire(engine);
      app ??= createApp({ ...webDeps(library.quire), now: () => TODAY });
      if (row.planned && !hasRoute(app, row)) {
        if (actor === ACTORS[0]) console.warn(`skipped: POST ${row.route} is not built on this branch yet (the ${row.planned} part of issue 7); remove its planned mark once merged`);
        context.skip();
      }
      const { quire } = library;
      const scene = await buildScene(quire, `${actor}-${(scenes += 1)}`);
      const account = actor === "anonymous" ? null : scene.accounts[actor];
      const client = new WebClient(app);
      if (account) await signInAs(quire.library.db, client, account, TODAY);
      // The CSRF cookie first, as opening the form's page would give it.
      await client.get("/preferences");
      const caseContext = { scene, actor, account, client, db: quire.library.db };
      const observe = await row.watch(caseContext);
      const response = await client.post(row.path(scene), row.form(caseContext));
      const observation = await observe();
      const expected = row.expected[actor];
      expect(outcomeOf(response), `${actor}: POST ${row.path(scene)} answered ${response.status} ${response.headers.get("Location") ?? ""}`).toBe(expected);
      if (expected === "allowed") expect(observation.tookEffect, `${actor}'s request was answered as allowed but did not take effect: ${JSON.stringify(observation)}`).toBe(true);
      else expect(observation.after, `${actor}'s refused request changed what it must not`).toEqual(observation.before);
    });
  });
});

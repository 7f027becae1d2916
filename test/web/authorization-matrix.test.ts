/**
 * Who may change what, on both engines: every state-changing route (authorization-routes.ts, one row each) sent
 * by every kind of actor — a guest, a reader, an author who is not the work's creator, its creator, its
 * co-author, a moderator, an admin, and a suspended co-author — each in a scene of their own
 * (test/support/authorization-scene.ts, all in one library per engine) and an app of their own (so one actor's
 * requests never count against the next one's rate limits). Each answer must be the outcome the row expects: allowed (2xx, or a 303 anywhere but
 * sign-in), no-op (answered so, changing nothing), sign in (a 303 to /login, or 401), forbidden (403) or not found
 * (404). After an allowed request the row's observation must show it took effect; after any other, nothing it
 * watches may change. And the rows must be exactly the app's POST routes.
 */
import { afterAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/web/app.js";
import { signInAs } from "../support/accounts.js";
import { ACTORS, buildScene, type Actor } from "../support/authorization-scene.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps } from "../support/web-library.js";
import { removeMatrixFiles, ROUTE_CASES, type CaseContext, type Outcome, type RouteCase, type SceneContext } from "./authorization-routes.js";

type App = ReturnType<typeof createApp>;

/** What a response's status says, or the status when it says none of these. */
function answerOf(response: Response): "done" | "sign-in" | "forbidden" | "not-found" | `status ${number}` {
  const { status } = response;
  if (status === 401) return "sign-in";
  if (status === 303) return (response.headers.get("Location") ?? "").startsWith("/login") ? "sign-in" : "done";
  if (status >= 200 && status < 300) return "done";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  return `status ${status}`;
}

/** The answer an outcome is given as: both an allowed request and a no-op are answered as done. */
function answerFor(outcome: Outcome): ReturnType<typeof answerOf> {
  return outcome === "allowed" || outcome === "no-op" ? "done" : outcome;
}

/** A route as its row names it: the parameters' patterns (`:id{[0-9]+}`) left out. */
function routeName(path: string): string {
  return path.replace(/\{[^}]*\}/gu, "");
}

/** The app's POST routes, by name (the middleware every request passes is no route). */
function postRoutes(app: App): Set<string> {
  return new Set(app.routes.filter((r) => r.method === "POST").map((r) => routeName(r.path)));
}

function rowName(row: RouteCase): string {
  return `POST ${row.route}${row.variant ? ` (${row.variant})` : ""}`;
}

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

afterAll(removeMatrixFiles);

describe.each(TEST_ENGINES)("the authorization matrix on $name", (engine) => {
  // One library for the engine's whole matrix, and a scene of its own per actor per row: every row watches its
  // actor's scene, and what it watches beyond the scene (a count of all works, of all sessions, the sign-up
  // settings, which its `prepare` resets) no other request touches while it runs, since the tests run one by one.
  let library: Awaited<ReturnType<typeof freshQuire>> | undefined;
  let deps: ReturnType<typeof webDeps> | undefined;
  let scenes = 0;
  const open = async () => {
    library ??= await freshQuire(engine);
    deps ??= webDeps(library.quire);
    return { quire: library.quire, deps };
  };
  afterAll(async () => library?.dispose());

  test("has a row for every POST route of the app, and no row for a route the app lacks", async (context) => {
    if (engine.unavailable) context.skip();
    const routes = postRoutes(createApp((await open()).deps));
    const rows = new Set(ROUTE_CASES.map((row) => row.route));
    expect([...routes].filter((route) => !rows.has(route)), "POST routes without a row").toEqual([]);
    expect([...rows].filter((route) => !routes.has(route)), "rows for no POST route").toEqual([]);
  });

  // A loop rather than describe.each, whose names of objects are cut short.
  for (const row of ROUTE_CASES) describe(rowName(row), () => {
    test.for(ACTORS)("%s", async (actor: Actor, context) => {
      if (engine.unavailable) {
        console.warn(`skipped: ${engine.unavailable}`);
        context.skip();
      }
      const { quire, deps } = await open();
      // An app per actor, so that one actor's requests never count against the next one's rate limits.
      const app = createApp({ ...deps, now: () => TODAY });
      const scene = await buildScene(quire, `${actor}-${(scenes += 1)}`);
      const account = actor === "anonymous" ? null : scene.accounts[actor];
      const client = new WebClient(app);
      if (account) await signInAs(quire.library.db, client, account, TODAY);
      // The CSRF cookie first, as opening the form's page would give it.
      await client.get("/preferences");
      const sceneContext: SceneContext = { scene, actor, account, client, db: quire.library.db };
      const caseContext: CaseContext = { ...sceneContext, made: { id: 0, token: "", ...(await row.prepare?.(sceneContext)) } };
      const observe = await row.watch(caseContext);
      const path = row.path(caseContext);
      const response = await client.post(path, row.form(caseContext));
      const observation = await observe(await response.text());
      const expected = row.expected[actor];
      expect(answerOf(response), `${actor}: POST ${path} answered ${response.status} ${response.headers.get("Location") ?? ""}, where ${expected} was expected`).toBe(answerFor(expected));
      if (expected === "allowed") expect(observation.tookEffect, `${actor}'s request was answered as allowed but did not take effect: ${JSON.stringify(observation)}`).toBe(true);
      else expect(observation.after, `${actor}'s ${expected} request changed what it must not`).toEqual(observation.before);
    });
  });
});

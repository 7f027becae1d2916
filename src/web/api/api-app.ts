/**
 * The JSON API at /api/v1: read works, chapters, tags and series with the pages' visibility; post, edit, add
 * chapters, leave kudos, comment and bookmark with a token of write scope; /api/v1/openapi.json describes every
 * route, generated from the zod schemas the routes validate with. Answers are JSON, problems RFC 9457
 * problem+json; GETs carry an ETag and vary by Authorization, the only thing that says who is asking.
 */
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { z } from "@hono/zod-openapi";
import { NotFoundError } from "../../domain/errors.js";
import type { RouteDeps } from "../env.js";
import { refuseNul } from "../nul-guard.js";
import { siteOrigin } from "../request.js";
import { WORK_FORM_MAX_BYTES } from "../routes/posting.js";
import { identifyCaller, requireWriter } from "./caller.js";
import type { ApiEnv } from "./env.js";
import { problemResponse } from "./problems.js";
import { BEARER } from "./route-parts.js";
import { apiRouter } from "./router.js";
import { communityRoutes } from "./routes/community.js";
import { tagAndSeriesRoutes } from "./routes/tags-series.js";
import { workReadRoutes } from "./routes/works-read.js";
import { workWriteRoutes } from "./routes/works-write.js";

export const API_BASE = "/api/v1";

/** Whether a request's path is the API's: its base, or under it. */
export function isApiPath(path: string): boolean {
  return path === API_BASE || path.startsWith(`${API_BASE}/`);
}
const OPENAPI_PATH = "/openapi.json";

/** A comment's or a bookmark's JSON: the pages' limit for their forms. */
const API_BODY_BYTES = 256 * 1024;

/** Posting a work, editing one and adding a chapter carry chapters: the work form's limit. */
function bodyLimitOf(c: Context<ApiEnv>): number {
  const path = c.req.path.slice(API_BASE.length);
  const carriesChapters = (c.req.method === "POST" && (path === "/works" || /^\/works\/\d+\/chapters$/u.test(path))) || (c.req.method === "PATCH" && /^\/works\/\d+$/u.test(path));
  return carriesChapters ? WORK_FORM_MAX_BYTES : API_BODY_BYTES;
}

export function apiRoutes(deps: RouteDeps) {
  const api = apiRouter();

  api.use(identifyCaller(deps));
  // Before any body is read or validated: a request that changes something needs a token that may write, and
  // counts against its account's writes (the same window as the pages').
  api.use(async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") deps.countWrite(requireWriter(c).id);
    await next();
  });
  api.use((c, next) => {
    const maxSize = bodyLimitOf(c);
    return bodyLimit({ maxSize, onError: () => {
      throw new HTTPException(413, { message: `That body is too large: this route takes up to ${Math.round(maxSize / 1024)} KB.` });
    } })(c, next);
  });
  api.use(refuseNul());
  api.use(async (c, next) => {
    await next();
    if (c.req.method === "GET" || c.req.method === "HEAD") {
      c.header("Cache-Control", "private, no-cache");
      c.header("Vary", "Authorization");
    }
  });
  api.use(etag({ weak: true }));

  api.route("/", workReadRoutes(deps));
  api.route("/", workWriteRoutes(deps));
  api.route("/", communityRoutes(deps));
  api.route("/", tagAndSeriesRoutes(deps));

  api.openAPIRegistry.registerComponent("securitySchemes", BEARER, {
    type: "http", scheme: "bearer", description: "An API token made on /account/tokens: `Authorization: Bearer quire_…`. Reads work without one, as a guest.",
  });
  api.openAPIRegistry.registerPath({
    method: "get", path: OPENAPI_PATH, tags: ["meta"], summary: "This document", security: [{}],
    responses: { 200: { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: z.object({ openapi: z.string() }).passthrough() } } } },
  });
  api.doc31(OPENAPI_PATH, (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Quire API", version: "1",
      description: "The archive's works, chapters, tags and series, and posting, kudos, comments and bookmarks, with the same visibility rules and limits as the pages. docs/api.md has examples.",
    },
    servers: [{ url: `${siteOrigin(c)}${API_BASE}` }],
  }));

  api.all("*", () => {
    throw new NotFoundError("This API address");
  });
  api.onError((error, c) => problemResponse(c, error));
  return api;
}

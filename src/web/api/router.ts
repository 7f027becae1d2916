/** A router of API routes: an OpenAPIHono whose requests that fail their schema become one problem answer. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./env.js";
import { validationErrorOf } from "./problems.js";

export function apiRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorOf(result.error);
    },
  });
}

/**
 * The API's one place where errors become answers: each domain error (and Hono's own refusals: a body too
 * large, malformed JSON) as an RFC 9457 problem — `application/problem+json` with the status, a title, the
 * detail, the error's stable code and, for invalid input, what is wrong field by field.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ForbiddenError, NotFoundError, QuireError, RateLimitedError, SignInRequiredError, ValidationError } from "../../domain/errors.js";
import type { z } from "@hono/zod-openapi";
import type { Problem } from "./schemas.js";

export const PROBLEM_TYPE = "application/problem+json";

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 413: "Content Too Large", 415: "Unsupported Media Type",
  422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
};

function problem(status: ContentfulStatusCode, code: string, detail: string, errors?: Readonly<Record<string, string>>): z.infer<typeof Problem> {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, code, ...(errors ? { errors: { ...errors } } : {}) };
}

/** Sends the problem with its media type and the headers it needs. */
function sendProblem(c: Context, status: ContentfulStatusCode, body: z.infer<typeof Problem>, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status, { ...headers, "Content-Type": PROBLEM_TYPE });
}

/** The answer to an error a route or service threw; anything unforeseen is logged and answered with a bare 500. */
export function problemResponse(c: Context, error: unknown): Response {
  if (error instanceof ValidationError) return sendProblem(c, 422, problem(422, error.code, error.message, error.fields));
  if (error instanceof NotFoundError) return sendProblem(c, 404, problem(404, error.code, error.message));
  if (error instanceof SignInRequiredError) {
    return sendProblem(c, 401, problem(401, error.code, `${error.message} Send an API token: Authorization: Bearer <token>.`), { "WWW-Authenticate": 'Bearer realm="quire"' });
  }
  if (error instanceof ForbiddenError) return sendProblem(c, 403, problem(403, error.code, error.message));
  if (error instanceof RateLimitedError) return sendProblem(c, 429, problem(429, error.code, error.message), { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof HTTPException) {
    return sendProblem(c, error.status, problem(error.status, "refused", error.message || TITLES[error.status] || "The request was refused."));
  }
  console.error(error instanceof QuireError ? error.message : error);
  return sendProblem(c, 500, problem(500, "internal", "The archive could not answer. The error has been logged."));
}

/** zod's issues as ValidationError fields: `chapters.0.text` for the first chapter's text. */
export function validationErrorOf(error: ZodError): ValidationError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "body";
    fields[field] ??= issue.message;
  }
  return new ValidationError(fields);
}

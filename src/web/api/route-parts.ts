/** Pieces every route definition repeats: its security, its problem answers, ids in paths, JSON bodies. */
import { z } from "@hono/zod-openapi";
import { Problem } from "./schemas.js";
import { PROBLEM_TYPE } from "./problems.js";

/** The name the bearer scheme has in the document's components. */
export const BEARER = "bearer";
/** A token is optional: without one the caller reads as a guest. */
export const READ_SECURITY = [{}, { [BEARER]: [] }];
export const WRITE_SECURITY = [{ [BEARER]: [] }];

function problem(description: string) {
  return { description, content: { [PROBLEM_TYPE]: { schema: Problem } } };
}

const UNAUTHORIZED = problem("No API token where one is needed, or an unknown or revoked one; or, for a guest, a work for signed-in users only.");
const NOT_FOUND = problem("No such thing, or none the caller may know of (a draft, a hidden work).");
const INVALID = problem("The input breaks a rule: `errors` says what, field by field.");
const TOO_MANY = problem("Too many requests: `Retry-After` says when to come back.");

/** The problems a read may answer with, each as application/problem+json. */
export const READ_PROBLEMS = { 401: UNAUTHORIZED, 404: NOT_FOUND, 422: INVALID, 429: TOO_MANY };

/** The problems a write may answer with. */
export const WRITE_PROBLEMS = {
  ...READ_PROBLEMS,
  400: problem("The body is not JSON."),
  403: problem("The token may only read, or its account may not do this (suspended; not the work's creator; posting needs an author's account)."),
  413: problem("The body is larger than this route takes."),
  415: problem("The body is not sent as application/json."),
};

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

/** Ids as the path has them; the handler reads them with parseId, so that anything but an id is simply not found. */
export const WorkIdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "12", description: "The work's id." }) });

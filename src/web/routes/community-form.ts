/** How the community's routes read what a request sends: form bodies through zod, page numbers, return addresses. */
import type { Context } from "hono";
import type { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import type { Visitor } from "../../services/community/visitor.js";
import type { WebEnv } from "../env.js";
import { clientAddress, localReturnPath } from "../request.js";

/** The form body as the schema reads it (repeated fields as arrays). @throws ValidationError naming what could not be read. */
export async function readForm<T extends z.ZodType>(c: Context<WebEnv>, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.parseBody({ all: true }));
  if (parsed.success) return parsed.data;
  throw new ValidationError(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "form", issue.message])));
}

/** The person making the request, as the community's services know them. */
export function visitorOf(c: Context<WebEnv>): Visitor {
  return { viewer: c.get("page").viewer, address: clientAddress(c) };
}

/** `?page=N` from 1; anything else is the first page. */
export function pageNumber(c: Context<WebEnv>): number {
  const n = Number(c.req.query("page"));
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Where a form sends the reader back: its `return` field when that is a path on this site, else the fallback. */
export function returnPath(value: string | undefined, fallback: string): string {
  return value ? localReturnPath(value) : fallback;
}

/**
 * No text the archive stores can hold a NUL character: PostgreSQL refuses one in any query (a 500 where SQLite
 * would store it), and no name, comment or chapter needs one. So an address, a form or a JSON body that holds one
 * is refused at the door, the same on both engines. Uploaded files are not text fields: a story file may hold any
 * bytes, and its importer reads them.
 */
import type { Context, MiddlewareHandler } from "hono";
import { ValidationError } from "../domain/errors.js";
import { isFormBody, mediaTypeOf } from "./request.js";

const NUL = "\u0000";

/** The name of the first field (of a form or JSON body, however nested) whose text holds a NUL, or null. */
export function fieldWithNul(value: unknown, name = "body"): string | null {
  if (typeof value === "string") return value.includes(NUL) ? name : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = fieldWithNul(item, name);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithNul(item, key);
      if (found) return found;
    }
  }
  return null;
}

/** The body as the routes will read it: a body they read as a form or JSON must not pass here unread. */
async function bodyOf(c: Context): Promise<unknown> {
  if (isFormBody(c)) return c.req.parseBody({ all: true });
  if (/^application\/(?:[\w.-]+\+)?json$/u.test(mediaTypeOf(c))) {
    try {
      return JSON.parse(await c.req.text());
    } catch {
      // Malformed JSON is for the route's own validation to answer.
      return null;
    }
  }
  return null;
}

/**
 * Refuses a request whose address or text fields hold a NUL.
 * @throws ValidationError naming the field (an address: `address`).
 */
export function refuseNul(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (/%00/u.test(`${url.pathname}${url.search}`)) throw new ValidationError({ address: "This address holds a NUL character (%00), which nothing in the archive can." });
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const field = fieldWithNul(await bodyOf(c));
      if (field) throw new ValidationError({ [field]: `The field ${field} holds a NUL character, which no text in the archive can.` });
    }
    await next();
  };
}

/**
 * A program calling the JSON API in process: its token (or none, as a guest), JSON bodies, and the client
 * address the app believes (it runs behind a trusted proxy in the community fixture).
 */
import type { z } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { ApiTokenScope } from "../../src/domain/account.js";
import type { Database } from "../../src/db/schema.js";
import { createApiToken } from "../../src/services/accounts/api-tokens.js";
import type { createApp } from "../../src/web/app.js";
import type { TestAccount } from "./accounts.js";
import { TODAY } from "./web-library.js";

type App = ReturnType<typeof createApp>;

export class ApiClient {
  constructor(private readonly app: App, readonly token: string | null = null, private readonly address = "192.0.2.10") {}

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const sent: Record<string, string> = { "X-Forwarded-For": this.address, ...headers };
    if (this.token) sent.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) sent["Content-Type"] = "application/json";
    return Promise.resolve(this.app.request(`http://localhost/api/v1${path}`, { method, headers: sent, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  }

  get(path: string): Promise<Response> {
    return this.request("GET", path);
  }

  post(path: string, body?: unknown): Promise<Response> {
    return this.request("POST", path, body ?? {});
  }

  patch(path: string, body: unknown): Promise<Response> {
    return this.request("PATCH", path, body);
  }
}

/** A token of the account's, made as the tokens page makes one. */
export async function tokenFor(db: Kysely<Database>, account: TestAccount, scope: ApiTokenScope = "write"): Promise<string> {
  return (await createApiToken(db, { id: account.userId, login: account.login, role: "author", suspended: false, suspendedUntil: null }, { name: `${account.login}'s ${scope} token`, scope }, TODAY)).token;
}

/** The answer's body read with the API's own schema for it (so a test also checks the answer has its declared shape). */
export async function bodyAs<T extends z.ZodType>(schema: T, response: Response, status = 200): Promise<z.infer<T>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return schema.parse(JSON.parse(text));
}

/**
 * A browser for in-process web tests: keeps the cookies the app sets, sends them back, and fills in the CSRF
 * token on every POST as a page's form would (unless a test leaves it out on purpose).
 */
import type { Hono } from "hono";
import type { WebEnv } from "../../src/web/env.js";

type App = Hono<WebEnv>;

export class WebClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: App, private readonly origin = "http://localhost") {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await this.app.request(`${this.origin}${path}`, { headers: { ...headers, Cookie: this.cookieHeader() } }));
  }

  /**
   * Posts the fields as a form from this site. `csrf: false` leaves the token out; a string sends that one.
   * A GET first gives a new client its CSRF cookie, as opening the page with the form would.
   */
  async post(path: string, fields: Record<string, string | string[]> | FormData = {}, options: { csrf?: boolean | string; origin?: string } = {}): Promise<Response> {
    if (!this.cookies.has("quire_csrf")) await this.get("/preferences");
    const token = typeof options.csrf === "string" ? options.csrf : this.cookies.get("quire_csrf") ?? "";
    let body: FormData | URLSearchParams;
    if (fields instanceof FormData) {
      body = fields;
      if (options.csrf !== false) body.set("_csrf", token);
    } else {
      body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      if (options.csrf !== false) body.set("_csrf", token);
    }
    return this.keep(await this.app.request(`${this.origin}${path}`, { method: "POST", body, headers: { Origin: options.origin ?? this.origin, Cookie: this.cookieHeader() } }));
  }

  /** The page after following a 303 from a POST or GET, as a browser would. */
  async follow(response: Response): Promise<Response> {
    const location = response.headers.get("Location");
    if (!location || response.status < 300 || response.status >= 400) return response;
    return this.get(new URL(location, this.origin).pathname + new URL(location, this.origin).search);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(response: Response): Response {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/iu.test(a) || /^\s*expires=.*1970/iu.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

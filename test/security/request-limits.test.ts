/**
 * The site-wide limits (web/request-limits.tsx): requests per client address on every surface, writes per
 * account over the pages and the API together, and the 429 each surface answers with — on both engines, since
 * the writes are an account's.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import type { RequestLimits } from "../../src/web/request-limits.js";
import { DEFAULT_LIMITS } from "../../src/web/request-limits.js";
import { makeAccount, signInAs } from "../support/accounts.js";
import { ApiClient, tokenFor } from "../support/api-client.js";
import { fromAddress } from "../support/community.js";
import { TEST_ENGINES } from "../support/databases.js";
import { WebClient } from "../support/web-client.js";
import { TODAY, webDeps, webWorksPerSuite } from "../support/web-library.js";

function limitedApp(quire: Quire, limits: RequestLimits, clock: { now: Date }) {
  return createApp({ ...webDeps(quire), trustProxy: true, limits, now: () => clock.now });
}

function expectRetryAfter(response: Response): number {
  const seconds = Number(response.headers.get("Retry-After"));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  return seconds;
}

describe.each(TEST_ENGINES)("request limits on $name", (engine) => {
  const library = webWorksPerSuite(engine);

  it("limits each client address over every surface but the assets, with the surface's own 429", async () => {
    const { quire, ids } = library();
    const clock = { now: TODAY };
    const app = limitedApp(quire, { requestsPerMinute: 4, writesPerMinute: 0 }, clock);
    const guest = new WebClient(fromAddress(app, "203.0.113.7"));
    const home = await guest.get("/");
    const asset = /href="(\/assets\/[^"]+\.css)"/u.exec(await home.text())?.[1] ?? "";
    expect(asset).not.toBe("");
    for (const path of ["/works", `/works/${ids.orchard}`, "/opds"]) expect((await guest.get(path)).status).toBe(200);
    // The stylesheet costs nothing against the limit, however often it is fetched.
    for (let i = 0; i < 6; i++) expect((await guest.get(asset)).status).toBe(200);

    const page = await guest.get("/works");
    expect(page.status).toBe(429);
    expect(expectRetryAfter(page)).toBe(60);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/u);
    const html = await page.text();
    expect(html).toContain("<title>Too many requests");
    expect(html).toContain("Too many requests from your address");
    expect(html).toContain("You can try again in 1 minute.");
    expect(html).toContain('rel="stylesheet"');
    expect(page.headers.get("Content-Security-Policy")).toContain("default-src 'self'");

    const api = await guest.get("/api/v1/works");
    expect(api.status).toBe(429);
    expect(api.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 429, code: "rate-limited" });
    expectRetryAfter(api);
    // The API's base itself is the API's too.
    expect((await guest.get("/api/v1")).headers.get("Content-Type")).toBe("application/problem+json");

    for (const path of ["/opds", "/works/search/feed.atom"]) {
      const plain = await guest.get(path);
      expect(plain.status).toBe(429);
      expect(plain.headers.get("Content-Type")).toMatch(/^text\/plain/u);
      expect(await plain.text()).toContain("try again in");
    }
    // A person who opened the catalog in a browser gets the page.
    expect((await guest.get("/opds", { "Sec-Fetch-Mode": "navigate" })).headers.get("Content-Type")).toMatch(/^text\/html/u);

    // Another address has its own window, and the first one's empties as the minute passes.
    expect((await new WebClient(fromAddress(app, "203.0.113.8")).get("/works")).status).toBe(200);
    clock.now = new Date(TODAY.getTime() + 60_000);
    expect((await guest.get("/works")).status).toBe(200);
  });

  it("counts a client behind the trusted proxy by the address the proxy saw, whatever X-Forwarded-For the client sent", async () => {
    const { quire } = library();
    const app = limitedApp(quire, { requestsPerMinute: 3, writesPerMinute: 0 }, { now: TODAY });
    // The proxy appends the address it saw to the header the client sent, as nginx's $proxy_add_x_forwarded_for does.
    const throughProxy = (claimed: string) => app.request("http://localhost/works", { headers: { "X-Forwarded-For": `${claimed}, 203.0.113.9` } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await throughProxy(`10.0.0.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // A proxy that replaces the header sends one address, the one it saw: that is the client's.
    expect((await app.request("http://localhost/works", { headers: { "X-Forwarded-For": "203.0.113.10" } })).status).toBe(200);
  });

  it("counts an IPv6 client by its /64, so new addresses from one network share its limit", async () => {
    const { quire } = library();
    const app = limitedApp(quire, { requestsPerMinute: 3, writesPerMinute: 0 }, { now: TODAY });
    const from = (address: string) => app.request("http://localhost/works", { headers: { "X-Forwarded-For": address } });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await from(`2001:db8:aa:bb::${i.toString(16)}:${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await from("2001:db8:aa:bc::1")).status).toBe(200);
  });

  it("limits an account's writes over the pages and the API together, and no one else's", async () => {
    const { quire, ids } = library();
    const clock = { now: TODAY };
    const app = limitedApp(quire, { requestsPerMinute: 0, writesPerMinute: 3 }, clock);
    const writer = await makeAccount(quire.library.db, `writer_${engine.name}`);
    const other = await makeAccount(quire.library.db, `other_${engine.name}`);
    const browser = new WebClient(fromAddress(app, "198.51.100.20"));
    await signInAs(quire.library.db, browser, writer);
    const script = new ApiClient(app, await tokenFor(quire.library.db, writer));

    expect((await browser.post(`/works/${ids.orchard}/kudos`)).status).toBe(303);
    expect((await script.post(`/works/${ids.lanterns}/kudos`)).status).toBeLessThan(300);
    expect((await browser.post(`/works/${ids.tide}/kudos`)).status).toBe(303);

    // The fourth write, from either side, is one too many.
    const page = await browser.post(`/works/${ids.uhr}/kudos`);
    expect(page.status).toBe(429);
    expectRetryAfter(page);
    expect(await page.text()).toContain("Too many changes from your account");
    const api = await script.post(`/works/${ids.uhr}/kudos`);
    expect(api.status).toBe(429);
    expect(api.headers.get("Content-Type")).toBe("application/problem+json");
    expectRetryAfter(api);
    const kudos = await quire.library.db.selectFrom("kudos").select("work_id").where("user_id", "=", writer.userId).execute();
    expect(kudos.map((k) => k.work_id).sort((a, b) => a - b)).toEqual([ids.orchard, ids.lanterns, ids.tide].sort((a, b) => a - b));

    // Reading goes on; another account, and a guest at the same address, write as before.
    expect((await browser.get(`/works/${ids.uhr}`)).status).toBe(200);
    const otherBrowser = new WebClient(fromAddress(app, "198.51.100.20"));
    await signInAs(quire.library.db, otherBrowser, other);
    expect((await otherBrowser.post(`/works/${ids.uhr}/kudos`)).status).toBe(303);
    clock.now = new Date(TODAY.getTime() + 60_000);
    expect((await browser.post(`/works/${ids.uhr}/kudos`)).status).toBe(303);
  });

  it("lets a busy reader through with the defaults: three requests a second for a minute, a tenth of them writes", async () => {
    const { quire, ids } = library();
    const clock = { now: TODAY };
    const app = limitedApp(quire, DEFAULT_LIMITS, clock);
    const reader = await makeAccount(quire.library.db, `busy_${engine.name}`);
    const browser = new WebClient(fromAddress(app, "198.51.100.30"));
    await signInAs(quire.library.db, browser, reader);
    const works = Object.values(ids);
    const statuses = new Set<number>();
    for (let i = 0; i < 180; i++) {
      clock.now = new Date(TODAY.getTime() + Math.floor(i * 1000 / 3));
      const work = works[i % works.length] ?? ids.orchard;
      const response = i % 10 === 9 ? await browser.post(`/works/${work}/bookmark`, { notes: `read ${i}`, tags: "" }) : await browser.get(i % 5 === 0 ? `/works?page=${i % 3 + 1}` : `/works/${work}`);
      statuses.add(response.status);
    }
    expect([...statuses].filter((s) => s >= 400)).toEqual([]);
  });
});

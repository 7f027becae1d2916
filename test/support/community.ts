/**
 * The community's web tests: the sample works, accounts that own some of them (Pim Okafor's one-shot and
 * crossover, Wren Tallow's lanterns and letters), browsers for readers and for guests at addresses of their own,
 * and a clock a test can move on.
 */
import { Hono } from "hono";
import type { Quire } from "../../src/composition.js";
import type { Role } from "../../src/domain/account.js";
import type { MailMessage } from "../../src/services/mail/mailer.js";
import { createApp } from "../../src/web/app.js";
import type { WebEnv } from "../../src/web/env.js";
import { makeAccount, signInAs, type TestAccount } from "./accounts.js";
import { WebClient } from "./web-client.js";
import { storeWebWorks, TODAY, webDeps, type WebWorkKey } from "./web-library.js";

type App = ReturnType<typeof createApp>;

export interface CommunityFixture {
  quire: Quire;
  db: Quire["library"]["db"];
  ids: Record<WebWorkKey, number>;
  app: App;
  outbox: MailMessage[];
  /** What deps.now() answers: set it to move the archive's clock. */
  clock: { now: Date };
  /** Pim Okafor's account: the creator of "A Ladder in the Orchard" (a one-shot) and "Crossing the Orchard Harbour". */
  pim: TestAccount;
  /** Wren Tallow's account: the creator of "Three Lanterns" (three chapters, Explicit) and "Low Tide Letters". */
  wren: TestAccount;
  /** A new account, with a browser signed in to it. */
  reader(login: string, role?: Role): Promise<{ account: TestAccount; client: WebClient }>;
  /** A browser signed in to an account. */
  signedIn(account: TestAccount): Promise<WebClient>;
  /** A guest's browser, from its own address (the app believes X-Forwarded-For, as behind a trusted proxy). */
  guest(address?: string): WebClient;
}

/** Makes the author of that name a pseud of the account, so the account is the creator of the author's works. */
async function claimAuthor(quire: Quire, name: string, account: TestAccount): Promise<void> {
  await quire.library.db.updateTable("authors").set({ user_id: account.userId }).where("name", "=", name).execute();
}

/** The app, as reached by a client at the address. */
export function fromAddress(app: App, address: string): App {
  const front = new Hono<WebEnv>();
  front.all("*", (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set("X-Forwarded-For", address);
    return app.fetch(new Request(c.req.raw, { headers }));
  });
  return front;
}

export async function communityFixture(quire: Quire): Promise<CommunityFixture> {
  const ids = await storeWebWorks(quire);
  const outbox: MailMessage[] = [];
  const clock = { now: TODAY };
  const app = createApp({ ...webDeps(quire, outbox), now: () => clock.now, trustProxy: true });
  const db = quire.library.db;
  const [pim, wren] = await Promise.all([makeAccount(db, "pim"), makeAccount(db, "wren")]);
  await claimAuthor(quire, "Pim Okafor", pim);
  await claimAuthor(quire, "Wren Tallow", wren);
  const signedIn = async (account: TestAccount) => {
    const client = new WebClient(fromAddress(app, `198.51.100.${account.userId}`));
    await signInAs(db, client, account);
    return client;
  };
  return {
    quire, db, ids, app, outbox, clock, pim, wren, signedIn,
    reader: async (login, role = "reader") => {
      const account = await makeAccount(db, login, role);
      return { account, client: await signedIn(account) };
    },
    guest: (address = "203.0.113.1") => new WebClient(fromAddress(app, address)),
  };
}

/** The page's HTML after a GET, which must succeed. */
export async function pageHtml(client: WebClient, path: string): Promise<string> {
  const response = await client.get(path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response.text();
}

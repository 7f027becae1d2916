/** An app over the library, a guest's browser and a signed-in browser for each account given, by the names given. */
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { signInAs, type TestAccount } from "./accounts.js";
import { WebClient } from "./web-client.js";
import { TODAY, webDeps } from "./web-library.js";

export async function webActors<K extends string>(quire: Quire, accounts: Readonly<Record<K, TestAccount>>): Promise<{ app: ReturnType<typeof createApp>; clients: Record<K | "guest", WebClient> }> {
  const app = createApp({ ...webDeps(quire), now: () => TODAY });
  const clients = { guest: new WebClient(app) } as Record<K | "guest", WebClient>;
  for (const [name, account] of Object.entries(accounts) as [K, TestAccount][]) {
    clients[name] = new WebClient(app);
    await signInAs(quire.library.db, clients[name], account, TODAY);
  }
  return { app, clients };
}

/**
 * A scene for the review desk's route tests: the web app over a library whose works `store` puts there, and an
 * account of each role (reader, author, moderator, admin) to send requests as, signed in.
 */
import type { Quire } from "../../src/composition.js";
import { createApp } from "../../src/web/app.js";
import { makeAccount, signInAs, type TestAccount } from "./accounts.js";
import { WebClient } from "./web-client.js";
import { TODAY, webDeps } from "./web-library.js";

export interface DeskScene<Key extends string> {
  quire: Quire;
  ids: Record<Key, number>;
  accounts: Record<"reader" | "author" | "moderator" | "admin", TestAccount>;
  as(account: TestAccount): Promise<WebClient>;
  guest(): WebClient;
}

export async function deskScene<Key extends string>(quire: Quire, store: (quire: Quire) => Promise<Record<Key, number>>): Promise<DeskScene<Key>> {
  const app = createApp(webDeps(quire));
  const { db } = quire.library;
  const ids = await store(quire);
  const [reader, author, moderator, admin] = await Promise.all([
    makeAccount(db, "Reader", "reader"), makeAccount(db, "Author", "author"), makeAccount(db, "Archivist", "moderator"), makeAccount(db, "Admin", "admin"),
  ]);
  return {
    quire, ids, accounts: { reader, author, moderator, admin },
    guest: () => new WebClient(app),
    as: async (account) => {
      const client = new WebClient(app);
      await signInAs(db, client, account, TODAY);
      return client;
    },
  };
}

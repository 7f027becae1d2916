/**
 * A small archive for the web tests, stored through the store's own insertWork: works chosen to exercise the
 * pages — a three-chapter Explicit work with chapter and end notes, a general-audiences one-shot, a Mature work
 * in a series, a German work, a crossover — with every text original to these tests.
 */
import type { Quire } from "../../src/composition.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { createMailer, type MailMessage } from "../../src/services/mail/mailer.js";
import { loadAssets } from "../../src/web/assets.js";
import type { WebDeps } from "../../src/web/env.js";
import { freshQuirePerSuite, type TestEngine } from "./databases.js";
import { chapter, parsedWork, toStore } from "../factories.js";

export const OWNER_KEY = "test-owner-key-0123456789";
/** Relative dates in the tests are read against this day. */
export const TODAY = new Date("2026-11-30T12:00:00Z");

export const WEB_WORKS = {
  lanterns: parsedWork({
    title: "Three Lanterns",
    authors: ["Wren Tallow"],
    fandoms: ["Moonlit Harbour (TV)"],
    rating: "Explicit",
    warnings: ["No Archive Warnings Apply"],
    categories: ["F/F"],
    relationships: ["Mara Quell/Ilse Brand"],
    characters: ["Mara Quell", "Ilse Brand"],
    freeforms: ["Slow Burn", "Lighthouses"],
    summary: "Three nights, three lanterns, and a keeper who will not say why she lights them.",
    notes: "Written for a winter exchange.",
    endNotes: "Thank you for reading to the last lantern.",
    status: "complete",
    published: "2021-03-01",
    updated: "2021-04-12",
    chapters: [
      chapter("The first lantern was green, and Mara lit it at dusk without a word to anyone on the quay.", { number: 1, title: "Green", notes: "The harbour in this chapter is invented." }),
      chapter("The second lantern was amber. Ilse counted the boats that came home under it and found one too many.", { number: 2, title: "Amber" }),
      chapter("The third lantern was white, and by its light the two of them finally argued it out on the stairs.", { number: 3, title: "White", endNotes: "The stairs have 114 steps." }),
    ],
  }),
  orchard: parsedWork({
    title: "A Ladder in the Orchard",
    authors: ["Pim Okafor"],
    fandoms: ["Glass Orchard (Books)"],
    rating: "General Audiences",
    warnings: ["No Archive Warnings Apply"],
    categories: ["Gen"],
    characters: ["Tobias Wren"],
    freeforms: ["Fluff"],
    summary: "Tobias fixes a ladder. The ladder has opinions.",
    status: "complete",
    published: "2019-06-20",
    chapters: ["Tobias carried the ladder out to the glass trees every morning, and every morning it leaned a little further to the left."],
  }),
  tide: parsedWork({
    title: "Low Tide Letters",
    authors: ["Wren Tallow"],
    fandoms: ["Moonlit Harbour (TV)"],
    rating: "Mature",
    warnings: ["Major Character Death"],
    categories: ["Gen"],
    characters: ["Mara Quell"],
    freeforms: ["Angst", "Epistolary"],
    summary: "Letters left in a bottle at the lowest tide of the year.",
    status: "in-progress",
    published: "2022-01-05",
    series: [{ name: "Harbour Letters", part: 1 }],
    chapters: ["Dear whoever finds this: the tide went out so far today that I walked to the old wreck and back."],
  }),
  uhr: parsedWork({
    title: "Die Leuchtturmuhr",
    authors: ["Jonas Feld"],
    fandoms: ["Moonlit Harbour (TV)"],
    rating: "Teen And Up Audiences",
    warnings: ["Creator Chose Not To Use Archive Warnings"],
    freeforms: ["Angst"],
    language: "de",
    status: "complete",
    published: "2018-11-11",
    chapters: ["Die Uhr im Leuchtturm ging jeden Tag drei Minuten nach, und niemand wollte sie stellen."],
  }),
  crossing: parsedWork({
    title: "Crossing the Orchard Harbour",
    authors: ["Pim Okafor"],
    fandoms: ["Moonlit Harbour (TV)", "Glass Orchard (Books)"],
    rating: "Teen And Up Audiences",
    warnings: ["No Archive Warnings Apply"],
    categories: ["Gen"],
    characters: ["Mara Quell", "Tobias Wren"],
    freeforms: ["Crossover", "Fluff"],
    status: "complete",
    published: "2023-08-08",
    series: [{ name: "Harbour Letters", part: 2 }],
    chapters: ["When the ferry put in at the orchard's jetty, Mara and Tobias looked at each other and agreed to say nothing."],
  }),
} as const;

export type WebWorkKey = keyof typeof WEB_WORKS;

/** Stores the works and returns each one's id by key. */
export async function storeWebWorks(quire: Quire): Promise<Record<WebWorkKey, number>> {
  const { db, engine } = quire.library;
  const ids: Partial<Record<WebWorkKey, number>> = {};
  await engine.writeTransaction(db, async (trx) => {
    for (const [key, work] of Object.entries(WEB_WORKS)) ids[key as WebWorkKey] = await insertWork(trx, engine, toStore(work), "2026-11-01T00:00:00.000Z");
  });
  await refreshWorkFilters(db, Object.values(ids));
  return ids as Record<WebWorkKey, number>;
}

/** The app's dependencies over the test library; mail lands in `outbox`, where a test can read it. */
export function webDeps(quire: Quire, outbox: MailMessage[] = []): WebDeps {
  return {
    db: quire.library.db, engine: quire.library.engine, searchIndex: quire.searchIndex, assets: loadAssets(), ownerKey: OWNER_KEY, now: () => TODAY, trustProxy: false,
    // The origin app.request() gives a path, standing for the address the server listens on (none configured).
    publicOrigin: { url: "http://localhost", configured: false },
    mailer: createMailer({ kind: "memory", outbox }), siteSecret: "test-site-secret",
    // Off: a test calls the app in process (every request from the one address "local") far faster than any reader,
    // on a clock that often stands still. test/security/request-limits.test.ts turns them on.
    limits: { requestsPerMinute: 0, writesPerMinute: 0 },
  };
}

/**
 * A library holding the web works on the engine, made once for the describe block (call it there); the function
 * it returns gives the library and the works' ids in a test.
 */
export function webWorksPerSuite(engine: TestEngine): () => { quire: Quire; ids: Record<WebWorkKey, number> } {
  let library: { quire: Quire; ids: Record<WebWorkKey, number> } | undefined;
  freshQuirePerSuite(engine, async (quire) => {
    library = { quire, ids: await storeWebWorks(quire) };
  });
  return () => {
    if (!library) throw new Error("the library exists only during the suite's tests");
    return library;
  };
}

/**
 * Challenges in a real browser (Debian's Chromium through playwright-core), without JavaScript, since every page
 * must work without it: a maintainer starts a gift exchange, three participants sign up with requests and offers,
 * the maintainer runs the matching and sends the assignments, a participant posts the gift through the posting
 * form and hands it in, the maintainer reveals the works, and the recipient finds the gift; and a prompt meme's
 * prompt, claim and fill. Every request a page makes must succeed.
 *
 * The server runs in this process on a fresh SQLite library, its clock standing at web-library.ts's TODAY. Where
 * Chromium is not installed the tests skip with the reason printed (and under CI=true the skip fails the run).
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, test } from "vitest";
import { makeAccount, TEST_PASSWORD } from "../support/accounts.js";
import { seriousViolationsWithoutScript } from "../support/axe.js";
import { useBrowserServer } from "../support/browser-server.js";

const harness = useBrowserServer();
/** Requests answered with an error, by any page of the test. */
let failed: string[] = [];

afterEach(() => {
  const found = failed;
  failed = [];
  expect(found, "requests answered with an error").toEqual([]);
});

interface Reader {
  page: Page;
  open(path: string): Promise<void>;
  /** Clicks the button and waits for the page the form leads to. */
  press(name: string): Promise<void>;
  /** Fails on axe's serious or critical findings on the page as it stands. */
  audit(): Promise<void>;
}

/** A new browser without JavaScript, signed in as the account made here. */
async function signedIn(login: string, role: "author" | "reader" = "author"): Promise<Reader> {
  await makeAccount(harness.quire().library.db, login, role);
  const base = harness.url();
  const context = await harness.browser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  const reader: Reader = {
    page,
    open: async (path) => {
      await page.goto(new URL(path, base).href);
    },
    press: async (name) => {
      const loaded = page.waitForEvent("load");
      await page.getByRole("button", { name, exact: true }).click();
      await loaded;
    },
    audit: async () => {
      expect(await seriousViolationsWithoutScript(harness.browser(), page), `axe on ${page.url()}`).toEqual([]);
    },
  };
  await reader.open("/login");
  await page.getByLabel("User name or e-mail address").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
  await reader.press("Sign in");
  return reader;
}

async function startChallenge(maintainer: Reader, fields: { name: string; title: string; kind: "Gift exchange" | "Prompt meme"; worksRevealAt?: string }): Promise<void> {
  const { page } = maintainer;
  await maintainer.open("/challenges/new");
  await maintainer.audit();
  await page.getByLabel("Collection name").fill(fields.name);
  await page.getByLabel("Title", { exact: true }).fill(fields.title);
  await page.getByLabel(fields.kind).check();
  if (fields.worksRevealAt) await page.getByLabel("Works revealed").fill(fields.worksRevealAt);
  await maintainer.press("Start the challenge");
  expect(new URL(page.url()).pathname).toBe(`/collections/${fields.name}/challenge`);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(fields.title);
}

/** Posts a one-chapter work through the posting form, as its author would. */
async function postWork(author: Reader, work: { title: string; fandom: string; text: string }): Promise<string> {
  const { page } = author;
  await author.open("/works/new");
  await page.locator("input[name='title']").fill(work.title);
  await page.getByLabel("Rating (required)").selectOption("General Audiences");
  await page.getByLabel("No Archive Warnings Apply").check();
  await page.locator("input[name='fandoms']").fill(work.fandom);
  await page.locator("textarea[name$='[text]']").first().fill(work.text);
  await author.press("Post");
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/works\/\d+$/u);
  return path;
}

describe("a gift exchange in the browser", () => {
  test("runs from sign-ups through matching and assignments to the recipient finding the revealed gift", async () => {
    const maintainer = await signedIn("Exchange_Keeper");
    // A month after TODAY: unrevealed until the maintainer reveals early.
    await startChallenge(maintainer, { name: "Lantern_Swap", title: "Lantern Swap", kind: "Gift exchange", worksRevealAt: "2026-12-31T12:00" });

    // Each offers what the next one asks for: Ash → Cal, Bee → Ash, Cal → Bee is the only matching of all three.
    const signups = [
      { login: "Ash_Lamp", offer: "Harbour Lights", request: "Salt Roads" },
      { login: "Bee_Lamp", offer: "Salt Roads", request: "Orchard Year" },
      { login: "Cal_Lamp", offer: "Orchard Year", request: "Harbour Lights" },
    ];
    const readers = new Map<string, Reader>();
    for (const s of signups) {
      const reader = await signedIn(s.login);
      readers.set(s.login, reader);
      await reader.open("/collections/Lantern_Swap/challenge");
      const loaded = reader.page.waitForEvent("load");
      await reader.page.getByRole("link", { name: "Sign up" }).click();
      await loaded;
      if (s.login === "Ash_Lamp") await reader.audit();
      await reader.page.getByLabel("Request 1: Fandoms").fill(s.request);
      await reader.page.getByLabel("Offer 1: Fandoms").fill(s.offer);
      await reader.press("Sign up");
      expect(await reader.page.getByRole("status").innerText()).toContain("You have signed up");
    }

    await maintainer.open("/collections/Lantern_Swap/signups");
    expect(await maintainer.page.getByRole("heading", { name: "3 sign-ups" }).isVisible()).toBe(true);
    expect(await maintainer.page.getByRole("heading", { name: "3 potential matches" }).isVisible()).toBe(true);
    await maintainer.press("Run the matching");
    const assignments = maintainer.page.locator("ul.assignments li");
    expect(await assignments.allInnerTexts()).toEqual(["Bee_Lamp → Ash_Lamp: being written", "Cal_Lamp → Bee_Lamp: being written", "Ash_Lamp → Cal_Lamp: being written"]);
    await maintainer.press("Run the matching again");
    expect(await assignments.count()).toBe(3);
    await maintainer.audit();
    await maintainer.press("Send the assignments");
    expect(await maintainer.page.getByRole("heading", { name: "Assignments (sent)" }).isVisible()).toBe(true);

    // Ash writes for Cal: posts the gift through the posting form, then hands it in.
    const ash = readers.get("Ash_Lamp");
    if (!ash) throw new Error("no Ash");
    await ash.open("/collections/Lantern_Swap/assignments");
    expect(await ash.page.getByRole("heading", { name: "Your gift for Cal_Lamp" }).isVisible()).toBe(true);
    expect(await ash.page.locator("section.assignment").innerText()).toContain("Fandoms: Harbour Lights");
    await ash.audit();
    const giftPath = await postWork(ash, { title: "The Harbour Wall at Dusk", fandom: "Harbour Lights", text: "The wall held the last of the light, and Wren sat on it until the lamps came on one by one." });
    await ash.open("/collections/Lantern_Swap/assignments");
    await ash.page.getByLabel("Hand in as the gift").selectOption({ label: "The Harbour Wall at Dusk" });
    await ash.press("Hand in the gift");
    expect(await ash.page.locator("section.assignment").innerText()).toContain("Status: fulfilled with The Harbour Wall at Dusk");

    // Before the reveal Cal sees no gift; the maintainer reveals the works; then Cal finds it and reads it.
    const cal = readers.get("Cal_Lamp");
    if (!cal) throw new Error("no Cal");
    await cal.open("/collections/Lantern_Swap/assignments");
    expect(await cal.page.getByText("Gifts are shown once the works are revealed.").isVisible()).toBe(true);
    expect(await cal.page.getByRole("link", { name: "The Harbour Wall at Dusk" }).count()).toBe(0);
    // The collection's unrevealed mode hides the work itself from all but its creator and the maintainers.
    const hidden = await cal.page.goto(new URL(giftPath, harness.url()).href);
    expect(hidden?.status()).toBe(404);
    failed = failed.filter((entry) => !entry.endsWith(`${giftPath}: HTTP 404`));
    await maintainer.open("/collections/Lantern_Swap/signups");
    await maintainer.press("Reveal the works now");
    await cal.open("/collections/Lantern_Swap/assignments");
    expect(await cal.page.locator("ul.gifts").innerText()).toBe("The Harbour Wall at Dusk from Ash_Lamp");
    await cal.audit();
    const loaded = cal.page.waitForEvent("load");
    await cal.page.getByRole("link", { name: "The Harbour Wall at Dusk" }).click();
    await loaded;
    expect(await cal.page.getByRole("heading", { level: 1, name: "The Harbour Wall at Dusk" }).isVisible()).toBe(true);
  });
});

describe("a prompt meme in the browser", () => {
  test("takes a prompt, a claim and a fill", async () => {
    const maintainer = await signedIn("Meme_Keeper");
    await startChallenge(maintainer, { name: "Frost_Meme", title: "Frost Meme", kind: "Prompt meme" });
    await maintainer.page.getByLabel("Fandoms (comma-separated)").fill("Orchard Year");
    await maintainer.page.getByLabel("Prompt", { exact: true }).fill("The first frost takes the late apples.");
    await maintainer.page.getByLabel("Post anonymously").check();
    await maintainer.press("Post the prompt");
    expect(await maintainer.page.locator("ol.prompts").innerText()).toContain("The first frost takes the late apples.");

    // The writer finds the meme from the collections' index.
    const writer = await signedIn("Frost_Writer");
    await writer.open("/collections");
    for (const link of ["Challenges: gift exchanges and prompt memes", "Frost Meme"]) {
      const loaded = writer.page.waitForEvent("load");
      await writer.page.getByRole("link", { name: link }).click();
      await loaded;
    }
    expect(new URL(writer.page.url()).pathname).toBe("/collections/Frost_Meme/challenge");
    expect(await writer.page.getByRole("heading", { name: "Prompt by Anonymous" }).isVisible()).toBe(true);
    await writer.page.getByRole("button", { name: /^Claim the prompt by Anonymous/u }).click();
    await writer.page.waitForURL(/#prompt-\d+$/u);
    expect(await writer.page.locator("ul.claims").innerText()).toContain("Claimed by Frost_Writer");
    await postWork(writer, { title: "Windfalls", fandom: "Orchard Year", text: "By morning the grass was white and the apples lay in it like lanterns gone out." });
    await writer.open("/collections/Frost_Meme/challenge");
    await writer.page.getByLabel("Fill this claim with").selectOption({ label: "Windfalls" });
    await writer.press("Fill the claim");
    expect(await writer.page.locator("ul.claims").innerText()).toContain("Claimed by Frost_Writer; filled by Windfalls");
    await writer.audit();
    expect(await writer.page.getByRole("link", { name: "Windfalls" }).getAttribute("href")).toMatch(/^\/works\/\d+$/u);
  });
});

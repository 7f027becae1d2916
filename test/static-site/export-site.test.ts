/**
 * `exportSite` over a library with public, restricted, draft and hidden works, adult ones among them, on both
 * engines: every public work has its pages, every link of the site resolves, nothing of a non-public work appears
 * in any file (the search index included), the search index holds the public works with their filters, and the
 * same library gives the same files.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { EXPORT_FORMATS, exportFileName } from "../../src/formats/export/file-name.js";
import { muteTag } from "../../src/services/mute-tags.js";
import { SiteFolderError } from "../../src/services/static-site/site-folder.js";
import { makeTagCanonical } from "../../src/services/tags/make-canonical.js";
import { mergeTag } from "../../src/services/tags/merge-tag.js";
import { exportSite, type SiteDeps, type SiteProgress } from "../../src/web/static-site/export-site.js";
import type { SearchIndexFile } from "../../src/web/static-site/search-documents.js";
import { archiveDownloads } from "../../src/web/static-site/site-downloads.js";
import { sitePaths } from "../../src/web/static-site/site-paths.js";
import { loadAssets } from "../../src/web/assets.js";
import { makeAccount } from "../support/accounts.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";
import { postWork } from "../support/posted-works.js";
import { brokenLinks, siteFiles } from "../support/static-site-files.js";
import { storeWebWorks, WEB_WORKS, type WebWorkKey } from "../support/web-library.js";

/** Posted works, each with a title, a fandom and a tag no other work has. */
const POSTED = {
  open: { title: "Quillwort Open", fandom: "Quillwort Open Fandom", tag: "Quillwort Open Tag", visibility: "public", hidden: false },
  draft: { title: "Quillwort Draft", fandom: "Quillwort Draft Fandom", tag: "Quillwort Draft Tag", visibility: "draft", hidden: false },
  restricted: { title: "Quillwort Members", fandom: "Quillwort Members Fandom", tag: "Quillwort Members Tag", visibility: "restricted", hidden: false },
  hidden: { title: "Quillwort Hidden", fandom: "Quillwort Hidden Fandom", tag: "Quillwort Hidden Tag", visibility: "public", hidden: true },
  // Public, but with a tag the library muted: no reader sees it, so neither does the copy.
  muted: { title: "Quillwort Muted", fandom: "Quillwort Muted Fandom", tag: "Quillwort Muted Tag", visibility: "public", hidden: false },
} as const;
type Posted = keyof typeof POSTED;
const UNSEEN: readonly Posted[] = ["draft", "restricted", "hidden", "muted"];
const ADULT: readonly WebWorkKey[] = ["lanterns", "tide"];

const outFolder = () => join(mkdtempSync(join(tmpdir(), "quire-site-")), "site");

for (const engine of TEST_ENGINES) if (engine.unavailable) console.warn(`skipped on ${engine.name}: ${engine.unavailable}`);

describe.each(TEST_ENGINES)("the static site on $name", (engine) => {
  let quire: Quire;
  let deps: SiteDeps;
  let imported: Record<WebWorkKey, number>;
  const posted = {} as Record<Posted, number>;
  let out: string;
  let files: string[];
  const progress: SiteProgress[] = [];

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
    imported = await storeWebWorks(quire);
    const creator = await makeAccount(quire.library.db, "Quill_Keeper", "author");
    for (const key of Object.keys(POSTED) as Posted[]) {
      const { title, fandom, tag, visibility, hidden } = POSTED[key];
      posted[key] = await postWork(quire, creator, {
        title, fandoms: ["Moonlit Harbour (TV)", fandom], rating: "General Audiences", freeforms: [tag], summary: `The ${title} summary.`,
        chapters: [`The first part of ${title}.`, `The second part of ${title}.`],
        // Each shares a series with the public one, which is part 2 of it.
        series: [{ name: "Quillwort Series", part: key === "open" ? 2 : 1 }],
      }, { visibility, hiddenByModerator: hidden });
    }
    await muteTag(quire.library.db, { name: POSTED.muted.tag, type: null });
    // Angst becomes a synonym of Fluff: its page says so, and Fluff's lists the works of both.
    await makeTagCanonical(quire.library, { name: "Fluff", type: "Freeform" });
    await mergeTag(quire.library, { name: "Angst", type: "Freeform" }, { name: "Fluff", type: "Freeform" });
    const { db } = quire.library;
    deps = { db, searchIndex: quire.searchIndex, assets: loadAssets(), downloads: archiveDownloads(db, { origin: "https://archive.example", archiveName: "Quire" }) };
    out = outFolder();
    await exportSite(deps, out, { onProgress: (p) => progress.push(p) });
    files = siteFiles(out);
  });

  const read = (path: string) => readFileSync(join(out, path), "utf8");
  const publicIds = () => [...Object.values(imported), posted.open];

  it("has a page for every public work, its downloads beside it, and every chapter on it", () => {
    for (const id of publicIds()) expect(files, `work ${id}`).toContain(sitePaths.work(id));
    const orchard = read(sitePaths.work(imported.orchard));
    expect(orchard).toContain(WEB_WORKS.orchard.chapters[0]?.text);
    for (const format of EXPORT_FORMATS) expect(orchard).toContain(`href="../downloads/${imported.orchard}/${exportFileName("A Ladder in the Orchard", format)}"`);
    const text = read(sitePaths.download(imported.orchard, "A_Ladder_in_the_Orchard.txt"));
    expect(text).toContain("Tobias carried the ladder");
    expect(text).toContain(`https://archive.example/works/${imported.orchard}`);
    expect(readFileSync(join(out, sitePaths.download(imported.orchard, "A_Ladder_in_the_Orchard.epub"))).subarray(0, 2).toString()).toBe("PK");
    // A series as one book, of the works the site holds.
    const series = files.filter((f) => f.startsWith("downloads/series/") && f.endsWith("/Quillwort_Series.txt"));
    expect(series).toHaveLength(1);
    expect(read(series[0] ?? "")).toContain("The second part of Quillwort Open.");
    const open = read(sitePaths.work(posted.open));
    expect(open).toContain("The second part of Quillwort Open.");
    expect(open).toContain(`href="#chapter-2"`);
  });

  it("puts adult works behind the interstitial, whose link leads to the text", () => {
    for (const key of ADULT) {
      const gate = read(sitePaths.work(imported[key]));
      expect(gate).toContain("This work could have adult content");
      expect(gate).toContain(`href="${imported[key]}-text.html"`);
      for (const c of WEB_WORKS[key].chapters) expect(gate).not.toContain(c.text);
      const text = read(sitePaths.adultWorkText(imported[key]));
      for (const c of WEB_WORKS[key].chapters) expect(text).toContain(c.text);
    }
    expect(files).not.toContain(sitePaths.adultWorkText(imported.orchard));
  });

  it("has tag, author, series, fandom, stats, home and search pages, and every link resolves", () => {
    expect(brokenLinks(out)).toEqual([]);
    for (const path of [sitePaths.home, sitePaths.fandoms, sitePaths.stats, sitePaths.search, sitePaths.works(1), sitePaths.tag("Moonlit Harbour (TV)"), sitePaths.tag("Mara Quell/Ilse Brand"), sitePaths.author("Wren Tallow"), sitePaths.author("Quill_Keeper")]) {
      expect(files, path).toContain(path);
    }
    // The four imported works in the fandom and the public posted one; counted as a guest counts.
    expect(read(sitePaths.tag("Moonlit Harbour (TV)"))).toContain("5 works");
    expect(read(sitePaths.home)).toContain(`${publicIds().length} works in 3 fandoms.`);
    const series = files.filter((f) => f.startsWith("series/")).map(read);
    expect(series.some((html) => html.includes("Quillwort Series") && html.includes("Quillwort Open"))).toBe(true);
    // The pages have nothing that would need a server: no form, no feed.
    for (const page of files.filter((f) => f.endsWith(".html") && !f.startsWith("downloads/"))) {
      if (page !== sitePaths.search) expect(read(page), page).not.toContain("<form");
      expect(read(page), page).not.toMatch(/Atom|application\/atom\+xml/u);
    }
  });

  it("links a synonym's page to its canonical tag's, whose page lists the works of both", () => {
    const angst = read(sitePaths.tag("Angst"));
    expect(angst).toMatch(new RegExp(`is a synonym of <a href="../${sitePaths.tag("Fluff").slice("tags/".length)}">Fluff</a>`, "u"));
    const fluff = read(sitePaths.tag("Fluff"));
    for (const key of ["orchard", "crossing", "tide", "uhr"] as const) expect(fluff).toContain(`>${WEB_WORKS[key].title}</a>`);
    expect(fluff).not.toContain(`>${WEB_WORKS.lanterns.title}</a>`);
    const index: SearchIndexFile = JSON.parse(read(sitePaths.searchIndex));
    expect(index.works.find((w) => w.id === imported.uhr)?.tags).toEqual(expect.arrayContaining(["Angst", "Fluff"]));
  });

  it("links a work to its series neighbours on the site, and shows no arrow for a part the site leaves out", () => {
    expect(read(sitePaths.work(imported.crossing))).toContain(`<a href="${imported.tide}.html" aria-label="Previous work in Harbour Letters: Low Tide Letters">←</a>`);
    // Part 1 of its series, before it, is the muted work, which a guest may open on the archive but the site leaves out.
    expect(read(sitePaths.work(posted.open))).not.toMatch(/<a>[←→]<\/a>/u);
  });

  it("holds nothing of a draft, a restricted, a hidden or a muted work, in any file", () => {
    const everything = files.map((f) => read(f)).join("\n");
    for (const key of UNSEEN) {
      for (const word of [POSTED[key].title, POSTED[key].fandom, POSTED[key].tag, `${POSTED[key].title} summary`]) expect(everything, `${key}: ${word}`).not.toContain(word);
      const id = posted[key];
      expect(files.filter((f) => f === sitePaths.work(id) || f === sitePaths.adultWorkText(id) || f.startsWith(`downloads/${id}/`))).toEqual([]);
      const index: SearchIndexFile = JSON.parse(read(sitePaths.searchIndex));
      expect(index.works.map((w) => w.id)).not.toContain(id);
    }
  });

  it("indexes every public work with what the search filters by", () => {
    const index: SearchIndexFile = JSON.parse(read(sitePaths.searchIndex));
    expect(index.works.map((w) => w.id).sort((a, b) => a - b)).toEqual(publicIds().sort((a, b) => a - b));
    const lanterns = index.works.find((w) => w.id === imported.lanterns);
    expect(lanterns).toMatchObject({ title: "Three Lanterns", rating: "Explicit", language: "en", status: "complete", chapters: "3/3", url: sitePaths.work(imported.lanterns) });
    expect(lanterns?.words).toBe(WEB_WORKS.lanterns.wordCount);
    expect(lanterns?.tags).toEqual(expect.arrayContaining(["Explicit", "No Archive Warnings Apply", "F/F", "Moonlit Harbour (TV)", "Mara Quell/Ilse Brand", "Slow Burn"]));
    expect(lanterns?.authors).toEqual([["Wren Tallow", sitePaths.author("Wren Tallow")]]);
    expect(index.works.find((w) => w.id === imported.uhr)).toMatchObject({ language: "de", languageName: "German" });
    expect(index.works.find((w) => w.id === imported.tide)).toMatchObject({ status: "in-progress", warnings: ["Major Character Death"] });
  });

  it("reports its progress, and gives the same files for the same library", async () => {
    expect(progress[0]).toEqual({ phase: "reading" });
    const last = progress.at(-1);
    expect(last?.phase === "writing" && last.done === last.total).toBe(true);
    const again = outFolder();
    await exportSite(deps, again);
    expect(siteFiles(again)).toEqual(files);
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
  });

  it("replaces its own earlier export, where a work hidden since is gone, and refuses a folder it did not make", async () => {
    const folder = outFolder();
    await exportSite(deps, folder);
    const { db } = quire.library;
    const hide = (hidden: 0 | 1) => db.updateTable("works").set({ hidden_by_moderator: hidden }).where("id", "=", imported.orchard).execute();
    await hide(1);
    try {
      await exportSite(deps, folder);
    } finally {
      await hide(0);
    }
    expect(existsSync(join(folder, sitePaths.work(imported.orchard)))).toBe(false);
    expect(existsSync(join(folder, `downloads/${imported.orchard}`))).toBe(false);
    expect(siteFiles(folder).map((f) => readFileSync(join(folder, f), "utf8")).join("\n")).not.toContain(WEB_WORKS.orchard.title);
    expect(brokenLinks(folder)).toEqual([]);
    await expect(exportSite(deps, join(import.meta.dirname))).rejects.toBeInstanceOf(SiteFolderError);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSiteFolder, SITE_MARKER, SiteFolderError } from "./site-folder.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "quire-site-folder-"));

async function exportFiles(out: string, files: Record<string, string>): Promise<string[]> {
  const folder = await openSiteFolder(out);
  for (const [path, body] of Object.entries(files)) await folder.write(path, body);
  return folder.commit();
}

describe("openSiteFolder", () => {
  it("writes into a folder that does not exist yet, with a marker listing the files", async () => {
    const out = join(freshDir(), "site");
    expect(await exportFiles(out, { "index.html": "home", "works/1.html": "one" })).toEqual(["index.html", "works/1.html"]);
    expect(readFileSync(join(out, "works/1.html"), "utf8")).toBe("one");
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8")).files).toEqual(["index.html", "works/1.html"]);
    expect(readdirSync(out).sort()).toEqual([SITE_MARKER, "index.html", "works"]);
  });

  it("refuses a folder with files of its own, and touches nothing in it", async () => {
    const out = freshDir();
    writeFileSync(join(out, "thesis.odt"), "mine");
    await expect(openSiteFolder(out)).rejects.toBeInstanceOf(SiteFolderError);
    expect(readdirSync(out)).toEqual(["thesis.odt"]);
  });

  it("replaces a previous export's files, keeping what the user added beside them", async () => {
    const out = freshDir();
    await exportFiles(out, { "index.html": "old home", "works/1.html": "one", "works/2.html": "two", "tags/a/index.html": "a" });
    writeFileSync(join(out, "CNAME"), "archive.example.org");
    writeFileSync(join(out, "works", "notes.txt"), "mine");
    await exportFiles(out, { "index.html": "new home", "works/2.html": "two again" });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new home");
    expect(existsSync(join(out, "works/1.html"))).toBe(false);
    expect(existsSync(join(out, "tags"))).toBe(false);
    expect(readFileSync(join(out, "CNAME"), "utf8")).toBe("archive.example.org");
    expect(readFileSync(join(out, "works/notes.txt"), "utf8")).toBe("mine");
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8")).files).toEqual(["index.html", "works/2.html"]);
  });

  it("leaves the previous export whole when the new one is abandoned, and clears a staging folder left behind", async () => {
    const out = freshDir();
    await exportFiles(out, { "index.html": "old home" });
    const failed = await openSiteFolder(out);
    await failed.write("index.html", "half");
    await failed.abandon();
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("old home");
    const stopped = await openSiteFolder(out);
    await stopped.write("works/9.html", "never moved");
    // The process stops here; the next export starts over.
    await exportFiles(out, { "index.html": "new home" });
    expect(readdirSync(out).sort()).toEqual([SITE_MARKER, "index.html"]);
  });

  it("clears the staging folder of a first export that stopped halfway, but not a folder of that name it did not make", async () => {
    const out = freshDir();
    const stopped = await openSiteFolder(out);
    await stopped.write("works/9.html", "never moved");
    // The process stops here; the next export starts over.
    expect(await exportFiles(out, { "index.html": "home" })).toEqual(["index.html"]);
    expect(readdirSync(out).sort()).toEqual([SITE_MARKER, "index.html"]);

    const abandoned = freshDir();
    await (await openSiteFolder(abandoned)).abandon();
    expect(readdirSync(abandoned)).toEqual([]);

    const theirs = freshDir();
    mkdirSync(join(theirs, ".quire-site-staging"));
    writeFileSync(join(theirs, ".quire-site-staging", "draft.txt"), "mine");
    await expect(openSiteFolder(theirs)).rejects.toBeInstanceOf(SiteFolderError);
    expect(readFileSync(join(theirs, ".quire-site-staging", "draft.txt"), "utf8")).toBe("mine");
  });

  it("refuses paths that leave the site", async () => {
    const folder = await openSiteFolder(join(freshDir(), "site"));
    for (const path of ["../escape.html", "/etc/x", "a/../../b", "a//b"]) await expect(folder.write(path, "x")).rejects.toThrow(/not a path inside the site/u);
    await folder.abandon();
  });

  it("takes an empty folder as new, but not one holding even an empty folder", async () => {
    const out = freshDir();
    mkdirSync(join(out, "empty-sub"));
    await expect(openSiteFolder(out)).rejects.toBeInstanceOf(SiteFolderError);
    const empty = freshDir();
    expect(await exportFiles(empty, { "index.html": "home" })).toEqual(["index.html"]);
  });
});

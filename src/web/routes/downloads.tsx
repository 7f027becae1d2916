/**
 * Downloads (web/download-paths.ts makes their addresses): a work in any export format, a series as one book, a
 * search's results as a zip, and a work's generated cover. Each is read through the same gate as the pages, so a
 * guest gets a sign-in page for a restricted work and a 404 for a draft or hidden one. Adult works need no second
 * gate: the download links sit on the work page, behind its interstitial.
 */
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { coverSvg } from "../../formats/export/cover.js";
import { exportFileName, isExportFormat, type ExportFormat } from "../../formats/export/file-name.js";
import { exportContentType, writeExport } from "../../formats/export/write-export.js";
import { readWorkPreface } from "../../services/archive/read-work.js";
import { ARCHIVE_NAME, exportedPreface, exportReadWork, exportSeries, type ExportSite } from "../../services/export/export-works.js";
import { bundleWorks, MAX_BUNDLE_WORKS } from "../../services/export/search-bundle.js";
import { createRateLimiter } from "../../services/rate-limit.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { readListingRequest } from "../listing-request.js";
import { clientAddress, parseId, siteOrigin } from "../request.js";

/**
 * Search bundles one account, or one guest address, may ask for a minute: each writes up to MAX_BUNDLE_WORKS
 * books, so without a limit a few requests a second from anyone would keep the server's cores busy.
 */
export const SEARCH_BUNDLES_PER_MINUTE = 10;

/** Raise when the writers change what they write, so that browsers fetch a download again. */
const WRITERS_VERSION = "1";

/** The format a download's file name asks for, by its extension. @throws NotFoundError for any other. */
function formatOf(fileName: string): ExportFormat {
  const extension = /\.([a-z]+)$/u.exec(fileName)?.[1] ?? "";
  if (!isExportFormat(extension)) throw new NotFoundError(`A download named ${fileName}`);
  return extension;
}

function siteOf(c: Context<WebEnv>): ExportSite {
  return { origin: siteOrigin(c), archiveName: ARCHIVE_NAME };
}

/** The file as an attachment under its ASCII name (export file names are ASCII already). */
function sendFile(c: Context<WebEnv>, body: Buffer, fileName: string, mediaType: string) {
  c.header("Content-Type", mediaType);
  c.header("Content-Disposition", `attachment; filename="${fileName}"`);
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(new Uint8Array(body));
}

export function downloadRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const bundles = createRateLimiter({ max: SEARCH_BUNDLES_PER_MINUTE, windowMs: 60_000 }, "Too many downloads of search results: wait a minute and try again.");

  app.get("/downloads/:workId{[0-9]+}/:fileName", async (c) => {
    const format = formatOf(c.req.param("fileName"));
    const preface = await readWorkPreface(deps.db, parseId(c.req.param("workId"), "Work"), c.get("page").viewer);
    const site = siteOf(c);
    // The file changes only when what it states does (or the writers, or the address it names), so a revalidation
    // that matches costs the gate alone. The preface is part of the tag beside the change time, because a tag
    // renamed by wrangling or a series renamed changes the book without changing the work.
    const stated = [WRITERS_VERSION, format, exportedPreface(preface, site), preface.changedAt, preface.chapters];
    const tag = `"${createHash("sha1").update(JSON.stringify(stated)).digest("hex")}"`;
    c.header("ETag", tag);
    c.header("Last-Modified", new Date(preface.changedAt).toUTCString());
    if (c.req.header("If-None-Match")?.split(/\s*,\s*/u).includes(tag)) return c.body(null, 304);
    const work = await exportReadWork(deps.db, preface, site);
    return sendFile(c, await writeExport(work, format), exportFileName(work.title, format), exportContentType(format));
  });

  app.get("/downloads/series/:id{[0-9]+}/:fileName", async (c) => {
    const format = formatOf(c.req.param("fileName"));
    const book = await exportSeries(deps.db, parseId(c.req.param("id"), "Series"), c.get("page").viewer, siteOf(c));
    c.header("Last-Modified", new Date(book.changedAt).toUTCString());
    return sendFile(c, await writeExport(book, format), exportFileName(book.title, format), exportContentType(format));
  });

  // The search page's query string, and the format: this page of its results, as one zip.
  app.get("/downloads/search.zip", async (c) => {
    const format = c.req.query("format") ?? "epub";
    if (!isExportFormat(format)) throw new ValidationError({ format: `format must be epub, html, txt or md, not "${format}"` });
    const request = readListingRequest(c, deps.now());
    if (request.problems) throw new ValidationError(request.problems);
    const viewer = c.get("page").viewer;
    bundles.hit(viewer ? `account:${viewer.id}` : `address:${clientAddress(c)}`, deps.now().getTime());
    const result = await deps.search({ ...request.search, perPage: Math.min(request.search.perPage, MAX_BUNDLE_WORKS) });
    const zip = await bundleWorks(deps.db, result.works.map((w) => w.id), viewer, siteOf(c), format);
    if (!zip) throw new NotFoundError("A download of a search with no results");
    return sendFile(c, zip, `search-results-${format}.zip`, "application/zip");
  });

  app.get("/works/:id{[0-9]+}/cover.svg", async (c) => {
    const work = await readWorkPreface(deps.db, parseId(c.req.param("id"), "Work"), c.get("page").viewer);
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    c.header("Last-Modified", new Date(work.changedAt).toUTCString());
    return c.body(coverSvg({ title: work.title, authors: work.authors, fandoms: work.tags.Fandom }));
  });

  return app;
}

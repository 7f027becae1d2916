/**
 * The archive's own static files (stylesheet, script, icon), read once at start and served from memory under a
 * name with their content hash, so browsers keep them for a year and a new version is a new URL.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

export interface Asset {
  /** `/assets/quire.3f2a9c1b.css` */
  url: string;
  body: Buffer;
  contentType: string;
  etag: string;
}

export interface Assets {
  css: Asset;
  js: Asset;
  icon: Asset;
  byUrl: ReadonlyMap<string, Asset>;
}

const FILES = {
  css: ["quire.css", "text/css; charset=utf-8"],
  js: ["quire.js", "text/javascript; charset=utf-8"],
  icon: ["favicon.svg", "image/svg+xml"],
} as const;

/** A file served under its name with the hash of its content: `quire.css` → `/assets/quire.3f2a9c1b0e.css`. */
export function assetOf(file: string, body: Buffer, contentType: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  const dot = file.lastIndexOf(".");
  return { url: `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, body, contentType, etag: `"${hash}"` };
}

/** A file of src/web/static as an asset. */
export function loadStaticAsset(file: string, contentType: string): Asset {
  return assetOf(file, readFileSync(join(packageRoot(), "src", "web", "static", file)), contentType);
}

export function loadAssets(): Assets {
  const load = ([file, contentType]: readonly [string, string]): Asset => loadStaticAsset(file, contentType);
  const css = load(FILES.css);
  const js = load(FILES.js);
  const icon = load(FILES.icon);
  return { css, js, icon, byUrl: new Map([css, js, icon].map((a) => [a.url, a])) };
}

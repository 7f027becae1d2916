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

export function loadAssets(): Assets {
  const folder = join(packageRoot(), "src", "web", "static");
  const load = ([file, contentType]: readonly [string, string]): Asset => {
    const body = readFileSync(join(folder, file));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
    const dot = file.lastIndexOf(".");
    return { url: `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, body, contentType, etag: `"${hash}"` };
  };
  const css = load(FILES.css);
  const js = load(FILES.js);
  const icon = load(FILES.icon);
  return { css, js, icon, byUrl: new Map([css, js, icon].map((a) => [a.url, a])) };
}

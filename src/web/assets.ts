/**
 * The archive's own static files (stylesheet, script, icon), read once at start and served from memory under a
 * name with their content hash, so browsers keep them for a year and a new version is a new URL.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

/** The static folder in the source tree, found from this module whether it runs from src/ or from dist/src/. */
function staticFolder(): string {
  // The folder itself is looked for, not package.json: the build copies package.json into dist/ (a module imports
  // it), and dist/ has no static files.
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "src", "web", "static", FILES.css[0]))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error("Quire's package folder (with src/web/static) was not found");
    folder = parent;
  }
  return join(folder, "src", "web", "static");
}

/** A file served under its name with the hash of its content: `quire.css` → `/assets/quire.3f2a9c1b0e.css`. */
export function assetOf(file: string, body: Buffer, contentType: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  const dot = file.lastIndexOf(".");
  return { url: `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, body, contentType, etag: `"${hash}"` };
}

/** A file of src/web/static as an asset. */
export function loadStaticAsset(file: string, contentType: string): Asset {
  return assetOf(file, readFileSync(join(staticFolder(), file)), contentType);
}

export function loadAssets(): Assets {
  const load = ([file, contentType]: readonly [string, string]): Asset => loadStaticAsset(file, contentType);
  const css = load(FILES.css);
  const js = load(FILES.js);
  const icon = load(FILES.icon);
  return { css, js, icon, byUrl: new Map([css, js, icon].map((a) => [a.url, a])) };
}

/**
 * Quire's package folder (the one with package.json), found from this module whether it runs from src/ or from
 * dist/src/: the static files and the version are read from there at run time, so the build never copies them.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error("Quire's package folder (with package.json) was not found");
    folder = parent;
  }
  return folder;
}

/** The version package.json gives. */
export function packageVersion(): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"))).version;
}
